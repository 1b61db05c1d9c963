//! One observation: its indicator, unit and period, and the one kind of value it carries,
//! however it was read (a JSON object, an observation of JSON text, a CSV row).

use std::fmt;

use serde_json::Value;

use super::fields::{Field, Fields, OBSERVATION_FIELDS};
use super::limits::MAX_OBSERVATIONS;
use super::model::{Observation, Reading};
use super::reader::{clip, Reader, AN_ARRAY, A_BOOL, A_STRING};
use crate::data::period::{Period, PeriodError};
use crate::error::ErrorCode;

/// The path of the observation at an index, written only when an error names it.
pub(super) struct ObservationPath(pub(super) usize);

impl fmt::Display for ObservationPath {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "$.observations[{}]", self.0)
    }
}

impl Reader {
    pub(super) fn observations(&mut self, v: &Value) -> Option<Vec<Observation>> {
        let Value::Array(items) = v else {
            self.wrong_type("$.observations".to_string(), AN_ARRAY, Field::of(v));
            return None;
        };
        self.observation_list(items, |r, item, i| r.observation(item, i))
    }

    pub(super) fn too_many_observations(&mut self, n: usize) {
        self.push(
            ErrorCode::InputTooManyObservations,
            "$.observations".to_string(),
            format!("có {n} số liệu, vượt giới hạn {MAX_OBSERVATIONS}"),
            format!("there are {n} observations, above the limit of {MAX_OBSERVATIONS}"),
        );
    }

    /// Every item of a list of observations, however it was read.
    pub(super) fn observation_list<T>(
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

    pub(super) fn observation(&mut self, v: &Value, index: usize) -> Option<Observation> {
        let path = format!("$.observations[{index}]");
        let map = self.object(v, &path, OBSERVATION_FIELDS)?;
        self.observation_fields(map, index, &path)
    }

    pub(super) fn observation_fields(
        &mut self,
        map: &dyn Fields,
        index: usize,
        path: &dyn fmt::Display,
    ) -> Option<Observation> {
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

    pub(super) fn period(&mut self, map: &dyn Fields, path: &dyn fmt::Display) -> Option<Period> {
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
                    ErrorCode::InputInvalidPeriod,
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

    pub(super) fn reading(&mut self, map: &dyn Fields, path: &dyn fmt::Display) -> Option<Reading> {
        let value = self.number(map, "value", path);
        let numerator = self.number(map, "numerator", path);
        let denominator = self.number(map, "denominator", path);
        let rank = self.number(map, "rank", path);
        let count = self.number(map, "count", path);
        let out_of = self.number(map, "outOf", path);
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
                ErrorCode::InputSeveralValues,
                path.to_string(),
                format!("một số liệu chỉ được có một loại giá trị, ở đây có {list}"),
                format!("an observation carries one kind of value, this one has {list}"),
            );
            return None;
        }
        if out_of.is_some() && first != Some("rank") {
            self.push(
                ErrorCode::InputInvalidOutOf,
                format!("{path}.outOf"),
                "`outOf` chỉ dùng kèm thứ hạng `rank`".to_string(),
                "`outOf` goes only with a `rank`".to_string(),
            );
            return None;
        }
        if denominator.is_some() && numerator.is_none() {
            self.push(
                ErrorCode::InputDenominatorWithoutNumerator,
                format!("{path}.denominator"),
                "có mẫu số `denominator` nhưng thiếu tử số `numerator`".to_string(),
                "a `denominator` is given without a `numerator`".to_string(),
            );
            return None;
        }
        let not_finite = |r: &mut Reader, key: &str| {
            r.push(
                ErrorCode::InputNotANumber,
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
            Some("rank") => {
                let r = take(self, "rank", rank);
                let out_of = match out_of {
                    None => None,
                    Some(_) => {
                        let n = take(self, "outOf", out_of)?;
                        if n < 1.0 || n.fract() != 0.0 || n > 1e6 {
                            self.push(
                                ErrorCode::InputInvalidOutOf,
                                format!("{path}.outOf"),
                                "`outOf` (số tỉnh được xếp hạng) phải là số nguyên từ 1 trở lên".to_string(),
                                "`outOf` (how many provinces were ranked) must be a whole number of 1 or more"
                                    .to_string(),
                            );
                            return None;
                        }
                        Some(n)
                    }
                };
                r.map(|rank| Reading::Rank { rank, out_of })
            }
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
                    ErrorCode::InputNoValue,
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
