// The engine's data as JSON gives it, generated from its Rust types by tests/typescript.rs:
// do not edit. After changing a type, `TYPES_UPDATE=1 cargo test --test typescript` rewrites
// this file. The inputs, `ProgressReport` and `CchcError` are in api.d.ts, written by hand.

// ---- Words shared by the plan, the data and the report ---------------------------------

/** A display language. Vietnamese is the default: the widgets are for Vietnamese citizens. */
export type Locale =
  | "vi"
  | "en";

/**
 * Administrative level ("cấp"): the city (thành phố: sở, ban, ngành and the city People's
 * Committee), district (cấp huyện: quận, huyện) or commune (cấp xã: xã, phường, thị trấn);
 * and, from format 2, the city's departments (sở, ban, ngành) as units of their own kind,
 * judged apart from the city and the communes where a plan or an index scores them.
 */
export type Level =
  | "city"
  | "district"
  | "commune"
  /** A department of the city (sở, ban, ngành): under the city, beside the communes. */
  | "department";

/** The reading of a ramp's "rise by at least N a year". */
export type RampReading =
  /** First-year floor plus `step` points for each later year, capped (the default). */
  | "schedule"
  /** The previous year's *actual* value plus `step` points, capped. */
  | "increment"
  /** The first-year floor times `relativeFactor` for each later year, capped. */
  | "relative";

/** A text in Vietnamese (the portal's first language) and English. */
export interface Text {
  vi: string;
  en: string;
}

/** Where a target stands. The codes are stable. */
export type Status =
  /**
   * The latest value meets the deadline target (after the deadline: the figure of the
   * deadline year does; a milestone done once stays done).
   */
  | "met"
  /** Ratio of observed to required growth ≥ `onTrack` (0.95). */
  | "on_track"
  /** `needsAcceleration` (0.6) ≤ ratio < `onTrack`. */
  | "needs_acceleration"
  /** `limitedProgress` (0) ≤ ratio < `needsAcceleration`. */
  | "limited_progress"
  /** Ratio < `limitedProgress`: moving away from the target. */
  | "deteriorating"
  /** The deadline has passed and the figure of the deadline year does not meet the target. */
  | "missed"
  /**
   * The deadline has passed and no figure of the deadline year was given: the row keeps
   * the latest earlier figure, and `provisional` says what the trend method made of it.
   */
  | "not_reported"
  /**
   * The unit ended before the as-of date and before the deadline (a district after 30
   * June 2025): its last figure is shown with the requirement of its period, never judged
   * against a deadline it did not live to see.
   */
  | "discontinued"
  /** There is data, but no trend can be computed (see `reason`). */
  | "insufficient_data"
  /** No usable observation. */
  | "no_data";

/** Why a status is `insufficient_data`. The codes are stable. */
export type Reason =
  /** A reduction without a count for its baseline year (never guessed). */
  | "no_baseline"
  /** Only one year has data. */
  | "single_point"
  /** The baseline year is the latest year with data. */
  | "baseline_is_latest"
  /** The baseline value is zero or negative, so growth rates are undefined. */
  | "baseline_not_positive"
  /** The target equals the baseline value: no growth is required. */
  | "no_required_growth"
  /** The deadline is not after the baseline year. */
  | "deadline_not_after_baseline"
  /** `options.baselineYear` names a year without data. */
  | "no_value_in_baseline_year"
  /** A milestone reported not done, without a share of steps. */
  | "milestone_without_share"
  /** The increment reading needs last year's value to set this year's floor. */
  | "no_floor";

/** What an indicator measures. */
export type Measure =
  /** A share in percent, reported as a value or as numerator and denominator ("tỷ lệ"). */
  | "percentage"
  /** A position in a national ranking; lower is better ("xếp hạng"). */
  | "rank"
  /** A count that must fall by `target` percent against the baseline year ("giảm ... so với năm"). */
  | "reduction"
  /** Done or not done, optionally as a share of steps finished ("hoàn thành"). */
  | "milestone";

/** Which way is better. */
export type Direction =
  | "higher_is_better"
  | "lower_is_better";

/** How a value is compared with its target. */
export type Comparator =
  /** At least ("tối thiểu", "đạt từ ... trở lên"). */
  | "gte"
  /** At most (ranks: "thuộc nhóm 15 ... dẫn đầu"). */
  | "lte";

/** How the figures of lower units combine into a higher unit's figure. */
export type Aggregation =
  /**
   * A unit's figure is its own report, or else the sum of its children's numerators and
   * denominators (counts for reductions). Percentages alone never roll up.
   */
  | "hierarchy"
  /**
   * Each unit stands alone against its level's target; the engine also sums each level
   * ("7 of 9 districts meet the floor"; all districts together).
   */
  | "level"
  /** Only the unit's own report counts (ranks, milestones). */
  | "none";

// ---- The validated plan (`engine.plan()`) ----------------------------------------------

/** A validated rule pack. */
export interface Plan {
  formatVersion: number;
  plan: PlanInfo;
  methods: Methods;
  areas: Area[];
  ramps: Ramp[];
  indicators: Indicator[];
  /** Format 2: the documents the targets come from. */
  documents?: Document[];
  /** Format 2: the plan's sub-periods, each with its own deadline. */
  phases?: Phase[];
}

