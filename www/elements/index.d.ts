// Types of cchc-progress/elements: the progress widgets as custom elements.
import type { CsvOptions, EvaluateInput, Locale, Report, Status, UnitInput, Engine, ProgressReport } from '../cchc_progress.js';

/** Where a widget's data comes from; the latest one given wins. */
export type DataSource =
  | { report: ProgressReport | Report; units?: UnitInput[] }
  | { input: EvaluateInput }
  | { csv: string; csvOptions: CsvOptions }
  | { src: string; csvOptions?: CsvOptions }
  | { reportSrc: string };

/** What every widget shares: attributes `plan`, `unit`, `indicator`, `as-of`, `locale`, `src`, `report-src`, `csv-options`, `heading-level`. */
export declare class CchcElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The attribute/property table (one entry per property; subclasses add theirs). */
  static readonly properties: Record<string, { attribute: string; effect: 'load' | 'paint'; doc: string }>;
  // ---- attributes: written by `node pkg-config/elements-types.mjs` from `static properties` of base.js ----
  /** Indicator id of the plan (`proc.online_l34`). Reflects `indicator`. */
  indicator: string | null;
  /** Unit id (`ct`, `nk`, ...). Reflects `unit`. */
  unit: string | null;
  /** URL of a JSON input or CSV export on this origin (other origins are refused). Reflects `src`. */
  src: string | null;
  /** A report made ahead of time (`npx cchc-progress report`): its URL on this origin, or `#id` of a `<script type="application/json">` in the page. Shown as it is; the page downloads no WebAssembly. Reflects `report-src`. */
  reportSrc: string | null;
  /** URL of another rule pack (JSON) on this origin; the embedded Cần Thơ plan when unset. Reflects `plan`. */
  plan: string | null;
  /** `YYYY-MM-DD`: evaluates the data at this date (overrides the data’s own `asOf`). Reflects `as-of`. */
  asOf: string | null;
  /** `vi` or `en`; when unset, the language of the page (`lang` of the nearest ancestor), Vietnamese unless it is English. Reflects `locale`. */
  locale: 'vi' | 'en';
  /** URL of a JSON file with the options of CSV data (units, asOf, …); or set the `csvOptions` property. Reflects `csv-options`. */
  csvOptionsSrc: string | null;
  /** Level (2–6) of the widget’s heading, to fit the page’s outline; its subheadings are one level below. Default 3 (2 for the overview). Reflects `heading-level`. */
  headingLevel: number | null;
  // ---- end of attributes ----
  /**
   * The report shown, once loaded: a `ProgressReport` whose rows are read when asked for
   * (`results(filter)`; `toJSON()` is the whole report). Set it to show a report you made
   * yourself: a `ProgressReport` (`engine.report`) or a plain one (`engine.evaluate`, `npx
   * cchc-progress report`).
   */
  get report(): ProgressReport | null;
  set report(report: ProgressReport | Report | null);
  /** Evaluation input; the `as-of` attribute overrides its `asOf`. */
  input: EvaluateInput | null;
  /** CSV text of observations, evaluated with `csvOptions`. */
  csv: string | null;
  /** Units, asOf and options for CSV data (`csv` or a `.csv` `src`); or the `csv-options` attribute (a JSON URL). */
  csvOptions: CsvOptions | null;
  /** Resolves once the widget has rendered its current data, or shown why it cannot. */
  readonly updateComplete: Promise<void>;
  readonly engine: Engine | null;
  /**
   * The input's units by id. One official code may name two units one after the other (an old
   * ward until 30 June 2025, the new one from 1 July): `get(id)` is the one valid at the
   * report's as-of date (else the latest), `at(id, day)` the one valid on `day` (`YYYY-MM-DD`).
   */
  readonly units: UnitLookup;
  /** The name of unit `id` as it stood on `day` (default: the as-of date). */
  unitName(id: string, day?: string): string;
  /** Renders again from the data already loaded. */
  repaint(): void;
}

/** Units by id and day (see `CchcElement.units`). */
export interface UnitLookup {
  get(id: string): UnitInput | null;
  at(id: string, day?: string): UnitInput | null;
  /** Every unit of that id, in input order. */
  all(id: string): UnitInput[];
  has(id: string): boolean;
  /** How many ids. */
  readonly size: number;
  /** Every unit, reused ids included. */
  values(): IterableIterator<UnitInput>;
  /** Whether `id` (as it stood on `day`) is `ancestor` or lies beneath it. */
  within(id: string, ancestor: string, day?: string): boolean;
}

