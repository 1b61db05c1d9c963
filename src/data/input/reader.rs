//! The reader every part of the input goes through: it collects errors (up to
//! [`MAX_ERRORS`], then one `INPUT_TOO_MANY_ERRORS`), and reads the common kinds of field
//! (objects with their allowed keys, texts, numbers, years) with one message style.

use std::fmt;

use serde_json::{Map, Value};

use super::fields::{Field, Fields};
use super::limits::{MAX_ERRORS, MAX_NUMBER, MAX_STRING_CHARS};
use crate::data::period::YEARS;
use crate::error::{Error, ErrorCode};

/// What a field must be, in both languages.
#[derive(Clone, Copy)]
pub(super) struct Expect(&'static str, &'static str);

pub(super) const A_STRING: Expect = Expect("chuỗi", "a string");
pub(super) const A_NUMBER: Expect = Expect("số", "a number");
pub(super) const A_BOOL: Expect = Expect("giá trị đúng/sai", "true or false");
pub(super) const AN_OBJECT: Expect = Expect("đối tượng", "an object");
pub(super) const AN_ARRAY: Expect = Expect("mảng", "an array");
pub(super) const A_YEAR: Expect = Expect("năm (số nguyên)", "a year (a whole number)");
pub(super) const A_YEAR_OR_DAY: Expect = Expect(
    "năm (`2025`) hoặc ngày (`2025-07-01`)",
    "a year (`2025`) or a day (`2025-07-01`)",
);
pub(super) const A_PREDECESSOR: Expect = Expect(
    "mã đơn vị hoặc `{ \"unit\": mã, \"share\": phần }`",
    "a unit id or `{ \"unit\": id, \"share\": part }`",
);
pub(super) const A_SHARE: Expect = Expect("số từ 0 đến 1, hoặc `null`", "a number from 0 to 1, or `null`");

pub(super) struct Reader {
    pub(super) errors: Vec<Error>,
}

impl Reader {
    pub(super) fn full(&self) -> bool {
        self.errors.len() >= MAX_ERRORS
    }

    pub(super) fn push(&mut self, code: ErrorCode, path: String, vi: String, en: String) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(Error::new(code, path, vi, en));
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
        self.push(ErrorCode::InputInvalidType, path, vi, en);
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
                let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
                self.push(
                    ErrorCode::InputUnknownField,
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

    pub(super) fn missing(&mut self, path: String, key: &str) {
        self.push(
            ErrorCode::InputMissingField,
            format!("{path}.{key}"),
            format!("thiếu trường bắt buộc `{key}`"),
            format!("the required field `{key}` is missing"),
        );
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
                    self.push(
                        ErrorCode::InputStringTooLong,
                        format!("{path}.{key}"),
                        format!("chuỗi dài {n} ký tự, vượt giới hạn {MAX_STRING_CHARS}"),
                        format!("the text is {n} characters long, above the limit of {MAX_STRING_CHARS}"),
                    );
                    return None;
                }
                if required && s.trim().is_empty() {
                    self.push(
                        ErrorCode::InputEmptyField,
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
            self.push(
                ErrorCode::InputNumberOutOfRange,
                format!("{path}.{key}"),
                format!("số `{shown}` vượt giới hạn ±10^15 của một số liệu"),
                format!("the number `{shown}` is beyond the limit of ±10^15 for a figure"),
            );
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
        self.push(
            ErrorCode::InputYearOutOfRange,
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
}

/// The last error of a list cut at [`MAX_ERRORS`].
pub(crate) fn too_many_errors() -> Error {
    Error::new(
        ErrorCode::InputTooManyErrors,
        "$",
        format!("đã dừng sau {MAX_ERRORS} lỗi"),
        format!("stopped after {MAX_ERRORS} errors"),
    )
}

/// A user value shown in a message, cut to a readable length, its bidi controls visible and
/// right-to-left text isolated (`messages::isolate`), so that no value can reorder the
/// message around it.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        crate::messages::isolate(s).into_owned()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out = crate::messages::isolate(&out).into_owned();
        out.push('…');
        out
    }
}
