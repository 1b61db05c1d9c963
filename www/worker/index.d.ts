// Types of `cchc-progress/worker`: `engine.report` in a dedicated module Worker.
import type { EmbeddedPlanName, ProgressReport, ReportOptions, ReportSource, RulePack } from '../cchc_progress.js';

export type { ProgressReport, ReportOptions, ReportSource } from '../cchc_progress.js';

/** How a `ReportWorker` starts. */
export interface ReportWorkerOptions {
  /** The plans the Worker's engine holds (`Engine.fromPlans(plans)`); the embedded 2021–2025 plan when absent. */
  plans?: (EmbeddedPlanName | RulePack | string)[];
  /** Where the Worker module (`worker-main.js` of this folder) is served, when a page moved it. */
  url?: string | URL;
}

/**
 * One dedicated module Worker holding one engine: `report` evaluates there and resolves to the
 * `ProgressReport` read from the transferred bytes, so the page's main thread stays free.
 * Rejects with the engine's `CchcError` (same `code`, `path`, `messageVi`, `messageEn`,
 * `errors`; a source that cannot be cloned: `INVALID_ARGUMENT`), with a `DOMException` named
 * `AbortError` after `terminate()`, or with an `Error` when the Worker cannot start.
 */
export declare class ReportWorker {
  constructor(options?: ReportWorkerOptions);
  /**
   * `engine.report(source, options)` in the Worker. The source is copied there, an input's
   * observations in slices over several tasks: leave it unchanged until the promise settles.
   */
  report(source: ReportSource, options?: ReportOptions): Promise<ProgressReport>;
  /** Ends the Worker; a later `report` starts a new one. */
  terminate(): void;
}

/** One evaluation in a Worker of its own, ended when it answers. */
export declare function evaluateInWorker(source: ReportSource, options?: ReportOptions & ReportWorkerOptions): Promise<ProgressReport>;
