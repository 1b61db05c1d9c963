//! The evaluation input, read from a JSON value with every structural problem reported at
//! once (a portal fixes its export in one pass, not one error at a time).
//!
//! Structural problems (wrong types, unknown fields, a bad date or period, a broken unit
//! hierarchy, two kinds of value in one observation, size limits) are errors. Problems with
//! the figures themselves (a numerator above its denominator, a unit the plan does not know)
//! are not decided here: they become findings of the evaluation.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::period::{Date, Period, PeriodError, YEARS};
use crate::error::{Error, Errors};
use crate::messages::Locale;
use crate::plan::{Level, RampReading};
use crate::sort::sort_by;

// The limits turn what would exhaust the page's memory into a clear error. They are set so
// that the country-scale export of issue 7 (63 provinces, 11 025 units, 1.85 million
// observations: 98 MB as CSV, about 200 MB as JSON) passes with room to spare, and each is
// documented in the npm README.

/// At most this many observations in one input (2.7 times the country-scale export).
pub const MAX_OBSERVATIONS: usize = 5_000_000;
/// At most this many units in one input (9 times the 11 025 of the country).
pub const MAX_UNITS: usize = 100_000;
/// At most this many characters in any text of the input (a name, an id, a label).
pub const MAX_STRING_CHARS: usize = 10_000;
/// At most this many bytes of JSON or CSV text (`evaluateJson`, `evaluateCsv`): 256 MiB,
/// 2.7 times the country-scale CSV. Checked before parsing, which needs several times the
/// text's size.
pub const MAX_TEXT_BYTES: usize = 256 << 20;
/// Reading stops after this many errors: the first ones are enough to fix an export.
pub const MAX_ERRORS: usize = 1_000;
/// At most this many levels of nesting (objects and arrays) in an input, as JSON text (the
/// recursion limit of `serde_json`) or as a JavaScript object (checked before conversion, so
/// a deep or self-containing object cannot overflow the WebAssembly stack). A valid input is
/// 3 levels deep.
pub const MAX_DEPTH: usize = 128;

/// A validated evaluation input.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub as_of: Date,
    pub locale: Locale,
    /// Free text echoed into the report, e.g. "SAMPLE FIGURES – not official".
    pub label: Option<String>,
    pub options: Options,
    pub units: Vec<Unit>,
    pub observations: Vec<Observation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Options {
    /// `None`: each ramp's own default reading.
    pub ramp_reading: Option<RampReading>,
    pub trend_method: TrendMethod,
    /// Start every trend at this year instead of each series' first year with data.
    pub baseline_year: Option<i32>,
    /// Which words the report carries: see [`TextMode`].
    pub text: TextMode,
}

/// Which words the report carries besides its numbers and codes (`options.text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextMode {
    /// Every row's titles, counted items, shown value and explanation in Vietnamese and
    /// English: what a page with a language switch shows.
    #[default]
    Both,
    /// Numbers and codes only (each row keeps its `title` in the report's locale): for tables
    /// and exports at a province's or the country's scale, where the sentences are most of the
    /// report's weight and nobody reads 100 000 of them.
    None,
}

impl TextMode {
    pub fn code(self) -> &'static str {
        match self {
            TextMode::Both => "both",
            TextMode::None => "none",
        }
    }

    /// Whether the report carries the sentences.
    pub fn words(self) -> bool {
        self == TextMode::Both
    }
}

/// The trend methods the engine knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrendMethod {
    /// Ratio of the observed to the required compound annual growth rate (UN SDG progress
    /// chart, Open SDG, Statistics Canada).
    #[default]
    CagrRatio,
}

impl TrendMethod {
    pub fn code(self) -> &'static str {
        match self {
            TrendMethod::CagrRatio => "cagr_ratio",
        }
    }
}

/// A unit of the administrative hierarchy ("đơn vị hành chính"), valid from `valid_from` to
/// `valid_to` (years, both included). A merger is a new unit valid from the merger's year,
/// and the merged units end the year before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub level: Level,
    pub parent: Option<String>,
    pub valid_from: Option<i32>,
    pub valid_to: Option<i32>,
}

impl Unit {
    pub fn valid_in(&self, year: i32) -> bool {
        self.valid_from.map_or(true, |f| f <= year) && self.valid_to.map_or(true, |t| year <= t)
    }
}

/// One figure of one unit for one indicator and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Position in the caller's list (for CSV: the data row, 0-based).
    pub index: usize,
    pub indicator: String,
    pub unit: String,
    pub period: Period,
    pub reading: Reading,
    pub source: Option<String>,
}

/// The one kind of value an observation carries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// A percentage.
    Value(f64),
    /// Numerator and denominator; a nested indicator may leave the denominator to its parent.
    Fraction { numerator: f64, denominator: Option<f64> },
    /// A position in a national ranking.
    Rank(f64),
    /// A count, for reductions.
    Count(f64),
    /// A milestone: done or not, optionally with the share of steps finished (0–100).
    Done { done: bool, share: Option<f64> },
}

impl Reading {
    /// The input field that holds the value, for paths.
    pub fn field(&self) -> &'static str {
        match self {
            Reading::Value(_) => "value",
            Reading::Fraction { .. } => "numerator",
            Reading::Rank(_) => "rank",
            Reading::Count(_) => "count",
            Reading::Done { .. } => "done",
        }
    }
}

/// Reads an input from JSON text.
pub fn parse_input(text: &str) -> Result<Input, Errors> {
    check_text_size(text, "JSON")?;
    // A byte-order mark, as editors on Windows write it, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let top: TopLevel = serde_json::from_str(text).map_err(|e| {
        let at = format!("$ (line {}, column {})", e.line(), e.column());
        // serde_json stops at MAX_DEPTH levels, before the stack could run out.
        if e.to_string().starts_with("recursion limit exceeded") {
            return Errors::one(too_deep(at));
        }
        Errors::one(Error::new(
            "INPUT_INVALID_JSON",
            at,
            format!("dữ liệu đầu vào không phải JSON hợp lệ: {e}"),
            format!("the input is not valid JSON: {e}"),
        ))
    })?;
    match top {
        TopLevel::Object { fields, observations } => finish(|r| r.fields(&fields, Rows::Json(&observations))),
        TopLevel::Other(value) => read_input(&value),
    }
}

