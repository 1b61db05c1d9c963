//! The input object itself: its fields but the observations (`asOf`, `locale`, `label`,
//! `options`, `units`), in the order they are checked, and where its observations come from.

use serde_json::{Map, Value};

use super::fields::{type_name, Field};
use super::json_text::JsonObservations;
use super::model::{Input, Observation, Options, Selection, TextMode, TrendMethod};
use super::reader::{Reader, AN_ARRAY, A_STRING};
use crate::data::hierarchy::Unit;
use crate::data::period::{Date, YEARS};
use crate::error::input::{self as problem, Empty, OptionValue};
use crate::messages::Locale;
use crate::vocab::RampReading;

const TOP_FIELDS: &[&str] = &["asOf", "locale", "label", "options", "units", "observations"];
const OPTION_FIELDS: &[&str] = &["rampReading", "trendMethod", "baselineYear", "text", "only"];
const ONLY_FIELDS: &[&str] = &["indicators", "units"];

/// At most this many ids in one list of `options.only` (a page asks for a few cards).
pub const MAX_SELECTED: usize = 10_000;

/// The input's fields but `observations`, each `None` when it has an error.
pub(super) struct TopParts {
    as_of: Option<Date>,
    locale: Option<Locale>,
    label: Option<String>,
    options: Option<Options>,
    units: Option<Vec<Unit>>,
}

impl TopParts {
    pub(super) fn input(self, observations: Option<Vec<Observation>>) -> Option<Input> {
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
pub(super) enum Rows {
    /// The `observations` field of the input value.
    InValue,
    /// Read from JSON text, as it was parsed.
    Json(JsonObservations),
}

impl Reader {
    pub(super) fn input(&mut self, v: &Value) -> Option<Input> {
        let Value::Object(map) = v else {
            self.push(problem::input_not_object(type_name(v)));
            return None;
        };
        self.fields(map, Rows::InValue)
    }

    /// The fields of the input object; the observations come from `rows`.
    pub(super) fn fields(&mut self, map: &Map<String, Value>, rows: Rows) -> Option<Input> {
        let top = self.top_parts(map);
        let observations = match rows {
            Rows::InValue => match map.get("observations") {
                None | Some(Value::Null) => Some(Vec::new()),
                Some(o) => self.observations(o),
            },
            Rows::Json(JsonObservations::Absent | JsonObservations::Other(Value::Null)) => Some(Vec::new()),
            Rows::Json(JsonObservations::Other(v)) => {
                self.wrong_type("$.observations".to_string(), AN_ARRAY, Field::of(&v));
                None
            }
            Rows::Json(JsonObservations::List(sink)) => self.streamed_observations(sink),
        };
        top.input(observations)
    }

    /// Every field of the input object but `observations`, in the order they are checked.
    pub(super) fn top_parts(&mut self, map: &Map<String, Value>) -> TopParts {
        self.unknown_fields(map.keys().map(String::as_str), "$", TOP_FIELDS);

        let as_of = match self.string(map, "asOf", &"$", true) {
            Some(s) => {
                let d = Date::parse(s.trim());
                if d.is_none() {
                    self.push(problem::invalid_as_of(&s, &YEARS));
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
                    self.push(problem::unknown_locale(&s));
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
                    self.push(problem::unknown_option_value(OptionValue::RampReading, &s));
                }
                r
            }
        };
        if let Some(s) = self.string(map, "trendMethod", &"$.options", false) {
            if s.trim() != TrendMethod::CagrRatio.code() {
                ok = false;
                self.push(problem::unknown_option_value(OptionValue::TrendMethod, &s));
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
                    self.push(problem::unknown_option_value(OptionValue::Text, &s));
                    TextMode::Both
                }
            },
        };
        let only = match map.get("only") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let s = self.selection(v);
                ok &= s.is_some();
                s
            }
        };
        ok.then_some(Options {
            ramp_reading,
            trend_method: TrendMethod::CagrRatio,
            baseline_year,
            text,
            only,
        })
    }

    /// `options.only`: `{ indicators?: [id…], units?: [id…] }`.
    fn selection(&mut self, v: &Value) -> Option<Selection> {
        let map = self.object(v, "$.options.only", ONLY_FIELDS)?;
        let indicators = self.id_list(map.get("indicators"), "$.options.only.indicators");
        let units = self.id_list(map.get("units"), "$.options.only.units");
        Some(Selection {
            indicators: indicators?,
            units: units?,
        })
    }

    /// A list of ids, sorted and without repeats: `Some(None)` when absent, `None` on error.
    fn id_list(&mut self, v: Option<&Value>, path: &str) -> Option<Option<Vec<String>>> {
        let items = match v {
            None | Some(Value::Null) => return Some(None),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(path.to_string(), AN_ARRAY, Field::of(other));
                return None;
            }
        };
        if items.len() > MAX_SELECTED {
            self.push(problem::id_list_too_large(path, items.len(), MAX_SELECTED));
            return None;
        }
        let before = self.errors.len();
        let mut ids = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) if !s.trim().is_empty() && s.chars().count() <= super::limits::MAX_STRING_CHARS => {
                    ids.push(s.clone());
                }
                Value::String(_) => self.push(problem::empty(format!("{path}[{i}]"), Empty::SelectedId)),
                other => self.wrong_type(format!("{path}[{i}]"), A_STRING, Field::of(other)),
            }
        }
        if self.errors.len() != before {
            return None;
        }
        crate::sort::sort(&mut ids);
        ids.dedup();
        Some(Some(ids))
    }
}
