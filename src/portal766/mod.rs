//! The National Public Service Portal's 766 answers as input (Decision 766/QĐ-TTg: the
//! index every province, department and commune is scored on; see the npm README's "766
//! answers"). The portal's answers come exactly as its API returned them, each with the
//! endpoint it came from and the period the portal was asked for (the answer does not carry
//! it):
//!
//! ```json
//! {
//!   "asOf": "2026-12-07",
//!   "unitMap": { "H92": "ct", "H92.104": "ct.ninh_kieu" },
//!   "answers": [
//!     { "endpoint": "dossier-digitized", "period": "2026", "answer": { "code": "OK", "data": { … } } }
//!   ]
//! }
//! ```
//!
//! Besides `answers`, the input takes what an evaluation input takes (`asOf`, `locale`,
//! `label`, `options`, `units`); `unitMap` maps the portal's `departmentId` or
//! `departmentCode` to unit ids; `mapping` replaces the embedded plan's mapping of metrics to
//! indicators. Without `units`, units are made from the answers: the province row (`overview`
//! / `parent`) is the city, each commune a commune under it, with the mapped id, else the
//! portal's code, else its id; departments (sở, ngành) are shown as the portal gave them and
//! not judged (as city-level units their dossiers would be counted twice in the city level's
//! sums, the province row already holding them). With `units`, the province row is the city
//! unless mapped, and every other row must map to a unit of its own kind: a department to a
//! city-level unit other than the city, never to a commune.
//!
//! The parts: [`answer`] (one answer: checks and rows), [`mapping`] (metrics to indicators,
//! as data), `convert` (rows to observations and findings), [`side`] (what the report
//! carries beside the engine's: the portal's figures and scores, the mappings' sentences).

pub mod answer;
mod convert;
pub mod mapping;
pub mod side;

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use self::answer::{Body, ENDPOINTS};
use self::convert::{convert_group, Group, Out, Units};
use self::side::{MappingNote, Portal766Side};
use crate::data::{Input, Period};
use crate::error::input::{self as input_problem, Portal766Missing, Portal766Type};
use crate::error::portal766 as problem;
use crate::error::{Error, Errors};
use crate::plan::Plan;
use crate::report::Finding;

pub use self::mapping::{
    read_mapping, Mapping, CAN_THO_2026_2030_PORTAL766_MAPPING_JSON, EMBEDDED_PORTAL766_MAPPING_JSON,
    PORTAL766_MAPPING_SCHEMA_JSON,
};
pub use self::side::{Portal766Report, Portal766Side as Side};

/// The input's own fields, besides those of an evaluation input.
const OWN_FIELDS: [&str; 3] = ["answers", "unitMap", "mapping"];
/// The fields passed on to the evaluation input as they are.
const PASSED: [&str; 5] = ["asOf", "locale", "label", "options", "units"];

/// Answers read: the evaluation input they make, the findings of reading them, and the side
/// of the report.
#[derive(Debug, Clone)]
pub struct Converted {
    pub input: Input,
    pub findings: Vec<Finding>,
    pub side: Portal766Side,
}

