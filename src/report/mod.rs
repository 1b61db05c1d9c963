//! The report: what an evaluation returns to a portal. Plain data, serialized with camelCase
//! keys; status, reason and finding codes are stable snake case strings that portals match on.
//!
//! Every computed number goes through [`Num`], which rounds to 4 decimals and writes whole
//! numbers without a fractional part, so the JSON is the same bytes whether it is written by
//! `serde_json` natively or by `JSON.stringify` in a browser.

mod finding;
pub mod pack;

pub use finding::{Finding, FindingCode, Severity, TextOrd};

use serde::{Serialize, Serializer};

use crate::messages::{Locale, Text};
use crate::vocab::{round4, Comparator, FloorBasis, Level, Measure, RampReading};

/// A computed number as the report shows it: rounded to 4 decimals, whole numbers written as
/// integers (`100`, not `100.0`), `-0` written as `0`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Num(pub f64);

/// The largest integer a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = round4(self.0);
        if !v.is_finite() {
            return s.serialize_none();
        }
        if v.fract() == 0.0 && v.abs() <= MAX_SAFE_INTEGER {
            // Exact: |v| is a whole number below 2^53.
            #[allow(clippy::cast_possible_truncation)]
            return s.serialize_i64(v as i64);
        }
        s.serialize_f64(v)
    }
}

impl From<f64> for Num {
    fn from(v: f64) -> Self {
        Num(v)
    }
}

/// Where a target stands. The codes are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The latest value meets the deadline target (after the deadline: the figure of the
    /// deadline year does; a milestone done once stays done).
    Met,
    /// Ratio of observed to required growth ≥ `onTrack` (0.95).
    OnTrack,
    /// `needsAcceleration` (0.6) ≤ ratio < `onTrack`.
    NeedsAcceleration,
    /// `limitedProgress` (0) ≤ ratio < `needsAcceleration`.
    LimitedProgress,
    /// Ratio < `limitedProgress`: moving away from the target.
    Deteriorating,
    /// The deadline has passed and the figure of the deadline year does not meet the target.
    Missed,
    /// The deadline has passed and no figure of the deadline year was given: the row keeps
    /// the latest earlier figure, and `provisional` says what the trend method made of it.
    NotReported,
    /// The unit ended before the as-of date and before the deadline (a district after 30
    /// June 2025): its last figure is shown with the requirement of its period, never judged
    /// against a deadline it did not live to see.
    Discontinued,
    /// There is data, but no trend can be computed (see `reason`).
    InsufficientData,
    /// No usable observation.
    NoData,
}

impl Status {
    pub const ALL: [Status; 10] = [
        Status::Met,
        Status::OnTrack,
        Status::NeedsAcceleration,
        Status::LimitedProgress,
        Status::Deteriorating,
        Status::Missed,
        Status::NotReported,
        Status::Discontinued,
        Status::InsufficientData,
        Status::NoData,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::OnTrack => "on_track",
            Status::NeedsAcceleration => "needs_acceleration",
            Status::LimitedProgress => "limited_progress",
            Status::Deteriorating => "deteriorating",
            Status::Missed => "missed",
            Status::NotReported => "not_reported",
            Status::Discontinued => "discontinued",
            Status::InsufficientData => "insufficient_data",
            Status::NoData => "no_data",
        }
    }

    /// How bad a status is, worst first; used to pick the headline of several units. A unit
    /// that ended comes last: it is never the headline while a unit that exists has a row.
    pub(crate) fn severity(self) -> u8 {
        match self {
            Status::Missed => 0,
            Status::NotReported => 1,
            Status::Deteriorating => 2,
            Status::LimitedProgress => 3,
            Status::NeedsAcceleration => 4,
            Status::InsufficientData => 5,
            Status::NoData => 6,
            Status::OnTrack => 7,
            Status::Met => 8,
            Status::Discontinued => 9,
        }
    }
}

/// Why a status is `insufficient_data`. The codes are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A reduction without a count for its baseline year (never guessed).
    NoBaseline,
    /// Only one year has data.
    SinglePoint,
    /// The baseline year is the latest year with data.
    BaselineIsLatest,
    /// The baseline value is zero or negative, so growth rates are undefined.
    BaselineNotPositive,
    /// The target equals the baseline value: no growth is required.
    NoRequiredGrowth,
    /// The deadline is not after the baseline year.
    DeadlineNotAfterBaseline,
    /// `options.baselineYear` names a year without data.
    NoValueInBaselineYear,
    /// A milestone reported not done, without a share of steps.
    MilestoneWithoutShare,
    /// The increment reading needs last year's value to set this year's floor.
    NoFloor,
}