export interface PlanInfo {
  id: string;
  version: string;
  issuer: Text;
  /**
   * The decision that adopts the plan (required in format 1; a format-2 pack of several
   * documents lists them in `documents` instead).
   */
  decision?: Decision;
  title: Text;
  period: Period;
  /** True for made-up packs (fixtures, demos): portals must not present them as law. */
  sample: boolean;
}

export interface Decision {
  number: string;
  /** ISO date, `YYYY-MM-DD`. */
  date: string;
}

/** The plan's years, both included. */
export interface Period {
  from: number;
  to: number;
}

export interface Methods {
  trend: TrendParams;
  /**
   * Data whose latest period ended more than this many months before the as-of date is
   * reported as stale.
   */
  staleAfterMonths: number;
}

/** Parameters of the CAGR-ratio trend method (UN SDG progress chart, Open SDG). */
export interface TrendParams {
  method: "cagr_ratio";
  onTrack: number;
  needsAcceleration: number;
  limitedProgress: number;
}

export interface Area {
  id: string;
  clause: string;
  title: Text;
}

/** A document a format-2 pack cites ("Quyết định 282/QĐ-TTg"). */
export interface Document {
  id: string;
  /** As a sentence cites it: `{vi: "Quyết định 282/QĐ-TTg", en: "Decision 282/QĐ-TTg"}`. */
  name: Text;
  /** ISO date, `YYYY-MM-DD`. */
  date: string;
  title?: Text;
  note?: Text;
}

/** A sub-period of a plan ("giai đoạn 2026–2027"), whose targets fall due at its end. */
export interface Phase {
  id: string;
  from: number;
  to: number;
  title: Text;
}

/** A year-by-year floor per level, e.g. the digitization ramp of clause II.2.c.2. */
export interface Ramp {
  id: string;
  clause: string;
  title: Text;
  quote?: string;
  firstYear: number;
  lastYear: number;
  firstFloors: Partial<Record<Level, number>>;
  step: number;
  relativeFactor: number;
  cap: number;
  defaultReading: RampReading;
  afterLastYear: AfterLastYear;
}

/** What a ramp does for a year after its last year. */
export type AfterLastYear =
  /** Keep applying the yearly rule until the cap is reached; results say they extrapolate. */
  | "continue"
  /** A floor after the last year is an error (`RAMP_YEAR_OUTSIDE_PLAN`). */
  | "error";

export interface Indicator {
  id: string;
  area: string;
  clause: string;
  title: Text;
  measure: Measure;
  direction: Direction;
  comparator: Comparator;
  /**
   * The target for the plan as a whole (percent; rank; percent reduction; 100 for a
   * milestone).
   */
  target: number;
  /** Targets that differ by level, where the decision gives them. */
  levelTargets?: Partial<Record<Level, number>>;
  levels: Level[];
  aggregation: Aggregation;
  deadline: number;
  parent?: string;
  denominatorFrom?: DenominatorFrom;
  baselineYear?: number;
  ramp?: string;
  rankOutOf?: number;
  counted?: Text;
  note?: Text;
  /** Format 2: the id of the sub-period whose end is the deadline. */
  phase?: string;
  /** Format 2: for a sub-target ("trong đó"), the fields or part it covers. */
  scope?: Text;
  /** Format 2: where the target is written. */
  source?: Source;
}

/** Where a nested target ("trong số đó") takes its denominator when the portal gives none. */
export type DenominatorFrom =
  /**
   * The parent's numerator is this indicator's population (procedures on the national
   * portal, out of those offered online at level 3–4).
   */
  | "parent_numerator"
  /** The indicator carries its own denominator (payment transactions, land-sector survey). */
  | "own";

/**
 * Where a target is written: the document, its part, what kind of text it was read in, and
 * the words quoted.
 */
export interface Source {
  /** The id of one of the plan's `documents`. */
  document: string;
  /** The document's name as cited (copied from `documents`). */
  documentName: Text;
  part?: Text;
  kind: SourceKind;
  quoted: string;
}

/** What kind of text a target was read in. */
export type SourceKind =
  /** The document's own text (a copy of it). */
  | "document_text"
  /** A press report of the document, not the document itself: its sentences say so. */
  | "press_summary";

/** Why a floor is what it is. */
export type FloorBasis =
  /** The first year's floor, written in the decision. */
  | "first_year"
  /** First-year floor + step × years since (schedule reading). */
  | "schedule"
  /** First-year floor × factor^years since (relative reading). */
  | "relative"
  /** Previous year's actual value + step (increment reading). */
  | "increment"
  /** The increment reading needs last year's actual value, and none was given. */
  | "needs_previous_actual"
  /** The year is inside the plan but before the ramp starts: the decision sets no floor. */
  | "before_first_year";

/** The floor for one level and year under one reading. */
export interface RampFloor {
  ramp: string;
  clause: string;
  level: Level;
  year: number;
  reading: RampReading;
  /** The minimum share in percent, or `null` when the reading cannot give one (see `basis`). */
  floor: number | null;
  basis: FloorBasis;
  /** True when the cap (100 %) cut the computed floor. */
  capped: boolean;
  /** True for a year after the ramp's last year, computed by carrying the rule forward. */
  extrapolated: boolean;
  /** The previous year's actual value used by the increment reading. */
  previousActual?: number;
  explanation: Text;
}

