//! The values of a rule pack read by hand: where a value failed (a path, serde's message), the
//! JSON types with serde's wording, and structs read from an object (or an array of fields).

use std::collections::BTreeMap;

use serde::de::{Error as _, Unexpected};
use serde_json::{Error as SerdeError, Value};

use crate::messages::Text;

/// A value that could not be read: serde's error, and the path from that value up to the root.
pub(crate) struct Failure {
    error: SerdeError,
    up: Vec<Segment>,
}

pub(super) enum Segment {
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
pub(super) fn json_path(s: &str) -> String {
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

pub(super) type Read<T> = Result<T, Failure>;

/// How serde names a JSON value in "invalid type: …" (`serde_json::Value`'s own rule).
pub(super) fn unexpected(v: &Value) -> Unexpected<'_> {
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

pub(super) fn wrong_type(v: &Value, expected: &str) -> Failure {
    Failure::new(SerdeError::invalid_type(unexpected(v), &expected))
}

pub(super) fn string(v: &Value) -> Read<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        _ => Err(wrong_type(v, "a string")),
    }
}

pub(super) fn boolean(v: &Value) -> Read<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(wrong_type(v, "a boolean")),
    }
}

pub(super) fn float(v: &Value) -> Read<f64> {
    match v {
        Value::Number(n) => n.as_f64().ok_or_else(|| wrong_type(v, "f64")),
        _ => Err(wrong_type(v, "f64")),
    }
}

/// A whole number of type `T` (`i32`, `u32`), with serde's errors for one out of range or
/// with a fraction.
pub(super) fn whole<T: TryFrom<u64> + TryFrom<i64>>(v: &Value, expected: &str) -> Read<T> {
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

pub(super) fn year(v: &Value) -> Read<i32> {
    whole(v, "i32")
}

pub(super) fn count(v: &Value) -> Read<u32> {
    whole(v, "u32")
}

pub(super) fn option<T>(v: &Value, read: impl FnOnce(&Value) -> Read<T>) -> Read<Option<T>> {
    match v {
        Value::Null => Ok(None),
        _ => read(v).map(Some),
    }
}

pub(super) fn list<T>(v: &Value, read: impl Fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    let Value::Array(items) = v else {
        return Err(wrong_type(v, "a sequence"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(read(item).map_err(|f| f.at(Segment::Index(i)))?);
    }
    Ok(out)
}

pub(super) fn numbers(v: &Value) -> Read<BTreeMap<String, f64>> {
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
pub(super) struct Shape {
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
pub(super) fn fields(v: &Value, shape: &Shape, field: &mut dyn FnMut(usize, &Value) -> Read<()>) -> Read<()> {
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
pub(super) const fn shape(expecting: &'static str, fields: &'static [(&'static str, bool)]) -> Shape {
    Shape {
        expecting,
        expecting_fields: expecting,
        fields,
    }
}

pub(super) const TEXT: Shape = Shape {
    expecting: "struct Text",
    expecting_fields: "struct Text with 2 elements",
    fields: &[("vi", false), ("en", false)],
};

pub(super) fn text(v: &Value) -> Read<Text> {
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