/// Reads 766 answers (the input described in this module's documentation) into an
/// evaluation input for `plan`; every structural problem at once.
pub fn read_portal766(value: &Value, plan: &Plan) -> Result<Converted, Errors> {
    let Some(obj) = value.as_object() else {
        return Err(Errors::one(input_problem::portal766_not_object()));
    };
    let mut errors: Vec<Error> = Vec::new();
    for key in obj.keys() {
        if !OWN_FIELDS.contains(&key.as_str()) && !PASSED.contains(&key.as_str()) {
            errors.push(input_problem::portal766_unknown_field(
                format!("$.{key}"),
                key,
                Some(&fields_list()),
            ));
        }
    }
    let unit_map = read_unit_map(obj.get("unitMap"), &mut errors);
    let declared = read_declared(obj.get("units"));
    if let Some(d) = &declared {
        for (key, id) in &unit_map {
            if !d.iter().any(|(u, _, _)| u == id) {
                errors.push(problem::unknown_unit(key, id));
            }
        }
    }
    let mapping = match mapping::resolve(obj.get("mapping"), plan) {
        Ok(m) => Some(m),
        Err(e) => {
            errors.extend(e.0);
            None
        }
    };
    let groups = read_answers(obj.get("answers"), mapping.as_ref(), &mut errors);
    let (Some(mapping), true) = (mapping, errors.is_empty()) else {
        return Err(Errors(errors));
    };

    let mut units = Units::new(&unit_map, declared);
    let mut out = Out::default();
    for group in &groups {
        let entries: Vec<&mapping::Entry> = mapping
            .mappings
            .iter()
            .filter(|e| e.endpoint == group.endpoint)
            .collect();
        convert_group(group, &entries, &mut units, &mut out);
    }

    let mut input = Map::new();
    for key in PASSED {
        if let Some(v) = obj.get(key) {
            input.insert(key.to_string(), v.clone());
        }
    }
    if !input.contains_key("units") {
        input.insert("units".into(), Value::Array(units.made));
    }
    input.insert("observations".into(), Value::Array(out.observations));
    let input = crate::data::read_input(&Value::Object(input))?;
    let mappings = mapping
        .mappings
        .iter()
        .map(|e| MappingNote {
            used: out.used.contains(&e.indicator),
            entry: e.clone(),
        })
        .collect();
    Ok(Converted {
        input,
        findings: out.findings,
        side: Portal766Side {
            mappings,
            periods: out.periods,
            rows: out.rows,
        },
    })
}

fn fields_list() -> String {
    PASSED
        .iter()
        .chain(OWN_FIELDS.iter())
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn read_unit_map(v: Option<&Value>, errors: &mut Vec<Error>) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    match v {
        None | Some(Value::Null) => {}
        Some(Value::Object(o)) => {
            for (k, v) in o {
                match v.as_str() {
                    Some(id) if !id.trim().is_empty() => {
                        map.insert(k.clone(), id.to_string());
                    }
                    _ => errors.push(input_problem::portal766_wrong_type(
                        format!("$.unitMap['{k}']"),
                        Portal766Type::UnitMapEntry,
                    )),
                }
            }
        }
        Some(_) => errors.push(input_problem::portal766_wrong_type("$.unitMap", Portal766Type::UnitMap)),
    }
    map
}

/// The declared units' ids, levels and whether each has a parent; their full checks are the
/// evaluation input's.
fn read_declared(v: Option<&Value>) -> Option<Vec<(String, String, bool)>> {
    let list = v?.as_array()?;
    Some(
        list.iter()
            .filter_map(|u| {
                let id = u.get("id")?.as_str()?.to_string();
                let level = u.get("level")?.as_str()?.to_string();
                let has_parent = u.get("parent").is_some_and(|p| !p.is_null());
                Some((id, level, has_parent))
            })
            .collect(),
    )
}

