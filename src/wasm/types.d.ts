/** A display language: Vietnamese (the default) or English. */
export type Locale = "vi" | "en";

/** Administrative level: `city` (the provincial level: for Cần Thơ the city, its departments and People's Committee), `district` (quận, huyện), `commune` (xã, phường, thị trấn). */
/** `department` (a sở, ban, ngành as a unit of its own kind) is read from format 2 on. */
export type Level = "city" | "district" | "commune" | "department";

/** A reading of the ramp's "rise by at least 20 % a year": `schedule` (first-year floor + 20 points a year, the default), `increment` (previous year's actual + 20 points), `relative` (× 1.2 a year). */
export type RampReading = "schedule" | "increment" | "relative";

/** A text in Vietnamese and English. */
export interface Text {
  vi: string;
  en: string;
}

/** Where a target stands. Stable codes: portals match on them. */
export type Status =
  | "met"
  | "on_track"
  | "needs_acceleration"
  | "limited_progress"
  | "deteriorating"
  | "missed"
  | "not_reported"
  | "discontinued"
  | "insufficient_data"
  | "no_data";

/** Why no trend verdict could be given (with `insufficient_data`) or why there is no floor. */
export type Reason =
  | "no_baseline"
  | "single_point"
  | "baseline_is_latest"
  | "baseline_not_positive"
  | "no_required_growth"
  | "deadline_not_after_baseline"
  | "no_value_in_baseline_year"
  | "milestone_without_share"
  | "no_floor";

export type Measure = "percentage" | "rank" | "reduction" | "milestone";
export type Direction = "higher_is_better" | "lower_is_better";
export type Comparator = "gte" | "lte";
export type Aggregation = "hierarchy" | "level" | "none";

// ---------------------------------------------------------------------------------------
// The plan (rule pack)
// ---------------------------------------------------------------------------------------

/** A rule pack as a portal writes it: see `rule-pack.schema.json` in this package. */
export interface RulePack {
  $schema?: string;
  /** 1 (the 2021–2025 plan) or 2 (departments, phases, documents and sources). */
  formatVersion: 1 | 2;
  plan: {
    id: string;
    version: string;
    issuer: Text;
    /** Required in format 1. */
    decision?: { number: string; date: string };
    title: Text;
    period: { from: number; to: number };
    sample?: boolean;
  };
  methods?: {
    trend?: { method: "cagr_ratio"; onTrack: number; needsAcceleration: number; limitedProgress: number };
    staleAfterMonths?: number;
  };
  /** `clause` is required in format 1. */
  areas: { id: string; clause?: string; title: Text }[];
  /** Format 2: the documents the targets come from. */
  documents?: { id: string; name: Text; date: string; title?: Text; note?: Text }[];
  /** Format 2: the sub-periods, each target of one falling due at its last year. */
  phases?: { id: string; from: number; to: number; title?: Text }[];
  ramps?: {
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
    defaultReading?: RampReading;
    afterLastYear: "continue" | "error";
  }[];
  indicators: {
    id: string;
    area: string;
    /** Required in format 1; in format 2 a `source` may stand instead. */
    clause?: string;
    title: Text;
    measure: Measure;
    direction: Direction;
    comparator: Comparator;
    target?: number;
    levelTargets?: Partial<Record<Level, number>>;
    levels: Level[];
    aggregation: Aggregation;
    /** Required in format 1; in format 2 the last year of `phase` when left out. */
    deadline?: number;
    parent?: string;
    denominatorFrom?: "parent_numerator" | "own";
    baselineYear?: number;
    ramp?: string;
    rankOutOf?: number;
    counted?: Text;
    note?: Text;
    /** Format 2: the id of one of `phases`. */
    phase?: string;
    /** Format 2: what a sub-target ("trong đó") covers; needs `parent`. */
    scope?: Text;
    /** Format 2: where the target is written. */
    source?: { document: string; part?: Text; kind: SourceKind; quoted: string };
  }[];
}

/** Format 2: a target read in the document's own text, or in a press report of it. */
export type SourceKind = "document_text" | "press_summary";

/** The names of the embedded plans, for `Engine.embedded(name)`. */
export type EmbeddedPlanName = "can-tho-2021-2025" | "vn-cantho-cchc-2021-2025" | "can-tho-2026-2030";