/// Each status counted once; every code is present (0 when absent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub met: u32,
    pub on_track: u32,
    pub needs_acceleration: u32,
    pub limited_progress: u32,
    pub deteriorating: u32,
    pub missed: u32,
    pub not_reported: u32,
    pub discontinued: u32,
    pub insufficient_data: u32,
    pub no_data: u32,
}

impl StatusCounts {
    pub fn add(&mut self, status: Status) {
        let slot = match status {
            Status::Met => &mut self.met,
            Status::OnTrack => &mut self.on_track,
            Status::NeedsAcceleration => &mut self.needs_acceleration,
            Status::LimitedProgress => &mut self.limited_progress,
            Status::Deteriorating => &mut self.deteriorating,
            Status::Missed => &mut self.missed,
            Status::NotReported => &mut self.not_reported,
            Status::Discontinued => &mut self.discontinued,
            Status::InsufficientData => &mut self.insufficient_data,
            Status::NoData => &mut self.no_data,
        };
        *slot = slot.saturating_add(1);
    }

    pub fn total(&self) -> u32 {
        [
            self.met,
            self.on_track,
            self.needs_acceleration,
            self.limited_progress,
            self.deteriorating,
            self.missed,
            self.not_reported,
            self.discontinued,
            self.insufficient_data,
            self.no_data,
        ]
        .iter()
        .fold(0u32, |a, b| a.saturating_add(*b))
    }
}

/// Where a report's rows go as the evaluation makes them, in the report's order: kept in
/// the report (`evaluate`), or written away at once ([`pack::Streamer`]), so that a
/// country's 178 000 rows and their sentences never exist all at once beside their packed
/// copy (issue 22: L).
pub trait Rows {
    /// Before any row: the report's head (plan, label, asOf, locale, options), its lists
    /// still empty.
    fn head(&mut self, head: &Report);
    /// The next row.
    fn row(&mut self, row: IndicatorResult);
}

/// The result of an evaluation. Optional fields are left out when they have no value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub plan: PlanRef,
    /// The input's own label, echoed (e.g. "SAMPLE FIGURES – not official").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// ISO date.
    pub as_of: String,
    pub locale: Locale,
    /// The options used; `only`, sorted and without repeats, when the report holds only those.
    pub options: ResolvedOptions,
    /// Sorted by the indicator's order in the plan, then level (city first), then unit id.
    pub results: Vec<IndicatorResult>,
    /// Sorted like `results`.
    pub level_summaries: Vec<LevelSummary>,
    /// In the plan's order of reform areas.
    pub areas: Vec<AreaSummary>,
    pub summary: Summary,
    /// The final review (tổng kết), once the as-of date is past the plan's period: each
    /// target at each level, judged at its deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// Sorted by indicator, unit, period, code and path.
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanRef {
    pub id: String,
    pub version: String,
    /// In the report's locale.
    pub title: String,
    pub titles: Text,
    pub sample: bool,
}

/// The options the evaluation actually used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResolvedOptions {
    pub ramp_reading: RampReading,
    pub trend_method: &'static str,
    /// Absent when each result starts its trend at its own first year with data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_year: Option<i32>,
    /// `both`, or `none` when the sentences were left out on request.
    pub text: &'static str,
    /// The indicators and units asked for (`options.only`), when the report holds only those.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only: Option<crate::data::Selection>,
}

