//! Which 766 metric stands for which plan indicator: a data file beside the rule pack
//! (`src/plan/can_tho_2021_2025.portal766.json`, schema `portal766-mapping.schema.json`),
//! each entry with a sentence in both languages on how the two measures differ.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::{Map, Value};

use super::answer::{Family, ENDPOINTS};
use crate::error::portal766::{self as problem, BadMapping, Shape};
use crate::error::{Error, Errors};
use crate::messages::Text;
use crate::plan::{Measure, Plan};

/// The mapping for the embedded Cần Thơ 2021–2025 plan.
pub const EMBEDDED_PORTAL766_MAPPING_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/can_tho_2021_2025.portal766.json"));

/// The mapping for the embedded 2026–2030 targets (`can_tho_2026_2030.portal766.json`).
pub const CAN_THO_2026_2030_PORTAL766_MAPPING_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/can_tho_2026_2030.portal766.json"));

/// The embedded mappings, each chosen when a 766 evaluation runs against the plan whose
/// `plan.id` it names.
const EMBEDDED_MAPPINGS: [&str; 2] = [
    EMBEDDED_PORTAL766_MAPPING_JSON,
    CAN_THO_2026_2030_PORTAL766_MAPPING_JSON,
];

/// The JSON Schema of a mapping file (for editors).
pub const PORTAL766_MAPPING_SCHEMA_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/portal766-mapping.schema.json"));

/// A mapping file: the plan it belongs to, the metrics mapped and those left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mapping {
    pub format_version: u32,
    /// The rule pack's `plan.id`.
    pub plan: String,
    pub mappings: Vec<Entry>,
    pub left_out: Vec<LeftOut>,
}

/// One metric standing for one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub indicator: String,
    pub endpoint: String,
    /// Overview endpoints: the metric's `code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// Tree endpoints: the row fields holding the numerator and the denominator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<String>,
    /// Tree endpoints, optional: the row field holding the portal's percentage of the two.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<String>,
    /// How the portal's measure differs from the plan's, in both languages.
    pub difference: Text,
}

impl Entry {
    /// The metric's name in findings and the side table: the code, or `numerator/denominator`.
    pub fn metric_name(&self) -> String {
        match (&self.metric, &self.numerator, &self.denominator) {
            (Some(m), _, _) => m.clone(),
            (None, Some(n), Some(d)) => format!("{n}/{d}"),
            _ => String::new(),
        }
    }
}

/// A metric deliberately not mapped, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeftOut {
    pub endpoint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    pub indicators: Vec<String>,
    pub reason: Text,
}

/// Reads and checks a mapping against `plan`: every indicator exists and is a percentage,
/// at most one metric per indicator and one indicator per metric, each entry of its
/// endpoint's family, each sentence written in both languages.
pub fn read_mapping(value: &serde_json::Value, plan: &Plan, path: &str) -> Result<Mapping, Errors> {
    let mapping = parse(value, path).map_err(Errors::one)?;
    let mut errors = Vec::new();
    if mapping.format_version != 1 {
        errors.push(problem::bad_mapping(
            format!("{path}.formatVersion"),
            BadMapping::FormatVersion {
                version: mapping.format_version,
            },
        ));
    }
    if mapping.plan != plan.plan.id {
        errors.push(problem::bad_mapping(
            format!("{path}.plan"),
            BadMapping::OtherPlan {
                mapping_plan: &mapping.plan,
                plan: &plan.plan.id,
            },
        ));
    }
    let mut indicators = BTreeSet::new();
    let mut metrics = BTreeSet::new();
    for (i, e) in mapping.mappings.iter().enumerate() {
        let at = format!("{path}.mappings[{i}]");
        match plan.indicator(&e.indicator) {
            None => errors.push(problem::bad_mapping(
                format!("{at}.indicator"),
                BadMapping::UnknownIndicator {
                    indicator: &e.indicator,
                },
            )),
            Some(ind) if ind.measure != Measure::Percentage => errors.push(problem::bad_mapping(
                format!("{at}.indicator"),
                BadMapping::NotAPercentage {
                    indicator: &e.indicator,
                },
            )),
            Some(_) => {}
        }
        if !indicators.insert(e.indicator.as_str()) {
            errors.push(problem::bad_mapping(
                format!("{at}.indicator"),
                BadMapping::IndicatorTwice {
                    indicator: &e.indicator,
                },
            ));
        }
        let family = ENDPOINTS.iter().find(|(name, _)| *name == e.endpoint).map(|(_, f)| *f);
        let shape_ok = match family {
            None => {
                errors.push(problem::bad_mapping(
                    format!("{at}.endpoint"),
                    BadMapping::UnknownEndpoint { endpoint: &e.endpoint },
                ));
                true
            }
            Some(Family::Overview) => e.metric.is_some() && e.numerator.is_none() && e.denominator.is_none(),
            Some(Family::Tree) => e.metric.is_none() && e.numerator.is_some() && e.denominator.is_some(),
        };
        if !shape_ok {
            errors.push(problem::bad_mapping(at.clone(), BadMapping::MetricOrFraction));
        }
        if !metrics.insert((e.endpoint.as_str(), e.metric_name())) {
            errors.push(problem::bad_mapping(
                at.clone(),
                BadMapping::MetricTwice {
                    metric: e.metric_name(),
                    endpoint: &e.endpoint,
                },
            ));
        }
        if e.difference.vi.trim().is_empty() || e.difference.en.trim().is_empty() {
            errors.push(problem::bad_mapping(
                format!("{at}.difference"),
                BadMapping::NoDifference,
            ));
        }
    }
    if errors.is_empty() {
        Ok(mapping)
    } else {
        Err(Errors(errors))
    }
}

