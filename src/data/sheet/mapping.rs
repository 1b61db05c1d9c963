//! The mapping: which cells of a sheet say what. JSON, written once per kind of export:
//!
//! ```json
//! {
//!   "sheet": "Biểu 01",
//!   "headingRows": 2,
//!   "unit": { "column": "Tên đơn vị", "names": { "Phường Ninh Kiều": "nk", "Xã Tân An": "nk.tan_an" } },
//!   "period": { "column": "Kỳ báo cáo" },
//!   "totals": { "unit": "ct" },
//!   "indicators": [
//!     { "indicator": "proc.online_l34", "value": "Tỷ lệ (%)" },
//!     { "indicator": "proc.on_time", "numerator": ["Số hồ sơ", "Đúng hạn"], "denominator": ["Số hồ sơ", "Tiếp nhận"] }
//!   ]
//! }
//! ```
//!
//! - `sheet`: the sheet's name (default: the first sheet that is not hidden).
//! - `headingRow` (1-based) and `headingRows` (1 or 2, default 1): where the headings are;
//!   without `headingRow`, the first of the first 30 rows that holds the unit's heading.
//!   With two heading rows, an upper cell (merged or followed by blanks) heads every column
//!   below it: `["Số hồ sơ", "Tiếp nhận"]`.
//! - A column is named by its heading (text: the lowest heading, or upper and lower joined by
//!   ` / `), by its heading path (`["Số hồ sơ", "Tiếp nhận"]`), or by its letter
//!   (`{ "letter": "D" }`). Headings match after folding (NFC, case, spaces); failing that, a
//!   looser match (punctuation dropped, `tỉ`/`tỷ`, old and new tone placement, or a heading
//!   that starts with the words) is used when it is the only one, and listed as a guess.
//! - `unit`: its `column`, and `names` or `codes`: the table from the sheet's text to unit
//!   ids (matched folded). Without a table the cell is the unit id. A name not in the table
//!   skips its row, listed.
//! - `period`: `{ "column": … }` (text such as `Quý 3/2026`; with `"date": "month"` (or
//!   `quarter`, `half`, `year`) the column holds dates, serial numbers included), or
//!   `{ "fixed": "Quý 3/2026" }` for a sheet of one period.
//! - `totals`: rows whose unit cell starts with `labels` (default `Tổng cộng`, `Tổng số`,
//!   `Tổng`, `Cộng`) are skipped, listed; with `unit`, they are that unit's figures (the city).
//! - `indicators`: for each indicator, the column of each figure: `value` (a percentage),
//!   `numerator` and `denominator`, `count` or `rank`.
//! - `decimal`: how text cells write numbers, `comma` (`1.234,5`, the default; a CSV with
//!   `,` as its delimiter: `point`) or `point` (`1234.5`).

use serde_json::{Map, Value};

use super::period::{self, Granularity};
use super::text::fold;
use crate::data::csv::number::Convention;
use crate::error::sheet::{self as problem, BadMapping};
use crate::error::{Error, Errors};

/// How a mapping names a column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ColumnRef {
    /// Heading text, or the path of headings from the top (both as written).
    Heading(Vec<String>),
    /// A 0-based column.
    Letter(usize),
}

