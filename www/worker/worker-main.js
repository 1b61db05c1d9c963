// The Worker side of `cchc-progress/worker` (index.js): one engine, made at the first request,
// evaluating each source it is sent with `engine.report` and sending back the report's bytes
// (transferred, not copied). A large input's observations arrive in slices, each a message of
// its own, and are put back together in order before the evaluation. Errors go back as plain
// data in the `CchcError` shape.
//
// It loads the full engine with the glue's own `init` (the `.wasm` beside the glue, streamed),
// not through the package's loader (`load.js`): nothing here is shared with a page, and the
// loader's `import()` of a glue makes a bundle of several chunks, which Vite's default Worker
// format (`iife`) refuses ("UMD and IIFE output formats are not supported for code-splitting
// builds"): a portal built with Vite would not build once the widgets use this Worker.

import init, { Engine } from '../cchc_progress.js';

let plans;
let engine = null;
const loading = init();

/** A thrown value as data that survives `postMessage` (an `Error`'s own fields are not cloned). */
function errorData(e) {
  if (e && typeof e === 'object') {
    const { name, message, code, path, messageVi, messageEn, errors } = e;
    return { name: String(name ?? 'Error'), message: String(message ?? ''), code, path, messageVi, messageEn, errors };
  }
  return { name: 'Error', message: String(e) };
}

/** Evaluates one source and sends back its report's bytes, or the error. */
async function evaluate(id, source, options) {
  try {
    await loading;
    engine ??= plans ? Engine.fromPlans(plans) : new Engine();
    const bytes = engine.report(source, options).buffer;
    self.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (e) {
    self.postMessage({ id, error: errorData(e) });
  }
}

// Sources whose observations come in slices (index.js): each waits here for its last slice.
const assembling = new Map();

// Set before the first `await`: a message that arrives while the module loads is not lost.
self.onmessage = ({ data }) => {
  const { type, id } = data ?? {};
  if (type === 'plans') {
    plans = data.plans;
  } else if (type === 'start') {
    assembling.set(id, { source: data.source, options: data.options, observations: [], left: data.slices });
  } else if (type === 'slice') {
    const pending = assembling.get(id);
    if (!pending) return;
    for (const o of data.observations) pending.observations.push(o);
    if (--pending.left > 0) return;
    assembling.delete(id);
    pending.source.observations = pending.observations;
    evaluate(id, pending.source, pending.options);
  } else if (type === 'cancel') {
    assembling.delete(id);
  } else {
    evaluate(id, data.source, data.options);
  }
};
