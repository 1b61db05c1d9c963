//! One saved answer of the portal, as the API returned it: checked (`code` `OK`, JSON rather
//! than a saved HTML page, the shape of its endpoint's family) and read into rows.

use serde_json::Value;

use crate::error::portal766::{self as problem, BadAnswer, Want};
use crate::error::{serde_message, Error};
use crate::messages::isolate;

/// The two shapes of answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `data.overview` (the province) + `data.evaluation[]`, each row with `metrics[]`.
    Overview,
    /// `data.parent` (the province) + `data.children[]`, each row with fields of its own.
    Tree,
}

/// The endpoints of `POST /api/v1/reporting/evaluation/<endpoint>` and their families.
pub const ENDPOINTS: [(&str, Family); 6] = [
    ("dossier-digitized", Family::Overview),
    ("handling-satisfaction", Family::Overview),
    ("transparency", Family::Overview),
    ("dvc-progress-tree", Family::Tree),
    ("provide-online-tree", Family::Tree),
    ("formality-online-payment-tree", Family::Tree),
];

/// What a row is, from `departmentType` / `departmentLevel` / `level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The province row (`overview`, `parent`): the city.
    Province,
    /// A department (sở, ngành): a city-level unit of its own, never a commune.
    Department,
    /// A district (answers of periods before 1 July 2025).
    District,
    Commune,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Province => "province",
            Kind::Department => "department",
            Kind::District => "district",
            Kind::Commune => "commune",
        }
    }
}

/// A metric of an overview row.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub code: String,
    pub name: Option<String>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub ratio: Option<f64>,
    pub score: Option<f64>,
    pub max_score: Option<f64>,
    pub data_quality_status: Option<Value>,
    pub data_quality_message: Option<Value>,
}

/// A row of an overview answer (`overview` or an item of `evaluation`).
#[derive(Debug, Clone, PartialEq)]
pub struct OverviewRow {
    pub department_id: String,
    pub department_name: Option<String>,
    pub department_code: Option<String>,
    pub department_type: Option<String>,
    pub department_level: Option<String>,
    pub total_score: Option<f64>,
    pub total_max_score: Option<f64>,
    pub ratio: Option<f64>,
    pub metrics: Vec<Metric>,
    pub data_quality_status: Option<Value>,
    pub data_quality_message: Option<Value>,
}

/// A row of a tree answer (`parent` or an item of `children`): its endpoint's own fields are
/// kept by name (`totalReceived`, `totalDossierOnlinePaymentSuccess`, …).
#[derive(Debug, Clone, PartialEq)]
pub struct TreeRow {
    pub department_id: String,
    pub department_name: Option<String>,
    pub department_code: Option<String>,
    pub level: Option<String>,
    /// Every field of the row, by name.
    pub fields: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pagination {
    pub total: Option<f64>,
    pub current_page: Option<f64>,
    pub page_size: Option<f64>,
}

// Fields read by hand rather than by serde's derived readers: the derived code cost the
// `.wasm` about 60 KB gzipped, on every page, for a door few pages use.

fn of_type(path: String, key: &str, want: Want, got: &Value) -> Error {
    problem::bad_answer(
        format!("{path}.{key}"),
        BadAnswer::WrongType {
            key,
            want,
            got: quote(&clip_value(got)),
        },
    )
}

fn clip_value(v: &Value) -> String {
    v.to_string().chars().take(40).collect()
}

/// A text field: absent or `null` is `None`.
fn text_field(o: &serde_json::Map<String, Value>, key: &str, path: &str) -> Result<Option<String>, Error> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(of_type(path.to_string(), key, Want::Text, other)),
    }
}

/// A number field: absent or `null` is `None`.
fn number_field(o: &serde_json::Map<String, Value>, key: &str, path: &str) -> Result<Option<f64>, Error> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(other) => Err(of_type(path.to_string(), key, Want::Number, other)),
    }
}

fn as_object<'a>(v: &'a Value, path: &str) -> Result<&'a serde_json::Map<String, Value>, Error> {
    v.as_object().ok_or_else(|| {
        problem::bad_answer(
            path,
            BadAnswer::NotAnObject {
                got: quote(&clip_value(v)),
            },
        )
    })
}

fn required_id(o: &serde_json::Map<String, Value>, path: &str) -> Result<String, Error> {
    text_field(o, "departmentId", path)?
        .ok_or_else(|| problem::bad_answer(format!("{path}.departmentId"), BadAnswer::NoDepartmentId))
}

