// One loading of the WebAssembly module per page, shared by the package's entry (`index.js`,
// what `import { Engine } from 'cchc-progress'` runs) and the widgets (`elements/`):
// whichever asks first requests and compiles the `.wasm`, the other waits for that same
// module, so a page that imports both downloads it once.

import init from './cchc_progress.js';

const WASM = new URL('cchc_progress_bg.wasm', import.meta.url);
// The widgets request the `.wasm` as they request this module (one round trip less): that
// request is kept page-wide, by URL, for whichever loads the module first.
const REQUESTS = Symbol.for('cchc-progress.wasm-requests');

let loading;

/**
 * Instantiates the module once. Resolves to the compiled `WebAssembly.Module` (what the
 * widgets instantiate again after a trap), or null when the server's answer could not be
 * compiled while it downloaded (not `application/wasm`): the glue then loads it its own way.
 */
export function load() {
  loading ??= (async () => {
    const requests = (globalThis[REQUESTS] ??= new Map());
    let request = requests.get(WASM.href);
    if (!request) {
      request = fetch(WASM).then((r) => (r.ok ? r : null), () => null);
      requests.set(WASM.href, request);
    }
    const response = await request;
    let compiled = null;
    if (response && !response.bodyUsed && typeof WebAssembly.compileStreaming === 'function') {
      compiled = await WebAssembly.compileStreaming(response).catch(() => null);
    }
    await (compiled ? init({ module_or_path: compiled }) : init());
    return compiled;
  })();
  return loading;
}
