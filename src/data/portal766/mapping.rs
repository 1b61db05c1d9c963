//! Which 766 metric stands for which plan indicator: a data file beside the rule pack
//! (`src/plan/can_tho_2021_2025.portal766.json`, schema `portal766-mapping.schema.json`),
//! each entry with a sentence in both languages on how the two measures differ.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::answer::{Family, ENDPOINTS};
use crate::error::{serde_message, Error, ErrorCode, Errors};
use crate::messages::Text;
use crate::plan::{Measure, Plan};

/// The mapping for the embedded Cần Thơ 2021–2025 plan.
pub const EMBEDDED_PORTAL766_MAPPING_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/can_tho_2021_2025.portal766.json"));

/// The JSON Schema of a mapping file (for editors).
pub const PORTAL766_MAPPING_SCHEMA_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/portal766-mapping.schema.json"));

/// A mapping file: the plan it belongs to, the metrics mapped and those left out.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Mapping {
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    pub format_version: u32,
    /// The rule pack's `plan.id`.
    pub plan: String,
    pub mappings: Vec<Entry>,
    #[serde(default)]
    pub left_out: Vec<LeftOut>,
}

/// One metric standing for one indicator.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entry {
    pub indicator: String,
    pub endpoint: String,
    /// Overview endpoints: the metric's `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// Tree endpoints: the row fields holding the numerator and the denominator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<String>,
    /// Tree endpoints, optional: the row field holding the portal's percentage of the two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LeftOut {
    pub endpoint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    #[serde(default)]
    pub indicators: Vec<String>,
    pub reason: Text,
}

fn bad(path: String, vi: String, en: String) -> Error {
    Error::new(ErrorCode::Portal766BadMapping, path, vi, en)
}

/// Reads and checks a mapping against `plan`: every indicator exists and is a percentage,
/// at most one metric per indicator and one indicator per metric, each entry of its
/// endpoint's family, each sentence written in both languages.
pub fn read_mapping(value: &serde_json::Value, plan: &Plan, path: &str) -> Result<Mapping, Errors> {
    let mapping: Mapping = serde_json::from_value(value.clone()).map_err(|e| {
        let m = serde_message(&e.to_string());
        bad(
            path.to_string(),
            format!("bảng ánh xạ 766: {}", m.vi),
            format!("the 766 mapping: {}", m.en),
        )
    })?;
    let mut errors = Vec::new();
    if mapping.format_version != 1 {
        errors.push(bad(
            format!("{path}.formatVersion"),
            format!("chỉ hỗ trợ `formatVersion` 1, không phải `{}`", mapping.format_version),
            format!("only `formatVersion` 1 is supported, not `{}`", mapping.format_version),
        ));
    }
    if mapping.plan != plan.plan.id {
        errors.push(bad(
            format!("{path}.plan"),
            format!(
                "bảng ánh xạ dành cho kế hoạch `{}`, không phải `{}`",
                mapping.plan, plan.plan.id
            ),
            format!("the mapping is for the plan `{}`, not `{}`", mapping.plan, plan.plan.id),
        ));
    }
    let mut indicators = BTreeSet::new();
    let mut metrics = BTreeSet::new();
    for (i, e) in mapping.mappings.iter().enumerate() {
        let at = format!("{path}.mappings[{i}]");
        match plan.indicator(&e.indicator) {
            None => errors.push(bad(
                format!("{at}.indicator"),
                format!("kế hoạch không có chỉ tiêu `{}`", e.indicator),
                format!("the plan has no indicator `{}`", e.indicator),
            )),
            Some(ind) if ind.measure != Measure::Percentage => errors.push(bad(
                format!("{at}.indicator"),
                format!("chỉ tiêu `{}` không đo bằng tỷ lệ phần trăm", e.indicator),
                format!("the indicator `{}` is not a percentage", e.indicator),
            )),
            Some(_) => {}
        }
        if !indicators.insert(e.indicator.as_str()) {
            errors.push(bad(
                format!("{at}.indicator"),
                format!("chỉ tiêu `{}` được ánh xạ hai lần", e.indicator),
                format!("the indicator `{}` is mapped twice", e.indicator),
            ));
        }
        let family = ENDPOINTS.iter().find(|(name, _)| *name == e.endpoint).map(|(_, f)| *f);
        let shape_ok = match family {
            None => {
                errors.push(bad(
                    format!("{at}.endpoint"),
                    format!("không biết endpoint `{}`", e.endpoint),
                    format!("unknown endpoint `{}`", e.endpoint),
                ));
                true
            }
            Some(Family::Overview) => e.metric.is_some() && e.numerator.is_none() && e.denominator.is_none(),
            Some(Family::Tree) => e.metric.is_none() && e.numerator.is_some() && e.denominator.is_some(),
        };
        if !shape_ok {
            errors.push(bad(
                at.clone(),
                "endpoint tổng quan cần `metric`; endpoint dạng cây cần `numerator` và `denominator`".to_string(),
                "an overview endpoint needs `metric`; a tree endpoint needs `numerator` and `denominator`".to_string(),
            ));
        }
        if !metrics.insert((e.endpoint.as_str(), e.metric_name())) {
            errors.push(bad(
                at.clone(),
                format!("chỉ số `{}` của `{}` được ánh xạ hai lần", e.metric_name(), e.endpoint),
                format!("the metric `{}` of `{}` is mapped twice", e.metric_name(), e.endpoint),
            ));
        }
        if e.difference.vi.trim().is_empty() || e.difference.en.trim().is_empty() {
            errors.push(bad(
                format!("{at}.difference"),
                "cần một câu bằng cả tiếng Việt và tiếng Anh nói hai thước đo khác nhau thế nào".to_string(),
                "a sentence in both Vietnamese and English on how the two measures differ is required".to_string(),
            ));
        }
    }
    if errors.is_empty() {
        Ok(mapping)
    } else {
        Err(Errors(errors))
    }
}

/// The mapping an evaluation uses: the input's own, or the embedded plan's.
pub(super) fn resolve(given: Option<&serde_json::Value>, plan: &Plan) -> Result<Mapping, Errors> {
    if let Some(v) = given {
        return read_mapping(v, plan, "$.mapping");
    }
    let embedded: serde_json::Value = serde_json::from_str(EMBEDDED_PORTAL766_MAPPING_JSON).map_err(|_| {
        Errors::one(Error::new(
            ErrorCode::Internal,
            "$",
            "bảng ánh xạ 766 gắn sẵn không đọc được",
            "the embedded 766 mapping cannot be read",
        ))
    })?;
    let plan_of = embedded
        .get("plan")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    if plan_of != plan.plan.id {
        return Err(Errors::one(Error::new(
            ErrorCode::Portal766NoMapping,
            "$.mapping",
            format!(
                "kế hoạch `{}` không có bảng ánh xạ chỉ số 766 gắn sẵn: hãy đưa `mapping`",
                plan.plan.id
            ),
            format!(
                "the plan `{}` has no embedded 766 mapping: give one as `mapping`",
                plan.plan.id
            ),
        )));
    }
    read_mapping(&embedded, plan, "$.mapping")
}