/** Versions of the package and of the loaded rule pack. */
export interface Versions {
  package: string;
  planId: string;
  planVersion: string;
  formatVersion: number;
}

// ---- The report (`engine.evaluate`) ----------------------------------------------------

/** The result of an evaluation. Optional fields are left out when they have no value. */
export interface Report {
  plan: PlanRef;
  /** The input's own label, echoed (e.g. "SAMPLE FIGURES – not official"). */
  label?: string;
  /** ISO date. */
  asOf: string;
  locale: Locale;
  options: ResolvedOptions;
  /** Sorted by the indicator's order in the plan, then level (city first), then unit id. */
  results: IndicatorResult[];
  /** Sorted like `results`. */
  levelSummaries: LevelSummary[];
  /** In the plan's order of reform areas. */
  areas: AreaSummary[];
  summary: Summary;
  /**
   * The final review (tổng kết), once the as-of date is past the plan's period: each
   * target at each level, judged at its deadline.
   */
  review?: Review;
  /** Sorted by indicator, unit, period, code and path. */
  findings: Finding[];
}

export interface PlanRef {
  id: string;
  version: string;
  /** In the report's locale. */
  title: string;
  titles: Text;
  sample: boolean;
}

/** The options the evaluation actually used. */
export interface ResolvedOptions {
  rampReading: RampReading;
  trendMethod: "cagr_ratio";
  /** Absent when each result starts its trend at its own first year with data. */
  baselineYear?: number;
  /** `both`, or `none` when the sentences were left out on request. */
  text: TextMode;
  /** The indicators and units asked for (`options.only`), when the report holds only those. */
  only?: Selection;
}

/**
 * Some indicators or units only (`options.only`): a widget that shows one card asks for its
 * row and pays for no other. The report then holds the rows, level summaries, review rows
 * and findings of those indicators and units (a finding about a unit alone comes with the
 * chosen indicators that raise it), and its area and plan counts cover the chosen
 * indicators; every row it holds is the one the whole report would hold (roll-ups still
 * read the units below).
 */
export interface Selection {
  /** Indicator ids, sorted, without repeats; `None`: every indicator. */
  indicators?: string[];
  /** Unit ids, sorted, without repeats; `None`: every unit. */
  units?: string[];
}

export interface Summary {
  indicators: number;
  /** Headline status of each indicator of the plan. */
  counts: StatusCounts;
  /** Every result row (indicator × unit). */
  resultCounts: StatusCounts;
}

/** Each status counted once; every code is present (0 when absent). */
export interface StatusCounts {
  met: number;
  on_track: number;
  needs_acceleration: number;
  limited_progress: number;
  deteriorating: number;
  missed: number;
  not_reported: number;
  discontinued: number;
  insufficient_data: number;
  no_data: number;
}

export interface AreaSummary {
  id: string;
  clause: string;
  title: string;
  titles: Text;
  /** Indicators of the area in the plan. */
  indicators: number;
  /** Headline status of each indicator. */
  counts: StatusCounts;
}

/** Where one unit stands on one indicator. */
export interface IndicatorResult {
  indicator: string;
  area: string;
  clause: string;
  /** In the report's locale. */
  title: string;
  /** Absent under `options.text: "none"`, like `counted`, `display` and `explanation`. */
  titles?: Text;
  measure: Measure;
  /** Absent only for the single `no_data` row of an indicator nobody reported. */
  unit?: string;
  unitName?: string;
  level?: Level;
  /**
   * The unit's first and last day (ISO dates), where the input gives them: with official
   * codes reused, two rows can share a `unit` id and differ by these.
   */
  validFrom?: string;
  validTo?: string;
  /** The units formed from this one (by lineage), for a `discontinued` unit. */
  successors?: string[];
  /** True for the one row per indicator that the area and plan summaries count. */
  headline: boolean;
  status: Status;
  reason?: Reason;
  /**
   * For `not_reported`: what the trend method made of the latest figure, as it would have
   * said before the deadline (`met`, `on_track`, …, `insufficient_data`).
   */
  provisional?: Status;
  /** The latest figure of a year after the deadline: shown, never part of the verdict. */
  afterDeadline?: AfterDeadline;
  /**
   * The year with the value the row is about (after the deadline: the deadline year, or the
   * latest earlier year for `not_reported`), and the period that value came from.
   */
  year?: number;
  period?: string;
  /**
   * Percent for percentages and milestones, rank for ranks, percent reduction for
   * reductions.
   */
  value?: number;
  numerator?: number;
  denominator?: number;
  /** Reductions: the latest count, and the count of the baseline year. */
  count?: number;
  baselineCount?: number;
  /** Ranks: how many provinces the ranking of `year` ranked, where the observation says. */
  outOf?: number;
  /**
   * `reported` (the unit's own figure), `rolled_up` (summed from its units) or
   * `predecessors` (summed from the units it was formed from, for a year before it existed).
   */
  basis?: FigureBasis;
  /** True when the figure is estimated from a part (`share`) of a divided predecessor. */
  estimated?: true;
  /**
   * Predecessors whose share is unknown: the years before the unit existed are not
   * estimated while one of them existed.
   */
  notEstimatedFrom?: string[];
  rolledUp?: RollUpCoverage;
  /** What applies to `year`: the ramp floor for that year and level, or the target. */
  requirement?: number;
  /**
   * The year whose floor `requirement` is, when it is not `year`: a unit that ended during
   * `year` is held to the floor of the last year it lived through.
   */
  requirementYear?: number;
  comparator: Comparator;
  met?: boolean;
  /** Percentage points (ranks: places) still missing against `requirement`; 0 when met. */
  gapPoints?: number;
  /** Items still missing where counts are known ("124 more results to digitize"). */
  gapUnits?: number;
  counted?: Text;
  /** The value as shown, rounded so that it never contradicts `met` or `status`. */
  display?: Text;
  /** The target at the deadline (for a ramp: the floor of the deadline year). */
  target?: number;
  deadline: number;
  /** On the straight path from the baseline to the target, the value due at the as-of date. */
  expected?: number;
  /** The value at the deadline if the observed growth rate holds. */
  projection?: number;
  /** The trend method and its numbers; absent for a row without data. */
  method?: Method;
  series?: SeriesPoint[];
  rampYears?: RampYear[];
  explanation?: Text;
}