/** One target of the plan, as the engine normalized it. */
export interface Indicator {
  /** Stable id, e.g. `proc.online_l34`. */
  id: string;
  area: string;
  /** Clause of the decision, e.g. `II.2.c.5`. */
  clause: string;
  title: Text;
  measure: Measure;
  direction: Direction;
  comparator: Comparator;
  /** Percent; rank; percent reduction; 100 for a milestone. */
  target: number;
  /** Targets that differ by level (work records online: city 90, district 80, commune 60). */
  levelTargets?: Partial<Record<Level, number>>;
  levels: Level[];
  aggregation: Aggregation;
  /** The year by whose end the target must be reached. */
  deadline: number;
  /** For nested targets ("trong số đó"): the parent indicator. */
  parent?: string;
  denominatorFrom?: "parent_numerator" | "own";
  baselineYear?: number;
  ramp?: string;
  rankOutOf?: number;
  counted?: Text;
  note?: Text;
  /** Format 2: the id of the phase whose last year is the deadline. */
  phase?: string;
  /** Format 2: what a sub-target covers. */
  scope?: Text;
  /** Format 2: where the target is written; `documentName` is the document's cited name. */
  source?: { document: string; documentName: Text; part?: Text; kind: SourceKind; quoted: string };
}

/** The validated plan an engine holds. */
export interface Plan {
  formatVersion: number;
  plan: {
    id: string;
    version: string;
    issuer: Text;
    /** Absent for a format-2 pack that lists its `documents` instead. */
    decision?: { number: string; date: string };
    title: Text;
    period: { from: number; to: number };
    /** True for made-up packs, which must not be presented as law. */
    sample: boolean;
  };
  methods: {
    trend: { method: "cagr_ratio"; onTrack: number; needsAcceleration: number; limitedProgress: number };
    staleAfterMonths: number;
  };
  areas: { id: string; clause: string; title: Text }[];
  ramps: {
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
    afterLastYear: "continue" | "error";
  }[];
  indicators: Indicator[];
  /** Format 2: the documents the targets come from. */
  documents?: { id: string; name: Text; date: string; title?: Text; note?: Text }[];
  /** Format 2: the sub-periods, with their titles filled in. */
  phases?: { id: string; from: number; to: number; title: Text }[];
}

/** Why a ramp floor is what it is. */
export type FloorBasis =
  | "first_year"
  | "schedule"
  | "relative"
  | "increment"
  | "needs_previous_actual"
  | "before_first_year";

/** The floor of the digitization ramp (clause II.2.c.2) for one level and year. */
export interface RampFloor {
  ramp: string;
  clause: string;
  level: Level;
  year: number;
  reading: RampReading;
  /** Minimum share in percent, or `null` when the reading gives none (see `basis`). */
  floor: number | null;
  basis: FloorBasis;
  /** True when the cap (100 %) cut the computed floor. */
  capped: boolean;
  /** True for a year after the ramp's last year (the rule carried forward). */
  extrapolated: boolean;
  /** The previous year's actual value the increment reading used. */
  previousActual?: number;
  explanation: Text;
}

/** Versions of the package and the loaded plan. */
export interface Versions {
  package: string;
  planId: string;
  planVersion: string;
  formatVersion: number;
}

// ---------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------

/**
 * One unit the units of the administrative hierarchy were formed from: an id (the whole unit),
 * or a part of a divided unit with its `share` (above 0, at most 1; `null` or absent when the
 * size of the part is unknown: its history is then not estimated).
 */
export type PredecessorInput = string | { unit: string; share?: number | null };

/**
 * A unit of the administrative hierarchy. One id may name several units whose validities do
 * not overlap (official codes were reused in 2025): a figure belongs to the unit of its id
 * valid in its period.
 */
export interface UnitInput {
  id: string;
  name: string;
  level: Level;
  /**
   * The parent unit's id; omit for the top. A parent sits at a higher level (a city-level unit
   * may sit under the city); after 1 July 2025 communes sit directly under the city.
   */
  parent?: string;
  /** First day the unit exists: a year (its 1 January) or a day, `"2025-07-01"`. */
  validFrom?: number | string;
  /** Last day the unit exists, inclusive: a year (its 31 December) or a day, `"2025-06-30"`. */
  validTo?: number | string;
  /** The units it was formed from (needs `validFrom`): each must exist on the day before. */
  predecessors?: PredecessorInput[];
}

/**
 * One figure for one indicator, unit and period. `period` is a year (`"2023"`), a quarter
 * (`"2023-Q2"`), a half-year (`"2023-H1"`) or a month (`"2023-05"`). Give exactly one kind of
 * value: `value` (percent), `numerator` + `denominator`, `rank`, `count` (reductions), or
 * `done` (milestones, optionally with `value` as the share of steps finished).
 */
