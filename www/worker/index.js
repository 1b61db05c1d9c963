// `cchc-progress/worker`: `engine.report` in a dedicated module Worker, so that a large
// evaluation (a province, 701 units) never blocks the page (issue 22.4). The Worker evaluates
// and transfers the report's bytes back; this side reads them with `ProgressReport.fromBuffer`,
// which needs no WebAssembly: a page that only uses this door downloads the `.wasm` in the
// Worker, never on its main thread.
//
// The Worker is created with the literal `new Worker(new URL('./worker-main.js',
// import.meta.url), { type: 'module' })` that Vite, webpack 5 and Rollup's plugins recognise.

// The package's error class (`code`, `path`, `messageVi`, `messageEn`, `errors`), rebuilt from the Worker's data.
import { CchcError, ProgressReport } from '../report.js';

/** Observations sent in one message: about 5 ms of cloning on a desktop, 15–30 ms with the CPU slowed 4×. */
const SLICE = 4096;

function rebuild(data) {
  if (data.name === 'CchcError' && typeof data.code === 'string') {
    return new CchcError(data.code, data.path, data.messageVi, data.messageEn, data.errors);
  }
  const e = new Error(data.message);
  e.name = data.name;
  return e;
}

function invalidSource(e) {
  const vi = `không gửi được dữ liệu sang Worker: ${e.message}`;
  const en = `the source cannot be sent to the Worker: ${e.message}`;
  return new CchcError('INVALID_ARGUMENT', '$', vi, en, [{ code: 'INVALID_ARGUMENT', path: '$', message: { vi, en } }]);
}

/** One Worker holding one engine; `report` may be called many times, `terminate` ends it. */
export class ReportWorker {
  #worker = null;
  #pending = new Map();
  #next = 0;
  #plans;
  #url;

  /**
   * `plans`: what the Worker's engine holds (`Engine.fromPlans(plans)`; the embedded 2021–2025
   * plan when absent). `url`: where the Worker module is served, for a page that moved it
   * (by default `worker-main.js` beside this file).
   */
  constructor({ plans, url } = {}) {
    this.#plans = plans;
    this.#url = url;
  }

  #start() {
    const worker = this.#url
      ? new Worker(this.#url, { type: 'module' })
      : new Worker(new URL('./worker-main.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      const pending = this.#pending.get(data?.id);
      if (!pending) return;
      this.#pending.delete(data.id);
      if (data.error) {
        // After a trap, every engine of that loading of the module refuses: start a new Worker.
        if (data.error.code === 'ENGINE_TRAPPED') this.#stop();
        pending.reject(rebuild(data.error));
        return;
      }
      try {
        pending.resolve(ProgressReport.fromBuffer(data.bytes));
      } catch (e) {
        pending.reject(e);
      }
    };
    // The module could not be loaded or threw outside a request: no answer will come.
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.#fail(new Error(`the cchc-progress Worker stopped${event.message ? `: ${event.message}` : ' (its module could not be loaded)'}`));
    };
    worker.onmessageerror = () => {
      this.#fail(new Error('the cchc-progress Worker sent an answer that could not be read'));
    };
    if (this.#plans !== undefined) worker.postMessage({ type: 'plans', plans: this.#plans });
    return worker;
  }

  #stop() {
    this.#worker?.terminate();
    this.#worker = null;
  }

  #fail(error) {
    this.#stop();
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }

  /**
   * Evaluates `source` (what `engine.report` reads) in the Worker; resolves to the
   * `ProgressReport`, or rejects with the engine's `CchcError` (a source that cannot be
   * cloned: `INVALID_ARGUMENT`), or an `Error` when the Worker cannot start. The source is
   * copied to the Worker (structured clone), an input's observations in slices over several
   * tasks: leave it unchanged until the promise settles.
   */
  report(source, options) {
    const worker = (this.#worker ??= this.#start());
    const id = this.#next++;
    const answer = new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    this.#send(worker, id, source, options);
    return answer;
  }

  // Copying a message blocks the main thread for as long as its clone takes (about 130 ms for
  // a province's 118 000 observations on a desktop, four times that on a phone): a large
  // list of observations goes in slices, each in a task of its own.
  async #send(worker, id, source, options) {
    const observations = source?.observations;
    const sliced = Array.isArray(observations) && observations.length > SLICE;
    try {
      if (!sliced) {
        worker.postMessage({ id, source, options });
        return;
      }
      const slices = Math.ceil(observations.length / SLICE);
      worker.postMessage({ type: 'start', id, source: { ...source, observations: [] }, options, slices });
      for (let i = 0; i < slices; i++) {
        await new Promise((ok) => setTimeout(ok, 0));
        // Terminated meanwhile: the promise was rejected, nothing more to send.
        if (this.#worker !== worker || !this.#pending.has(id)) return;
        worker.postMessage({ type: 'slice', id, observations: observations.slice(i * SLICE, (i + 1) * SLICE) });
      }
    } catch (e) {
      // A source that cannot be cloned (a function, a DOM node): the Worker forgets what it got.
      if (sliced) worker.postMessage({ type: 'cancel', id });
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      pending?.reject(invalidSource(e));
    }
  }

  /**
   * Ends the Worker (a later `report` starts a new one); reports not yet answered reject with
   * a `DOMException` named `AbortError`, as a cancelled `fetch` does.
   */
  terminate() {
    this.#fail(new DOMException('the cchc-progress Worker was terminated before it answered', 'AbortError'));
  }
}

/**
 * One evaluation in a Worker of its own, ended when it answers: `engine.report(source, { plan })`
 * off the main thread. For several evaluations, keep a `ReportWorker` (one engine, one load).
 */
export async function evaluateInWorker(source, { plan, plans, url } = {}) {
  const worker = new ReportWorker({ plans, url });
  try {
    return await worker.report(source, plan === undefined ? undefined : { plan });
  } finally {
    worker.terminate();
  }
}
