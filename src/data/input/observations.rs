//! One observation: its indicator, unit and period, and the one kind of value it carries,
//! however it was read (a JSON object, an observation of JSON text, a CSV row).

use std::fmt;

use serde_json::Value;

use super::fields::{Field, Fields, OBSERVATION_FIELDS};
use super::limits::MAX_OBSERVATIONS;
use super::model::{Observation, Reading};
use super::reader::{Reader, AN_ARRAY, A_BOOL, A_STRING};
use crate::data::period::{Period, PeriodError};
use crate::error::input as problem;

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
        self.push(problem::too_many_observations(n, MAX_OBSERVATIONS));
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
                self.push(problem::invalid_period(format!("{path}.period"), text));
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
            self.push(problem::several_values(path.to_string(), &list));
            return None;
        }
        if out_of.is_some() && first != Some("rank") {
            self.push(problem::out_of_without_rank(format!("{path}.outOf")));
            return None;
        }
        if denominator.is_some() && numerator.is_none() {
            self.push(problem::denominator_without_numerator(format!("{path}.denominator")));
            return None;
        }
        let not_finite = |r: &mut Reader, key: &str| {
            r.push(problem::not_a_number(format!("{path}.{key}")));
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
                            self.push(problem::out_of_not_whole(format!("{path}.outOf")));
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
                self.push(problem::no_value(path.to_string()));
                None
            }
        }
    }
}