/// Where one unit stands on one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorResult {
    pub indicator: String,
    pub area: String,
    pub clause: String,
    /// In the report's locale.
    pub title: String,
    /// Absent under `options.text: "none"`, like `counted`, `display` and `explanation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titles: Option<Text>,
    pub measure: Measure,
    /// Absent only for the single `no_data` row of an indicator nobody reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// The unit's first and last day (ISO dates), where the input gives them: with official
    /// codes reused, two rows can share a `unit` id and differ by these.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    /// The units formed from this one (by lineage), for a `discontinued` unit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub successors: Vec<String>,
    /// True for the one row per indicator that the area and plan summaries count.
    pub headline: bool,
    pub status: Status,
    /// Why no trend verdict (with `insufficient_data`, or with `not_reported` for `provisional`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// For `not_reported`: what the trend method made of the latest figure, as it would have
    /// said before the deadline (`met`, `on_track`, …, `insufficient_data`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisional: Option<Status>,
    /// The latest figure of a year after the deadline: shown, never part of the verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_deadline: Option<AfterDeadline>,
    /// The year with the value the row is about (after the deadline: the deadline year, or the
    /// latest earlier year for `not_reported`), and the period that value came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Percent for percentages and milestones, rank for ranks, percent reduction for
    /// reductions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Num>,
    /// Reductions: the latest count, and the count of the baseline year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_count: Option<Num>,
    /// Ranks: how many provinces the ranking of `year` ranked, where the observation says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_of: Option<Num>,
    /// `reported` (the unit's own figure), `rolled_up` (summed from its units) or
    /// `predecessors` (summed from the units it was formed from, for a year before it existed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<FigureBasis>,
    /// True when the figure is estimated from a part (`share`) of a divided predecessor.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
    /// Predecessors whose share is unknown: the years before the unit existed are not
    /// estimated while one of them existed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_estimated_from: Vec<String>,
    /// For roll-ups: how many of the units beneath reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolled_up: Option<RollUpCoverage>,
    /// What applies to `year`: the ramp floor for that year and level, or the target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Num>,
    /// The year whose floor `requirement` is, when it is not `year`: a unit that ended during
    /// `year` is held to the floor of the last year it lived through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement_year: Option<i32>,
    pub comparator: Comparator,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met: Option<bool>,
    /// Percentage points (ranks: places) still missing against `requirement`; 0 when met.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap_points: Option<Num>,
    /// Items still missing where counts are known ("124 more results to digitize").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap_units: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<Text>,
    /// The value as shown, rounded so that it never contradicts `met` or `status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<Text>,
    /// The target at the deadline (for a ramp: the floor of the deadline year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Num>,
    pub deadline: i32,
    /// On the straight path from the baseline to the target, the value due at the as-of date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Num>,
    /// The value at the deadline if the observed growth rate holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection: Option<Num>,
    /// The trend method and its numbers; absent for a row without data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// The yearly values used (left out when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<SeriesPoint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ramp_years: Option<Vec<RampYear>>,
    /// A plain sentence citing the clause, in both languages (absent under
    /// `options.text: "none"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureBasis {
    Reported,
    RolledUp,
    /// The sums of the units it was formed from, for a year before it existed.
    Predecessors,
}

impl FigureBasis {
    fn is_reported(&self) -> bool {
        *self == FigureBasis::Reported
    }
}

/// The latest figure of a year after the deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AfterDeadline {
    pub year: i32,
    pub period: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
    /// Whether it meets the deadline target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met: Option<bool>,
}

/// Two years of a series between which the units behind it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesBreak {
    pub before: i32,
    pub after: i32,
}

/// How many of a unit's units (valid that year) fed its rolled-up figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RollUpCoverage {
    pub reporting: u32,
    pub total: u32,
}

/// The trend method and every number it used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Method {
    pub name: &'static str,
    pub on_track: Num,
    pub needs_acceleration: Num,
    pub limited_progress: Num,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_year: Option<i32>,
    /// In the trend's own scale: counts for reductions, ranks for ranks, percent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_value: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_value: Option<Num>,
    pub target_year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_value: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed_growth: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_growth: Option<Num>,
    /// Observed over required growth: the number the status thresholds compare.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Num>,
    /// The first break in the series between the baseline and the latest year (the units
    /// behind it changed and lineage does not put both years on the same territory): the
    /// verdict compares different territories.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series_break: Option<SeriesBreak>,
}

/// One year's value of a unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesPoint {
    pub year: i32,
    /// The period the year's value came from (`2024`, `2025-H1`), or the year when rolled up
    /// from several periods.
    pub period: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
    /// Ranks: how many that year's ranking ranked, where the observation says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_of: Option<Num>,
    /// Absent for the unit's own report; `rolled_up` or `predecessors` otherwise.
    #[serde(skip_serializing_if = "FigureBasis::is_reported")]
    pub basis: FigureBasis,
    /// True when estimated from a part (`share`) of a divided predecessor.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
}

/// One year of a ramp for one unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RampYear {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<Num>,
    /// The year whose floor `floor` is, when it is not `year` (see
    /// `IndicatorResult.requirementYear`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor_year: Option<i32>,
    pub reading: RampReading,
    pub basis: FloorBasis,
    pub extrapolated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap_points: Option<Num>,
}

