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

use std::collections::BTreeMap;

use serde::de::{Error as _, Unexpected};
use serde_json::{Error as SerdeError, Value};

use super::{
    RawArea, RawDecision, RawDocument, RawIndicator, RawMethods, RawPeriod, RawPhase, RawPlanInfo, RawRamp,
    RawRulePack, RawSource, RawTrend,
};
use crate::messages::Text;

/// A value that could not be read: serde's error, and the path from that value up to the root.
pub(crate) struct Failure {
    error: SerdeError,
    up: Vec<Segment>,
}

enum Segment {
    Key(String),
    Index(usize),
}

impl Failure {
    fn new(error: SerdeError) -> Self {
        Failure { error, up: Vec::new() }
    }

    fn at(mut self, segment: Segment) -> Self {
        self.up.push(segment);
        self
    }

    /// The JSON path of the value at fault: `$`, `$.indicators[3].target`.
    pub(crate) fn path(&self) -> String {
        // First as `serde_path_to_error` wrote it (`indicators[3].target`), so that keys of
        // any text give the same path as before.
        let mut s = String::new();
        for (i, segment) in self.up.iter().rev().enumerate() {
            match segment {
                Segment::Key(key) => {
                    if i > 0 {
                        s.push('.');
                    }
                    s.push_str(key);
                }
                Segment::Index(index) => {
                    s.push('[');
                    s.push_str(&index.to_string());
                    s.push(']');
                }
            }
        }
        json_path(&s)
    }

    /// serde's message, e.g. ``invalid type: string "ninety", expected f64``.
    pub(crate) fn detail(&self) -> String {
        self.error.to_string()
    }
}

/// A path as `serde_path_to_error` writes it (`indicators[3].target`, `.` for the root) as a
/// JSON path (`$.indicators[3].target`).
fn json_path(s: &str) -> String {
    // `?` was serde_path_to_error's segment for a key not read yet: the path ends at the object.
    let s = s.strip_suffix(".?").or_else(|| s.strip_suffix('?')).unwrap_or(s);
    if s == "." || s.is_empty() {
        "$".to_string()
    } else if s.starts_with('[') {
        format!("${s}")
    } else {
        format!("$.{s}")
    }
}

type Read<T> = Result<T, Failure>;

/// How serde names a JSON value in "invalid type: …" (`serde_json::Value`'s own rule).
fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn wrong_type(v: &Value, expected: &str) -> Failure {
    Failure::new(SerdeError::invalid_type(unexpected(v), &expected))
}

fn string(v: &Value) -> Read<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        _ => Err(wrong_type(v, "a string")),
    }
}

fn boolean(v: &Value) -> Read<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(wrong_type(v, "a boolean")),
    }
}

fn float(v: &Value) -> Read<f64> {
    match v {
        Value::Number(n) => n.as_f64().ok_or_else(|| wrong_type(v, "f64")),
        _ => Err(wrong_type(v, "f64")),
    }
}

/// A whole number of type `T` (`i32`, `u32`), with serde's errors for one out of range or
/// with a fraction.
fn whole<T: TryFrom<u64> + TryFrom<i64>>(v: &Value, expected: &str) -> Read<T> {
    let Value::Number(n) = v else {
        return Err(wrong_type(v, expected));
    };
    let (got, unexpected) = match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => (T::try_from(u).ok(), Unexpected::Unsigned(u)),
        (None, Some(i)) => (T::try_from(i).ok(), Unexpected::Signed(i)),
        (None, None) => return Err(wrong_type(v, expected)),
    };
    got.ok_or_else(|| Failure::new(SerdeError::invalid_value(unexpected, &expected)))
}

fn year(v: &Value) -> Read<i32> {
    whole(v, "i32")
}

fn count(v: &Value) -> Read<u32> {
    whole(v, "u32")
}

fn option<T>(v: &Value, read: impl FnOnce(&Value) -> Read<T>) -> Read<Option<T>> {
    match v {
        Value::Null => Ok(None),
        _ => read(v).map(Some),
    }
}

