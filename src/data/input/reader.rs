//! The reader every part of the input goes through: it collects errors (up to
//! [`MAX_ERRORS`], then one `INPUT_TOO_MANY_ERRORS`), and reads the common kinds of field
//! (objects with their allowed keys, texts, numbers, years); the errors' words are the
//! constructors' of `error::input`.

use std::fmt;

use serde_json::{Map, Value};

use super::fields::{Field, Fields};
use super::limits::{MAX_ERRORS, MAX_NUMBER, MAX_STRING_CHARS};
use crate::data::period::YEARS;
use crate::error::{input as problem, Error};

/// A user value shown in a message (its wording is `error`'s, which writes every message).
pub(crate) use crate::error::clip;
/// What a field must be, in both languages (`error::input::wrong_type` words it).
pub(super) use crate::error::input::{
    Expect, AN_ARRAY, AN_OBJECT, A_BOOL, A_NUMBER, A_PREDECESSOR, A_SHARE, A_STRING, A_YEAR, A_YEAR_OR_DAY,
};

pub(super) struct Reader {
    pub(super) errors: Vec<Error>,
}

impl Reader {
    pub(super) fn full(&self) -> bool {
        self.errors.len() >= MAX_ERRORS
    }

    pub(super) fn push(&mut self, e: Error) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(e);
        } else {
            self.stopped();
        }
    }

    /// Reading stops at [`MAX_ERRORS`]: when anything is left unread (or unreported), the list
    /// ends with one `INPUT_TOO_MANY_ERRORS`, so a portal knows the list is not complete.
    pub(super) fn stopped(&mut self) {
        if self.errors.len() == MAX_ERRORS {
            self.errors.push(too_many_errors());
        }
    }

    pub(super) fn wrong_type(&mut self, path: String, expected: Expect, got: Field) {
        self.push(problem::wrong_type(path, expected, got.type_name()));
    }

    pub(super) fn object<'a>(&mut self, v: &'a Value, path: &str, allowed: &[&str]) -> Option<&'a Map<String, Value>> {
        let Value::Object(map) = v else {
            self.wrong_type(path.to_string(), AN_OBJECT, Field::of(v));
            return None;
        };
        self.unknown_fields(map.keys().map(String::as_str), path, allowed);
        Some(map)
    }

    /// An error for every key of an object that is not one of `allowed`.
    pub(super) fn unknown_fields<'k>(&mut self, keys: impl Iterator<Item = &'k str>, path: &str, allowed: &[&str]) {
        for key in keys {
            if !allowed.contains(&key) {
                self.push(problem::unknown_field(format!("{path}.{key}"), key, allowed));
            }
        }
    }

    pub(super) fn missing(&mut self, path: String, key: &str) {
        self.push(problem::missing_field(format!("{path}.{key}"), key));
    }

    /// A text field; `null` counts as absent.
    pub(super) fn string(
        &mut self,
        map: &dyn Fields,
        key: &str,
        path: &dyn fmt::Display,
        required: bool,
    ) -> Option<String> {
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
                    self.push(problem::string_too_long(format!("{path}.{key}"), n, MAX_STRING_CHARS));
                    return None;
                }
                if required && s.trim().is_empty() {
                    self.push(problem::empty(format!("{path}.{key}"), problem::Empty::Field(key)));
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
    pub(super) fn number(&mut self, map: &dyn Fields, key: &str, path: &dyn fmt::Display) -> Option<Option<f64>> {
        let v = match map.field(key) {
            None | Some(Field::Null) => return None,
            Some(Field::Number(n)) => n.as_f64().filter(|v| v.is_finite()),
            Some(Field::Float(v)) => Some(v).filter(|v| v.is_finite()),
            Some(other) => {
                self.wrong_type(format!("{path}.{key}"), A_NUMBER, other);
                return Some(None);
            }
        };
        if let Some(x) = v.filter(|x| x.abs() > MAX_NUMBER) {
            let shown = crate::messages::format_value(x);
            self.push(problem::number_out_of_range(format!("{path}.{key}"), &shown));
            return Some(None);
        }
        Some(v)
    }

    pub(super) fn year(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> Option<i32> {
        let v = map.get(key)?;
        if v.is_null() {
            return None;
        }
        self.year_value(v, &format!("{path}.{key}"))
    }

    /// A whole number in [`YEARS`], or an error at `path`.
    pub(super) fn year_value(&mut self, v: &Value, path: &str) -> Option<i32> {
        let year = v.as_f64().filter(|f| f.fract() == 0.0 && f.is_finite());
        match year {
            None => {
                self.wrong_type(path.to_string(), A_YEAR, Field::of(v));
                None
            }
            Some(y) if !(f64::from(*YEARS.start())..=f64::from(*YEARS.end())).contains(&y) => {
                self.year_out_of_range(path.to_string(), &crate::messages::format_value(y));
                None
            }
            #[allow(clippy::cast_possible_truncation)]
            Some(y) => Some(y as i32),
        }
    }

    pub(super) fn year_out_of_range(&mut self, path: String, shown: &str) {
        self.push(problem::year_out_of_range(path, shown, &YEARS));
    }
}

/// The last error of a list cut at [`MAX_ERRORS`].
pub(crate) fn too_many_errors() -> Error {
    problem::too_many_errors(MAX_ERRORS)
}