/// How many units of one level meet their requirement in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LevelSummary {
    pub indicator: String,
    pub level: Level,
    pub year: i32,
    /// Set when no unit of the level exists at the end of `year` (the district level after
    /// 30 June 2025): the last day a unit of the level existed; the counts are then of every
    /// unit of the level that existed in that day's year (also one that ended earlier, unless
    /// a unit of the same level it was merged into was still there), each by its last figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_day: Option<String>,
    /// Units of this level at the end of `year` (or, with `lastDay`, in its year).
    pub units_total: u32,
    pub units_met: u32,
    /// Units with a value below their requirement.
    pub units_short: Vec<String>,
    /// Units without a value that year.
    pub units_no_data: Vec<String>,
    /// The requirement of the level that year (absent when it differs by unit, as under the
    /// increment reading).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Num>,
    /// The year whose floor `requirement` is, when it is not `year` (a level that ended
    /// during `year` is held to the floor of the year before).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement_year: Option<i32>,
    /// `floor` for a ramp, `target` otherwise.
    pub requirement_kind: &'static str,
    /// All units of the level together, from summed numerators and denominators; absent
    /// unless every unit with a value gave counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregate_value: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregate_numerator: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregate_denominator: Option<Num>,
    /// "7 of 9 districts meet the 2024 floor of 80%"; absent under `options.text: "none"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<Text>,
}

/// The final review: every target at every level it covers, judged at its deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// The plan's period, both years included.
    pub from: i32,
    pub to: i32,
    /// One row per indicator and level, in the plan's order, city first.
    pub rows: Vec<ReviewRow>,
    /// The rows' verdicts counted.
    pub counts: ReviewCounts,
}

/// One target at one level in the final review.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewRow {
    pub indicator: String,
    pub clause: String,
    /// In the report's locale.
    pub title: String,
    pub level: Level,
    pub deadline: i32,
    /// The year of the figures judged: the deadline year (for a level that ended, its last
    /// year).
    pub year: i32,
    /// For a level that ended before the end of `year`: the last day a unit of it existed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_day: Option<String>,
    /// What the level had to reach in `year`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Num>,
    /// The year whose floor `requirement` is, when it is not `year`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement_year: Option<i32>,
    pub comparator: Comparator,
    /// The level's figure of `year`: its one unit's value, or all its units together from
    /// summed numerators and denominators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
    /// Ranks: how many that ranking ranked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_of: Option<Num>,
    /// `value` as shown, rounded so that it never contradicts the verdict (absent under
    /// `options.text: "none"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<Text>,
    /// The level's verdict: no unit has any figure → `no_data` (as the target's card); any
    /// missed → `missed`; every unit ended before the deadline → `discontinued`; any unit
    /// still there at the deadline without a figure of the deadline year (or without any) →
    /// `not_reported`; else `met`.
    pub verdict: Status,
    /// The rule the verdict follows and who did not meet it, by name ("cần mọi đơn vị cấp xã
    /// đạt; 6/22 đơn vị cấp xã chưa đạt: …" / "every commune must meet it; 6 of 22 communes
    /// did not: …"), so that a level figure above the requirement beside `missed` does not
    /// read as a contradiction; absent under `options.text: "none"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Text>,
    /// The units of the level during the plan's period by their status, as their cards show
    /// it (a unit that ended with a figure counts as `discontinued`; a unit without any
    /// figure as `noData`).
    pub units: ReviewCounts,
}

/// Verdicts at the deadline, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewCounts {
    pub total: u32,
    pub met: u32,
    pub missed: u32,
    pub not_reported: u32,
    pub discontinued: u32,
    pub no_data: u32,
}

impl ReviewCounts {
    pub fn add(&mut self, status: Status) {
        self.total = self.total.saturating_add(1);
        let slot = match status {
            Status::Met => &mut self.met,
            Status::Missed => &mut self.missed,
            Status::Discontinued => &mut self.discontinued,
            Status::NoData => &mut self.no_data,
            // Anything else at the deadline means no figure of the deadline year.
            _ => &mut self.not_reported,
        };
        *slot = slot.saturating_add(1);
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AreaSummary {
    pub id: String,
    pub clause: String,
    pub title: String,
    pub titles: Text,
    /// Indicators of the area in the plan.
    pub indicators: u32,
    /// Headline status of each indicator.
    pub counts: StatusCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub indicators: u32,
    /// Headline status of each indicator of the plan.
    pub counts: StatusCounts,
    /// Every result row (indicator × unit).
    pub result_counts: StatusCounts,
}

/// The reports of one input against several plans ([`crate::Engine::evaluate_plans`]): the
/// plan ids in the engine's order, and each plan's report under its id.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanReports {
    pub plans: Vec<String>,
    pub reports: std::collections::BTreeMap<String, Report>,
}