/// The mapping an evaluation uses: the input's own, or the embedded mapping of the plan's id.
pub(super) fn resolve(given: Option<&serde_json::Value>, plan: &Plan) -> Result<Mapping, Errors> {
    if let Some(v) = given {
        return read_mapping(v, plan, "$.mapping");
    }
    for json in EMBEDDED_MAPPINGS {
        let embedded: serde_json::Value = serde_json::from_str(json)
            .map_err(|_| Errors::one(crate::error::calls::embedded_766_mapping_unreadable()))?;
        if embedded.get("plan").and_then(serde_json::Value::as_str) == Some(plan.plan.id.as_str()) {
            return read_mapping(&embedded, plan, "$.mapping");
        }
    }
    Err(Errors::one(problem::no_mapping(&plan.plan.id)))
}

// Read by hand rather than by serde's derived readers, as the answers are (for the `.wasm`'s
// size): unknown fields are refused, as the schema says.

fn wrong(path: String, shape: Shape) -> Error {
    problem::bad_mapping(path, BadMapping::Unreadable(shape))
}

fn fields<'a>(v: &'a Value, path: &str, known: &[&str]) -> Result<&'a Map<String, Value>, Error> {
    let o = v
        .as_object()
        .ok_or_else(|| wrong(path.to_string(), Shape::NotAnObject))?;
    if let Some(k) = o.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(problem::bad_mapping(
            format!("{path}.{k}"),
            BadMapping::UnknownField { k },
        ));
    }
    Ok(o)
}

fn text_of(o: &Map<String, Value>, key: &str, path: &str) -> Result<Option<String>, Error> {
    match o.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(wrong(format!("{path}.{key}"), Shape::NotAString)),
    }
}

fn required(o: &Map<String, Value>, key: &str, path: &str) -> Result<String, Error> {
    text_of(o, key, path)?.ok_or_else(|| wrong(format!("{path}.{key}"), Shape::Missing))
}

fn sentence(o: &Map<String, Value>, key: &str, path: &str) -> Result<Text, Error> {
    let at = format!("{path}.{key}");
    let v = o.get(key).ok_or_else(|| wrong(at.clone(), Shape::Missing))?;
    let t = fields(v, &at, &["vi", "en"])?;
    Ok(Text::new(
        text_of(t, "vi", &at)?.unwrap_or_default(),
        text_of(t, "en", &at)?.unwrap_or_default(),
    ))
}

fn list<'a>(o: &'a Map<String, Value>, key: &str, path: &str) -> Result<&'a [Value], Error> {
    match o.get(key) {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(wrong(format!("{path}.{key}"), Shape::NotAList)),
    }
}

fn parse(value: &Value, path: &str) -> Result<Mapping, Error> {
    let o = fields(
        value,
        path,
        &["$schema", "formatVersion", "plan", "mappings", "leftOut"],
    )?;
    let format_version = match o.get("formatVersion") {
        Some(Value::Number(n)) => n.as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or(0),
        _ => return Err(wrong(format!("{path}.formatVersion"), Shape::FormatVersionNotANumber)),
    };
    if !o.contains_key("mappings") {
        return Err(wrong(format!("{path}.mappings"), Shape::Missing));
    }
    let mut mappings = Vec::new();
    for (i, e) in list(o, "mappings", path)?.iter().enumerate() {
        let at = format!("{path}.mappings[{i}]");
        let f = fields(
            e,
            &at,
            &[
                "indicator",
                "endpoint",
                "metric",
                "numerator",
                "denominator",
                "ratio",
                "difference",
            ],
        )?;
        mappings.push(Entry {
            indicator: required(f, "indicator", &at)?,
            endpoint: required(f, "endpoint", &at)?,
            metric: text_of(f, "metric", &at)?,
            numerator: text_of(f, "numerator", &at)?,
            denominator: text_of(f, "denominator", &at)?,
            ratio: text_of(f, "ratio", &at)?,
            difference: sentence(f, "difference", &at)?,
        });
    }
    let mut left_out = Vec::new();
    for (i, e) in list(o, "leftOut", path)?.iter().enumerate() {
        let at = format!("{path}.leftOut[{i}]");
        let f = fields(e, &at, &["endpoint", "metric", "indicators", "reason"])?;
        let indicators = list(f, "indicators", &at)?
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| wrong(format!("{at}.indicators"), Shape::NotStrings))?;
        left_out.push(LeftOut {
            endpoint: required(f, "endpoint", &at)?,
            metric: text_of(f, "metric", &at)?,
            indicators,
            reason: sentence(f, "reason", &at)?,
        });
    }
    Ok(Mapping {
        format_version,
        plan: required(o, "plan", path)?,
        mappings,
        left_out,
    })
}
