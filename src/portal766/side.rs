//! What the report of 766 answers carries beside the engine's report: the mappings used with
//! their sentences, and every figure as the portal gave it, its official score labelled as the
//! portal's (never recomputed).

use serde::Serialize;

use super::answer::Kind;
use super::mapping::Entry;
use crate::report::{Num, Report};

/// The report of an evaluation of 766 answers: the engine's report, and the portal's side.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Portal766Report {
    #[serde(flatten)]
    pub report: Report,
    pub portal766: Portal766Side,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Portal766Side {
    /// Every mapping of the mapping file, with its sentence, and whether a figure used it.
    pub mappings: Vec<MappingNote>,
    /// Each endpoint and period read: which answers (pages) made it, how many rows.
    pub periods: Vec<PeriodNote>,
    /// Every row of every answer, as the portal gave it (of the chosen units alone under
    /// `options.only.units`).
    pub rows: Vec<PortalRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MappingNote {
    #[serde(flatten)]
    pub entry: Entry,
    /// Whether any observation came from this mapping.
    pub used: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodNote {
    pub endpoint: String,
    pub period: String,
    /// Indices in `answers` of the pages of this period.
    pub answers: Vec<u32>,
    /// Rows below the province, over all pages (each unit once).
    pub rows: u32,
    /// The portal's `pagination.total`, when it gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Num>,
}

/// What became of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureUse {
    /// Numerator and denominator, judged against the mapped indicator.
    Judged,
    /// The portal's ratio with no count behind it, judged as a percentage and flagged.
    RatioOnly,
    /// `0/0`: no data.
    NoDossiers,
    /// Neither counts nor ratio.
    NoFigure,
    /// A metric worth 0 points: the portal's information.
    Informational,
    /// A metric no mapping names.
    NotMapped,
    /// Left out: its unit is not mapped, or the figure repeats the province's.
    LeftOut,
    /// A department's figure in an input without `units`: shown, not judged (the province
    /// row already holds its dossiers; declare departments in `units`, as city-level units,
    /// to judge them).
    Department,
}

/// One row of an answer, as the portal gave it: the unit's total for the endpoint's group
/// and each of its metrics.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PortalRow {
    /// The unit of the report, when the row has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub department_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department_code: Option<String>,
    pub name: String,
    pub kind: Kind,
    pub endpoint: String,
    pub period: String,
    /// Where in the input (a metric `j` is at `<path>.metrics[j]`).
    pub path: String,
    /// The portal's percentage of the group's points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Num>,
    /// The portal's official score for the group, as it gave it (never recomputed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portal_score: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portal_max_score: Option<Num>,
    pub metrics: Vec<PortalMetric>,
}

/// One metric of a row (tree endpoints: the mapped fields), as the portal gave it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PortalMetric {
    /// The metric's code (tree endpoints: `numerator/denominator` fields).
    pub metric: String,
    /// The plan indicator it stands for, when mapped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Num>,
    /// The portal's percentage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Num>,
    /// The portal's official score, as it gave it (never recomputed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portal_score: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portal_max_score: Option<Num>,
    pub used: FigureUse,
}

/// Appends each mapping's sentence to the explanation of every row judged on its figures.
pub(super) fn note_rows(report: &mut Report, notes: &[MappingNote]) {
    for row in &mut report.results {
        let Some(note) = notes.iter().find(|m| m.used && m.entry.indicator == row.indicator) else {
            continue;
        };
        let has_figure = row.value.is_some() || !row.series.is_empty();
        let Some(text) = row.explanation.as_mut().filter(|_| has_figure) else {
            continue;
        };
        let metric = note.entry.metric_name();
        text.vi.push_str(&format!(
            " Số liệu là chỉ số `{metric}` ({}) của Cổng Dịch vụ công quốc gia: {}",
            note.entry.endpoint, note.entry.difference.vi
        ));
        text.en.push_str(&format!(
            " The figure is the National Public Service Portal's `{metric}` ({}): {}",
            note.entry.endpoint, note.entry.difference.en
        ));
    }
}