fn read_metric(v: &Value, path: &str) -> Result<Metric, Error> {
    let o = as_object(v, path)?;
    let code = text_field(o, "code", path)?
        .ok_or_else(|| problem::bad_answer(format!("{path}.code"), BadAnswer::NoMetricCode))?;
    Ok(Metric {
        code,
        name: text_field(o, "name", path)?,
        numerator: number_field(o, "numerator", path)?,
        denominator: number_field(o, "denominator", path)?,
        ratio: number_field(o, "ratio", path)?,
        score: number_field(o, "score", path)?,
        max_score: number_field(o, "maxScore", path)?,
        data_quality_status: o.get("dataQualityStatus").cloned(),
        data_quality_message: o.get("dataQualityMessage").cloned(),
    })
}

fn read_overview_row(v: &Value, path: &str) -> Result<OverviewRow, Error> {
    let o = as_object(v, path)?;
    let metrics = match o.get("metrics") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(j, m)| read_metric(m, &format!("{path}.metrics[{j}]")))
            .collect::<Result<_, _>>()?,
        Some(other) => return Err(of_type(path.to_string(), "metrics", Want::List, other)),
    };
    Ok(OverviewRow {
        department_id: required_id(o, path)?,
        department_name: text_field(o, "departmentName", path)?,
        department_code: text_field(o, "departmentCode", path)?,
        department_type: text_field(o, "departmentType", path)?,
        department_level: text_field(o, "departmentLevel", path)?,
        total_score: number_field(o, "totalScore", path)?,
        total_max_score: number_field(o, "totalMaxScore", path)?,
        ratio: number_field(o, "ratio", path)?,
        metrics,
        data_quality_status: o.get("dataQualityStatus").cloned(),
        data_quality_message: o.get("dataQualityMessage").cloned(),
    })
}

fn read_tree_row(v: &Value, path: &str) -> Result<TreeRow, Error> {
    let o = as_object(v, path)?;
    Ok(TreeRow {
        department_id: required_id(o, path)?,
        department_name: text_field(o, "departmentName", path)?,
        department_code: text_field(o, "departmentCode", path)?,
        level: text_field(o, "level", path)?,
        fields: o.clone(),
    })
}

fn read_pagination(v: &Value, path: &str) -> Result<Pagination, Error> {
    let o = as_object(v, path)?;
    Ok(Pagination {
        total: number_field(o, "total", path)?,
        current_page: number_field(o, "currentPage", path)?,
        page_size: number_field(o, "pageSize", path)?,
    })
}

/// A row of either family, with what the conversion needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// JSON path of the row in the caller's input.
    pub path: String,
    pub kind: Kind,
    pub department_id: String,
    pub department_code: Option<String>,
    pub name: String,
    pub body: Body,
    /// The row as given, without `stt` (to tell a repeat from a conflict).
    pub raw: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Overview(OverviewRow),
    Tree(TreeRow),
}

/// One answer read: its province row and its other rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub province: Row,
    pub rows: Vec<Row>,
    pub pagination: Option<Pagination>,
}

/// A text from the portal quoted in a message: isolated, and cut to a readable length.
pub(super) fn quote(s: &str) -> String {
    let cut: String = s.chars().take(200).collect();
    isolate(&cut).into_owned()
}

/// The answer as a JSON value: an object as given, or text parsed (a saved HTML page is
/// refused with its own code).
pub fn answer_value(answer: &Value, path: &str) -> Result<Value, Error> {
    let Value::String(text) = answer else {
        return Ok(answer.clone());
    };
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        return Err(problem::html(path));
    }
    serde_json::from_str(trimmed).map_err(|e| {
        let m = serde_message(&e.to_string());
        problem::invalid_json(path, &m)
    })
}