export interface ObservationInput {
  indicator: string;
  unit: string;
  period: string | number;
  value?: number;
  numerator?: number;
  denominator?: number;
  rank?: number;
  count?: number;
  done?: boolean;
  source?: string;
  /** With a `rank`: how many provinces that ranking ranked (63 until 2024, 34 after the merger). */
  outOf?: number;
}

export interface EvaluateOptions {
  /** The ramp reading; the plan's default (`schedule`) when omitted. */
  rampReading?: RampReading;
  trendMethod?: "cagr_ratio";
  /** The trend's baseline year; the first year with data when omitted. */
  baselineYear?: number;
  /**
   * `both` (the default): every row carries its titles, counted items, shown value and
   * explanation in Vietnamese and English. `none`: numbers and codes only (each row keeps its
   * `title` in the report's locale) — for tables and exports of a province or the country,
   * where the sentences are most of the report's size and time.
   */
  text?: TextMode;
  /**
   * Only these indicators and units: a widget that shows one card asks for its row and pays
   * for no other. The report holds the rows, level summaries, review rows and findings of
   * those; its area and plan counts cover the chosen indicators. Each row is the one the
   * whole report holds (a roll-up still reads the units below). Ids it does not know select
   * nothing.
   */
  only?: Selection;
}

/** Some indicators or units (`EvaluateOptions.only`); an absent list means all. */
export interface Selection {
  indicators?: string[];
  units?: string[];
}

/** Which words a report carries: see `EvaluateOptions.text`. */
export type TextMode = "both" | "none";

/** What `engine.evaluate` takes. */
export interface EvaluateInput {
  /** The date the report describes, `YYYY-MM-DD`. */
  asOf: string;
  locale?: Locale;
  /** A label echoed in the report, e.g. "SAMPLE FIGURES". */
  label?: string;
  options?: EvaluateOptions;
  units: UnitInput[];
  observations: ObservationInput[];
}

/** What `engine.evaluateCsv` takes beside the CSV text: everything but the observations. */
export type CsvOptions = Omit<EvaluateInput, "observations">;

// ---------------------------------------------------------------------------------------
// Sheets: CSV and .xlsx exports as they are, read with a mapping
// ---------------------------------------------------------------------------------------

/** A cell: empty, text, a number, a boolean, or a number with what Excel said of it. */
export type SheetCell =
  | null
  | string
  | number
  | boolean
  | {
      value: string | number | boolean | null;
      /** The cell holds a formula: `value` is the one Excel saved with the file. */
      formula?: string | boolean;
      /** `percent`: Excel stores 85.3 % as 0.853; `date`: a serial number of days. */
      format?: "percent" | "date" | "general";
    };

/** One sheet: rows of cells, and its merged ranges in A1 notation (`"D3:E3"`). */
export interface Sheet {
  name?: string;
  hidden?: boolean;
  rows: SheetCell[][];
  merges?: string[];
}

/** What `evaluateSheet` reads: a workbook (as `cchc-progress/xlsx` gives it), one sheet, its rows, or CSV text. */
export type SheetGrid = { sheets: Sheet[] } | Sheet | SheetCell[][];

/** A column: its heading (`"Tên đơn vị"`), its heading path (`["Số hồ sơ", "Tiếp nhận"]`) or its letter. */
export type SheetColumn = string | [string] | [string, string] | { letter: string };

/** Which cells say what (see the npm README, "Portal exports as they are"). */
export interface SheetMapping {
  /** The sheet's name; default: the first sheet that is not hidden. */
  sheet?: string;
  /** The row of the headings, 1-based; default: the first of 30 rows holding the unit's heading. */
  headingRow?: number;
  /** 1 or 2 (an upper heading over several columns). Default 1. */
  headingRows?: 1 | 2;
  /** The unit column, and the table from names (or codes) in the file to unit ids; none: the cell is the id. */
  unit: { column: SheetColumn; names?: Record<string, string>; codes?: Record<string, string> };
  /** A column of periods (`Quý 3/2026`…; with `date`, of days), or one period for the sheet. */
  period: { column: SheetColumn; date?: "year" | "half" | "quarter" | "month" } | { fixed: string };
  /** Totals rows (`Tổng cộng`, `Tổng số`, `Tổng`, `Cộng` by default): skipped, or read as `unit`'s figures. */
  totals?: { labels?: string[]; unit?: string };
  /** Each indicator's columns: `value`, or `numerator` and `denominator`, or `count`, or `rank`. */
  indicators: {
    indicator: string;
    value?: SheetColumn;
    numerator?: SheetColumn;
    denominator?: SheetColumn;
    count?: SheetColumn;
    rank?: SheetColumn;
  }[];
  /** How text cells write numbers: `comma` (`1.234,5`, default; a `,` CSV: `point`) or `point`. */
  decimal?: "comma" | "point";
}