impl ColumnRef {
    /// As the mapping wrote it, for messages.
    pub(crate) fn shown(&self) -> String {
        match self {
            ColumnRef::Heading(path) => path.join(" / "),
            ColumnRef::Letter(c) => super::grid::column_letters(*c),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct UnitColumn {
    pub column: ColumnRef,
    /// Folded name or code → unit id; empty: the cell is the id.
    pub table: Vec<(String, String)>,
    pub by_code: bool,
}

#[derive(Debug, Clone)]
pub(crate) enum PeriodSource {
    /// The engine's text of a period.
    Fixed(String),
    Column {
        column: ColumnRef,
        date: Option<Granularity>,
    },
}

/// The observation fields a column may give.
pub(crate) const FIGURES: [&str; 5] = ["value", "numerator", "denominator", "count", "rank"];

#[derive(Debug, Clone)]
pub(crate) struct IndicatorColumns {
    pub indicator: String,
    /// (field of [`FIGURES`], column).
    pub figures: Vec<(&'static str, ColumnRef)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Mapping {
    pub sheet: Option<String>,
    /// 0-based.
    pub heading_row: Option<usize>,
    pub heading_rows: usize,
    pub unit: UnitColumn,
    pub period: PeriodSource,
    pub indicators: Vec<IndicatorColumns>,
    /// Folded labels of totals rows, and the unit they stand for.
    pub totals: Vec<String>,
    pub totals_unit: Option<String>,
    pub decimal: Option<Convention>,
}

const FIELDS: [&str; 9] = [
    "sheet",
    "headingRow",
    "headingRows",
    "unit",
    "period",
    "totals",
    "indicators",
    "decimal",
    "$schema",
];

/// Reads a mapping; every problem at once.
pub(crate) fn read_mapping(v: &Value) -> Result<Mapping, Errors> {
    let Value::Object(o) = v else {
        return Err(problem::invalid_mapping("$.mapping", BadMapping::NotAnObject).into());
    };
    let mut errors = Vec::new();
    for key in o.keys() {
        if !FIELDS.contains(&key.as_str()) {
            errors.push(problem::invalid_mapping(
                format!("$.mapping.{key}"),
                BadMapping::UnknownField { key },
            ));
        }
    }
    let sheet = match o.get("sheet") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            errors.push(problem::invalid_mapping("$.mapping.sheet", BadMapping::SheetNotText));
            None
        }
    };
    let whole = |key: &str, range: std::ops::RangeInclusive<u64>, errors: &mut Vec<Error>| -> Option<u64> {
        let v = o.get(key)?;
        match v.as_u64().filter(|n| range.contains(n)) {
            Some(n) => Some(n),
            None => {
                errors.push(problem::invalid_mapping(
                    format!("$.mapping.{key}"),
                    BadMapping::NotWhole { key, range },
                ));
                None
            }
        }
    };
    let heading_row = whole("headingRow", 1..=1000, &mut errors).and_then(|n| usize::try_from(n - 1).ok());
    let heading_rows = whole("headingRows", 1..=2, &mut errors).map_or(1, |n| if n == 2 { 2 } else { 1 });
    let unit = read_unit(o, &mut errors);
    let period = read_period(o.get("period"), &mut errors);
    let indicators = read_indicators(o.get("indicators"), &mut errors);
    let (totals, totals_unit) = read_totals(o.get("totals"), &mut errors);
    let decimal = match o.get("decimal") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s == "comma" => Some(Convention::DecimalComma),
        Some(Value::String(s)) if s == "point" => Some(Convention::DecimalPoint),
        Some(_) => {
            errors.push(problem::invalid_mapping("$.mapping.decimal", BadMapping::Decimal));
            None
        }
    };
    match (unit, period, errors.is_empty()) {
        (Some(unit), Some(period), true) => Ok(Mapping {
            sheet,
            heading_row,
            heading_rows,
            unit,
            period,
            indicators,
            totals,
            totals_unit,
            decimal,
        }),
        _ => Err(Errors(errors)),
    }
}

fn read_column(v: Option<&Value>, path: &str, errors: &mut Vec<Error>) -> Option<ColumnRef> {
    let texts = |list: &[Value]| -> Option<Vec<String>> {
        let parts: Option<Vec<String>> = list.iter().map(|p| p.as_str().map(str::to_string)).collect();
        parts.filter(|p| (1..=2).contains(&p.len()) && p.iter().all(|s| !s.trim().is_empty()))
    };
    let read = match v {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(ColumnRef::Heading(vec![s.clone()])),
        Some(Value::Array(list)) => texts(list).map(ColumnRef::Heading),
        Some(Value::Object(o)) if o.len() == 1 => o
            .get("letter")
            .and_then(Value::as_str)
            .and_then(|l| super::grid::column_of(l.trim()))
            .map(ColumnRef::Letter),
        _ => None,
    };
    if read.is_none() {
        errors.push(problem::invalid_mapping(path, BadMapping::Column));
    }
    read
}

fn read_unit(o: &Map<String, Value>, errors: &mut Vec<Error>) -> Option<UnitColumn> {
    let Some(Value::Object(u)) = o.get("unit") else {
        errors.push(problem::invalid_mapping("$.mapping.unit", BadMapping::NoUnit));
        return None;
    };
    for key in u.keys() {
        if !["column", "names", "codes"].contains(&key.as_str()) {
            errors.push(problem::invalid_mapping(
                format!("$.mapping.unit.{key}"),
                BadMapping::UnknownUnitField { key },
            ));
        }
    }
    let column = read_column(u.get("column"), "$.mapping.unit.column", errors);
    if u.contains_key("names") && u.contains_key("codes") {
        errors.push(problem::invalid_mapping("$.mapping.unit", BadMapping::NamesAndCodes));
    }
    let (key, by_code) = if u.contains_key("codes") {
        ("codes", true)
    } else {
        ("names", false)
    };
    let mut table: Vec<(String, String)> = Vec::new();
    match u.get(key) {
        None | Some(Value::Null) => {}
        Some(Value::Object(t)) => {
            for (name, id) in t {
                let path = format!(
                    "$.mapping.unit.{key}[{}]",
                    serde_json::to_string(name).unwrap_or_default()
                );
                match id.as_str().filter(|s| !s.trim().is_empty()) {
                    Some(id) => {
                        let folded = fold(name);
                        match table.iter().find(|(n, _)| *n == folded) {
                            Some((_, other)) if other != id => {
                                errors.push(problem::invalid_mapping(path, BadMapping::TwoIds { name, other, id }))
                            }
                            Some(_) => {}
                            None => table.push((folded, id.trim().to_string())),
                        }
                    }
                    None => errors.push(problem::invalid_mapping(path, BadMapping::IdNotText)),
                }
            }
        }
        Some(_) => errors.push(problem::invalid_mapping(
            format!("$.mapping.unit.{key}"),
            BadMapping::NotATable { key },
        )),
    }
    // One sort for the crate (`crate::sort`): each standard sort is kilobytes of wasm.
    crate::sort::sort(&mut table);
    Some(UnitColumn {
        column: column?,
        table,
        by_code,
    })
}

fn read_period(v: Option<&Value>, errors: &mut Vec<Error>) -> Option<PeriodSource> {
    let Some(Value::Object(p)) = v else {
        errors.push(problem::invalid_mapping("$.mapping.period", BadMapping::Period));
        return None;
    };
    if let Some(fixed) = p.get("fixed") {
        if p.len() != 1 {
            errors.push(problem::invalid_mapping("$.mapping.period", BadMapping::Period));
            return None;
        }
        let text = fixed.as_str().unwrap_or_default();
        return match period::parse(&fold(text)) {
            Ok(pe) => Some(PeriodSource::Fixed(period::engine_text(pe))),
            Err(_) => {
                errors.push(problem::invalid_fixed_period(text));
                None
            }
        };
    }
    if p.keys().any(|k| k != "column" && k != "date") {
        errors.push(problem::invalid_mapping("$.mapping.period", BadMapping::Period));
        return None;
    }
    let column = read_column(p.get("column"), "$.mapping.period.column", errors)?;
    let date = match p.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(g)) if g == "year" => Some(Granularity::Year),
        Some(Value::String(g)) if g == "half" => Some(Granularity::Half),
        Some(Value::String(g)) if g == "quarter" => Some(Granularity::Quarter),
        Some(Value::String(g)) if g == "month" => Some(Granularity::Month),
        Some(_) => {
            errors.push(problem::invalid_mapping(
                "$.mapping.period.date",
                BadMapping::PeriodDate,
            ));
            return None;
        }
    };
    Some(PeriodSource::Column { column, date })
}

