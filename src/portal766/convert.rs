//! From rows of the portal's answers to the engine's units and observations: pages of one
//! period merged, each row's unit found through the unit mapping, each mapped metric turned
//! into an observation or a finding, and every figure kept in the side table as the portal
//! gave it (with its official score, never recomputed).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::answer::{quote, tree_number, Body, Kind, Page, Row};
use super::mapping::Entry;
use super::side::{FigureUse, PeriodNote, PortalMetric, PortalRow};
use crate::data::Period;
use crate::messages::{format_trimmed, Locale};
use crate::report::{Finding, FindingCode, Num};

/// The answers of one endpoint and period: its pages, in the order given.
pub(super) struct Group<'a> {
    pub endpoint: &'a str,
    pub period: Period,
    /// `(index in $.answers, the page)`.
    pub pages: Vec<(usize, Page)>,
}

/// Where each portal unit goes.
pub(super) struct Units<'a> {
    pub unit_map: &'a BTreeMap<String, String>,
    /// Declared units: id → level (`city`, `district`, `commune`); `None`: units from the
    /// answers.
    pub declared: Option<BTreeMap<String, String>>,
    /// The declared city: the city-level unit without a parent.
    pub city: Option<String>,
    /// Units made from the answers, in order of appearance.
    pub made: Vec<Value>,
    made_ids: BTreeMap<String, String>,
    taken: BTreeSet<String>,
}

impl<'a> Units<'a> {
    pub fn new(unit_map: &'a BTreeMap<String, String>, declared: Option<Vec<(String, String, bool)>>) -> Self {
        let city = declared
            .as_ref()
            .and_then(|d| d.iter().find(|(_, level, has_parent)| level == "city" && !has_parent))
            .map(|(id, _, _)| id.clone());
        Units {
            unit_map,
            declared: declared.map(|d| d.into_iter().map(|(id, level, _)| (id, level)).collect()),
            city,
            made: Vec::new(),
            made_ids: BTreeMap::new(),
            taken: BTreeSet::new(),
        }
    }

    fn mapped(&self, row: &Row) -> Option<&'a String> {
        let map: &'a BTreeMap<String, String> = self.unit_map;
        map.get(&row.department_id)
            .or_else(|| row.department_code.as_ref().and_then(|c| map.get(c)))
    }

    /// The unit id of `row` (under the province `parent`), or a finding saying why none.
    pub fn resolve(&mut self, row: &Row, parent: Option<&str>, period: &str) -> Result<String, Box<Finding>> {
        let Some(declared) = &self.declared else {
            return Ok(self.make(row, parent));
        };
        let id = match self.mapped(row) {
            Some(id) => Some(id.clone()),
            None if row.kind == Kind::Province => self.city.clone(),
            None => [Some(&row.department_id), row.department_code.as_ref()]
                .into_iter()
                .flatten()
                .find(|k| declared.contains_key(*k))
                .cloned(),
        };
        let Some(id) = id else {
            let key = row.department_code.as_deref().unwrap_or(&row.department_id);
            return Err(Box::new(finding(
                FindingCode::PortalUnitNotMapped,
                &row.path,
                None,
                None,
                period,
                format!(
                    "`{}` (`{}`) không có trong bảng đơn vị `unitMap` hay `units`: bỏ qua dòng này",
                    quote(&row.name),
                    quote(key)
                ),
                format!(
                    "`{}` (`{}`) is neither in `unitMap` nor in `units`: the row is left out",
                    quote(&row.name),
                    quote(key)
                ),
            )));
        };
        let level = declared.get(&id).map(String::as_str).unwrap_or_default();
        let fits = match row.kind {
            Kind::Province => level == "city",
            Kind::Department => level == "city" && self.city.as_deref() != Some(id.as_str()),
            Kind::District => level == "district",
            Kind::Commune => level == "commune",
        };
        if fits {
            Ok(id)
        } else {
            let (kind_vi, kind_en) = match row.kind {
                Kind::Province => ("dòng của tỉnh, thành phố", "the province row"),
                Kind::Department => ("sở, ngành", "a department"),
                Kind::District => ("huyện", "a district"),
                Kind::Commune => ("xã, phường", "a commune"),
            };
            Err(Box::new(finding(
                FindingCode::PortalUnitKindMismatch,
                &row.path,
                None,
                Some(&id),
                period,
                format!(
                    "`{}` là {kind_vi} nhưng được gắn với đơn vị `{}` cấp `{level}`: bỏ qua dòng này (sở, ngành không được cộng vào cấp xã)",
                    quote(&row.name),
                    quote(&id)
                ),
                format!(
                    "`{}` is {kind_en} but is mapped to `{}` of level `{level}`: the row is left out (departments never add up into communes)",
                    quote(&row.name),
                    quote(&id)
                ),
            )))
        }
    }

    /// A unit made from a row: the mapped id, or the portal's code, or its id.
    fn make(&mut self, row: &Row, parent: Option<&str>) -> String {
        if let Some(id) = self.made_ids.get(&row.department_id) {
            return id.clone();
        }
        let preferred = self
            .mapped(row)
            .cloned()
            .or_else(|| row.department_code.clone())
            .unwrap_or_else(|| row.department_id.clone());
        let id = if self.taken.contains(&preferred) {
            row.department_id.clone()
        } else {
            preferred
        };
        let level = match row.kind {
            Kind::Province | Kind::Department => "city",
            Kind::District => "district",
            Kind::Commune => "commune",
        };
        let mut unit = Map::new();
        unit.insert("id".into(), json!(id));
        unit.insert("name".into(), json!(row.name));
        unit.insert("level".into(), json!(level));
        if let (false, Some(p)) = (row.kind == Kind::Province, parent) {
            unit.insert("parent".into(), json!(p));
        }
        self.made.push(Value::Object(unit));
        self.taken.insert(id.clone());
        self.made_ids.insert(row.department_id.clone(), id.clone());
        id
    }
}

