//! Reads a rule pack's JSON value into the raw structs, and says where the first value of the
//! wrong shape is.
//!
//! The result is the one serde's derived `Deserialize` of [`RawRulePack`] gives read through
//! `serde_path_to_error`, which this module replaced: the same values are accepted (a struct
//! may also be given as an array of its fields, in order), the same first error is reported
//! (an object's keys are read in the map's sorted order, then missing fields are named in
//! declaration order) with serde's own message, and at the same path. The derive stays on the
//! raw structs as the reference: a test compares the two over mutated packs. Written out by
//! hand it is a few kilobytes of wasm; the generic path-tracking visitors were about 25 KB.

use serde_json::Value;

use super::{
    RawArea, RawDecision, RawDocument, RawIndicator, RawMethods, RawPeriod, RawPhase, RawPlanInfo, RawRamp,
    RawRulePack, RawSource, RawTrend,
};
use values::{boolean, count, fields, float, list, numbers, option, shape, string, text, year, Read, Shape};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod values;

/// Reads a rule pack's value into a [`RawRulePack`].
pub(crate) fn rule_pack(v: &Value) -> Read<RawRulePack> {
    const PACK: Shape = shape(
        "a rule pack object",
        &[
            ("$schema", true),
            ("formatVersion", false),
            ("plan", false),
            ("methods", true),
            ("areas", false),
            ("ramps", true),
            ("indicators", false),
            ("documents", true),
            ("phases", true),
        ],
    );
    let mut p = RawRulePack::default();
    fields(v, &PACK, &mut |i, x| {
        match i {
            0 => p.schema = option(x, string)?,
            1 => p.format_version = count(x)?,
            2 => p.plan = plan_info(x)?,
            3 => p.methods = option(x, methods)?,
            4 => p.areas = list(x, area)?,
            5 => p.ramps = list(x, ramp)?,
            6 => p.indicators = list(x, indicator)?,
            7 => p.documents = list(x, document)?,
            _ => p.phases = list(x, phase)?,
        }
        Ok(())
    })?;
    Ok(p)
}

fn plan_info(v: &Value) -> Read<RawPlanInfo> {
    const PLAN: Shape = shape(
        "an object with the plan's identity",
        &[
            ("id", false),
            ("version", false),
            ("issuer", false),
            ("decision", true),
            ("title", false),
            ("period", false),
            ("sample", true),
        ],
    );
    let mut p = RawPlanInfo::default();
    fields(v, &PLAN, &mut |i, x| {
        match i {
            0 => p.id = string(x)?,
            1 => p.version = string(x)?,
            2 => p.issuer = text(x)?,
            3 => p.decision = option(x, decision)?,
            4 => p.title = text(x)?,
            5 => p.period = period(x)?,
            _ => p.sample = boolean(x)?,
        }
        Ok(())
    })?;
    Ok(p)
}

fn decision(v: &Value) -> Read<RawDecision> {
    const DECISION: Shape = shape(
        "an object with `number` and `date`",
        &[("number", false), ("date", false)],
    );
    let mut d = RawDecision::default();
    fields(v, &DECISION, &mut |i, x| {
        match i {
            0 => d.number = string(x)?,
            _ => d.date = string(x)?,
        }
        Ok(())
    })?;
    Ok(d)
}

fn document(v: &Value) -> Read<RawDocument> {
    const DOCUMENT: Shape = shape(
        "a document object",
        &[
            ("id", false),
            ("name", false),
            ("date", false),
            ("title", true),
            ("note", true),
        ],
    );
    let mut d = RawDocument::default();
    fields(v, &DOCUMENT, &mut |i, x| {
        match i {
            0 => d.id = string(x)?,
            1 => d.name = text(x)?,
            2 => d.date = string(x)?,
            3 => d.title = option(x, text)?,
            _ => d.note = option(x, text)?,
        }
        Ok(())
    })?;
    Ok(d)
}

fn phase(v: &Value) -> Read<RawPhase> {
    const PHASE: Shape = shape(
        "a phase object",
        &[("id", false), ("from", false), ("to", false), ("title", true)],
    );
    let mut p = RawPhase::default();
    fields(v, &PHASE, &mut |i, x| {
        match i {
            0 => p.id = string(x)?,
            1 => p.from = year(x)?,
            2 => p.to = year(x)?,
            _ => p.title = option(x, text)?,
        }
        Ok(())
    })?;
    Ok(p)
}

fn source(v: &Value) -> Read<RawSource> {
    const SOURCE: Shape = shape(
        "a source object",
        &[
            ("document", false),
            ("part", true),
            ("kind", false),
            ("quoted", false),
            ("documentName", true),
        ],
    );
    let mut s = RawSource::default();
    fields(v, &SOURCE, &mut |i, x| {
        match i {
            0 => s.document = string(x)?,
            1 => s.part = option(x, text)?,
            2 => s.kind = string(x)?,
            3 => s.quoted = string(x)?,
            // What `plan()` adds for readers (copied from `documents`): read back, checked as
            // text, and then ignored, so a pack `plan()` gave is accepted as it is.
            _ => drop(text(x)?),
        }
        Ok(())
    })?;
    Ok(s)
}