export type SheetFindingCode =
  | "hidden_sheet"
  | "other_sheet"
  | "blank_row"
  | "column_numbers_row"
  | "totals_row"
  | "note_row"
  | "no_unit"
  | "unknown_unit"
  | "empty_cell"
  | "dash_cell"
  | "heading_loose_match"
  | "unit_loose_match"
  | "formula_cached_value"
  | "percent_format"
  | "values_look_like_fractions"
  | "totals_as_unit"
  | "date_read_as_period";

/** A row, cell or sheet left out, or a guess, with where (`'Biểu 01'!B10`, `'Biểu 01'!11`, `C5:C24`). */
export interface SheetFinding {
  code: SheetFindingCode;
  at: string;
  text?: string;
  message: Text;
}

/** How a sheet was read. */
export interface SheetReading {
  sheet?: string;
  /** 1-based, as Excel numbers rows. */
  headingRows: number[];
  columns: { role: string; indicator?: string; column: string; heading: string }[];
  rows: number;
  observations: number;
  skipped: SheetFinding[];
  guesses: SheetFinding[];
}

/** What `evaluateSheet` returns: the report, and how the sheet was read. */
export interface SheetReport {
  report: Report;
  sheet: SheetReading;
}

/** What `readSheet` returns: the observations (each with its cell as `source`), and how the sheet was read. */
export interface SheetRead {
  observations: ObservationInput[];
  sheet: SheetReading;
}

// ---------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------

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
  | "series_break"
  | "rank_beyond_out_of"
  | "unit_without_parent"
  | "bidi_control_in_text"
  | "parent_not_valid"
  | "portal_ratio_without_counts"
  | "portal_no_dossiers"
  | "portal_no_figure"
  | "portal_ratio_mismatch"
  | "portal_data_quality"
  | "portal_page_missing"
  | "portal_duplicate_row"
  | "portal_conflicting_rows"
  | "portal_unit_not_mapped"
  | "portal_unit_kind_mismatch"
  | "portal_repeats_province";

/** A data-quality finding: returned with the report, never thrown. */
export interface Finding {
  code: FindingCode;
  severity: "warning" | "error";
  /** Where in the input, e.g. `$.observations[12]`. */
  path: string;
  indicator?: string;
  unit?: string;
  period?: string;
  message: Text;
  /** True when the observation was left out of the evaluation. */
  unusable: boolean;
}

/** The trend method and its parameters (CAGR ratio, UN SDG progress chart / Open SDG). */
export interface Method {
  name: "cagr_ratio";
  onTrack: number;
  needsAcceleration: number;
  limitedProgress: number;
  baselineYear?: number;
  baselineValue?: number;
  latestYear?: number;
  latestValue?: number;
  targetYear: number;
  targetValue?: number;
  observedGrowth?: number;
  requiredGrowth?: number;
  /** Observed over required growth: the number the status thresholds compare. */
  ratio?: number;
  /**
   * The first break in the series between the baseline and the latest year: the units behind
   * the figures changed (see the `series_break` finding), so the verdict compares different
   * territories.
   */
  seriesBreak?: { before: number; after: number };
}

/** Where a figure comes from. */
export type FigureBasis = "reported" | "rolled_up" | "predecessors";

export interface SeriesPoint {
  year: number;
  period: string;
  value?: number;
  /** Ranks: how many that year's ranking ranked. */
  outOf?: number;
  /** Absent for the unit's own report. */
  basis?: "rolled_up" | "predecessors";
  /** True when estimated from a part (`share`) of a divided predecessor. */
  estimated?: true;
}

/** One year of the ramp for one unit. */
export interface RampYear {
  year: number;
  floor?: number;
  /** The year whose floor `floor` is, when not `year` (a unit that ended during `year`). */
  floorYear?: number;
  reading: RampReading;
  basis: FloorBasis;
  extrapolated: boolean;
  value?: number;
  met?: boolean;
  gapPoints?: number;
}