/// Every answer read and grouped by endpoint and period, pages in the order given.
fn read_answers<'a>(v: Option<&'a Value>, mapping: Option<&Mapping>, errors: &mut Vec<Error>) -> Vec<Group<'a>> {
    let list = match v {
        Some(Value::Array(list)) if !list.is_empty() => list,
        Some(Value::Array(_)) | None | Some(Value::Null) => {
            errors.push(input_problem::portal766_missing("$.answers", Portal766Missing::Answers));
            return Vec::new();
        }
        Some(_) => {
            errors.push(input_problem::portal766_wrong_type("$.answers", Portal766Type::Answers));
            return Vec::new();
        }
    };
    let mut groups: Vec<Group<'a>> = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let at = format!("$.answers[{i}]");
        let Some(o) = item.as_object() else {
            errors.push(input_problem::portal766_wrong_type(at, Portal766Type::Answer));
            continue;
        };
        for key in o.keys() {
            if !["endpoint", "period", "answer", "name"].contains(&key.as_str()) {
                errors.push(input_problem::portal766_unknown_field(format!("{at}.{key}"), key, None));
            }
        }
        let text = |k: &str, errors: &mut Vec<Error>| match o.get(k) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.as_str()),
            None | Some(Value::Null) => {
                errors.push(input_problem::portal766_missing(
                    format!("{at}.{k}"),
                    Portal766Missing::Field(k),
                ));
                None
            }
            Some(_) => {
                errors.push(input_problem::portal766_wrong_type(
                    format!("{at}.{k}"),
                    Portal766Type::Text,
                ));
                None
            }
        };
        let endpoint = text("endpoint", errors);
        let period_text = text("period", errors);
        let family = endpoint.and_then(|e| match ENDPOINTS.iter().find(|(name, _)| *name == e) {
            Some((_, f)) => Some(*f),
            None => {
                let known = ENDPOINTS
                    .iter()
                    .map(|(n, _)| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                errors.push(problem::unknown_endpoint(
                    format!("{at}.endpoint"),
                    &answer::quote(e),
                    &known,
                ));
                None
            }
        });
        let period = period_text.and_then(|p| match Period::parse(p) {
            Ok(p) => Some(p),
            Err(_) => {
                errors.push(input_problem::portal766_invalid_period(
                    format!("{at}.period"),
                    &answer::quote(p),
                ));
                None
            }
        });
        let Some(raw) = o.get("answer") else {
            errors.push(input_problem::portal766_missing(
                format!("{at}.answer"),
                Portal766Missing::Answer,
            ));
            continue;
        };
        let answer_at = format!("{at}.answer");
        let value = match answer::answer_value(raw, &answer_at) {
            Ok(v) => v,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let (Some(endpoint), Some(family), Some(period)) = (endpoint, family, period) else {
            continue;
        };
        let page = match answer::read_page(&value, family, &answer_at) {
            Ok(p) => p,
            Err(e) => {
                errors.extend(e);
                continue;
            }
        };
        check_tree_fields(&page, endpoint, mapping, errors);
        match groups.iter_mut().find(|g| g.endpoint == endpoint && g.period == period) {
            Some(g) => g.pages.push((i, page)),
            None => groups.push(Group {
                endpoint,
                period,
                pages: vec![(i, page)],
            }),
        }
    }
    groups
}

/// The fields a tree row is read for must be numbers (or absent, or `null`).
fn check_tree_fields(page: &answer::Page, endpoint: &str, mapping: Option<&Mapping>, errors: &mut Vec<Error>) {
    let mut fields: Vec<&str> = vec!["score", "maxScore", "totalScore", "totalMaxScore", "ratio"];
    for e in mapping
        .iter()
        .flat_map(|m| m.mappings.iter())
        .filter(|e| e.endpoint == endpoint)
    {
        fields.extend(
            [e.numerator.as_deref(), e.denominator.as_deref(), e.ratio.as_deref()]
                .into_iter()
                .flatten(),
        );
    }
    for row in std::iter::once(&page.province).chain(page.rows.iter()) {
        if let Body::Tree(r) = &row.body {
            for f in &fields {
                if let Err(e) = answer::tree_number(r, f, &row.path) {
                    errors.push(e);
                }
            }
        }
    }
}

/// Whether a JSON value looks like 766 answers (an object with `answers`), or like one
/// answer of the portal (`code` and `data`).
pub fn looks_like_portal766(value: &Value) -> bool {
    value.get("answers").is_some_and(Value::is_array)
        || (value.get("code").is_some() && value.get("data").is_some_and(Value::is_object))
}

/// The report of an evaluation of answers: the engine's, with the reading's findings merged
/// in order and each mapping's sentence in the explanation of the rows judged on it.
pub fn finish(mut report: crate::report::Report, findings: Vec<Finding>, side: Portal766Side) -> Portal766Report {
    let only = report.options.only.clone();
    let only = only.as_ref();
    report.findings.extend(findings.into_iter().filter(|f| {
        only.map_or(true, |o| {
            f.indicator.as_deref().map_or(true, |i| o.keeps_indicator(i))
                && f.unit.as_deref().map_or(true, |u| o.keeps_unit(u))
        })
    }));
    crate::sort::sort_by(&mut report.findings, |a, b| {
        (&a.indicator, &a.unit, &a.period, a.code, &a.path, &a.message).cmp(&(
            &b.indicator,
            &b.unit,
            &b.period,
            b.code,
            &b.path,
            &b.message,
        ))
    });
    report.findings.dedup();
    side::note_rows(&mut report, &side.mappings);
    let mut side = side;
    if let Some(o) = only {
        side.rows
            .retain(|r| r.unit.as_deref().map_or(o.units.is_none(), |u| o.keeps_unit(u)));
    }
    Portal766Report {
        report,
        portal766: side,
    }
}
