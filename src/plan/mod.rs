//! The plan and its rules: the rule-pack format, the embedded Cần Thơ 2021–2025 plan
//! (Decision 4168/QĐ-UBND), and the validation that any rule pack passes before an engine
//! uses it.
//!
//! A rule pack is JSON (camelCase keys), documented in `src/plan/README.md` and described by
//! `src/plan/rule-pack.schema.json`. Parsing is lenient about *shape* only as far as needed to
//! report every problem at once: enum-like fields are read as text and unknown fields are
//! collected, then [`validate`] turns the raw pack into a [`Plan`] or returns all errors.

mod embedded;
mod fields;
pub mod form;
mod read;
mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode, Errors};

use crate::messages::Text;

pub use embedded::{
    embedded_pack, embedded_pack_names, CAN_THO_2026_2030_JSON, EMBEDDED_PACKS, EMBEDDED_PLAN_JSON,
    RULE_PACK_SCHEMA_JSON,
};
pub use validate::validate;

// The shared words, defined in the leaf `vocab` (`data` and `report` use them too).
pub use crate::vocab::{Comparator, Level, Measure, RampReading};

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    pub fn parse(s: &str) -> Option<Direction> {
        match s {
            "higher_is_better" => Some(Direction::HigherIsBetter),
            "lower_is_better" => Some(Direction::LowerIsBetter),
            _ => None,
        }
    }

    /// +1 when progress means growth, −1 when it means decline (the `d` of the trend method).
    pub fn sign(self) -> f64 {
        match self {
            Direction::HigherIsBetter => 1.0,
            Direction::LowerIsBetter => -1.0,
        }
    }
}

/// How the figures of lower units combine into a higher unit's figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// A unit's figure is its own report, or else the sum of its children's numerators and
    /// denominators (counts for reductions). Percentages alone never roll up.
    Hierarchy,
    /// Each unit stands alone against its level's target; the engine also sums each level
    /// ("7 of 9 districts meet the floor"; all districts together).
    Level,
    /// Only the unit's own report counts (ranks, milestones).
    None,
}

impl Aggregation {
    pub fn parse(s: &str) -> Option<Aggregation> {
        match s {
            "hierarchy" => Some(Aggregation::Hierarchy),
            "level" => Some(Aggregation::Level),
            "none" => Some(Aggregation::None),
            _ => None,
        }
    }
}

/// Where a nested target ("trong số đó") takes its denominator when the portal gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DenominatorFrom {
    /// The parent's numerator is this indicator's population (procedures on the national
    /// portal, out of those offered online at level 3–4).
    ParentNumerator,
    /// The indicator carries its own denominator (payment transactions, land-sector survey).
    Own,
}

impl DenominatorFrom {
    pub fn parse(s: &str) -> Option<DenominatorFrom> {
        match s {
            "parent_numerator" => Some(DenominatorFrom::ParentNumerator),
            "own" => Some(DenominatorFrom::Own),
            _ => None,
        }
    }
}

/// What a ramp does for a year after its last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterLastYear {
    /// Keep applying the yearly rule until the cap is reached; results say they extrapolate.
    Continue,
    /// A floor after the last year is an error (`RAMP_YEAR_OUTSIDE_PLAN`).
    Error,
}