/// Refuses JSON or CSV text over [`MAX_TEXT_BYTES`].
pub(crate) fn check_text_size(text: &str, kind: &str) -> Result<(), Errors> {
    if text.len() <= MAX_TEXT_BYTES {
        return Ok(());
    }
    let mib = text.len() >> 20;
    let max = MAX_TEXT_BYTES >> 20;
    Err(Errors::one(Error::new(
        "INPUT_TOO_LARGE",
        "$",
        format!("văn bản {kind} dài {mib} MiB, vượt giới hạn {max} MiB; hãy chia nhỏ theo tỉnh hoặc theo năm"),
        format!("the {kind} text is {mib} MiB, above the limit of {max} MiB; split it by province or by year"),
    )))
}

/// The error for an input nested deeper than [`MAX_DEPTH`], as JSON text or as a JavaScript
/// object.
pub fn too_deep(path: String) -> Error {
    Error::new(
        "INPUT_TOO_DEEP",
        path,
        format!("dữ liệu đầu vào lồng nhau quá {MAX_DEPTH} cấp (hoặc tự tham chiếu đến chính nó)"),
        format!("the input is nested more than {MAX_DEPTH} levels deep (or contains itself)"),
    )
}

/// Reads an input from a JSON value (what JavaScript passes).
pub fn read_input(value: &Value) -> Result<Input, Errors> {
    finish(|r| r.input(value))
}

/// Reads an input whose observations are CSV rows, one row at a time: the rest of the input
/// (an object without `observations`) is read first, as [`read_input`] reads it, so that
/// errors come in the same order; the rows are never all held at once.
pub(crate) struct RowReader {
    r: Reader,
    top: TopParts,
    /// Errors before the first row.
    before: usize,
    observations: Vec<Observation>,
    rows: usize,
}

impl RowReader {
    pub(crate) fn new(rest: &Map<String, Value>) -> RowReader {
        let mut r = Reader { errors: Vec::new() };
        let top = r.top_parts(rest);
        let before = r.errors.len();
        RowReader {
            r,
            top,
            before,
            observations: Vec::new(),
            rows: 0,
        }
    }

    /// The next row; returns how many rows there are now.
    pub(crate) fn row(&mut self, row: &CsvRow<'_>) -> usize {
        let i = self.rows;
        self.rows = self.rows.saturating_add(1);
        if self.rows <= MAX_OBSERVATIONS {
            if self.r.full() {
                self.r.stopped();
            } else if let Some(o) = self.r.observation_fields(row, i, &ObservationPath(i)) {
                self.observations.push(o);
            }
        }
        self.rows
    }

    pub(crate) fn finish(mut self) -> Result<Input, Errors> {
        let observations = if self.rows > MAX_OBSERVATIONS {
            // Too many rows are refused before any is read.
            self.r.errors.truncate(self.before);
            self.r.too_many_observations(self.rows);
            None
        } else {
            (self.r.errors.len() == self.before).then_some(self.observations)
        };
        let input = self.top.input(observations);
        conclude(self.r, input)
    }
}

fn finish(read: impl FnOnce(&mut Reader) -> Option<Input>) -> Result<Input, Errors> {
    let mut r = Reader { errors: Vec::new() };
    let input = read(&mut r);
    conclude(r, input)
}

fn conclude(mut r: Reader, input: Option<Input>) -> Result<Input, Errors> {
    match input {
        Some(input) if r.errors.is_empty() => Ok(input),
        _ => {
            if r.errors.is_empty() {
                r.push(
                    "INPUT_INVALID",
                    "$".to_string(),
                    "dữ liệu đầu vào không hợp lệ".to_string(),
                    "the input is not valid".to_string(),
                );
            }
            Err(Errors(r.errors))
        }
    }
}

const TOP_FIELDS: &[&str] = &["asOf", "locale", "label", "options", "units", "observations"];
const OPTION_FIELDS: &[&str] = &["rampReading", "trendMethod", "baselineYear", "text"];
const UNIT_FIELDS: &[&str] = &["id", "name", "level", "parent", "validFrom", "validTo"];
pub(crate) const OBSERVATION_FIELDS: &[&str] = &[
    "indicator",
    "unit",
    "period",
    "value",
    "numerator",
    "denominator",
    "rank",
    "count",
    "done",
    "source",
];

/// JSON's own type names, never a Rust one.
fn type_name(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("giá trị đúng/sai", "true or false"),
        Value::Number(_) => ("số", "a number"),
        Value::String(_) => ("chuỗi", "a string"),
        Value::Array(_) => ("mảng", "an array"),
        Value::Object(_) => ("đối tượng", "an object"),
    }
}