fn read_indicators(v: Option<&Value>, errors: &mut Vec<Error>) -> Vec<IndicatorColumns> {
    let Some(Value::Array(list)) = v.filter(|v| v.as_array().is_some_and(|a| !a.is_empty())) else {
        errors.push(problem::invalid_mapping(
            "$.mapping.indicators",
            BadMapping::NoIndicators,
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let path = format!("$.mapping.indicators[{i}]");
        let Value::Object(o) = item else {
            errors.push(problem::invalid_mapping(path, BadMapping::IndicatorNotObject));
            continue;
        };
        let Some(indicator) = o
            .get("indicator")
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
        else {
            errors.push(problem::invalid_mapping(
                format!("{path}.indicator"),
                BadMapping::NoIndicatorId,
            ));
            continue;
        };
        let mut figures = Vec::new();
        for (key, v) in o {
            if key == "indicator" {
                continue;
            }
            match FIGURES.iter().find(|f| **f == key) {
                Some(f) => {
                    if let Some(c) = read_column(Some(v), &format!("{path}.{key}"), errors) {
                        figures.push((*f, c));
                    }
                }
                None => errors.push(problem::invalid_mapping(
                    format!("{path}.{key}"),
                    BadMapping::UnknownIndicatorField { key },
                )),
            }
        }
        let has = |f: &str| figures.iter().any(|(k, _)| *k == f);
        let valid = match figures.len() {
            1 => has("value") || has("count") || has("rank") || has("numerator"),
            2 => has("numerator") && has("denominator"),
            _ => false,
        };
        if !valid {
            errors.push(problem::invalid_mapping(path, BadMapping::OneKindOfFigure));
            continue;
        }
        out.push(IndicatorColumns {
            indicator: indicator.trim().to_string(),
            figures,
        });
    }
    out
}

/// The labels a totals row starts with, by default.
const TOTALS: [&str; 4] = ["tổng cộng", "tổng số", "tổng", "cộng"];

fn read_totals(v: Option<&Value>, errors: &mut Vec<Error>) -> (Vec<String>, Option<String>) {
    let defaults = || TOTALS.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return (defaults(), None);
    };
    let Value::Object(o) = v else {
        errors.push(problem::invalid_mapping("$.mapping.totals", BadMapping::Totals));
        return (defaults(), None);
    };
    let mut labels = defaults();
    if let Some(l) = o.get("labels") {
        match l
            .as_array()
            .map(|a| a.iter().map(|s| s.as_str().map(fold)).collect::<Option<Vec<_>>>())
        {
            Some(Some(list)) if list.iter().all(|s| !s.is_empty()) => labels = list,
            _ => errors.push(problem::invalid_mapping(
                "$.mapping.totals.labels",
                BadMapping::TotalsLabels,
            )),
        }
    }
    let unit = match o.get("unit") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(_) => {
            errors.push(problem::invalid_mapping(
                "$.mapping.totals.unit",
                BadMapping::TotalsUnit,
            ));
            None
        }
    };
    if o.keys().any(|k| k != "labels" && k != "unit") {
        errors.push(problem::invalid_mapping("$.mapping.totals", BadMapping::TotalsFields));
    }
    // Longest first, so `tổng cộng` is matched before `tổng`.
    crate::sort::sort_by(&mut labels, |a, b| b.chars().count().cmp(&a.chars().count()));
    (labels, unit)
}