fn period(v: &Value) -> Read<RawPeriod> {
    const PERIOD: Shape = shape(
        "an object with `from` and `to` years",
        &[("from", false), ("to", false)],
    );
    let mut p = RawPeriod::default();
    fields(v, &PERIOD, &mut |i, x| {
        match i {
            0 => p.from = year(x)?,
            _ => p.to = year(x)?,
        }
        Ok(())
    })?;
    Ok(p)
}

fn methods(v: &Value) -> Read<RawMethods> {
    const METHODS: Shape = shape(
        "an object with the status method's parameters",
        &[("trend", true), ("staleAfterMonths", true)],
    );
    let mut m = RawMethods::default();
    fields(v, &METHODS, &mut |i, x| {
        match i {
            0 => m.trend = option(x, trend)?,
            _ => m.stale_after_months = option(x, count)?,
        }
        Ok(())
    })?;
    Ok(m)
}

fn trend(v: &Value) -> Read<RawTrend> {
    const TREND: Shape = shape(
        "an object with the trend method's thresholds",
        &[
            ("method", false),
            ("onTrack", false),
            ("needsAcceleration", false),
            ("limitedProgress", false),
        ],
    );
    let mut t = RawTrend::default();
    fields(v, &TREND, &mut |i, x| {
        match i {
            0 => t.method = string(x)?,
            1 => t.on_track = float(x)?,
            2 => t.needs_acceleration = float(x)?,
            _ => t.limited_progress = float(x)?,
        }
        Ok(())
    })?;
    Ok(t)
}

fn area(v: &Value) -> Read<RawArea> {
    const AREA: Shape = shape(
        "a reform area object",
        &[("id", false), ("clause", true), ("title", false)],
    );
    let mut a = RawArea::default();
    fields(v, &AREA, &mut |i, x| {
        match i {
            0 => a.id = string(x)?,
            1 => a.clause = option(x, string)?,
            _ => a.title = text(x)?,
        }
        Ok(())
    })?;
    Ok(a)
}

fn ramp(v: &Value) -> Read<RawRamp> {
    const RAMP: Shape = shape(
        "a ramp object",
        &[
            ("id", false),
            ("clause", false),
            ("title", false),
            ("quote", true),
            ("firstYear", false),
            ("lastYear", false),
            ("firstFloors", false),
            ("step", false),
            ("relativeFactor", false),
            ("cap", false),
            ("defaultReading", true),
            ("afterLastYear", false),
        ],
    );
    let mut r = RawRamp::default();
    fields(v, &RAMP, &mut |i, x| {
        match i {
            0 => r.id = string(x)?,
            1 => r.clause = string(x)?,
            2 => r.title = text(x)?,
            3 => r.quote = option(x, string)?,
            4 => r.first_year = year(x)?,
            5 => r.last_year = year(x)?,
            6 => r.first_floors = numbers(x)?,
            7 => r.step = float(x)?,
            8 => r.relative_factor = float(x)?,
            9 => r.cap = float(x)?,
            10 => r.default_reading = option(x, string)?,
            _ => r.after_last_year = string(x)?,
        }
        Ok(())
    })?;
    Ok(r)
}

fn indicator(v: &Value) -> Read<RawIndicator> {
    const INDICATOR: Shape = shape(
        "an indicator object",
        &[
            ("id", false),
            ("area", false),
            ("clause", true),
            ("title", false),
            ("measure", false),
            ("direction", false),
            ("comparator", false),
            ("target", true),
            ("levelTargets", true),
            ("levels", false),
            ("aggregation", false),
            ("deadline", true),
            ("parent", true),
            ("denominatorFrom", true),
            ("baselineYear", true),
            ("ramp", true),
            ("rankOutOf", true),
            ("counted", true),
            ("note", true),
            ("phase", true),
            ("scope", true),
            ("source", true),
        ],
    );
    let mut n = RawIndicator::default();
    fields(v, &INDICATOR, &mut |i, x| {
        match i {
            0 => n.id = string(x)?,
            1 => n.area = string(x)?,
            2 => n.clause = option(x, string)?,
            3 => n.title = text(x)?,
            4 => n.measure = string(x)?,
            5 => n.direction = string(x)?,
            6 => n.comparator = string(x)?,
            7 => n.target = option(x, float)?,
            8 => n.level_targets = numbers(x)?,
            9 => n.levels = list(x, string)?,
            10 => n.aggregation = string(x)?,
            11 => n.deadline = option(x, year)?,
            12 => n.parent = option(x, string)?,
            13 => n.denominator_from = option(x, string)?,
            14 => n.baseline_year = option(x, year)?,
            15 => n.ramp = option(x, string)?,
            16 => n.rank_out_of = option(x, count)?,
            17 => n.counted = option(x, text)?,
            18 => n.note = option(x, text)?,
            19 => n.phase = option(x, string)?,
            20 => n.scope = option(x, text)?,
            _ => n.source = option(x, source)?,
        }
        Ok(())
    })?;
    Ok(n)
}