/// A field of one object of the input, as the reader sees it: from a JSON value, or from a
/// CSV cell already read as text, number or done value.
#[derive(Clone, Copy)]
pub(crate) enum Field<'a> {
    Null,
    Bool(bool),
    Number(&'a Number),
    /// A number cell of a CSV row.
    Float(f64),
    Str(&'a str),
    /// An array or an object.
    Other(&'a Value),
}

impl<'a> Field<'a> {
    fn of(v: &'a Value) -> Field<'a> {
        match v {
            Value::Null => Field::Null,
            Value::Bool(b) => Field::Bool(*b),
            Value::Number(n) => Field::Number(n),
            Value::String(s) => Field::Str(s),
            Value::Array(_) | Value::Object(_) => Field::Other(v),
        }
    }

    fn type_name(self) -> (&'static str, &'static str) {
        match self {
            Field::Null => type_name(&Value::Null),
            Field::Bool(_) => ("giá trị đúng/sai", "true or false"),
            Field::Number(_) | Field::Float(_) => ("số", "a number"),
            Field::Str(_) => ("chuỗi", "a string"),
            Field::Other(v) => type_name(v),
        }
    }
}

/// The fields of one object of the input, by name.
pub(crate) trait Fields {
    fn field(&self, key: &str) -> Option<Field<'_>>;
}

impl Fields for Map<String, Value> {
    fn field(&self, key: &str) -> Option<Field<'_>> {
        self.get(key).map(Field::of)
    }
}

/// One observation row of a CSV, its cells already read (empty cells are absent); the texts
/// are borrowed from the record, copied only once they are kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CsvRow<'a> {
    pub indicator: Option<&'a str>,
    pub unit: Option<&'a str>,
    pub period: Option<&'a str>,
    pub source: Option<&'a str>,
    /// `value`, `numerator`, `denominator`, `rank`, `count`.
    pub numbers: [Option<f64>; 5],
    pub done: Option<bool>,
}

/// The number columns of a CSV row, in the order of [`CsvRow::numbers`].
pub(crate) const NUMBER_FIELDS: [&str; 5] = ["value", "numerator", "denominator", "rank", "count"];

impl Fields for CsvRow<'_> {
    fn field(&self, key: &str) -> Option<Field<'_>> {
        match key {
            "indicator" => self.indicator.map(Field::Str),
            "unit" => self.unit.map(Field::Str),
            "period" => self.period.map(Field::Str),
            "source" => self.source.map(Field::Str),
            "done" => self.done.map(Field::Bool),
            _ => {
                let i = NUMBER_FIELDS.iter().position(|f| *f == key)?;
                self.numbers.get(i).copied().flatten().map(Field::Float)
            }
        }
    }
}

/// One element of `observations` read straight from JSON text: the known fields by their
/// position in [`OBSERVATION_FIELDS`], and the names of the others (for errors); or, for an
/// element that is not an object, its type.
#[allow(clippy::large_enum_variant)] // nearly every element is an object: boxing would only add an allocation
enum JsonObservation<'de> {
    Object {
        known: [Option<JsonField<'de>>; OBSERVATION_FIELDS.len()],
        unknown: Vec<String>,
    },
    Other(Value),
}

/// A field of an observation read from JSON text: text borrowed from the input where it has
/// no escapes (ids and periods need no copy until they are kept), any other value as is.
enum JsonField<'de> {
    Str(Cow<'de, str>),
    Value(Value),
}

/// The position of an observation field in [`OBSERVATION_FIELDS`].
fn observation_field(key: &str) -> Option<usize> {
    Some(match key {
        "indicator" => 0,
        "unit" => 1,
        "period" => 2,
        "value" => 3,
        "numerator" => 4,
        "denominator" => 5,
        "rank" => 6,
        "count" => 7,
        "done" => 8,
        "source" => 9,
        _ => return None,
    })
}

impl Fields for [Option<JsonField<'_>>; OBSERVATION_FIELDS.len()] {
    fn field(&self, key: &str) -> Option<Field<'_>> {
        match self.get(observation_field(key)?)?.as_ref()? {
            JsonField::Str(s) => Some(Field::Str(s)),
            JsonField::Value(v) => Some(Field::of(v)),
        }
    }
}

impl<'de> Deserialize<'de> for JsonField<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl<'de> Visitor<'de> for FieldVisitor {
            type Value = JsonField<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Str(Cow::Owned(s)))
            }
            // The numbers, as `serde_json::Value` reads them (a bare-year period prints them).
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Value::Bool(b)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Value::Number(v.into())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Value::Number(v.into())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Number::from_f64(v).map_or(Value::Null, Value::Number)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<JsonField<'de>, A::Error> {
                Shape.visit_seq(seq).map(JsonField::Value)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JsonField<'de>, A::Error> {
                Shape.visit_map(map).map(JsonField::Value)
            }
        }
        d.deserialize_any(FieldVisitor)
    }
}

/// The path of the observation at an index, written only when an error names it.
struct ObservationPath(usize);

impl fmt::Display for ObservationPath {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "$.observations[{}]", self.0)
    }
}

/// The input read straight from JSON text, without building a `serde_json::Map` for every
/// observation (that map, its keys and its drop were a third of the JSON path's time).
enum TopLevel<'de> {
    Object {
        /// Every field but `observations`.
        fields: Map<String, Value>,
        observations: JsonObservations<'de>,
    },
    /// Not an object: only its type is reported.
    Other(Value),
}

enum JsonObservations<'de> {
    Absent,
    List(Vec<JsonObservation<'de>>),
    /// Not an array (or `null`): only its type matters.
    Other(Value),
}

/// The input's fields but `observations`, each `None` when it has an error.
struct TopParts {
    as_of: Option<Date>,
    locale: Option<Locale>,
    label: Option<String>,
    options: Option<Options>,
    units: Option<Vec<Unit>>,
}

impl TopParts {
    fn input(self, observations: Option<Vec<Observation>>) -> Option<Input> {
        Some(Input {
            as_of: self.as_of?,
            locale: self.locale?,
            label: self.label,
            options: self.options?,
            units: self.units?,
            observations: observations?,
        })
    }
}

/// Where a reader takes the observations from.
enum Rows<'a> {
    /// The `observations` field of the input value.
    InValue,
    Json(&'a JsonObservations<'a>),
}

/// A stand-in of the same JSON type for a value that is only named in an error. Its contents
/// are still read as values, not skipped, so that the nesting limit applies as before.
struct Shape;