fn list<T>(v: &Value, read: impl Fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    let Value::Array(items) = v else {
        return Err(wrong_type(v, "a sequence"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(read(item).map_err(|f| f.at(Segment::Index(i)))?);
    }
    Ok(out)
}

fn numbers(v: &Value) -> Read<BTreeMap<String, f64>> {
    let Value::Object(map) = v else {
        return Err(wrong_type(v, "a map"));
    };
    let mut out = BTreeMap::new();
    for (key, x) in map {
        out.insert(key.clone(), float(x).map_err(|f| f.at(Segment::Key(key.clone())))?);
    }
    Ok(out)
}

/// A struct's fields as serde's derive reads them.
struct Shape {
    /// What an error says was expected (the struct's `expecting`).
    expecting: &'static str,
    /// The same, for a struct given as a too short array.
    expecting_fields: &'static str,
    /// JSON names in declaration order, each with whether it may be missing (`#[serde(default)]`).
    fields: &'static [(&'static str, bool)],
}

/// Reads a struct given as an object (known keys in the map's order, then the first missing
/// field in declaration order) or as an array of its fields in order; `field` reads the value
/// of field `i` (a `dyn`: one copy of this function serves every struct). Other values are of
/// the wrong type.
fn fields(v: &Value, shape: &Shape, field: &mut dyn FnMut(usize, &Value) -> Read<()>) -> Read<()> {
    match v {
        Value::Object(map) => {
            let mut seen = 0u64;
            for (key, x) in map {
                if let Some(i) = shape.fields.iter().position(|(name, _)| name == key) {
                    seen |= 1 << i;
                    field(i, x).map_err(|f| f.at(Segment::Key(key.clone())))?;
                }
            }
            for (i, (name, optional)) in shape.fields.iter().enumerate() {
                if !optional && seen & (1 << i) == 0 {
                    return Err(Failure::new(SerdeError::missing_field(name)));
                }
            }
            Ok(())
        }
        Value::Array(items) => {
            for (i, (_, optional)) in shape.fields.iter().enumerate() {
                match items.get(i) {
                    Some(x) => field(i, x).map_err(|f| f.at(Segment::Index(i)))?,
                    None if *optional => {}
                    None => return Err(Failure::new(SerdeError::invalid_length(i, &shape.expecting_fields))),
                }
            }
            if items.len() > shape.fields.len() {
                return Err(Failure::new(SerdeError::invalid_length(
                    items.len(),
                    &"fewer elements in array",
                )));
            }
            Ok(())
        }
        _ => Err(wrong_type(v, shape.expecting)),
    }
}