export type FigureBasis =
  | "reported"
  | "rolled_up"
  /** The sums of the units it was formed from, for a year before it existed. */
  | "predecessors";

/** The latest figure of a year after the deadline. */
export interface AfterDeadline {
  year: number;
  period: string;
  value?: number;
  /** Whether it meets the deadline target. */
  met?: boolean;
}

/** How many of a unit's units (valid that year) fed its rolled-up figure. */
export interface RollUpCoverage {
  reporting: number;
  total: number;
}

/** The trend method and every number it used. */
export interface Method {
  name: "cagr_ratio";
  onTrack: number;
  needsAcceleration: number;
  limitedProgress: number;
  baselineYear?: number;
  /** In the trend's own scale: counts for reductions, ranks for ranks, percent otherwise. */
  baselineValue?: number;
  latestYear?: number;
  latestValue?: number;
  targetYear: number;
  targetValue?: number;
  observedGrowth?: number;
  requiredGrowth?: number;
  ratio?: number;
  /**
   * The first break in the series between the baseline and the latest year (the units
   * behind it changed and lineage does not put both years on the same territory): the
   * verdict compares different territories.
   */
  seriesBreak?: SeriesBreak;
}

/** Two years of a series between which the units behind it changed. */
export interface SeriesBreak {
  before: number;
  after: number;
}

/** One year's value of a unit. */
export interface SeriesPoint {
  year: number;
  /**
   * The period the year's value came from (`2024`, `2025-H1`), or the year when rolled up
   * from several periods.
   */
  period: string;
  value?: number;
  /** Ranks: how many that year's ranking ranked, where the observation says. */
  outOf?: number;
  /** Absent for the unit's own report; `rolled_up` or `predecessors` otherwise. */
  basis?: Exclude<FigureBasis, "reported">;
  estimated?: true;
}

/** One year of a ramp for one unit. */
export interface RampYear {
  year: number;
  floor?: number;
  /**
   * The year whose floor `floor` is, when it is not `year` (see
   * `IndicatorResult.requirementYear`).
   */
  floorYear?: number;
  reading: RampReading;
  basis: FloorBasis;
  extrapolated: boolean;
  value?: number;
  met?: boolean;
  gapPoints?: number;
}

/** How many units of one level meet their requirement in one year. */
export interface LevelSummary {
  indicator: string;
  level: Level;
  year: number;
  /**
   * Set when no unit of the level exists at the end of `year` (the district level after
   * 30 June 2025): the last day a unit of the level existed; the counts are then of every
   * unit of the level that existed in that day's year (also one that ended earlier, unless
   * a unit of the same level it was merged into was still there), each by its last figure.
   */
  lastDay?: string;
  /** Units of this level at the end of `year` (or, with `lastDay`, in its year). */
  unitsTotal: number;
  unitsMet: number;
  /** Units with a value below their requirement. */
  unitsShort: string[];
  /** Units without a value that year. */
  unitsNoData: string[];
  /**
   * The requirement of the level that year (absent when it differs by unit, as under the
   * increment reading).
   */
  requirement?: number;
  /**
   * The year whose floor `requirement` is, when it is not `year` (a level that ended
   * during `year` is held to the floor of the year before).
   */
  requirementYear?: number;
  /** `floor` for a ramp, `target` otherwise. */
  requirementKind: "floor" | "target";
  /**
   * All units of the level together, from summed numerators and denominators; absent
   * unless every unit with a value gave counts.
   */
  aggregateValue?: number;
  aggregateNumerator?: number;
  aggregateDenominator?: number;
  /** "7 of 9 districts meet the 2024 floor of 80%"; absent under `options.text: "none"`. */
  sentence?: Text;
}

/** The final review: every target at every level it covers, judged at its deadline. */
export interface Review {
  /** The plan's period, both years included. */
  from: number;
  to: number;
  /** One row per indicator and level, in the plan's order, city first. */
  rows: ReviewRow[];
  /** The rows' verdicts counted. */
  counts: ReviewCounts;
}

