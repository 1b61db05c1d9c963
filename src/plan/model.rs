//! The validated plan, as the engine uses it and as `engine.plan()` returns it, with the
//! words of the rule-pack format that only the plan uses (the shared ones are in `vocab`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::messages::Text;
use crate::vocab::{Comparator, Level, Measure, RampReading};

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
    /// Stable id, e.g. `proc.online_l34`: portals store it.
    pub id: String,
    pub area: String,
    /// Clause of the document, e.g. `II.2.c.5`.
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
    /// The year by whose end the target must be reached.
    pub deadline: i32,
    /// For nested targets ("trong số đó"): the parent indicator.
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