/// A shape whose `expecting` is set on the struct (`#[serde(expecting = "…")]`).
const fn shape(expecting: &'static str, fields: &'static [(&'static str, bool)]) -> Shape {
    Shape {
        expecting,
        expecting_fields: expecting,
        fields,
    }
}

const TEXT: Shape = Shape {
    expecting: "struct Text",
    expecting_fields: "struct Text with 2 elements",
    fields: &[("vi", false), ("en", false)],
};

fn text(v: &Value) -> Read<Text> {
    let mut t = Text::new("", "");
    fields(v, &TEXT, &mut |i, x| {
        match i {
            0 => t.vi = string(x)?,
            _ => t.en = string(x)?,
        }
        Ok(())
    })?;
    Ok(t)
}

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    // Tests may unwrap and index: a failing test should fail loudly.
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

    use proptest::prelude::*;
    use proptest::test_runner::Config;
    use serde_json::{json, Map};

    use super::*;
    use crate::plan::{CAN_THO_2026_2030_JSON, EMBEDDED_PLAN_JSON};

    /// What a reader gives: the raw pack (as its `Debug` text), or the path and serde's message.
    type Outcome = Result<String, (String, String)>;

    fn ours(v: &Value) -> Outcome {
        rule_pack(v)
            .map(|raw| format!("{raw:?}"))
            .map_err(|f| (f.path(), f.detail()))
    }

    /// The derived `Deserialize` read through `serde_path_to_error`, as the engine did before.
    fn reference(v: &Value) -> Outcome {
        serde_path_to_error::deserialize::<_, RawRulePack>(v.clone())
            .map(|raw| format!("{raw:?}"))
            .map_err(|e| (json_path(&e.path().to_string()), e.inner().to_string()))
    }

    fn packs() -> Vec<Value> {
        [
            EMBEDDED_PLAN_JSON,
            include_str!("../../tests/fixtures/packs/sample_province.json"),
            CAN_THO_2026_2030_JSON,
        ]
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect()
    }

    #[test]
    fn hand_picked_values_read_as_the_derive_reads_them() {
        let base = &packs()[0];
        let mut cases: Vec<Value> = vec![
            json!(null),
            json!(42),
            json!(-1.5),
            json!("pack"),
            json!([]),
            json!([1]),
            json!({}),
            base.clone(),
        ];
        let with = |pointer: &str, v: Value| {
            // Sets the key, present or not, of the object at the pointer's parent.
            let mut pack = base.clone();
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            match pack.pointer_mut(parent).unwrap() {
                Value::Object(map) => map.insert(key.to_string(), v),
                Value::Array(items) => Some(std::mem::replace(&mut items[key.parse::<usize>().unwrap()], v)),
                _ => panic!("{pointer} is inside a scalar"),
            };
            pack
        };
        let period_as_array = with("/plan/period", json!([2021, 2025]));
        let title_as_array = with("/plan/title", json!(["vi", "en"]));
        cases.extend([
            period_as_array,
            title_as_array,
            with("/plan/period", json!([2021])),
            with("/plan/period", json!([2021, 2025, 2030])),
            with("/plan/period", json!([2021, "2025"])),
            with("/plan/title", json!(["vi"])),
            with("/plan/title", json!({"vi": "a"})),
            with("/plan/period/from", json!(2021.5)),
            with("/plan/period/from", json!(-0.0)),
            with("/plan/period/from", json!(1e21)),
            with("/plan/period/from", json!(4_294_967_296u64)),
            with("/plan/period/from", json!(-2_147_483_649i64)),
            with("/plan/period/from", json!(u64::MAX)),
            with("/formatVersion", json!(-1)),
            with("/formatVersion", json!(i64::MIN)),
            with("/formatVersion", json!(1.0)),
            with("/formatVersion", json!(null)),
            with("/plan/sample", json!("yes")),
            with("/indicators/0/target", json!("ninety \"quoted\" \n tab\t ư")),
            with("/indicators/0/levelTargets", json!({"city": "x", "": 1, "?": true})),
            with("/indicators/0/levels", json!(["city", 3])),
            with("/indicators/0/note", json!(null)),
            with("/indicators/0/counted", json!([])),
            with("/indicators/3", json!(["id", "area"])),
            with("/areas", json!({})),
            with("/ramps", json!(null)),
            with("/methods", json!({"trend": null, "staleAfterMonths": 3.5})),
            with("/methods", json!([null])),
            with("/methods", json!([{"method": "m"}, 12, 1])),
        ]);
        for (i, v) in cases.iter().enumerate() {
            assert_eq!(ours(v), reference(v), "case {i}: {v}");
        }
        // The pack in hand is read whole.
        assert!(ours(base).is_ok());
    }

    // ---- mutated packs ----------------------------------------------------------------------

    /// Every node of `v` as a JSON pointer.
    fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, x) in map {
                    pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    pointers(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    /// Values to put in place of a node: every JSON type, numbers at the edges of the integer
    /// types, strings that need escaping, and arrays and objects that may read as structs.
    fn values() -> Vec<Value> {
        vec![
            json!(null),
            json!(true),
            json!(0),
            json!(1),
            json!(-1),
            json!(2021),
            json!(2.5),
            json!(-0.0),
            json!(1e300),
            json!(4_294_967_296u64),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(""),
            json!("city"),
            json!("a \"b\" \\ \n ư 😀"),
            json!([]),
            json!([2021, 2025]),
            json!(["vi", "en"]),
            json!(["a", "b", "c"]),
            json!([null, null]),
            json!([1, "x", null, {}]),
            json!({}),
            json!({"vi": "a", "en": "b"}),
            json!({"from": 2021, "to": "x"}),
            json!({"city": 1, "district": "2"}),
            json!({"method": "cagr_ratio", "onTrack": 1, "needsAcceleration": 0.5, "limitedProgress": 0}),
        ]
    }

    /// Keys to add: every field name of the format, and two unknown ones.
    const KEYS: &[&str] = &[
        "$schema",
        "formatVersion",
        "plan",
        "methods",
        "areas",
        "ramps",
        "indicators",
        "id",
        "version",
        "issuer",
        "decision",
        "title",
        "period",
        "sample",
        "number",
        "date",
        "from",
        "to",
        "trend",
        "staleAfterMonths",
        "method",
        "onTrack",
        "clause",
        "quote",
        "firstYear",
        "firstFloors",
        "step",
        "cap",
        "defaultReading",
        "afterLastYear",
        "target",
        "levelTargets",
        "levels",
        "deadline",
        "baselineYear",
        "rankOutOf",
        "counted",
        "note",
        "documents",
        "phases",
        "phase",
        "scope",
        "source",
        "document",
        "part",
        "kind",
        "quoted",
        "name",
        "vi",
        "en",
        "unknown",
        "?",
    ];

    #[derive(Debug, Clone)]
    enum Edit {
        /// Put a value in place of the node.
        Replace(usize),
        /// Remove the node from its object or array.
        Remove,
        /// Add a key to the node (an object), or push onto it (an array).
        Add(usize, usize),
        /// Turn an object into the array of its values, the first `n` only.
        ToArray(usize),
    }

    fn edit() -> impl Strategy<Value = (usize, Edit)> {
        let n_values = values().len();
        let edit = prop_oneof![
            3 => (0..n_values).prop_map(Edit::Replace),
            2 => Just(Edit::Remove),
            2 => (0..KEYS.len(), 0..n_values).prop_map(|(k, v)| Edit::Add(k, v)),
            1 => (0..25usize).prop_map(Edit::ToArray),
        ];
        (any::<usize>(), edit)
    }

    fn apply(pack: &mut Value, node: usize, edit: &Edit) {
        let mut all = Vec::new();
        pointers(pack, String::new(), &mut all);
        let at = &all[node % all.len()];
        match edit {
            Edit::Replace(v) => *pack.pointer_mut(at).unwrap() = values()[*v].clone(),
            Edit::Remove => {
                let Some((parent, last)) = at.rsplit_once('/') else {
                    return;
                };
                match pack.pointer_mut(parent).unwrap() {
                    Value::Object(map) => {
                        map.remove(&last.replace("~1", "/").replace("~0", "~"));
                    }
                    Value::Array(items) => {
                        items.remove(last.parse::<usize>().unwrap());
                    }
                    _ => {}
                }
            }
            Edit::Add(k, v) => match pack.pointer_mut(at).unwrap() {
                Value::Object(map) => {
                    map.insert(KEYS[*k].to_string(), values()[*v].clone());
                }
                Value::Array(items) => items.push(values()[*v].clone()),
                _ => {}
            },
            Edit::ToArray(n) => {
                let node = pack.pointer_mut(at).unwrap();
                if let Value::Object(map) = node {
                    let map = std::mem::replace(map, Map::new());
                    *node = Value::Array(map.into_iter().map(|(_, x)| x).take(*n).collect());
                }
            }
        }
    }

    proptest! {
        #![proptest_config(Config { cases: 2048, failure_persistence: None, ..Config::default() })]

        /// Packs with one to four edits anywhere read the same as with the derive: the same
        /// raw pack, or the same first error at the same path.
        #[test]
        fn mutated_packs_read_as_the_derive_reads_them(
            which in 0..3usize,
            edits in prop::collection::vec(edit(), 1..5),
        ) {
            let mut pack = packs().swap_remove(which);
            for (node, e) in &edits {
                apply(&mut pack, *node, e);
            }
            prop_assert_eq!(ours(&pack), reference(&pack));
        }
    }
}