/** One target at one level in the final review. */
export interface ReviewRow {
  indicator: string;
  clause: string;
  /** In the report's locale. */
  title: string;
  level: Level;
  deadline: number;
  /**
   * The year of the figures judged: the deadline year (for a level that ended, its last
   * year).
   */
  year: number;
  /** For a level that ended before the end of `year`: the last day a unit of it existed. */
  lastDay?: string;
  /** What the level had to reach in `year`. */
  requirement?: number;
  /** The year whose floor `requirement` is, when it is not `year`. */
  requirementYear?: number;
  comparator: Comparator;
  /**
   * The level's figure of `year`: its one unit's value, or all its units together from
   * summed numerators and denominators.
   */
  value?: number;
  /** Ranks: how many that ranking ranked. */
  outOf?: number;
  /**
   * `value` as shown, rounded so that it never contradicts the verdict (absent under
   * `options.text: "none"`).
   */
  display?: Text;
  /**
   * The level's verdict: no unit has any figure → `no_data` (as the target's card); any
   * missed → `missed`; every unit ended before the deadline → `discontinued`; any unit
   * still there at the deadline without a figure of the deadline year (or without any) →
   * `not_reported`; else `met`.
   */
  verdict: Status;
  /**
   * The rule the verdict follows and who did not meet it, by name ("cần mọi đơn vị cấp xã
   * đạt; 6/22 đơn vị cấp xã chưa đạt: …" / "every commune must meet it; 6 of 22 communes
   * did not: …"), so that a level figure above the requirement beside `missed` does not
   * read as a contradiction; absent under `options.text: "none"`.
   */
  rule?: Text;
  /**
   * The units of the level during the plan's period by their status, as their cards show
   * it (a unit that ended with a figure counts as `discontinued`; a unit without any
   * figure as `noData`).
   */
  units: ReviewCounts;
}

/** Verdicts at the deadline, counted. */
export interface ReviewCounts {
  total: number;
  met: number;
  missed: number;
  notReported: number;
  discontinued: number;
  noData: number;
}

/**
 * A data-quality finding. Codes are stable; whether an observation is unusable depends only
 * on the code (see `FindingCode::unusable`).
 */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /**
   * Where in the input: observations are addressed by their key, e.g.
   * `$.observations[?(@.indicator=='rank.pci' && @.unit=='ct' && @.period=='2023')].rank`,
   * so the path does not depend on the order of the input.
   */
  path: string;
  indicator?: string;
  unit?: string;
  period?: string;
  message: Text;
  /** True when the observation was left out of the evaluation. */
  unusable: boolean;
}

export type Severity =
  | "warning"
  | "error";

/**
 * Data-quality finding codes.
 *
 * Unusable (the observation is left out): `numerator_above_denominator`, `zero_denominator`,
 * `percentage_out_of_range`, `rank_out_of_range`, `negative_count`, `conflicting_duplicate`
 * (every observation of the key), `rank_beyond_out_of`, `unknown_indicator`,
 * `unknown_unit`, `unit_not_valid_in_period`, `level_not_covered`, `kind_mismatch`,
 * `missing_denominator`, `nested_denominator_missing`, `after_as_of` (a warning: the data is
 * not wrong, only later than the report).
 *
 * Warnings (the data is used): `duplicate` (one copy kept), `rollup_not_possible` (the
 * unit gets no figure, its units' own figures still count), `stale_data`,
 * `extra_csv_columns`, `series_break` (the trend over the break is marked),
 * `unit_without_parent`, `bidi_control_in_text` (a unit's name or id, or the label, holds
 * bidi controls: the report shows each as a visible mark, `[U+202E]`), and `parent_not_valid`
 * (the unit's figures roll up into its nearest ancestor valid on those days).
 */
export type FindingCode =
  | "numerator_above_denominator"
  | "zero_denominator"
  | "percentage_out_of_range"
  | "rank_out_of_range"
  | "negative_count"
  | "conflicting_duplicate"
  | "duplicate"
  | "unknown_indicator"
  | "unknown_unit"
  | "unit_not_valid_in_period"
  | "level_not_covered"
  | "kind_mismatch"
  | "missing_denominator"
  | "rollup_not_possible"
  | "nested_denominator_missing"
  | "stale_data"
  | "after_as_of"
  | "extra_csv_columns"
  /**
   * The units behind a unit's series changed between two of its years, and lineage does
   * not put both on the same territory (the merged city of 2025).
   */
  | "series_break"
  /** A rank beyond the number of provinces its own ranking ranked (`outOf`). */
  | "rank_beyond_out_of"
  /**
   * A district or commune without a parent in an input whose hierarchy has a city-level
   * top: it is left out of every roll-up.
   */
  | "unit_without_parent"
  /**
   * A unit's `name` or `id`, or the input's `label`, holds bidi controls (U+202A–U+202E,
   * U+2066–U+2069, U+200E, U+200F, U+061C): the report's names, label and sentences show
   * each as a visible mark (`[U+202E]`), so no data text can reorder the text around it.
   */
  | "bidi_control_in_text"
  /**
   * A unit valid on days its parent id names no valid unit (a commune without a `validTo`
   * under a district that ended, a commune older than its district): on those days it
   * attaches to the nearest ancestor valid that day, and its figures roll up there.
   */
  | "parent_not_valid"
  /**
   * A metric with no count behind it (`numerator`/`denominator` `null`) but a `ratio`: the
   * portal's ratio is used as a percentage, never a count invented for it.
   */
  | "portal_ratio_without_counts"
  /** `0/0`: no dossiers in the period. No data, never 0 % or 100 %. */
  | "portal_no_dossiers"
  /** A metric with neither counts nor a ratio. */
  | "portal_no_figure"
  /** A `ratio` that disagrees with its numerator and denominator: the counts are used. */
  | "portal_ratio_mismatch"
  /** The portal's own doubt about a figure (`dataQualityStatus` / `dataQualityMessage`). */
  | "portal_data_quality"
  /** Fewer (or more) rows than `pagination.total` over the pages of one period. */
  | "portal_page_missing"
  /** The same unit twice in one period with the same figures: kept once. */
  | "portal_duplicate_row"
  /** The same unit twice in one period with different figures: both left out. */
  | "portal_conflicting_rows"
  /** A row whose unit the unit mapping does not name: left out. */
  | "portal_unit_not_mapped"
  /** A department mapped to a commune, or a commune to a city-level unit: left out. */
  | "portal_unit_kind_mismatch"
  /** A unit's counts equal the province's (a figure set province-wide): left out. */
  | "portal_repeats_province";