/** `<cchc-progress-card indicator="proc.online_l34" unit="ct">`: one target for one unit. */
export declare class CchcProgressCard extends CchcElement {
  // ---- attributes: written by `node pkg-config/elements-types.mjs` from `static properties` of card.js ----
  // ---- end of attributes ----
  /** The row shown; for a reused code, the row of the unit valid at the as-of date (else the latest). */
  readonly result: Report['results'][number] | null;
  /**
   * Saves the card's figures (one row per period of the series; the judged period with its
   * requirement and status) as `so-lieu-<indicator>-<unit>-<as-of>.xlsx` (English `figures-…`)
   * or `.csv`, headings in the widget's language; loads the table module (and for .xlsx
   * `cchc-progress/xlsx`) on first use. Resolves to the file name, or null without a figure.
   */
  downloadTable(format?: 'xlsx' | 'csv'): Promise<string | null>;
}

/** `<cchc-ramp-chart unit="nk">`, `<cchc-ramp-chart level="district">` or `<cchc-ramp-chart>` (all levels' floors). */
export declare class CchcRampChart extends CchcElement {
  // ---- attributes: written by `node pkg-config/elements-types.mjs` from `static properties` of ramp-chart.js ----
  /** `city`, `district` or `commune`: every unit of that level against its floors (when `unit` is unset). Reflects `level`. */
  level: 'city' | 'district' | 'commune' | null;
  // ---- end of attributes ----
  /**
   * Saves the chart's data table (a unit's floors and figures by year; a level's units by
   * year; every level's floors) as `lo-trinh-so-hoa-<unit|level|cac-cap>-<as-of>.xlsx`
   * (English `digitization-ramp-…`) or `.csv`. Resolves to the file name, or null before the
   * chart is drawn.
   */
  downloadTable(format?: 'xlsx' | 'csv'): Promise<string | null>;
}

/**
 * `<cchc-overview unit="ct">`: all targets by reform area, counts by status, units short of a
 * level requirement; once the as-of date is past the plan's period, the final review first.
 */
export declare class CchcOverview extends CchcElement {
  // ---- attributes: written by `node pkg-config/elements-types.mjs` from `static properties` of overview.js ----
  /** Order of the rows: `plan` (default), `status` (most urgent first), `gap` (largest first) or `title`. Reflects `sort`. */
  sort: 'plan' | 'status' | 'gap' | 'title';
  // ---- end of attributes ----
  /**
   * The final review (`report.review`) as the CSV file the download button saves: UTF-8 with
   * a byte order mark, CRLF, `,` between cells, every text cell quoted and never a formula,
   * numbers plain with the locale's decimal mark (`98,1` in Vietnamese, `98.1` in English),
   * headers in `locale` (default: the widget's). Null without a review.
   */
  reviewCsv(locale?: Locale): string | null;
  /** Saves `reviewCsv()` as `tong-ket-cchc-2021-2025-<as-of>.csv` (English: `cchc-review-…`); returns the file name, or null without a review. */
  downloadReview(): string | null;
  /** Saves the review as an Excel workbook, `tong-ket-cchc-2021-2025-<as-of>.xlsx` (numbers as numbers); loads `cchc-progress/xlsx` on first use; resolves to the file name, or null without a review. */
  downloadReviewXlsx(): Promise<string | null>;
  /**
   * Saves every target of the unit shown (by reform area, in the plan's order) as
   * `tong-quan-<unit>-<as-of>.xlsx` (English `overview-…`) or `.csv`. Resolves to the file
   * name, or null without a report.
   */
  downloadTable(format?: 'xlsx' | 'csv'): Promise<string | null>;
}

/** Codes of the widgets' own errors (the engine's `CchcError` codes come with `CchcError`). */
export type WidgetErrorCode = 'OFF_ORIGIN' | 'BAD_URL' | 'FETCH_FAILED' | 'BAD_JSON' | 'CSV_NEEDS_OPTIONS' | 'NOT_A_REPORT' | 'REPORT_NOT_FOUND' | 'WASM_BLOCKED' | 'ENGINE_LOAD_FAILED' | 'ENGINE_TRAPPED' | 'OBJECT_AS_ATTRIBUTE' | 'PORTAL766_NEEDS_MANIFEST';