/// Reads one answer of `family` at `path` (`$.answers[i].answer`).
pub fn read_page(answer: &Value, family: Family, path: &str) -> Result<Page, Vec<Error>> {
    let Some(obj) = answer.as_object() else {
        return Err(vec![problem::bad_answer(path, BadAnswer::NotAnAnswer)]);
    };
    match obj.get("code") {
        Some(Value::String(c)) if c == "OK" => {}
        other => {
            let code = match other {
                Some(Value::String(c)) => c.clone(),
                Some(v) => v.to_string(),
                None => "null".to_string(),
            };
            let said = obj
                .get("message")
                .and_then(Value::as_str)
                .map(|m| format!(": {}", quote(m)))
                .unwrap_or_default();
            return Err(vec![problem::not_ok(format!("{path}.code"), &quote(&code), &said)]);
        }
    }
    let Some(data) = obj.get("data").and_then(Value::as_object) else {
        return Err(vec![problem::bad_answer(format!("{path}.data"), BadAnswer::NoData)]);
    };
    let (top, list) = match family {
        Family::Overview => ("overview", "evaluation"),
        Family::Tree => ("parent", "children"),
    };
    let mut errors = Vec::new();
    let province = match data.get(top) {
        Some(v @ Value::Object(_)) => read_row(v, family, true, format!("{path}.data.{top}")),
        _ => Err(problem::bad_answer(
            format!("{path}.data.{top}"),
            BadAnswer::NoTop { top },
        )),
    };
    let mut rows = Vec::new();
    match data.get(list) {
        Some(Value::Array(items)) => {
            for (j, item) in items.iter().enumerate() {
                match read_row(item, family, false, format!("{path}.data.{list}[{j}]")) {
                    Ok(r) => rows.push(r),
                    Err(e) => errors.push(e),
                }
            }
        }
        None | Some(Value::Null) => {}
        Some(_) => errors.push(problem::bad_answer(
            format!("{path}.data.{list}"),
            BadAnswer::ListNotAList { list },
        )),
    }
    let pagination = match data.get("pagination") {
        None | Some(Value::Null) => None,
        Some(v) => match read_pagination(v, &format!("{path}.data.pagination")) {
            Ok(p) => Some(p),
            Err(e) => {
                errors.push(e);
                None
            }
        },
    };
    match province {
        Ok(province) if errors.is_empty() => Ok(Page {
            province,
            rows,
            pagination,
        }),
        Ok(_) => Err(errors),
        Err(e) => {
            errors.insert(0, e);
            Err(errors)
        }
    }
}

fn read_row(v: &Value, family: Family, is_province: bool, path: String) -> Result<Row, Error> {
    let mut raw = v.clone();
    if let Some(o) = raw.as_object_mut() {
        o.remove("stt");
    }
    let (id, code, name, level_text, body) = match family {
        Family::Overview => {
            let r = read_overview_row(v, &path)?;
            let level = match (r.department_type.as_deref(), r.department_level.as_deref()) {
                (Some("PROVINCIAL_DEPARTMENT"), _) => Some("DEPARTMENT".to_string()),
                (_, Some(l)) => Some(l.to_string()),
                (Some(t), None) if t.starts_with("COMMUNE") => Some("COMMUNE".to_string()),
                _ => None,
            };
            (
                r.department_id.clone(),
                r.department_code.clone(),
                r.department_name.clone(),
                level,
                Body::Overview(r),
            )
        }
        Family::Tree => {
            let r = read_tree_row(v, &path)?;
            (
                r.department_id.clone(),
                r.department_code.clone(),
                r.department_name.clone(),
                r.level.clone(),
                Body::Tree(r),
            )
        }
    };
    if id.trim().is_empty() {
        return Err(problem::bad_answer(
            format!("{path}.departmentId"),
            BadAnswer::NoDepartmentId,
        ));
    }
    let kind = if is_province {
        Kind::Province
    } else {
        match level_text.as_deref() {
            // Below the province, a row of the province level is a department (sở, ngành).
            Some("DEPARTMENT") | Some("PROVINCE") => Kind::Department,
            Some("DISTRICT") => Kind::District,
            Some("COMMUNE") => Kind::Commune,
            other => {
                let said = other.map(quote).unwrap_or_else(|| "null".to_string());
                return Err(problem::bad_answer(path, BadAnswer::UnknownLevel { said }));
            }
        }
    };
    let code = code.filter(|c| !c.trim().is_empty());
    Ok(Row {
        path,
        kind,
        name: name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| code.clone().unwrap_or_else(|| id.clone())),
        department_id: id,
        department_code: code,
        body,
        raw,
    })
}

/// A number field of a tree row: `None` when absent or `null`; an error when not a number.
pub fn tree_number(row: &TreeRow, field: &str, path: &str) -> Result<Option<f64>, Error> {
    match row.fields.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(other) => Err(problem::bad_answer(
            format!("{path}.{field}"),
            BadAnswer::NotANumber {
                field,
                got: quote(&other.to_string()),
            },
        )),
    }
}
