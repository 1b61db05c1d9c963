//! The top of a rule pack: its format, the plan's identity and period, the status methods'
//! parameters, and the reform areas.

use std::collections::BTreeSet;

use super::problems::{self, BadPeriod, Format, Missing};
use super::{duplicate, is_iso_date, Collector};
use crate::plan::{Area, Methods, Period, RawArea, RawMethods, RawRulePack, TrendParams, LATEST_FORMAT_VERSION};

/// Whether the pack's format is one this engine reads the rest of; a newer one leaves its one
/// error alone (the problems found before it are dropped: they were judged by older rules).
pub(super) fn format_read(c: &mut Collector, format: u32) -> bool {
    if format > LATEST_FORMAT_VERSION {
        c.errors.clear();
        c.report(
            "$.formatVersion".into(),
            problems::unsupported_format(Format::Newer {
                format,
                latest: LATEST_FORMAT_VERSION,
            }),
        );
        return false;
    } else if format != 1 && format != 2 {
        c.report(
            "$.formatVersion".into(),
            problems::unsupported_format(Format::Unsupported(format)),
        );
    }
    true
}

/// The plan's id, its decision and its period; the period, and whether it is a valid one.
pub(super) fn identity(c: &mut Collector, raw: &RawRulePack) -> (Period, bool) {
    let p = &raw.plan;
    c.id("$.plan.id".into(), &p.id);
    match &p.decision {
        Some(d) if !is_iso_date(&d.date) => c.report("$.plan.decision.date".into(), problems::bad_date(&d.date)),
        Some(_) => {}
        None if c.format < 2 || raw.documents.is_empty() => {
            c.report("$.plan.decision".into(), problems::missing_field(Missing::PlanDecision))
        }
        None => {}
    }
    let period = Period {
        from: p.period.from,
        to: p.period.to,
    };
    let period_ok = period.from <= period.to && period.from >= 1900 && period.to <= 2200;
    if !period_ok {
        c.report(
            "$.plan.period".into(),
            problems::bad_period(BadPeriod::Plan {
                from: period.from,
                to: period.to,
            }),
        );
    }
    (period, period_ok)
}

/// The status methods' parameters, the defaults where the pack gives none.
pub(super) fn methods(c: &mut Collector, raw: Option<&RawMethods>) -> Methods {
    let mut methods = Methods {
        trend: TrendParams::default(),
        stale_after_months: 12,
    };
    let Some(m) = raw else { return methods };
    if let Some(months) = m.stale_after_months {
        methods.stale_after_months = months;
    }
    if let Some(t) = &m.trend {
        if t.method != "cagr_ratio" {
            c.unknown_value("$.methods.trend.method".into(), &t.method, &["cagr_ratio"]);
        }
        let all_finite = c.finite("$.methods.trend.onTrack".into(), t.on_track)
            & c.finite("$.methods.trend.needsAcceleration".into(), t.needs_acceleration)
            & c.finite("$.methods.trend.limitedProgress".into(), t.limited_progress);
        if all_finite && !(t.on_track > t.needs_acceleration && t.needs_acceleration > t.limited_progress) {
            c.report("$.methods.trend".into(), problems::bad_thresholds());
        }
        methods.trend.on_track = t.on_track;
        methods.trend.needs_acceleration = t.needs_acceleration;
        methods.trend.limited_progress = t.limited_progress;
    }
    methods
}

/// The reform areas, and their ids for the indicators to name.
pub(super) fn areas<'a>(c: &mut Collector, raw: &'a [RawArea]) -> (Vec<Area>, BTreeSet<&'a str>) {
    let mut area_ids = BTreeSet::new();
    let mut areas = Vec::with_capacity(raw.len());
    for (i, a) in raw.iter().enumerate() {
        let path = format!("$.areas[{i}]");
        c.id(format!("{path}.id"), &a.id);
        if !area_ids.insert(a.id.as_str()) {
            duplicate(c, format!("{path}.id"), &a.id);
        }
        if a.clause.is_none() && c.format < 2 {
            c.report(format!("{path}.clause"), problems::missing_field(Missing::AreaClause));
        }
        areas.push(Area {
            id: a.id.clone(),
            clause: a.clause.clone().unwrap_or_default(),
            title: a.title.clone(),
        });
    }
    (areas, area_ids)
}