/// A finding located in the caller's input (which answer, which row, which metric).
pub(super) fn finding(
    code: FindingCode,
    path: &str,
    indicator: Option<&str>,
    unit: Option<&str>,
    period: &str,
    vi: String,
    en: String,
) -> Finding {
    Finding {
        code,
        severity: code.severity(),
        path: path.to_string(),
        indicator: indicator.map(str::to_string),
        unit: unit.map(str::to_string),
        period: Some(period.to_string()),
        message: crate::messages::Text::new(vi, en).into(),
        unusable: code.unusable(),
    }
}

fn n(v: f64, locale: Locale) -> String {
    format_trimmed(v, 2, locale)
}

/// What a pair of counts with its ratio amounts to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Counts {
    Fraction(f64, f64),
    RatioOnly(f64),
    NoDossiers,
    NoFigure,
}

fn counts(numerator: Option<f64>, denominator: Option<f64>, ratio: Option<f64>) -> Counts {
    match (numerator, denominator) {
        // 0/0 is no dossiers, whatever ratio or points the portal shows for it.
        (Some(a), Some(b)) if a == 0.0 && b == 0.0 => Counts::NoDossiers,
        (Some(a), Some(b)) => Counts::Fraction(a, b),
        _ => ratio.map_or(Counts::NoFigure, Counts::RatioOnly),
    }
}

/// What the conversion produces.
#[derive(Default)]
pub(super) struct Out {
    pub observations: Vec<Value>,
    pub findings: Vec<Finding>,
    pub rows: Vec<PortalRow>,
    pub periods: Vec<PeriodNote>,
    /// Indicators that received an observation, with the entry that gave it.
    pub used: BTreeSet<String>,
    /// Units are made from the answers (no `units` given): departments are shown only.
    pub departments_shown_only: bool,
}

/// A figure of one row for one mapped entry (or an unmapped metric), as the portal gave it.
struct Given {
    metric: String,
    numerator: Option<f64>,
    denominator: Option<f64>,
    ratio: Option<f64>,
    score: Option<f64>,
    max_score: Option<f64>,
    path: String,
    quality: Option<String>,
}

