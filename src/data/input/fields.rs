//! The field abstraction: the reader sees one object of the input (a JSON object, an
//! observation read straight from JSON text, a CSV row) as named [`Field`]s, so that every
//! door is checked by the same code and gives the same errors.

use serde_json::{Map, Number, Value};

/// The fields an observation may have, in the order [`observation_field`] numbers them (and
/// the columns a CSV may have).
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
    "outOf",
];

/// JSON's own type names, never a Rust one.
pub(super) fn type_name(v: &Value) -> (&'static str, &'static str) {
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
    pub(super) fn of(v: &'a Value) -> Field<'a> {
        match v {
            Value::Null => Field::Null,
            Value::Bool(b) => Field::Bool(*b),
            Value::Number(n) => Field::Number(n),
            Value::String(s) => Field::Str(s),
            Value::Array(_) | Value::Object(_) => Field::Other(v),
        }
    }

    pub(super) fn type_name(self) -> (&'static str, &'static str) {
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
    /// `value`, `numerator`, `denominator`, `rank`, `count`, `outOf`.
    pub numbers: [Option<f64>; 6],
    pub done: Option<bool>,
}

/// The number columns of a CSV row, in the order of [`CsvRow::numbers`].
pub(crate) const NUMBER_FIELDS: [&str; 6] = ["value", "numerator", "denominator", "rank", "count", "outOf"];

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

/// The position of an observation field in [`OBSERVATION_FIELDS`].
pub(super) fn observation_field(key: &str) -> Option<usize> {
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
        "outOf" => 10,
        _ => return None,
    })
}