// ---- Errors (`CchcError.errors`, `engine.validate`) ------------------------------------

export interface Validation {
  valid: boolean;
  errors: ErrorDetail[];
  findings: Finding[];
}

/** One problem found in a caller's input or a rule pack. */
export interface ErrorDetail {
  /** Stable, upper snake case, e.g. `RULE_PACK_DUPLICATE_ID`. */
  code: ErrorCode;
  /** JSON path of the offending value, e.g. `$.indicators[3].target`; `$` for the whole input. */
  path: string;
  message: Text;
}

/**
 * The stable code of an error (`CchcError.code`, `ErrorDetail.code`): portals match on it. The
 * same codes as the engine's Rust `ErrorCode`, in the order of the README's list.
 */
export type ErrorCode =
  // Calls: a method given an argument it cannot use.
  | "INVALID_ARGUMENT"
  | "REPORT_INDEX_OUT_OF_RANGE"
  | "REPORT_INVALID"
  | "RAMP_YEAR_OUTSIDE_PLAN"
  | "RAMP_LEVEL_NOT_COVERED"
  | "VALUE_OUT_OF_RANGE"
  | "UNKNOWN_RAMP"
  | "UNKNOWN_PLAN"
  | "ENGINE_FREED"
  | "ENGINE_DETACHED_METHOD"
  | "ENGINE_NOT_AN_ENGINE"
  | "ENGINE_TRAPPED"
  // The structure of an evaluation input.
  | "INPUT_NOT_OBJECT"
  | "INPUT_INVALID_JSON"
  | "INPUT_INVALID_TYPE"
  | "INPUT_MISSING_FIELD"
  | "INPUT_UNKNOWN_FIELD"
  | "INPUT_EMPTY_FIELD"
  | "INPUT_NOT_A_NUMBER"
  | "INPUT_INVALID_TEXT"
  | "INPUT_INVALID_DATE"
  | "INPUT_INVALID_PERIOD"
  | "INPUT_YEAR_OUT_OF_RANGE"
  | "INPUT_UNKNOWN_LOCALE"
  | "INPUT_UNKNOWN_LEVEL"
  | "INPUT_UNKNOWN_OPTION_VALUE"
  | "INPUT_NO_VALUE"
  | "INPUT_SEVERAL_VALUES"
  | "INPUT_INVALID_OUT_OF"
  | "INPUT_DENOMINATOR_WITHOUT_NUMERATOR"
  | "INPUT_DUPLICATE_UNIT"
  | "INPUT_UNKNOWN_PARENT"
  | "INPUT_UNIT_CYCLE"
  | "INPUT_PARENT_LEVEL"
  | "INPUT_PARENT_NOT_VALID"
  | "INPUT_INVALID_VALIDITY"
  | "INPUT_PREDECESSORS_WITHOUT_START"
  | "INPUT_UNKNOWN_PREDECESSOR"
  | "INPUT_PREDECESSOR_NOT_BEFORE"
  | "INPUT_SELF_PREDECESSOR"
  | "INPUT_LINEAGE_CYCLE"
  | "INPUT_DUPLICATE_PREDECESSOR"
  | "INPUT_INVALID_SHARE"
  | "INPUT_PREDECESSOR_SHARES_ABOVE_ONE"
  | "INPUT_INVALID"
  // The limits of an input.
  | "INPUT_TOO_LARGE"
  | "INPUT_TOO_DEEP"
  | "INPUT_TOO_MANY_OBSERVATIONS"
  | "INPUT_TOO_MANY_UNITS"
  | "INPUT_STRING_TOO_LONG"
  | "INPUT_NUMBER_OUT_OF_RANGE"
  | "INPUT_TOO_MANY_ERRORS"
  // CSV text.
  | "CSV_MISSING_COLUMN"
  | "CSV_INVALID_NUMBER"
  | "CSV_INVALID_BOOLEAN"
  | "CSV_INVALID_ROW"
  | "CSV_NOT_UTF8"
  | "CSV_OBSERVATIONS_TWICE"
  | "CSV_DUPLICATE_COLUMN"
  | "CSV_UNTERMINATED_QUOTE"
  | "CSV_LINE_BREAK_IN_CELL"
  | "CSV_AMBIGUOUS_NUMBER"
  // Sheets: a CSV or `.xlsx` export read with a mapping (`evaluateSheet`).
  | "SHEET_INVALID_GRID"
  | "SHEET_INVALID_MAPPING"
  | "SHEET_NOT_FOUND"
  | "SHEET_HEADING_NOT_FOUND"
  | "SHEET_AMBIGUOUS_HEADING"
  | "SHEET_INVALID_NUMBER"
  | "SHEET_AMBIGUOUS_NUMBER"
  | "SHEET_INVALID_PERIOD"
  | "SHEET_DATE_AS_NUMBER"
  | "SHEET_MERGED_DATA_CELLS"
  | "SHEET_NO_ROWS"
  | "XLSX_ENCRYPTED"
  | "XLSX_INVALID"
  // Rule packs (`Engine.fromPlan`).
  | "RULE_PACK_INVALID_JSON"
  | "RULE_PACK_TOO_LARGE"
  | "RULE_PACK_TOO_DEEP"
  | "RULE_PACK_UNSUPPORTED_FORMAT"
  | "RULE_PACK_UNKNOWN_FIELD"
  | "RULE_PACK_UNKNOWN_KIND"
  | "RULE_PACK_UNKNOWN_VALUE"
  | "RULE_PACK_MISSING_FIELD"
  | "RULE_PACK_BAD_ID"
  | "RULE_PACK_DUPLICATE_ID"
  | "RULE_PACK_UNKNOWN_REFERENCE"
  | "RULE_PACK_UNKNOWN_PARENT"
  | "RULE_PACK_PARENT_CYCLE"
  | "RULE_PACK_TARGET_OUT_OF_RANGE"
  | "RULE_PACK_RANK_OUT_OF_RANGE"
  | "RULE_PACK_RAMP_FALLS"
  | "RULE_PACK_RAMP_TOO_STEEP"
  | "RULE_PACK_YEAR_OUTSIDE_PERIOD"
  | "RULE_PACK_DIRECTION_MISMATCH"
  | "RULE_PACK_LEVEL_NOT_COVERED"
  | "RULE_PACK_BAD_THRESHOLDS"
  | "RULE_PACK_BAD_DATE"
  | "RULE_PACK_BAD_PERIOD"
  | "RULE_PACK_NOT_A_NUMBER"
  // The national portal's 766 answers (`evaluatePortal766`).
  | "PORTAL766_INVALID_JSON"
  | "PORTAL766_HTML"
  | "PORTAL766_NOT_OK"
  | "PORTAL766_UNKNOWN_ENDPOINT"
  | "PORTAL766_BAD_ANSWER"
  | "PORTAL766_UNKNOWN_UNIT"
  | "PORTAL766_NO_MAPPING"
  | "PORTAL766_BAD_MAPPING"
  // Faults of the engine itself.
  | "INTERNAL"
  | "INTERNAL_SERIALIZE";

