// The widgets as one module file: a page that imports `cchc-progress/elements` fetches one
// file, not a chain of eight modules each found only after the one before it has arrived
// (on a phone network, one round trip each). The engine's web glue stays a file of its own,
// loaded only when a widget must evaluate, with its JS snippets inside it (they were one more
// round trip after it). Whitespace and syntax are minified, names are kept.

import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

// The widgets' stylesheet is one template literal (`const CSS = \`…\`` in `styles.js`, with no
// `${}`), which esbuild keeps as written: its comments and indentation would ship. They are
// taken out here, in the CSS only (its comments are the file's only `/* */`).
const stylesheet = {
  name: 'stylesheet',
  setup(b) {
    b.onLoad({ filter: /[\\/]elements[\\/]styles\.js$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      const at = text.indexOf('const CSS = `');
      const end = text.indexOf('`;', at);
      if (at < 0 || end < 0 || text.slice(at, end).includes('${')) throw new Error(`${path}: the stylesheet is not one plain template literal`);
      const css = text.slice(at, end).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s+/g, '\n');
      return { contents: text.slice(0, at) + css + text.slice(end), loader: 'js' };
    });
  },
};

/** Replaces `file` with its bundle, leaving the imports named in `external` as they are. */
function bundle(file, external = []) {
  return build({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    external,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [stylesheet],
    // wasm-bindgen names a snippet once per import in the glue's import object (same value).
    logOverride: { 'duplicate-object-key': 'silent' },
  });
}

/**
 * Bundles the assembled package `out`: `elements/index.js` (the glues, their loader, their spares and the download
 * tables left out), `elements/tables.js`, the web glues `cchc_progress.js` and `cchc_progress_lite.js` (the widgets')
 * each with its snippets, and the loader `load.js` (minified). The snippet files stay for the Node glue.
 */
export async function bundleElements(out) {
  const glues = ['cchc_progress.js', 'cchc_progress_spare.js', 'cchc_progress_lite.js', 'cchc_progress_lite_spare.js'];
  // The Worker door: fetched only when a page evaluates large data.
  await bundle(join(out, 'elements/index.js'), [...glues.map((g) => `../${g}`), '../load.js', '../xlsx/index.js', './tables.js', '../worker/index.js']);
  // The tables as files, one module fetched on the first click of a download.
  await bundle(join(out, 'elements/tables.js'), ['../xlsx/index.js']);
  await bundle(join(out, 'cchc_progress.js'));
  await bundle(join(out, 'cchc_progress_lite.js'));
  await bundle(join(out, 'load.js'), glues.map((g) => `./${g}`));
}

/**
 * Bundles `xlsx/index.js` (`cchc-progress/xlsx`: Excel in and out) into one file: the
 * widgets import it only when an .xlsx is asked for, so a page that never asks pays nothing.
 */
export async function bundleXlsx(out) {
  await bundle(join(out, 'xlsx/index.js'));
}