/** Progress of one indicator for one unit. Fields without a value are left out, never `null`. */
export interface IndicatorResult {
  indicator: string;
  area: string;
  clause: string;
  /** Title in the report's locale; `titles` has both. */
  title: string;
  /** Absent under `options.text: "none"`, like `counted`, `display` and `explanation`. */
  titles?: Text;
  measure: Measure;
  unit?: string;
  unitName?: string;
  level?: Level;
  /** The unit's first and last day, where the input gives them (rows of a reused id differ by these). */
  validFrom?: string;
  validTo?: string;
  /** For `discontinued`: the units formed from this one. */
  successors?: string[];
  /** True for the result a widget should show first for this indicator (the city's). */
  headline: boolean;
  status: Status;
  /** Why no trend verdict (with `insufficient_data`, or with `not_reported` for `provisional`). */
  reason?: Reason;
  /**
   * With `not_reported`: what the trend method made of the latest earlier figure, as it would
   * have said before the deadline (`met`, `on_track`, …, `insufficient_data`). Never a verdict.
   */
  provisional?: Status;
  /** The latest figure of a year after the deadline: shown, never part of the verdict. */
  afterDeadline?: { year: number; period: string; value?: number; met?: boolean };
  /**
   * The year and period of the figure the row is about: the latest before the deadline; after
   * it, the deadline year's (or the latest earlier one for `not_reported`); for
   * `discontinued`, the unit's last.
   */
  year?: number;
  period?: string;
  /** Percent, rank, percent reduction, or share of steps. */
  value?: number;
  numerator?: number;
  denominator?: number;
  count?: number;
  baselineCount?: number;
  /** Ranks: how many that ranking ranked (`hạng 12/34`). */
  outOf?: number;
  basis?: FigureBasis;
  /** True when the figure is estimated from a part (`share`) of a divided predecessor. */
  estimated?: true;
  /** Predecessors whose share is unknown: the years before the unit existed are not estimated. */
  notEstimatedFrom?: string[];
  /** For roll-ups: how many of the units beneath reported. */
  rolledUp?: { reporting: number; total: number };
  /** What applies to the period: the year's ramp floor, the level's target, the reduction. */
  requirement?: number;
  /** The year whose floor `requirement` is, when not `year` (a unit that ended during `year`). */
  requirementYear?: number;
  comparator: Comparator;
  met?: boolean;
  /** Points still missing to the requirement (0 when met). */
  gapPoints?: number;
  /** Units still missing, where counts are known ("124 more results to digitize"). */
  gapUnits?: number;
  counted?: Text;
  /** The value as shown, rounded so it never contradicts `met`. */
  display?: Text;
  /** The deadline target. */
  target?: number;
  deadline: number;
  /** The value on the straight path from the baseline to the target, at the as-of date. */
  expected?: number;
  /** The value at the deadline if the observed growth continues. */
  projection?: number;
  /** The trend method's numbers, when a trend was computed or attempted. */
  method?: Method;
  /** The yearly values used (left out when there are none). */
  series?: SeriesPoint[];
  rampYears?: RampYear[];
  /** A plain sentence citing the clause, in both languages (absent under `options.text: "none"`). */
  explanation?: Text;
}

/** How the units of one level stand against one indicator in one year. */
export interface LevelSummary {
  indicator: string;
  level: Level;
  year: number;
  /**
   * For a level with no unit left at the end of `year` (the district level after 30 June
   * 2025): the last day one existed; the counts are of its units' last figures, every unit
   * of the level that existed in that day's year (a district that ended in March too).
   */
  lastDay?: string;
  unitsTotal: number;
  unitsMet: number;
  unitsShort: string[];
  unitsNoData: string[];
  requirement?: number;
  /** The year whose floor `requirement` is, when not `year`. */
  requirementYear?: number;
  /** `floor` for the ramp's yearly floor, `target` for the deadline target. */
  requirementKind: "floor" | "target";
  aggregateValue?: number;
  aggregateNumerator?: number;
  aggregateDenominator?: number;
  /** "7 of 9 districts meet the 2024 floor of 80 %", in both languages (absent under `options.text: "none"`). */
  sentence?: Text;
}

export type StatusCounts = Record<Status, number>;