// ---- Sheets read with a mapping (`evaluateSheet`, `readSheet`) -------------------------

/** A report made from a sheet, with how the sheet was read: what it skipped and guessed. */
export interface SheetReport {
  report: Report;
  sheet: SheetReading;
}

export interface SheetRead {
  observations: SheetObservation[];
  sheet: SheetReading;
}

/** One observation read from a sheet: the engine's observation fields, and its cell. */
export interface SheetObservation {
  indicator: string;
  unit: string;
  period: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  count?: number;
  rank?: number;
  /** The cell it came from (`'Biểu 01'!D7`). */
  source: string;
}

/** How a sheet was read. */
export interface SheetReading {
  /** The sheet read (none for a CSV or a grid without a name). */
  sheet?: string;
  /** The heading rows, 1-based as Excel numbers them. */
  headingRows: number[];
  columns: SheetColumnRead[];
  /** Rows read into observations. */
  rows: number;
  /** Observations made. */
  observations: number;
  /** Every row, cell or sheet left out, in sheet order. */
  skipped: SheetFinding[];
  /** Every guess made while reading. */
  guesses: SheetFinding[];
}

/** A column the mapping named, as found. */
export interface SheetColumnRead {
  /** `unit`, `period`, or the observation field (`value`, `numerator`, …). */
  role: string;
  indicator?: string;
  /** Its letter (`D`). */
  column: string;
  /** Its heading as written (`Số hồ sơ / Tiếp nhận`). */
  heading: string;
}

/** One skipped row or cell, or one guess. */
export interface SheetFinding {
  code: SheetFindingCode;
  /** `Biểu 01!A7` (a cell), `Biểu 01!7` (a row), `Biểu 01!C5:C24` (cells), or the sheet's name. */
  at: string;
  /** The text of the cell concerned (a unit name, a heading), when there is one. */
  text?: string;
  message: Text;
}

