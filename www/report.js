// `../report.js` as the widgets (`elements/engine.js`) and the Worker door (`worker/index.js`)
// import it, for when they run from this source tree: `pkg-config/elements-types.mjs` loads
// the elements here to read their property tables. In the package, `report.js` is
// `src/wasm/report.js` itself, copied to its root by `pkg-config/assemble.mjs`; this file is
// not part of it.
export * from '../src/wasm/report.js';