impl AfterLastYear {
    pub fn parse(s: &str) -> Option<AfterLastYear> {
        match s {
            "continue" => Some(AfterLastYear::Continue),
            "error" => Some(AfterLastYear::Error),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------
// The raw rule pack, as read from JSON. Enum-like fields are text so that every unknown
// value is reported with its path, rather than only the first one serde meets; unknown keys
// are found beforehand against the schema (see `fields`).
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a rule pack object")]
pub struct RawRulePack {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub format_version: u32,
    pub plan: RawPlanInfo,
    #[serde(default)]
    pub methods: Option<RawMethods>,
    pub areas: Vec<RawArea>,
    #[serde(default)]
    pub ramps: Vec<RawRamp>,
    pub indicators: Vec<RawIndicator>,
    #[serde(default)]
    pub documents: Vec<RawDocument>,
    #[serde(default)]
    pub phases: Vec<RawPhase>,
}

/// A document whose targets a format-2 pack carries (`documents`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a document object")]
pub struct RawDocument {
    pub id: String,
    pub name: Text,
    pub date: String,
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A sub-period of a format-2 plan with its own deadline (`phases`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a phase object")]
pub struct RawPhase {
    pub id: String,
    pub from: i32,
    pub to: i32,
    #[serde(default)]
    pub title: Option<Text>,
}

/// Where a format-2 target is written (`source`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a source object")]
pub struct RawSource {
    pub document: String,
    #[serde(default)]
    pub part: Option<Text>,
    pub kind: String,
    pub quoted: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object with the plan's identity")]
pub struct RawPlanInfo {
    pub id: String,
    pub version: String,
    pub issuer: Text,
    #[serde(default)]
    pub decision: Option<RawDecision>,
    pub title: Text,
    pub period: RawPeriod,
    #[serde(default)]
    pub sample: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object with `number` and `date`")]
pub struct RawDecision {
    pub number: String,
    pub date: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object with `from` and `to` years")]
pub struct RawPeriod {
    pub from: i32,
    pub to: i32,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "an object with the status method's parameters"
)]
pub struct RawMethods {
    #[serde(default)]
    pub trend: Option<RawTrend>,
    #[serde(default)]
    pub stale_after_months: Option<u32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object with the trend method's thresholds")]
pub struct RawTrend {
    pub method: String,
    pub on_track: f64,
    pub needs_acceleration: f64,
    pub limited_progress: f64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a reform area object")]
pub struct RawArea {
    pub id: String,
    #[serde(default)]
    pub clause: Option<String>,
    pub title: Text,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a ramp object")]
pub struct RawRamp {
    pub id: String,
    pub clause: String,
    pub title: Text,
    #[serde(default)]
    pub quote: Option<String>,
    pub first_year: i32,
    pub last_year: i32,
    pub first_floors: BTreeMap<String, f64>,
    pub step: f64,
    pub relative_factor: f64,
    pub cap: f64,
    #[serde(default)]
    pub default_reading: Option<String>,
    pub after_last_year: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an indicator object")]
pub struct RawIndicator {
    pub id: String,
    pub area: String,
    #[serde(default)]
    pub clause: Option<String>,
    pub title: Text,
    pub measure: String,
    pub direction: String,
    pub comparator: String,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub level_targets: BTreeMap<String, f64>,
    pub levels: Vec<String>,
    pub aggregation: String,
    #[serde(default)]
    pub deadline: Option<i32>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub denominator_from: Option<String>,
    #[serde(default)]
    pub baseline_year: Option<i32>,
    #[serde(default)]
    pub ramp: Option<String>,
    #[serde(default)]
    pub rank_out_of: Option<u32>,
    #[serde(default)]
    pub counted: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
    #[serde(default)]
    pub phase: Option<String>,
    #[serde(default)]
    pub scope: Option<Text>,
    #[serde(default)]
    pub source: Option<RawSource>,
}

// ---------------------------------------------------------------------------------------
// The validated plan, as the engine uses it and as `engine.plan()` returns it.
// ---------------------------------------------------------------------------------------

/// A validated rule pack.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub format_version: u32,
    pub plan: PlanInfo,
    pub methods: Methods,
    pub areas: Vec<Area>,
    pub ramps: Vec<Ramp>,
    pub indicators: Vec<Indicator>,
    /// Format 2: the documents the targets come from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// Format 2: the plan's sub-periods, each with its own deadline.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
}

/// A document a format-2 pack cites ("Quyết định 282/QĐ-TTg").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub id: String,
    /// As a sentence cites it: `{vi: "Quyết định 282/QĐ-TTg", en: "Decision 282/QĐ-TTg"}`.
    pub name: Text,
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A sub-period of a plan ("giai đoạn 2026–2027"), whose targets fall due at its end.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    pub id: String,
    pub from: i32,
    pub to: i32,
    pub title: Text,
}

/// What kind of text a target was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The document's own text (a copy of it).
    DocumentText,
    /// A press report of the document, not the document itself: its sentences say so.
    PressSummary,
}

impl SourceKind {
    pub fn parse(s: &str) -> Option<SourceKind> {
        match s {
            "document_text" => Some(SourceKind::DocumentText),
            "press_summary" => Some(SourceKind::PressSummary),
            _ => None,
        }
    }
}

/// Where a target is written: the document, its part, what kind of text it was read in, and
/// the words quoted.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// The id of one of the plan's `documents`.
    pub document: String,
    /// The document's name as cited (copied from `documents`).
    pub document_name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<Text>,
    pub kind: SourceKind,
    pub quoted: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanInfo {
    pub id: String,
    pub version: String,
    pub issuer: Text,
    /// The decision that adopts the plan (required in format 1; a format-2 pack of several
    /// documents lists them in `documents` instead).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    pub title: Text,
    pub period: Period,
    /// True for made-up packs (fixtures, demos): portals must not present them as law.
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub number: String,
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
}

/// The plan's years, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    pub from: i32,
    pub to: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Methods {
    pub trend: TrendParams,
    /// Data whose latest period ended more than this many months before the as-of date is
    /// reported as stale.
    pub stale_after_months: u32,
}

/// Parameters of the CAGR-ratio trend method (UN SDG progress chart, Open SDG).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrendParams {
    pub method: &'static str,
    pub on_track: f64,
    pub needs_acceleration: f64,
    pub limited_progress: f64,
}

impl Default for TrendParams {
    fn default() -> Self {
        TrendParams {
            method: "cagr_ratio",
            on_track: 0.95,
            needs_acceleration: 0.6,
            limited_progress: 0.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Area {
    pub id: String,
    pub clause: String,
    pub title: Text,
}

/// A year-by-year floor per level, e.g. the digitization ramp of clause II.2.c.2.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ramp {
    pub id: String,
    pub clause: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    pub first_year: i32,
    pub last_year: i32,
    pub first_floors: BTreeMap<Level, f64>,
    pub step: f64,
    pub relative_factor: f64,
    pub cap: f64,
    pub default_reading: RampReading,
    pub after_last_year: AfterLastYear,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    pub id: String,
    pub area: String,
    pub clause: String,
    pub title: Text,
    pub measure: Measure,
    pub direction: Direction,
    pub comparator: Comparator,
    /// The target for the plan as a whole (percent; rank; percent reduction; 100 for a
    /// milestone).
    pub target: f64,
    /// Targets that differ by level, where the decision gives them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub level_targets: BTreeMap<Level, f64>,
    pub levels: Vec<Level>,
    pub aggregation: Aggregation,
    pub deadline: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator_from: Option<DenominatorFrom>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ramp: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_out_of: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Format 2: the id of the sub-period whose end is the deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// Format 2: for a sub-target ("trong đó"), the fields or part it covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    /// Format 2: where the target is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

impl Indicator {
    /// The target a unit of `level` must reach by the deadline.
    pub fn target_for(&self, level: Level) -> f64 {
        self.level_targets.get(&level).copied().unwrap_or(self.target)
    }

    pub fn covers(&self, level: Level) -> bool {
        self.levels.contains(&level)
    }
}

impl Plan {
    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn ramp(&self, id: &str) -> Option<&Ramp> {
        self.ramps.iter().find(|r| r.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The first ramp (the digitization ramp in the embedded plan), for callers that do not
    /// name one.
    pub fn default_ramp(&self) -> Option<&Ramp> {
        self.indicators
            .iter()
            .find_map(|i| i.ramp.as_deref())
            .and_then(|id| self.ramp(id))
            .or_else(|| self.ramps.first())
    }
}

/// The newest format version this engine reads (1.x packs keep reading as they did).
pub const LATEST_FORMAT_VERSION: u32 = 2;

/// The number of provinces ranked after the 2025 reorganisation (the default `rankOutOf` of
/// format 2; format 1's is 63).
pub const PROVINCES_FROM_2025: u32 = 34;

/// Limits on a rule pack's size, so a hostile pack cannot exhaust the page's memory: the
/// length of its JSON text, or for a JavaScript object the bytes of its strings and keys.
pub const MAX_RULE_PACK_BYTES: usize = 1 << 20;

/// At most this many levels of nesting in a rule pack (the recursion limit of `serde_json`
/// for text; the JavaScript binding checks objects against it). A valid pack is 5 deep.
pub const MAX_RULE_PACK_DEPTH: usize = 128;

/// The error for a rule pack nested deeper than [`MAX_RULE_PACK_DEPTH`].
pub fn too_deep(path: String) -> Error {
    Error::new(
        ErrorCode::RulePackTooDeep,
        path,
        format!("bộ quy tắc lồng nhau quá {MAX_RULE_PACK_DEPTH} cấp (hoặc tự tham chiếu đến chính nó)"),
        format!("the rule pack is nested more than {MAX_RULE_PACK_DEPTH} levels deep (or contains itself)"),
    )
}

/// The error for a rule pack over [`MAX_RULE_PACK_BYTES`].
pub fn too_large(bytes: usize) -> Error {
    Error::new(
        ErrorCode::RulePackTooLarge,
        "$",
        format!("bộ quy tắc dài {bytes} byte, vượt giới hạn {MAX_RULE_PACK_BYTES} byte"),
        format!("the rule pack is {bytes} bytes, above the limit of {MAX_RULE_PACK_BYTES} bytes"),
    )
}

/// Parses and validates a rule pack from JSON text.
pub fn parse_rule_pack(json: &str) -> Result<Plan, Errors> {
    if json.len() > MAX_RULE_PACK_BYTES {
        return Err(too_large(json.len()).into());
    }
    // A byte-order mark, as editors on Windows write it, is not part of the JSON.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    // Text goes through a JSON value so the pack is read by one deserializer only (the one
    // with paths): a second instantiation for text cost ~40 KB of wasm.
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        let detail = e.to_string();
        if detail.starts_with("recursion limit exceeded") {
            return Errors::one(too_deep("$".to_string()));
        }
        let m = crate::error::serde_message(&detail);
        let (line, column) = (e.line(), e.column());
        Errors::one(Error::new(
            ErrorCode::RulePackInvalidJson,
            "$",
            format!("bộ quy tắc không đọc được: {} (dòng {line}, cột {column})", m.vi),
            format!("the rule pack cannot be read: {} (line {line}, column {column})", m.en),
        ))
    })?;
    rule_pack_from_value(value)
}

/// Parses and validates a rule pack given as a JSON value (what JavaScript passes).
pub fn rule_pack_from_value(value: serde_json::Value) -> Result<Plan, Errors> {
    let unknown = fields::unknown_fields(&value);
    match read::rule_pack(&value) {
        Ok(raw) => validate::validate_with(raw, unknown),
        Err(e) => {
            let m = crate::error::serde_message(&e.detail());
            let mut errors = unknown;
            let path = e.path();
            let (vi, en) = form::placed(
                &path,
                format!("bộ quy tắc không đọc được: {}", m.vi),
                format!("the rule pack cannot be read: {}", m.en),
            );
            errors.push(Error::new(ErrorCode::RulePackInvalidJson, path, vi, en));
            Err(Errors(errors))
        }
    }
}
