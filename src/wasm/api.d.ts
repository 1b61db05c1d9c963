// The engine's declarations that no Rust type describes, written by hand: the inputs (read by
// hand-written readers from JSON, CSV and sheets), the rule pack as a portal writes it,
// `ProgressReport`, `CchcError` and the filters. The data the engine returns is in types.d.ts,
// generated from the Rust types by tests/typescript.rs. wasm-bindgen writes both into the
// package's .d.ts (src/wasm/mod.rs).

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

/** The names of the embedded plans, for `Engine.embedded(name)`. */
export type EmbeddedPlanName = "can-tho-2021-2025" | "vn-cantho-cchc-2021-2025" | "can-tho-2026-2030";

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

// ---------------------------------------------------------------------------------------
// Errors and reports of several plans
// ---------------------------------------------------------------------------------------

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

/** What `evaluatePortal766` takes beside the answers. */
export interface Portal766Options extends Omit<EvaluateInput, "observations" | "units"> {
  /** The units; absent: made from the answers (the province row is the city, departments city-level units under it, communes under it). */
  units?: EvaluateInput["units"];
  /** The portal's `departmentId` or `departmentCode` → unit id. */
  unitMap?: Record<string, string>;
  /** Another plan's mapping; default: the embedded mapping of the engine's plan (`can_tho_2021_2025.portal766.json`, `can_tho_2026_2030.portal766.json`). */
  mapping?: Portal766Mapping;
}