impl<'de> Visitor<'de> for Shape {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Value, E> {
        Ok(Value::Number(0.into()))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Value, E> {
        Ok(Value::Number(0.into()))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        Ok(Value::Number(0.into()))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Value, E> {
        Ok(Value::String(String::new()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        while seq.next_element::<Value>()?.is_some() {}
        Ok(Value::Array(Vec::new()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        while map.next_entry::<String, Value>()?.is_some() {}
        Ok(Value::Object(Map::new()))
    }
}

/// A key of an observation object.
enum ObservationKey {
    Known(usize),
    Unknown(String),
}

impl<'de> Deserialize<'de> for ObservationKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = ObservationKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ObservationKey, E> {
                Ok(match observation_field(s) {
                    Some(i) => ObservationKey::Known(i),
                    None => ObservationKey::Unknown(s.to_string()),
                })
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for JsonObservation<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObservationVisitor;
        impl<'de> Visitor<'de> for ObservationVisitor {
            type Value = JsonObservation<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an observation")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonObservation<'de>, A::Error> {
                let mut known: [Option<JsonField<'de>>; OBSERVATION_FIELDS.len()] = Default::default();
                let mut unknown = Vec::new();
                while let Some(key) = map.next_key::<ObservationKey>()? {
                    match key {
                        // A repeated key keeps its last value, as in a JSON object read whole.
                        ObservationKey::Known(i) => {
                            let v: JsonField<'de> = map.next_value()?;
                            if let Some(slot) = known.get_mut(i) {
                                *slot = Some(v);
                            }
                        }
                        ObservationKey::Unknown(k) => {
                            map.next_value::<Value>()?;
                            unknown.push(k);
                        }
                    }
                }
                // Reported in the order of the keys, once each, as a JSON object lists them.
                crate::sort::sort(&mut unknown);
                unknown.dedup();
                Ok(JsonObservation::Object { known, unknown })
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<JsonObservation<'de>, E> {
                Shape.visit_bool(b).map(JsonObservation::Other)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<JsonObservation<'de>, E> {
                Shape.visit_i64(v).map(JsonObservation::Other)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<JsonObservation<'de>, E> {
                Shape.visit_u64(v).map(JsonObservation::Other)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<JsonObservation<'de>, E> {
                Shape.visit_f64(v).map(JsonObservation::Other)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<JsonObservation<'de>, E> {
                Shape.visit_str(v).map(JsonObservation::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<JsonObservation<'de>, E> {
                Ok(JsonObservation::Other(Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<JsonObservation<'de>, E> {
                Ok(JsonObservation::Other(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<JsonObservation<'de>, A::Error> {
                Shape.visit_seq(seq).map(JsonObservation::Other)
            }
        }
        d.deserialize_any(ObservationVisitor)
    }
}

impl<'de> Deserialize<'de> for JsonObservations<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = JsonObservations<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of observations")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonObservations<'de>, A::Error> {
                let mut list = Vec::new();
                while let Some(o) = seq.next_element::<JsonObservation>()? {
                    list.push(o);
                }
                Ok(JsonObservations::List(list))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<JsonObservations<'de>, E> {
                Shape.visit_bool(b).map(JsonObservations::Other)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<JsonObservations<'de>, E> {
                Shape.visit_i64(v).map(JsonObservations::Other)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<JsonObservations<'de>, E> {
                Shape.visit_u64(v).map(JsonObservations::Other)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<JsonObservations<'de>, E> {
                Shape.visit_f64(v).map(JsonObservations::Other)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<JsonObservations<'de>, E> {
                Shape.visit_str(v).map(JsonObservations::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<JsonObservations<'de>, E> {
                Ok(JsonObservations::Other(Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<JsonObservations<'de>, E> {
                Ok(JsonObservations::Other(Value::Null))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JsonObservations<'de>, A::Error> {
                Shape.visit_map(map).map(JsonObservations::Other)
            }
        }
        d.deserialize_any(ListVisitor)
    }
}

impl<'de> Deserialize<'de> for TopLevel<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TopVisitor;
        impl<'de> Visitor<'de> for TopVisitor {
            type Value = TopLevel<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an input")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel<'de>, A::Error> {
                let mut fields = Map::new();
                let mut observations = JsonObservations::Absent;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "observations" {
                        observations = map.next_value()?;
                    } else {
                        let v: Value = map.next_value()?;
                        fields.insert(key, v);
                    }
                }
                Ok(TopLevel::Object { fields, observations })
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<TopLevel<'de>, E> {
                Shape.visit_bool(b).map(TopLevel::Other)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<TopLevel<'de>, E> {
                Shape.visit_i64(v).map(TopLevel::Other)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<TopLevel<'de>, E> {
                Shape.visit_u64(v).map(TopLevel::Other)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<TopLevel<'de>, E> {
                Shape.visit_f64(v).map(TopLevel::Other)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TopLevel<'de>, E> {
                Shape.visit_str(v).map(TopLevel::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<TopLevel<'de>, E> {
                Ok(TopLevel::Other(Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<TopLevel<'de>, E> {
                Ok(TopLevel::Other(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<TopLevel<'de>, A::Error> {
                Shape.visit_seq(seq).map(TopLevel::Other)
            }
        }
        d.deserialize_any(TopVisitor)
    }
}

/// What a field must be, in both languages.
#[derive(Clone, Copy)]
struct Expect(&'static str, &'static str);

const A_STRING: Expect = Expect("chuỗi", "a string");
const A_NUMBER: Expect = Expect("số", "a number");
const A_BOOL: Expect = Expect("giá trị đúng/sai", "true or false");
const AN_OBJECT: Expect = Expect("đối tượng", "an object");
const AN_ARRAY: Expect = Expect("mảng", "an array");
const A_YEAR: Expect = Expect("năm (số nguyên)", "a year (a whole number)");

struct Reader {
    errors: Vec<Error>,
}

impl Reader {
    fn full(&self) -> bool {
        self.errors.len() >= MAX_ERRORS
    }

    fn push(&mut self, code: &'static str, path: String, vi: String, en: String) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(Error::new(code, path, vi, en));
        } else {
            self.stopped();
        }
    }

    /// Reading stops at [`MAX_ERRORS`]: when anything is left unread (or unreported), the list
    /// ends with one `INPUT_TOO_MANY_ERRORS`, so a portal knows the list is not complete.
    fn stopped(&mut self) {
        if self.errors.len() == MAX_ERRORS {
            self.errors.push(Error::new(
                "INPUT_TOO_MANY_ERRORS",
                "$",
                format!("đã dừng sau {MAX_ERRORS} lỗi"),
                format!("stopped after {MAX_ERRORS} errors"),
            ));
        }
    }

    fn wrong_type(&mut self, path: String, expected: Expect, got: Field) {
        let (gv, ge) = got.type_name();
        // Name the field when the path ends in one (`$.units[6].name` → `name`).
        let field = path
            .rsplit_once('.')
            .map(|(_, f)| f)
            .filter(|f| !f.contains('[') && !f.is_empty())
            .map(|f| format!("`{f}` "))
            .unwrap_or_default();
        let (vi, en) = if field.is_empty() {
            (
                format!("giá trị phải là {}, không phải {gv}", expected.0),
                format!("the value must be {}, not {ge}", expected.1),
            )
        } else {
            (
                format!("{field}phải là {}, không phải {gv}", expected.0),
                format!("{field}must be {}, not {ge}", expected.1),
            )
        };
        self.push("INPUT_INVALID_TYPE", path, vi, en);
    }

    fn object<'a>(&mut self, v: &'a Value, path: &str, allowed: &[&str]) -> Option<&'a Map<String, Value>> {
        let Value::Object(map) = v else {
            self.wrong_type(path.to_string(), AN_OBJECT, Field::of(v));
            return None;
        };
        self.unknown_fields(map.keys().map(String::as_str), path, allowed);
        Some(map)
    }

    /// An error for every key of an object that is not one of `allowed`.
    fn unknown_fields<'k>(&mut self, keys: impl Iterator<Item = &'k str>, path: &str, allowed: &[&str]) {
        for key in keys {
            if !allowed.contains(&key) {
                let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
                self.push(
                    "INPUT_UNKNOWN_FIELD",
                    format!("{path}.{key}"),
                    format!(
                        "trường `{}` không thuộc định dạng đầu vào; các trường hợp lệ: {list}",
                        clip(key)
                    ),
                    format!(
                        "field `{}` is not part of the input format; known fields: {list}",
                        clip(key)
                    ),
                );
            }
        }
    }

    fn missing(&mut self, path: String, key: &str) {
        self.push(
            "INPUT_MISSING_FIELD",
            format!("{path}.{key}"),
            format!("thiếu trường bắt buộc `{key}`"),
            format!("the required field `{key}` is missing"),
        );
    }

    /// A text field; `null` counts as absent.
    fn string(&mut self, map: &dyn Fields, key: &str, path: &dyn fmt::Display, required: bool) -> Option<String> {
        match map.field(key) {
            None | Some(Field::Null) => {
                if required {
                    self.missing(path.to_string(), key);
                }
                None
            }
            Some(Field::Str(s)) => {
                // Bytes bound characters from above: count them only for a long text.
                let n = if s.len() > MAX_STRING_CHARS {
                    s.chars().count()
                } else {
                    s.len()
                };
                if n > MAX_STRING_CHARS {
                    self.push(
                        "INPUT_STRING_TOO_LONG",
                        format!("{path}.{key}"),
                        format!("chuỗi dài {n} ký tự, vượt giới hạn {MAX_STRING_CHARS}"),
                        format!("the text is {n} characters long, above the limit of {MAX_STRING_CHARS}"),
                    );
                    return None;
                }
                if required && s.trim().is_empty() {
                    self.push(
                        "INPUT_EMPTY_FIELD",
                        format!("{path}.{key}"),
                        format!("trường `{key}` không được để trống"),
                        format!("the field `{key}` must not be empty"),
                    );
                    return None;
                }
                Some(s.to_string())
            }
            Some(other) => {
                self.wrong_type(format!("{path}.{key}"), A_STRING, other);
                None
            }
        }
    }

    /// A finite number; `null` counts as absent. The outer option says whether the field is
    /// present, the inner one whether it is valid.
    fn number(&mut self, map: &dyn Fields, key: &str, path: &dyn fmt::Display) -> Option<Option<f64>> {
        match map.field(key) {
            None | Some(Field::Null) => None,
            Some(Field::Number(n)) => Some(n.as_f64().filter(|v| v.is_finite())),
            Some(Field::Float(v)) => Some(Some(v).filter(|v| v.is_finite())),
            Some(other) => {
                self.wrong_type(format!("{path}.{key}"), A_NUMBER, other);
                Some(None)
            }
        }
    }

    fn year(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> Option<i32> {
        let v = map.get(key)?;
        if v.is_null() {
            return None;
        }
        let year = v.as_f64().filter(|f| f.fract() == 0.0 && f.is_finite());
        match year {
            None => {
                self.wrong_type(format!("{path}.{key}"), A_YEAR, Field::of(v));
                None
            }
            Some(y) if !(f64::from(*YEARS.start())..=f64::from(*YEARS.end())).contains(&y) => {
                self.year_out_of_range(format!("{path}.{key}"), &y.to_string());
                None
            }
            #[allow(clippy::cast_possible_truncation)]
            Some(y) => Some(y as i32),
        }
    }

    fn year_out_of_range(&mut self, path: String, shown: &str) {
        self.push(
            "INPUT_YEAR_OUT_OF_RANGE",
            path,
            format!(
                "năm `{}` nằm ngoài khoảng {}–{}",
                clip(shown),
                YEARS.start(),
                YEARS.end()
            ),
            format!("year `{}` is outside {}–{}", clip(shown), YEARS.start(), YEARS.end()),
        );
    }

    fn input(&mut self, v: &Value) -> Option<Input> {
        let Value::Object(map) = v else {
            let (gv, ge) = type_name(v);
            self.push(
                "INPUT_NOT_OBJECT",
                "$".to_string(),
                format!("dữ liệu đầu vào phải là một đối tượng, không phải {gv}"),
                format!("the input must be an object, not {ge}"),
            );
            return None;
        };
        self.fields(map, Rows::InValue)
    }

    /// The fields of the input object; the observations come from `rows`.
    fn fields(&mut self, map: &Map<String, Value>, rows: Rows) -> Option<Input> {
        let top = self.top_parts(map);
        let observations = match rows {
            Rows::InValue => match map.get("observations") {
                None | Some(Value::Null) => Some(Vec::new()),
                Some(o) => self.observations(o),
            },
            Rows::Json(JsonObservations::Absent | JsonObservations::Other(Value::Null)) => Some(Vec::new()),
            Rows::Json(JsonObservations::Other(v)) => {
                self.wrong_type("$.observations".to_string(), AN_ARRAY, Field::of(v));
                None
            }
            Rows::Json(JsonObservations::List(items)) => self.observation_list(items, |r, item, i| match item {
                JsonObservation::Object { known, unknown } => {
                    let path = ObservationPath(i);
                    if !unknown.is_empty() {
                        r.unknown_fields(
                            unknown.iter().map(String::as_str),
                            &path.to_string(),
                            OBSERVATION_FIELDS,
                        );
                    }
                    r.observation_fields(known, i, &path)
                }
                JsonObservation::Other(v) => {
                    r.wrong_type(format!("$.observations[{i}]"), AN_OBJECT, Field::of(v));
                    None
                }
            }),
        };
        top.input(observations)
    }

    /// Every field of the input object but `observations`, in the order they are checked.
    fn top_parts(&mut self, map: &Map<String, Value>) -> TopParts {
        self.unknown_fields(map.keys().map(String::as_str), "$", TOP_FIELDS);

        let as_of = match self.string(map, "asOf", &"$", true) {
            Some(s) => {
                let d = Date::parse(s.trim());
                if d.is_none() {
                    self.push(
                        "INPUT_INVALID_DATE",
                        "$.asOf".to_string(),
                        format!(
                            "ngày `{}` không hợp lệ; cần dạng `YYYY-MM-DD`, năm {}–{}",
                            clip(&s),
                            YEARS.start(),
                            YEARS.end()
                        ),
                        format!(
                            "date `{}` is not valid; expected `YYYY-MM-DD` with a year in {}–{}",
                            clip(&s),
                            YEARS.start(),
                            YEARS.end()
                        ),
                    );
                }
                d
            }
            None => None,
        };

        let locale = match self.string(map, "locale", &"$", false) {
            None => Some(Locale::default()),
            Some(s) => {
                let l = Locale::parse(&s);
                if l.is_none() {
                    self.push(
                        "INPUT_UNKNOWN_LOCALE",
                        "$.locale".to_string(),
                        format!("ngôn ngữ `{}` không được hỗ trợ; chỉ nhận `vi`, `en`", clip(&s)),
                        format!("locale `{}` is not supported; expected `vi` or `en`", clip(&s)),
                    );
                }
                l
            }
        };
        let label = self.string(map, "label", &"$", false);
        let options = match map.get("options") {
            None | Some(Value::Null) => Some(Options::default()),
            Some(o) => self.options(o),
        };
        let units = match map.get("units") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(u) => self.units(u),
        };
        TopParts {
            as_of,
            locale,
            label,
            options,
            units,
        }
    }

    fn options(&mut self, v: &Value) -> Option<Options> {
        let map = self.object(v, "$.options", OPTION_FIELDS)?;
        let mut ok = true;
        let ramp_reading = match self.string(map, "rampReading", &"$.options", false) {
            None => None,
            Some(s) => {
                let r = RampReading::parse(s.trim());
                if r.is_none() {
                    ok = false;
                    self.push(
                        "INPUT_UNKNOWN_OPTION_VALUE",
                        "$.options.rampReading".to_string(),
                        format!(
                            "cách đọc lộ trình `{}` không hợp lệ; chỉ nhận `schedule`, `increment`, `relative`",
                            clip(&s)
                        ),
                        format!(
                            "ramp reading `{}` is not valid; expected `schedule`, `increment` or `relative`",
                            clip(&s)
                        ),
                    );
                }
                r
            }
        };
        if let Some(s) = self.string(map, "trendMethod", &"$.options", false) {
            if s.trim() != TrendMethod::CagrRatio.code() {
                ok = false;
                self.push(
                    "INPUT_UNKNOWN_OPTION_VALUE",
                    "$.options.trendMethod".to_string(),
                    format!(
                        "phương pháp xu hướng `{}` không hợp lệ; chỉ nhận `cagr_ratio`",
                        clip(&s)
                    ),
                    format!("trend method `{}` is not valid; expected `cagr_ratio`", clip(&s)),
                );
            }
        }
        let baseline_year = self.year(map, "baselineYear", "$.options");
        if map.get("baselineYear").is_some_and(|v| !v.is_null()) && baseline_year.is_none() {
            ok = false;
        }
        let text = match self.string(map, "text", &"$.options", false) {
            None => TextMode::Both,
            Some(s) => match s.trim() {
                "both" => TextMode::Both,
                "none" => TextMode::None,
                _ => {
                    ok = false;
                    self.push(
                        "INPUT_UNKNOWN_OPTION_VALUE",
                        "$.options.text".to_string(),
                        format!("chế độ văn bản `{}` không hợp lệ; chỉ nhận `both`, `none`", clip(&s)),
                        format!("text mode `{}` is not valid; expected `both` or `none`", clip(&s)),
                    );
                    TextMode::Both
                }
            },
        };
        ok.then_some(Options {
            ramp_reading,
            trend_method: TrendMethod::CagrRatio,
            baseline_year,
            text,
        })
    }

    fn units(&mut self, v: &Value) -> Option<Vec<Unit>> {
        let Value::Array(items) = v else {
            self.wrong_type("$.units".to_string(), AN_ARRAY, Field::of(v));
            return None;
        };
        if items.len() > MAX_UNITS {
            self.push(
                "INPUT_TOO_MANY_UNITS",
                "$.units".to_string(),
                format!("có {} đơn vị, vượt giới hạn {MAX_UNITS}", items.len()),
                format!("there are {} units, above the limit of {MAX_UNITS}", items.len()),
            );
            return None;
        }
        let before = self.errors.len();
        let mut units = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if self.full() {
                self.stopped();
                break;
            }
            if let Some(u) = self.unit(item, &format!("$.units[{i}]")) {
                units.push((i, u));
            }
        }
        self.hierarchy(&units);
        (self.errors.len() == before).then(|| units.into_iter().map(|(_, u)| u).collect())
    }

    fn unit(&mut self, v: &Value, path: &str) -> Option<Unit> {
        let map = self.object(v, path, UNIT_FIELDS)?;
        let id = self.string(map, "id", &path, true);
        let name = self.string(map, "name", &path, true);
        let level = match self.string(map, "level", &path, true) {
            None => None,
            Some(s) => {
                let l = Level::parse(s.trim());
                if l.is_none() {
                    self.push(
                        "INPUT_UNKNOWN_LEVEL",
                        format!("{path}.level"),
                        format!(
                            "cấp `{}` không hợp lệ; chỉ nhận `city`, `district`, `commune`",
                            clip(&s)
                        ),
                        format!(
                            "level `{}` is not valid; expected `city`, `district` or `commune`",
                            clip(&s)
                        ),
                    );
                }
                l
            }
        };
        let parent = self.string(map, "parent", &path, false);
        let valid_from = self.year(map, "validFrom", path);
        let valid_to = self.year(map, "validTo", path);
        if let (Some(f), Some(t)) = (valid_from, valid_to) {
            if f > t {
                self.push(
                    "INPUT_INVALID_VALIDITY",
                    format!("{path}.validTo"),
                    format!("năm kết thúc `{t}` trước năm bắt đầu `{f}`"),
                    format!("the last year `{t}` is before the first year `{f}`"),
                );
                return None;
            }
        }
        Some(Unit {
            id: id?,
            name: name?,
            level: level?,
            parent,
            valid_from,
            valid_to,
        })
    }

    /// Duplicate ids, unknown parents and cycles, each reported once.
    fn hierarchy(&mut self, units: &[(usize, Unit)]) {
        // Each id once, with the position of its first unit, sorted by id; a unit is then
        // known by the position of its id here.
        let mut index: Vec<(&str, usize)> = units.iter().map(|(i, u)| (u.id.as_str(), *i)).collect();
        sort_by(&mut index, |a, b| a.0.cmp(b.0));
        index.dedup_by_key(|e| e.0);
        let find = |id: &str| index.binary_search_by(|e| e.0.cmp(id)).ok();
        let id_at = |k: usize| index.get(k).map_or("", |e| e.0);
        for (i, u) in units {
            let first = find(&u.id).and_then(|k| index.get(k)).map(|e| e.1);
            if let Some(first) = first.filter(|f| f != i) {
                self.push(
                    "INPUT_DUPLICATE_UNIT",
                    format!("$.units[{i}].id"),
                    format!("mã đơn vị `{}` đã dùng ở `$.units[{first}]`", clip(&u.id)),
                    format!("unit id `{}` is already used at `$.units[{first}]`", clip(&u.id)),
                );
            }
        }
        // The parent of each id (of its last unit that names one).
        let mut parent_of: Vec<Option<&str>> = vec![None; index.len()];
        for (_, u) in units {
            if let (Some(p), Some(slot)) = (u.parent.as_deref(), find(&u.id).and_then(|k| parent_of.get_mut(k))) {
                *slot = Some(p);
            }
        }
        for (i, u) in units {
            if let Some(p) = &u.parent {
                if find(p).is_none() {
                    self.push(
                        "INPUT_UNKNOWN_PARENT",
                        format!("$.units[{i}].parent"),
                        format!("đơn vị cấp trên `{}` không có trong danh sách đơn vị", clip(p)),
                        format!("parent unit `{}` is not in the list of units", clip(p)),
                    );
                }
            }
        }
        // Follow each chain of parents; a chain that comes back to a unit on it is a cycle.
        let mut done = vec![false; index.len()];
        let mut reported = vec![false; index.len()];
        let mut on_chain = vec![false; index.len()];
        for (_, u) in units {
            let mut chain: Vec<usize> = Vec::new();
            let mut cur = find(&u.id);
            while let Some(k) = cur {
                if done.get(k).copied().unwrap_or(true) {
                    break;
                }
                if on_chain.get(k).copied().unwrap_or(false) {
                    let start = chain.iter().position(|c| *c == k).unwrap_or(0);
                    let cycle: Vec<usize> = chain.iter().skip(start).copied().collect();
                    let first = cycle
                        .iter()
                        .copied()
                        .min_by(|a, b| id_at(*a).cmp(id_at(*b)))
                        .unwrap_or(k);
                    if reported.get_mut(first).is_some_and(|r| !std::mem::replace(r, true)) {
                        let at = index.get(first).map_or(0, |e| e.1);
                        let list = cycle
                            .iter()
                            .map(|c| format!("`{}`", clip(id_at(*c))))
                            .collect::<Vec<_>>()
                            .join(" → ");
                        self.push(
                            "INPUT_UNIT_CYCLE",
                            format!("$.units[{at}].parent"),
                            format!("quan hệ cấp trên tạo thành vòng: {list} → `{}`", clip(id_at(k))),
                            format!("the parent links form a cycle: {list} → `{}`", clip(id_at(k))),
                        );
                    }
                    break;
                }
                chain.push(k);
                if let Some(o) = on_chain.get_mut(k) {
                    *o = true;
                }
                cur = parent_of.get(k).copied().flatten().and_then(find);
            }
            for k in chain {
                if let Some(o) = on_chain.get_mut(k) {
                    *o = false;
                }
                if let Some(d) = done.get_mut(k) {
                    *d = true;
                }
            }
        }
    }

    fn observations(&mut self, v: &Value) -> Option<Vec<Observation>> {
        let Value::Array(items) = v else {
            self.wrong_type("$.observations".to_string(), AN_ARRAY, Field::of(v));
            return None;
        };
        self.observation_list(items, |r, item, i| r.observation(item, i))
    }

    fn too_many_observations(&mut self, n: usize) {
        self.push(
            "INPUT_TOO_MANY_OBSERVATIONS",
            "$.observations".to_string(),
            format!("có {n} số liệu, vượt giới hạn {MAX_OBSERVATIONS}"),
            format!("there are {n} observations, above the limit of {MAX_OBSERVATIONS}"),
        );
    }

    /// Every item of a list of observations, however it was read.
    fn observation_list<T>(
        &mut self,
        items: &[T],
        mut read: impl FnMut(&mut Reader, &T, usize) -> Option<Observation>,
    ) -> Option<Vec<Observation>> {
        if items.len() > MAX_OBSERVATIONS {
            self.too_many_observations(items.len());
            return None;
        }
        let before = self.errors.len();
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if self.full() {
                self.stopped();
                break;
            }
            if let Some(o) = read(self, item, i) {
                out.push(o);
            }
        }
        (self.errors.len() == before).then_some(out)
    }

    fn observation(&mut self, v: &Value, index: usize) -> Option<Observation> {
        let path = format!("$.observations[{index}]");
        let map = self.object(v, &path, OBSERVATION_FIELDS)?;
        self.observation_fields(map, index, &path)
    }

    fn observation_fields(&mut self, map: &dyn Fields, index: usize, path: &dyn fmt::Display) -> Option<Observation> {
        let indicator = self.string(map, "indicator", path, true);
        let unit = self.string(map, "unit", path, true);
        let period = self.period(map, path);
        let source = self.string(map, "source", path, false);
        let reading = self.reading(map, path);
        Some(Observation {
            index,
            indicator: indicator?,
            unit: unit?,
            period: period?,
            reading: reading?,
            source,
        })
    }

    fn period(&mut self, map: &dyn Fields, path: &dyn fmt::Display) -> Option<Period> {
        let number_text;
        let text: &str = match map.field("period") {
            None | Some(Field::Null) => {
                self.missing(path.to_string(), "period");
                return None;
            }
            Some(Field::Str(s)) => s,
            // A bare year is accepted as a number; `2023.5` is not a period.
            Some(Field::Number(n)) => {
                number_text = n.to_string();
                &number_text
            }
            Some(other) => {
                self.wrong_type(format!("{path}.period"), A_STRING, other);
                return None;
            }
        };
        match Period::parse(text) {
            Ok(p) => Some(p),
            Err(PeriodError::YearOutOfRange(y)) => {
                self.year_out_of_range(format!("{path}.period"), &y.to_string());
                None
            }
            Err(PeriodError::Invalid) => {
                self.push(
                    "INPUT_INVALID_PERIOD",
                    format!("{path}.period"),
                    format!(
                        "kỳ `{}` không hợp lệ; cần `2023`, `2023-H1`, `2023-Q2` hoặc `2023-05`",
                        clip(text)
                    ),
                    format!(
                        "period `{}` is not valid; expected `2023`, `2023-H1`, `2023-Q2` or `2023-05`",
                        clip(text)
                    ),
                );
                None
            }
        }
    }

    fn reading(&mut self, map: &dyn Fields, path: &dyn fmt::Display) -> Option<Reading> {
        let value = self.number(map, "value", path);
        let numerator = self.number(map, "numerator", path);
        let denominator = self.number(map, "denominator", path);
        let rank = self.number(map, "rank", path);
        let count = self.number(map, "count", path);
        let done = match map.field("done") {
            None | Some(Field::Null) => None,
            Some(Field::Bool(b)) => Some(Some(b)),
            Some(other) => {
                self.wrong_type(format!("{path}.done"), A_BOOL, other);
                Some(None)
            }
        };
        let kinds = [
            ("value", value.is_some() && done.is_none()),
            ("numerator", numerator.is_some()),
            ("rank", rank.is_some()),
            ("count", count.is_some()),
            ("done", done.is_some()),
        ];
        let mut present = kinds.iter().filter(|(_, p)| *p).map(|(k, _)| *k);
        let first = present.next();
        if present.next().is_some() {
            let list = kinds
                .iter()
                .filter(|(_, p)| *p)
                .map(|(k, _)| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.push(
                "INPUT_SEVERAL_VALUES",
                path.to_string(),
                format!("một số liệu chỉ được có một loại giá trị, ở đây có {list}"),
                format!("an observation carries one kind of value, this one has {list}"),
            );
            return None;
        }
        if denominator.is_some() && numerator.is_none() {
            self.push(
                "INPUT_DENOMINATOR_WITHOUT_NUMERATOR",
                format!("{path}.denominator"),
                "có mẫu số `denominator` nhưng thiếu tử số `numerator`".to_string(),
                "a `denominator` is given without a `numerator`".to_string(),
            );
            return None;
        }
        let not_finite = |r: &mut Reader, key: &str| {
            r.push(
                "INPUT_NOT_A_NUMBER",
                format!("{path}.{key}"),
                "giá trị phải là một số hữu hạn".to_string(),
                "the value must be a finite number".to_string(),
            );
        };
        let take = |r: &mut Reader, key: &str, v: Option<Option<f64>>| -> Option<f64> {
            match v {
                Some(Some(x)) => Some(x),
                Some(None) => {
                    if !r.errors.iter().any(|e| e.path == format!("{path}.{key}")) {
                        not_finite(r, key);
                    }
                    None
                }
                None => None,
            }
        };
        match first {
            Some("value") => take(self, "value", value).map(Reading::Value),
            Some("numerator") => {
                let n = take(self, "numerator", numerator)?;
                let d = match denominator {
                    None => None,
                    Some(_) => Some(take(self, "denominator", denominator)?),
                };
                Some(Reading::Fraction {
                    numerator: n,
                    denominator: d,
                })
            }
            Some("rank") => take(self, "rank", rank).map(Reading::Rank),
            Some("count") => take(self, "count", count).map(Reading::Count),
            Some("done") => {
                let share = match value {
                    None => None,
                    Some(_) => Some(take(self, "value", value)?),
                };
                done.flatten().map(|done| Reading::Done { done, share })
            }
            _ => {
                self.push(
                    "INPUT_NO_VALUE",
                    path.to_string(),
                    "số liệu thiếu giá trị: cần một trong `value`, `numerator`/`denominator`, `rank`, `count`, `done`"
                        .to_string(),
                    "the observation has no value: expected one of `value`, `numerator`/`denominator`, `rank`, `count`, `done`"
                        .to_string(),
                );
                None
            }
        }
    }
}

/// A user value shown in a message, cut to a readable length.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}