/** An error of the widgets themselves (another origin, a failed fetch, bad JSON, a page that cannot run WebAssembly). */
export declare class WidgetError extends Error {
  readonly name: 'WidgetError';
  readonly code: WidgetErrorCode;
  readonly messageVi: string;
  readonly messageEn: string;
  /** True when citizens are shown a plain sentence and the details went to the console (`WASM_BLOCKED`, `ENGINE_LOAD_FAILED`, `ENGINE_TRAPPED`). */
  readonly neutral: boolean;
}

/** `detail` of the `cchc-error` event. */
export interface CchcErrorDetail {
  /** Stable: a `WidgetErrorCode`, an engine error code (`INPUT_INVALID_JSON`...), or `RENDER_FAILED`. */
  code: WidgetErrorCode | (string & {});
  path: string | null;
  message: { vi: string; en: string };
}

/**
 * Loads the WebAssembly module once per page: the widgets' smaller build (no 766 answers, no
 * sheets, no rule-pack reader), or the full one with `{ full: true }`, for a rule pack URL
 * (`{ plan }`, as `getEngine(plan)` chooses) or when the page loaded it already.
 */
export declare function initEngine(options?: { full?: boolean; plan?: string }): Promise<unknown>;
/**
 * The page's one engine for a rule pack URL (or the embedded plan): of the widgets' smaller
 * build, whose `evaluatePortal766`, `evaluateSheet`, `readSheet`, `fromPlan` and `fromPlans`
 * are absent; `{ full: true }` for the full engine, which a rule pack URL always gets (the
 * smaller build reads only the embedded plans).
 */
export declare function getEngine(plan?: string, options?: { full?: boolean }): Promise<Engine>;
/** The page's one evaluation of a data source at an as-of date: the same promise the widgets use. Its report is read on demand (`engine.report`). */
export declare function evaluateShared(source: DataSource, options?: { plan?: string; asOf?: string }): Promise<{ report: ProgressReport; units: UnitInput[] | null } | null>;
/** A report the widgets read: a `ProgressReport` as it is, a plain report through the same accessors; a `WidgetError` (`NOT_A_REPORT`) otherwise. */
export declare function readable(report: ProgressReport | Report): Promise<ProgressReport>;
/** A same-origin JSON file, fetched and parsed once per page. */
export declare function fetchJson(url: string): Promise<unknown>;
/** The absolute URL when `url` is on the page's origin; throws a `WidgetError` otherwise. */
export declare function sameOrigin(url: string): string;

/** Every status: code, badge icon and words, from the most urgent to met. */
export declare const STATUSES: { code: Status; icon: string; vi: string; en: string }[];
export declare const STATUS: Record<Status, { icon: string; vi: string; en: string }>;
/** Statuses from the most urgent to met. */
export declare const STATUS_ORDER: Status[];
export declare function statusLabel(status: Status, locale: Locale): string;

/** Numbers as the engine writes them: `1.480`, `74,5 %` (vi); `1,480`, `74.5%` (en); half away from zero. */
export declare function formatNumber(value: number, decimals: number, locale: Locale): string;
export declare function formatTrimmed(value: number, maxDecimals: number, locale: Locale): string;
export declare function formatPercent(value: number, decimals: number, locale: Locale): string;
export declare function formatPercentTrimmed(value: number, maxDecimals: number, locale: Locale): string;

declare global {
  interface HTMLElementTagNameMap {
    'cchc-progress-card': CchcProgressCard;
    'cchc-ramp-chart': CchcRampChart;
    'cchc-overview': CchcOverview;
  }
  interface HTMLElementEventMap {
    /** Fired (bubbling, composed) each time a widget renders; `detail.state` is `ready` or `error`. */
    'cchc-render': CustomEvent<{ state: 'ready' | 'error' }>;
    /** Fired (bubbling, composed) when a widget shows an error, before `cchc-render`. */
    'cchc-error': CustomEvent<CchcErrorDetail>;
  }
}