export interface AreaSummary {
  id: string;
  clause: string;
  title: string;
  titles: Text;
  indicators: number;
  counts: StatusCounts;
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

/** One target at one level in the final review. */
export interface ReviewRow {
  indicator: string;
  clause: string;
  /** In the report's locale. */
  title: string;
  level: Level;
  deadline: number;
  /** The year of the figures judged (for a level that ended, its last year). */
  year: number;
  /** For a level that ended before the end of `year`: its last day. */
  lastDay?: string;
  requirement?: number;
  requirementYear?: number;
  comparator: Comparator;
  /** The level's figure of `year`: its one unit's, or all its units together. */
  value?: number;
  /** Ranks: how many that ranking ranked. */
  outOf?: number;
  /** `value` as shown, rounded so it never contradicts the verdict (absent under `text: "none"`). */
  display?: Text;
  /**
   * No unit has any figure → `no_data` (as the target's card); any missed → `missed`; every
   * unit ended before the deadline → `discontinued`; a unit still there at the deadline
   * without a figure of the deadline year (or without any) → `not_reported`; else `met`.
   */
  verdict: Status;
  /**
   * The rule the verdict follows and who did not meet it, by name, in both languages
   * ("cần mọi đơn vị cấp xã đạt; 6/22 đơn vị cấp xã chưa đạt: …" / "every commune must meet
   * it; 6 of 22 communes did not: …"): a level figure above the requirement beside `missed`
   * then never reads as a contradiction. Absent under `options.text: "none"`.
   */
  rule?: Text;
  /**
   * The level's units (that existed during the plan's period) by status, as their cards show
   * it; a unit without any figure (no card) counts as `noData`.
   */
  units: ReviewCounts;
}

/** The final review (tổng kết): present once the as-of date is past the plan's period. */
export interface Review {
  from: number;
  to: number;
  rows: ReviewRow[];
  counts: ReviewCounts;
}

/** What `engine.evaluate` returns. */
export interface Report {
  plan: { id: string; version: string; title: string; titles: Text; sample: boolean };
  label?: string;
  asOf: string;
  locale: Locale;
  /** `only`, sorted and without repeats, when the report holds only those. */
  options: { rampReading: RampReading; trendMethod: "cagr_ratio"; baselineYear?: number; text: TextMode; only?: Selection };
  results: IndicatorResult[];
  levelSummaries: LevelSummary[];
  areas: AreaSummary[];
  summary: { indicators: number; counts: StatusCounts; resultCounts: StatusCounts };
  /** The final review, once the as-of date is past the plan's period. */
  review?: Review;
  findings: Finding[];
}

/** What `engine.validate` returns: it never throws for bad input. */
export interface Validation {
  valid: boolean;
  errors: ErrorDetail[];
  findings: Finding[];
}

/**
 * The stable code of an error (`CchcError.code`, `ErrorDetail.code`): portals match on it. The
 * same codes as the engine's Rust `ErrorCode`, in the order of the README's list.
 */
export type ErrorCode =
  // calls
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
  // input structure
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
  // input limits
  | "INPUT_TOO_LARGE"
  | "INPUT_TOO_DEEP"
  | "INPUT_TOO_MANY_OBSERVATIONS"
  | "INPUT_TOO_MANY_UNITS"
  | "INPUT_STRING_TOO_LONG"
  | "INPUT_NUMBER_OUT_OF_RANGE"
  | "INPUT_TOO_MANY_ERRORS"
  // CSV
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
  // sheets (CSV and .xlsx exports read with a mapping)
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
  // rule packs
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
  // faults of the engine itself (please report them)
  // the national portal's 766 answers
  | "PORTAL766_INVALID_JSON"
  | "PORTAL766_HTML"
  | "PORTAL766_NOT_OK"
  | "PORTAL766_UNKNOWN_ENDPOINT"
  | "PORTAL766_BAD_ANSWER"
  | "PORTAL766_UNKNOWN_UNIT"
  | "PORTAL766_NO_MAPPING"
  | "PORTAL766_BAD_MAPPING"
  | "INTERNAL"
  | "INTERNAL_SERIALIZE";

/** One problem of a thrown `CchcError` (which lists them all in `errors`). */
export interface ErrorDetail {
  /** Stable code, e.g. `RULE_PACK_DUPLICATE_ID`, `INVALID_ARGUMENT`. */
  code: ErrorCode;
  /** JSON path of the value at fault, `$` for the whole input. */
  path: string;
  message: Text;
}

/**
 * What every method throws on a bad call or bad input: an `Error` with `name` `"CchcError"`,
 * the first problem's `code`, `path` and messages, and every problem in `errors`. The engine
 * keeps working after it.
 */
export interface CchcError extends Error {
  name: "CchcError";
  code: ErrorCode;
  path: string;
  messageVi: string;
  messageEn: string;
  errors: ErrorDetail[];
}

/**
 * The reports of one input against every plan an engine holds (`Engine.fromPlans`,
 * `engine.evaluatePlans`): the plan ids in the engine's order, and each plan's report under
 * its id. Two plans that define one indicator id keep their results apart: a result is named
 * by its plan id and its indicator id.
 */
export interface PlanReports<R = Report> {
  plans: string[];
  reports: Record<string, R>;
}

// ---------------------------------------------------------------------------------------
// Reports read on demand (`engine.report`, `engine.reports`)
// ---------------------------------------------------------------------------------------

/**
 * What `engine.report` and `engine.reports` read: an evaluation input, or an object naming
 * the kind of data it holds by exactly one key.
 */
export type ReportSource =
  | EvaluateInput
  | { json: string }
  | { csv: string; options: CsvOptions }
  | { portal766: Portal766Answer[] | string; options?: Portal766Options }
  | { sheet: SheetGrid | string; mapping: SheetMapping; options?: CsvOptions };

/** The options of `engine.report`. */
export interface ReportOptions {
  /** The id of a loaded plan (`engine.planIds()`); the first plan when absent. */
  plan?: string;
}

/** Filters of `ProgressReport.results` (each field optional; `unit: null`: the rows of no unit). */
export interface ResultFilter { indicator?: string; unit?: string | null; level?: Level; headline?: boolean }
export interface LevelSummaryFilter { indicator?: string; level?: Level; year?: number }
export interface FindingFilter { indicator?: string | null; unit?: string | null; code?: FindingCode }
export interface ReviewRowFilter { indicator?: string; level?: Level }

/**
 * A report read on demand: the engine writes it once, as the exact bytes of its JSON behind an
 * index, and the accessors decode only what is asked for. It needs no `free()`, does not
 * depend on the engine that made it (which may be freed), and its bytes can be sent to a
 * Worker (`postMessage(report.buffer)`, then `ProgressReport.fromBuffer`). `toJSON()` is the
 * full report `evaluate` returns, so `JSON.stringify(report)` writes it.
 *
 * Accessors throw a `CchcError`: `REPORT_INDEX_OUT_OF_RANGE` for a row index outside the list,
 * `REPORT_INVALID` for bytes or JSON that are not a report, `INVALID_ARGUMENT` for a bad filter.
 */
export declare class ProgressReport {
  private constructor();
  /** A packed report from its bytes (`report.buffer`). */
  static fromBuffer(bytes: Uint8Array | ArrayBuffer): ProgressReport;
  /** A report made elsewhere (the command's output, `toJSON()`), as an object or JSON text. */
  static fromJSON(value: Report | string): ProgressReport;
  /** Whether `value` is a `ProgressReport` (of any copy of the package). */
  static isReport(value: unknown): value is ProgressReport;
  /** The packed bytes; `undefined` for a report made with `fromJSON`. */
  readonly buffer: Uint8Array | undefined;
  readonly plan: Report["plan"];
  readonly label: string | undefined;
  readonly asOf: string;
  readonly locale: Locale;
  readonly options: Report["options"];
  readonly summary: Report["summary"];
  readonly areas: AreaSummary[];
  /** The final review, whole; `undefined` before the plan's period is over. */
  readonly review: Review | undefined;
  /** For a report made from 766 answers: the portal's figures and scores. */
  readonly portal766: Portal766Report["portal766"] | undefined;
  /** For a report made from a sheet: how it was read. */
  readonly sheet: SheetReading | undefined;
  readonly resultCount: number;
  result(index: number): IndicatorResult;
  results(filter?: ResultFilter): IndicatorResult[];
  readonly levelSummaryCount: number;
  levelSummary(index: number): LevelSummary;
  levelSummaries(filter?: LevelSummaryFilter): LevelSummary[];
  readonly findingCount: number;
  finding(index: number): Finding;
  findings(filter?: FindingFilter): Finding[];
  readonly reviewRowCount: number;
  reviewRow(index: number): ReviewRow;
  reviewRows(filter?: ReviewRowFilter): ReviewRow[];
  /** The report's JSON text (for a packed report, the exact bytes the engine wrote). */
  text(): string;
  /** The whole report as plain objects, as `evaluate` returns it (with `portal766` for a 766 source). */
  toJSON(): Report;
}

// ---------------------------------------------------------------------------------------
// The National Public Service Portal's 766 answers (`engine.evaluatePortal766`)
// ---------------------------------------------------------------------------------------

/** The endpoints of `POST /api/v1/reporting/evaluation/<endpoint>` the engine reads. */
export type Portal766Endpoint =
  | "dossier-digitized"
  | "handling-satisfaction"
  | "transparency"
  | "dvc-progress-tree"
  | "provide-online-tree"
  | "formality-online-payment-tree";

/** One saved answer of the portal, with what the answer does not carry. */
export interface Portal766Answer {
  endpoint: Portal766Endpoint;
  /** The period the portal was asked for: `"2026"`, `"2026-Q3"`, `"2026-10"` (or `"2026-H1"`). */
  period: string;
  /** The API's JSON exactly as saved: the parsed object, or the file's text (a saved HTML page is refused with `PORTAL766_HTML`). */
  answer: object | string;
  /** The file's name, for people reading the report. */
  name?: string;
}

/** Which 766 metric stands for which plan indicator, and how the two measures differ. */
export interface Portal766Mapping {
  formatVersion: 1;
  /** The rule pack's `plan.id`. */
  plan: string;
  mappings: Portal766MappingEntry[];
  leftOut?: { endpoint: string; metric?: string; indicators?: string[]; reason: Text }[];
}

export interface Portal766MappingEntry {
  indicator: string;
  endpoint: Portal766Endpoint;
  /** Overview endpoints: the metric's `code`. */
  metric?: string;
  /** Tree endpoints: the row fields of the numerator and the denominator (and the portal's ratio). */
  numerator?: string;
  denominator?: string;
  ratio?: string;
  /** How the portal's measure differs from the plan's: shown wherever such a figure is judged. */
  difference: Text;
}

/** What `evaluatePortal766` takes beside the answers. */
export interface Portal766Options extends Omit<EvaluateInput, "observations" | "units"> {
  /** The units; absent: made from the answers (the province row is the city, departments city-level units under it, communes under it). */
  units?: EvaluateInput["units"];
  /** The portal's `departmentId` or `departmentCode` → unit id. */
  unitMap?: Record<string, string>;
  /** Another plan's mapping; default: the embedded mapping of the engine's plan (`can_tho_2021_2025.portal766.json`, `can_tho_2026_2030.portal766.json`). */
  mapping?: Portal766Mapping;
}

/** What became of a metric of the portal. */
export type Portal766FigureUse =
  | "judged"
  | "ratio_only"
  | "no_dossiers"
  | "no_figure"
  | "informational"
  | "not_mapped"
  | "left_out"
  | "department";

/** One row of an answer, as the portal gave it: the unit's total for the endpoint's group, and its metrics. */
export interface Portal766Row {
  /** The unit of the report, when the row has one. */
  unit?: string;
  departmentId: string;
  departmentCode?: string;
  name: string;
  kind: "province" | "department" | "district" | "commune";
  endpoint: Portal766Endpoint;
  period: string;
  /** Where in the input, e.g. `$.answers[0].answer.data.evaluation[3]` (metric `j` at `…metrics[j]`). */
  path: string;
  /** The portal's percentage of the group's points. */
  ratio?: number;
  /** The portal's official score for the group, as it gave it (never recomputed). */
  portalScore?: number;
  portalMaxScore?: number;
  metrics: Portal766Metric[];
}

/** One metric of a row (tree endpoints: the mapped fields), as the portal gave it. */
export interface Portal766Metric {
  /** The metric's code (tree endpoints: `numerator/denominator` field names). */
  metric: string;
  /** The plan indicator it stands for, when mapped. */
  indicator?: string;
  numerator?: number;
  denominator?: number;
  /** The portal's percentage. */
  ratio?: number;
  /** The portal's official score, as it gave it (never recomputed); absent for metrics worth 0 points. */
  portalScore?: number;
  portalMaxScore?: number;
  used: Portal766FigureUse;
}

/** The report of `evaluatePortal766`: the report of `evaluate`, and the portal's side. */
export interface Portal766Report extends Report {
  portal766: {
    mappings: (Portal766MappingEntry & { used: boolean })[];
    periods: { endpoint: Portal766Endpoint; period: string; answers: number[]; rows: number; total?: number }[];
    /** Every row of every answer (of the chosen units alone under `options.only.units`). */
    rows: Portal766Row[];
  };
}