/// The portal's doubt about a figure, if it says one: a message, or a status other than a
/// plain "OK".
fn doubt(status: &Option<Value>, message: &Option<Value>) -> Option<String> {
    let text = |v: &Option<Value>| match v {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    let status = text(status);
    let message = text(message);
    let fine = |s: &str| {
        matches!(
            s.to_ascii_uppercase().as_str(),
            "OK" | "VALID" | "GOOD" | "NORMAL" | "PASS" | "TRUE"
        )
    };
    match (status, message) {
        (_, Some(m)) => Some(m),
        (Some(s), None) if !fine(&s) => Some(s),
        _ => None,
    }
}

/// Converts one endpoint's period.
pub(super) fn convert_group(group: &Group, entries: &[&Entry], units: &mut Units, out: &mut Out) {
    let period = group.period.code();
    out.departments_shown_only = units.declared.is_none();
    // Province rows of every page, then the other rows; a unit twice is a repeat (kept once)
    // or a conflict (left out).
    let mut first: BTreeMap<&str, &Row> = BTreeMap::new();
    let mut conflicting: BTreeSet<&str> = BTreeSet::new();
    let mut kept: Vec<&Row> = Vec::new();
    let all = group
        .pages
        .iter()
        .flat_map(|(_, p)| std::iter::once(&p.province).chain(p.rows.iter()));
    let province_ids: BTreeSet<&str> = group
        .pages
        .iter()
        .map(|(_, p)| p.province.department_id.as_str())
        .collect();
    for row in all {
        match first.get(row.department_id.as_str()) {
            None => {
                first.insert(&row.department_id, row);
                kept.push(row);
            }
            Some(earlier) if earlier.raw == row.raw => {
                // A page's province row repeats on every page: that is the format, not a finding.
                if row.kind != Kind::Province {
                    out.findings.push(finding(
                        FindingCode::PortalDuplicateRow,
                        &row.path,
                        None,
                        None,
                        &period,
                        format!(
                            "`{}` có hai lần với cùng số liệu (xem `{}`): giữ một",
                            quote(&row.name),
                            earlier.path
                        ),
                        format!(
                            "`{}` appears twice with the same figures (see `{}`): kept once",
                            quote(&row.name),
                            earlier.path
                        ),
                    ));
                }
            }
            Some(earlier) => {
                conflicting.insert(&row.department_id);
                out.findings.push(finding(
                    FindingCode::PortalConflictingRows,
                    &row.path,
                    None,
                    None,
                    &period,
                    format!(
                        "`{}` có hai lần trong cùng kỳ với số liệu khác nhau (xem `{}`): bỏ cả hai",
                        quote(&row.name),
                        earlier.path
                    ),
                    format!(
                        "`{}` appears twice in one period with different figures (see `{}`): both are left out",
                        quote(&row.name),
                        earlier.path
                    ),
                ));
            }
        }
    }
    let rows_seen = kept.iter().filter(|r| r.kind != Kind::Province).count();
    pages_check(group, rows_seen, &period, out);
    out.periods.push(PeriodNote {
        endpoint: group.endpoint.to_string(),
        period: period.clone(),
        answers: group.pages.iter().map(|(i, _)| *i as u32).collect(),
        rows: rows_seen as u32,
        total: group
            .pages
            .iter()
            .find_map(|(_, p)| p.pagination.and_then(|pg| pg.total))
            .map(Num),
    });

    let province = kept.iter().find(|r| r.kind == Kind::Province).copied();
    let province_unit = province
        .filter(|p| !conflicting.contains(p.department_id.as_str()))
        .and_then(|p| match units.resolve(p, None, &period) {
            Ok(id) => Some(id),
            Err(f) => {
                out.findings.push(*f);
                None
            }
        });
    let province_figures: Vec<Counts> = match province {
        Some(p) => entries
            .iter()
            .map(|e| {
                given(p, e, group.endpoint).map_or(Counts::NoFigure, |g| counts(g.numerator, g.denominator, g.ratio))
            })
            .collect(),
        None => Vec::new(),
    };
    for row in kept {
        if conflicting.contains(row.department_id.as_str()) {
            continue;
        }
        let unit = if row.kind == Kind::Province {
            province_unit.clone()
        } else if province_ids.contains(row.department_id.as_str()) {
            continue;
        } else if row.kind == Kind::Department && out.departments_shown_only {
            // Without declared units a department is shown, not judged: as a city-level unit
            // its figures would add up with the province row's, which already holds them.
            None
        } else {
            match units.resolve(row, province_unit.as_deref(), &period) {
                Ok(id) => Some(id),
                Err(f) => {
                    out.findings.push(*f);
                    None
                }
            }
        };
        convert_row(row, unit.as_deref(), group, entries, &province_figures, &period, out);
    }
}

/// Pages of one period: the rows of all pages against the portal's `pagination.total`.
fn pages_check(group: &Group, rows_seen: usize, period: &str, out: &mut Out) {
    let Some((i, total)) = group
        .pages
        .iter()
        .find_map(|(i, p)| p.pagination.and_then(|pg| pg.total).map(|t| (*i, t)))
    else {
        return;
    };
    if (rows_seen as f64 - total).abs() < 0.5 {
        return;
    }
    let pages: Vec<String> = group
        .pages
        .iter()
        .map(|(_, p)| {
            p.pagination
                .and_then(|pg| pg.current_page)
                .map_or_else(|| "?".to_string(), |c| n(c, Locale::En))
        })
        .collect();
    let pages = pages.join(", ");
    let (vi, en) = if (rows_seen as f64) < total {
        (
            format!(
                "`{}` kỳ `{period}`: Cổng báo {} dòng nhưng các trang đã lưu (trang {pages}) chỉ có {rows_seen}: thiếu trang; các đơn vị ở trang thiếu không có số liệu",
                group.endpoint,
                n(total, Locale::Vi)
            ),
            format!(
                "`{}` period `{period}`: the portal reports {} rows but the saved pages (page {pages}) hold {rows_seen}: a page is missing; the units on it have no figures",
                group.endpoint,
                n(total, Locale::En)
            ),
        )
    } else {
        (
            format!(
                "`{}` kỳ `{period}`: các trang đã lưu (trang {pages}) có {rows_seen} dòng, nhiều hơn {} dòng Cổng báo",
                group.endpoint,
                n(total, Locale::Vi)
            ),
            format!(
                "`{}` period `{period}`: the saved pages (page {pages}) hold {rows_seen} rows, more than the {} the portal reports",
                group.endpoint,
                n(total, Locale::En)
            ),
        )
    };
    out.findings.push(finding(
        FindingCode::PortalPageMissing,
        &format!("$.answers[{i}].answer.data.pagination.total"),
        None,
        None,
        period,
        vi,
        en,
    ));
}

/// The figure a mapped entry reads from a row (`None` when the row has no such metric).
fn given(row: &Row, entry: &Entry, endpoint: &str) -> Option<Given> {
    if entry.endpoint != endpoint {
        return None;
    }
    match &row.body {
        Body::Overview(r) => {
            let code = entry.metric.as_deref()?;
            let (j, m) = r.metrics.iter().enumerate().find(|(_, m)| m.code == code)?;
            Some(Given {
                metric: m.code.clone(),
                numerator: m.numerator,
                denominator: m.denominator,
                ratio: m.ratio,
                score: m.score,
                max_score: m.max_score,
                path: format!("{}.metrics[{j}]", row.path),
                quality: doubt(&m.data_quality_status, &m.data_quality_message),
            })
        }
        Body::Tree(r) => {
            let (num, den) = (entry.numerator.as_deref()?, entry.denominator.as_deref()?);
            let number = |f: &str| tree_number(r, f, &row.path).ok().flatten();
            Some(Given {
                metric: entry.metric_name(),
                numerator: number(num),
                denominator: number(den),
                ratio: entry.ratio.as_deref().and_then(number),
                score: None,
                max_score: None,
                path: format!("{}.{num}", row.path),
                quality: None,
            })
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn convert_row(
    row: &Row,
    unit: Option<&str>,
    group: &Group,
    entries: &[&Entry],
    province: &[Counts],
    period: &str,
    out: &mut Out,
) {
    let figure = |metric: String, indicator: Option<String>, g: &Given, used: FigureUse| PortalMetric {
        metric,
        indicator,
        numerator: g.numerator.map(Num),
        denominator: g.denominator.map(Num),
        ratio: g.ratio.map(Num),
        portal_score: g.score.map(Num),
        portal_max_score: g.max_score.map(Num),
        used,
    };
    // The row's own total: the portal's score of this group for the unit.
    let (score, max, ratio, quality) = match &row.body {
        Body::Overview(r) => (
            r.total_score,
            r.total_max_score,
            r.ratio,
            doubt(&r.data_quality_status, &r.data_quality_message),
        ),
        Body::Tree(r) => {
            let num = |f: &str| tree_number(r, f, &row.path).ok().flatten();
            (
                num("score").or_else(|| num("totalScore")),
                num("maxScore").or_else(|| num("totalMaxScore")),
                num("ratio"),
                doubt(
                    &r.fields.get("dataQualityStatus").cloned(),
                    &r.fields.get("dataQualityMessage").cloned(),
                ),
            )
        }
    };
    let mut shown = PortalRow {
        unit: unit.map(str::to_string),
        department_id: row.department_id.clone(),
        department_code: row.department_code.clone(),
        name: row.name.clone(),
        kind: row.kind,
        endpoint: group.endpoint.to_string(),
        period: period.to_string(),
        path: row.path.clone(),
        ratio: ratio.map(Num),
        portal_score: score.map(Num),
        portal_max_score: max.map(Num),
        metrics: Vec::new(),
    };
    if let Some(q) = &quality {
        out.findings.push(finding(
            FindingCode::PortalDataQuality,
            &row.path,
            None,
            unit,
            period,
            format!(
                "Cổng ghi chú về chất lượng số liệu của `{}`: {}",
                quote(&row.name),
                quote(q)
            ),
            format!("the portal doubts the figures of `{}`: {}", quote(&row.name), quote(q)),
        ));
    }
    // Every metric of an overview row, mapped or not; for a tree row, the mapped fields.
    let mut mapped_codes = BTreeSet::new();
    for (k, entry) in entries.iter().enumerate() {
        let Some(g) = given(row, entry, group.endpoint) else {
            continue;
        };
        mapped_codes.insert(g.metric.clone());
        let used = judge(row, unit, entry, &g, province.get(k).copied(), period, out);
        shown
            .metrics
            .push(figure(g.metric.clone(), Some(entry.indicator.clone()), &g, used));
    }
    if let Body::Overview(r) = &row.body {
        for (j, m) in r.metrics.iter().enumerate() {
            if mapped_codes.contains(&m.code) {
                continue;
            }
            let g = Given {
                metric: m.code.clone(),
                numerator: m.numerator,
                denominator: m.denominator,
                ratio: m.ratio,
                score: m.score,
                max_score: m.max_score,
                path: format!("{}.metrics[{j}]", row.path),
                quality: doubt(&m.data_quality_status, &m.data_quality_message),
            };
            // A metric worth 0 points is the portal's information, not part of its score.
            let used = if m.max_score == Some(0.0) {
                FigureUse::Informational
            } else {
                FigureUse::NotMapped
            };
            quality_finding(row, unit, None, &g, period, out);
            shown.metrics.push(figure(m.code.clone(), None, &g, used));
        }
    }
    out.rows.push(shown);
}

fn quality_finding(row: &Row, unit: Option<&str>, indicator: Option<&str>, g: &Given, period: &str, out: &mut Out) {
    if let Some(q) = &g.quality {
        out.findings.push(finding(
            FindingCode::PortalDataQuality,
            &g.path,
            indicator,
            unit,
            period,
            format!(
                "Cổng ghi chú về chất lượng số liệu `{}` của `{}`: {}",
                g.metric,
                quote(&row.name),
                quote(q)
            ),
            format!(
                "the portal doubts `{}` of `{}`: {}",
                g.metric,
                quote(&row.name),
                quote(q)
            ),
        ));
    }
}

/// One mapped figure of one row: an observation, or a finding saying why not.
#[allow(clippy::too_many_arguments)]
fn judge(
    row: &Row,
    unit: Option<&str>,
    entry: &Entry,
    g: &Given,
    province: Option<Counts>,
    period: &str,
    out: &mut Out,
) -> FigureUse {
    let ind = Some(entry.indicator.as_str());
    quality_finding(row, unit, ind, g, period, out);
    let Some(unit) = unit else {
        return if row.kind == Kind::Department && out.departments_shown_only {
            FigureUse::Department
        } else {
            FigureUse::LeftOut
        };
    };
    let c = counts(g.numerator, g.denominator, g.ratio);
    let name = quote(&row.name);
    let push = |out: &mut Out, code, vi: String, en: String| {
        out.findings
            .push(finding(code, &g.path, ind, Some(unit), period, vi, en));
    };
    match c {
        Counts::NoDossiers => {
            push(
                out,
                FindingCode::PortalNoDossiers,
                format!(
                    "`{}` của `{name}` là 0/0: không có hồ sơ trong kỳ, không phải 0 % hay 100 %",
                    g.metric
                ),
                format!(
                    "`{}` of `{name}` is 0/0: no dossiers in the period, neither 0 % nor 100 %",
                    g.metric
                ),
            );
            FigureUse::NoDossiers
        }
        Counts::NoFigure => {
            push(
                out,
                FindingCode::PortalNoFigure,
                format!("`{}` của `{name}` không có tử số, mẫu số hay tỷ lệ", g.metric),
                format!("`{}` of `{name}` has no numerator, denominator or ratio", g.metric),
            );
            FigureUse::NoFigure
        }
        Counts::RatioOnly(r) => {
            push(
                out,
                FindingCode::PortalRatioWithoutCounts,
                format!(
                    "`{}` của `{name}`: Cổng cho tỷ lệ {} % mà không có tử số và mẫu số; dùng tỷ lệ của Cổng, không có số đếm",
                    g.metric,
                    n(r, Locale::Vi)
                ),
                format!(
                    "`{}` of `{name}`: the portal gives a ratio of {} % with no numerator and denominator; the portal's ratio is used, with no count",
                    g.metric,
                    n(r, Locale::En)
                ),
            );
            out.observations
                .push(observation(entry, unit, period, json!({ "value": r }), g));
            out.used.insert(entry.indicator.clone());
            FigureUse::RatioOnly
        }
        Counts::Fraction(a, b) => {
            if row.kind != Kind::Province && b > 0.0 && province == Some(c) {
                push(
                    out,
                    FindingCode::PortalRepeatsProvince,
                    format!(
                        "`{}` của `{name}` ({}/{}) trùng với số liệu của cả tỉnh: số liệu đặt chung cho cả tỉnh, không phải của đơn vị; bỏ qua",
                        g.metric,
                        n(a, Locale::Vi),
                        n(b, Locale::Vi)
                    ),
                    format!(
                        "`{}` of `{name}` ({}/{}) repeats the province's figures: a figure set province-wide, not the unit's own; left out",
                        g.metric,
                        n(a, Locale::En),
                        n(b, Locale::En)
                    ),
                );
                return FigureUse::LeftOut;
            }
            if let (Some(r), true) = (g.ratio, b > 0.0) {
                let computed = a / b * 100.0;
                if (r - computed).abs() > 0.01 + 1e-9 {
                    push(
                        out,
                        FindingCode::PortalRatioMismatch,
                        format!(
                            "`{}` của `{name}`: Cổng ghi tỷ lệ {} % nhưng {}/{} là {} %; dùng tử số và mẫu số",
                            g.metric,
                            n(r, Locale::Vi),
                            n(a, Locale::Vi),
                            n(b, Locale::Vi),
                            n(computed, Locale::Vi)
                        ),
                        format!(
                            "`{}` of `{name}`: the portal's ratio is {} % but {}/{} is {} %; the counts are used",
                            g.metric,
                            n(r, Locale::En),
                            n(a, Locale::En),
                            n(b, Locale::En),
                            n(computed, Locale::En)
                        ),
                    );
                }
            }
            out.observations.push(observation(
                entry,
                unit,
                period,
                json!({ "numerator": a, "denominator": b }),
                g,
            ));
            out.used.insert(entry.indicator.clone());
            FigureUse::Judged
        }
    }
}

fn observation(entry: &Entry, unit: &str, period: &str, figure: Value, g: &Given) -> Value {
    let mut o = Map::new();
    o.insert("indicator".into(), json!(entry.indicator));
    o.insert("unit".into(), json!(unit));
    o.insert("period".into(), json!(period));
    if let Value::Object(f) = figure {
        o.extend(f);
    }
    o.insert("source".into(), json!(format!("766 {} {}", entry.endpoint, g.metric)));
    Value::Object(o)
}