/** The code of a skipped row or cell, or of a guess. */
export type SheetFindingCode =
  /** A hidden sheet of the workbook: not read. */
  | "hidden_sheet"
  /** Another sheet than the mapping's: not read. */
  | "other_sheet"
  /** A row with no text at all. */
  | "blank_row"
  /** The row of column numbers under the headings (`(1) (2) (3)`, `A B 1 2`). */
  | "column_numbers_row"
  /** A totals row (`Tổng cộng`), which is no unit. */
  | "totals_row"
  /** A row with text but no figure in any mapped column: a section heading, a note. */
  | "note_row"
  /** A row with figures but no unit. */
  | "no_unit"
  /** A unit name or code the mapping's table does not have. */
  | "unknown_unit"
  /** An indicator's cell left empty in a row that has other figures. */
  | "empty_cell"
  /** A cell that says there is no figure (`-`, `x`, `N/A`). */
  | "dash_cell"
  /** A heading matched loosely (punctuation, `tỉ`/`tỷ`, tone placement, a longer heading). */
  | "heading_loose_match"
  /** A unit name matched loosely (`UBND`, tone placement, punctuation). */
  | "unit_loose_match"
  /** Cells holding formulas: the values Excel saved with the file were used. */
  | "formula_cached_value"
  /** Cells formatted as percentages: Excel stores 85,3 % as 0.853, read as 85.3. */
  | "percent_format"
  /**
   * Every value of a percentage column lies between 0 and 1: perhaps fractions, not
   * percentages (0.853 for 85,3 %). Read as written.
   */
  | "values_look_like_fractions"
  /** The totals row read as the figures of the unit the mapping names (the city). */
  | "totals_as_unit"
  /** A period column's days read as the periods that hold them. */
  | "date_read_as_period";

// ---- The National Public Service Portal's 766 answers (`evaluatePortal766`) ------------

/** The report of an evaluation of 766 answers: the engine's report, and the portal's side. */
export interface Portal766Report extends Report {
  portal766: Portal766Side;
}

export interface Portal766Side {
  /** Every mapping of the mapping file, with its sentence, and whether a figure used it. */
  mappings: Portal766MappingNote[];
  /** Each endpoint and period read: which answers (pages) made it, how many rows. */
  periods: Portal766PeriodNote[];
  /**
   * Every row of every answer, as the portal gave it (of the chosen units alone under
   * `options.only.units`).
   */
  rows: Portal766Row[];
}

export interface Portal766MappingNote extends Portal766MappingEntry {
  /** Whether any observation came from this mapping. */
  used: boolean;
}

/** One metric standing for one indicator. */
export interface Portal766MappingEntry {
  indicator: string;
  endpoint: Portal766Endpoint;
  /** Overview endpoints: the metric's `code`. */
  metric?: string;
  /** Tree endpoints: the row fields holding the numerator and the denominator. */
  numerator?: string;
  denominator?: string;
  /** Tree endpoints, optional: the row field holding the portal's percentage of the two. */
  ratio?: string;
  /** How the portal's measure differs from the plan's, in both languages. */
  difference: Text;
}

export interface Portal766PeriodNote {
  endpoint: Portal766Endpoint;
  period: string;
  /** Indices in `answers` of the pages of this period. */
  answers: number[];
  /** Rows below the province, over all pages (each unit once). */
  rows: number;
  /** The portal's `pagination.total`, when it gave one. */
  total?: number;
}

/**
 * One row of an answer, as the portal gave it: the unit's total for the endpoint's group
 * and each of its metrics.
 */
export interface Portal766Row {
  /** The unit of the report, when the row has one. */
  unit?: string;
  departmentId: string;
  departmentCode?: string;
  name: string;
  kind: Portal766RowKind;
  endpoint: Portal766Endpoint;
  period: string;
  /** Where in the input (a metric `j` is at `<path>.metrics[j]`). */
  path: string;
  /** The portal's percentage of the group's points. */
  ratio?: number;
  /** The portal's official score for the group, as it gave it (never recomputed). */
  portalScore?: number;
  portalMaxScore?: number;
  metrics: Portal766Metric[];
}

/** What a row is, from `departmentType` / `departmentLevel` / `level`. */
export type Portal766RowKind =
  /** The province row (`overview`, `parent`): the city. */
  | "province"
  /** A department (sở, ngành): a city-level unit of its own, never a commune. */
  | "department"
  /** A district (answers of periods before 1 July 2025). */
  | "district"
  | "commune";

/** One metric of a row (tree endpoints: the mapped fields), as the portal gave it. */
export interface Portal766Metric {
  /** The metric's code (tree endpoints: `numerator/denominator` fields). */
  metric: string;
  /** The plan indicator it stands for, when mapped. */
  indicator?: string;
  numerator?: number;
  denominator?: number;
  /** The portal's percentage. */
  ratio?: number;
  /** The portal's official score, as it gave it (never recomputed). */
  portalScore?: number;
  portalMaxScore?: number;
  used: Portal766FigureUse;
}

/** What became of a figure. */
export type Portal766FigureUse =
  /** Numerator and denominator, judged against the mapped indicator. */
  | "judged"
  /** The portal's ratio with no count behind it, judged as a percentage and flagged. */
  | "ratio_only"
  /** `0/0`: no data. */
  | "no_dossiers"
  /** Neither counts nor ratio. */
  | "no_figure"
  /** A metric worth 0 points: the portal's information. */
  | "informational"
  /** A metric no mapping names. */
  | "not_mapped"
  /** Left out: its unit is not mapped, or the figure repeats the province's. */
  | "left_out"
  /**
   * A department's figure in an input without `units`: shown, not judged (the province
   * row already holds its dossiers; declare departments in `units`, as city-level units,
   * to judge them).
   */
  | "department";
