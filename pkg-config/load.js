// One loading of each WebAssembly module per page, shared by the package's entry (`index.js`,
// what `import { Engine } from 'cchc-progress'` runs) and the widgets (`elements/`):
// whichever asks first requests and compiles the `.wasm`, the other waits for that same
// module, so a page that imports both downloads it once.
//
// Two builds ship: `full` (`cchc_progress.js`, every door: what the entry loads) and `lite`
// (`cchc_progress_lite.js`, the widgets' engine: no 766 answers, no sheets; Cargo.toml's
// `widgets` feature). Each glue is imported by its literal name, so that bundlers resolve it.

const BUILDS = {
  full: { wasm: new URL('cchc_progress_bg.wasm', import.meta.url), glue: () => import('./cchc_progress.js') },
  lite: { wasm: new URL('cchc_progress_lite_bg.wasm', import.meta.url), glue: () => import('./cchc_progress_lite.js') },
};
// The widgets request the `.wasm` as they request this module (one round trip less): that
// request is kept page-wide, by URL, for whichever loads the module first.
const REQUESTS = Symbol.for('cchc-progress.wasm-requests');
// The builds this page loads, page-wide (by name, not URL: a bundle may name one file two
// ways): the widgets use the full one when the page loads it anyway.
const LOADING = Symbol.for('cchc-progress.builds');

const loading = {};

/** The URL of a build's `.wasm` (`full` or `lite`). */
export function wasmUrl(build = 'full') {
  return BUILDS[build].wasm;
}

/**
 * Instantiates a build's module once (`full`, the default, or `lite`). Resolves to the
 * compiled `WebAssembly.Module` (what the widgets instantiate again after a trap), or null
 * when the server's answer could not be compiled while it downloaded (not
 * `application/wasm`): the glue then loads it its own way.
 */
export function load(build = 'full') {
  const { wasm, glue } = BUILDS[build];
  (globalThis[LOADING] ??= new Set()).add(build);
  loading[build] ??= (async () => {
    const requests = (globalThis[REQUESTS] ??= new Map());
    let request = requests.get(wasm.href);
    if (!request) {
      request = fetch(wasm).then((r) => (r.ok ? r : null), () => null);
      requests.set(wasm.href, request);
    }
    const [response, { default: init }] = await Promise.all([request, glue()]);
    let compiled = null;
    if (response && !response.bodyUsed && typeof WebAssembly.compileStreaming === 'function') {
      compiled = await WebAssembly.compileStreaming(response).catch(() => null);
    }
    await (compiled ? init({ module_or_path: compiled }) : init());
    return compiled;
  })();
  return loading[build];
}
