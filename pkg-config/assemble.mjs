// Assembles the npm package in pkg/ from wasm-pack's three builds (target/wasm-web and
// target/wasm-node of the full engine, target/wasm-lite of the widgets' smaller one), the
// committed package.json patch, the npm README, the rule-pack schema and the widgets; then
// packs it into target/. Nothing here is edited by hand afterwards.
//
// The web and Node builds contain the same .wasm, so the package ships it once: the Node glue
// is renamed to .cjs (the package is "type": "module") and pointed at the shared file. The
// widgets' engine (`cchc_progress_lite.js` and its `.wasm`, built without the 766 and sheet
// doors: Cargo.toml's `widgets` feature) is a file of the package that no entry exports: the
// widgets load it, and the full one only for a page that gives them 766 answers.

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeManifest } from './manifest.mjs';
import { bundleElements, bundleXlsx } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'target/wasm-web');
const node = join(root, 'target/wasm-node');
const lite = join(root, 'target/wasm-lite');
const out = join(root, 'pkg');

function fail(message) {
  console.error(`assemble: ${message}`);
  process.exit(1);
}

for (const [dir, name] of [[web, 'cchc_progress'], [node, 'cchc_progress'], [lite, 'cchc_progress_lite']]) {
  if (!existsSync(join(dir, `${name}_bg.wasm`))) fail(`${dir} has no build: run make package`);
}
if (!readFileSync(join(web, 'cchc_progress_bg.wasm')).equals(readFileSync(join(node, 'cchc_progress_bg.wasm')))) {
  fail('the web and Node builds produced different .wasm files');
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The web build: ESM glue, .wasm, types, snippets (the CchcError class).
for (const f of ['cchc_progress.js', 'cchc_progress.d.ts', 'cchc_progress_bg.wasm', 'cchc_progress_bg.wasm.d.ts']) {
  cpSync(join(web, f), join(out, f));
}
cpSync(join(web, 'snippets'), join(out, 'snippets'), { recursive: true });

// The widgets' build: its web glue and .wasm. Its snippets are the same files under the same
// names as the full build's (one crate): checked, so that one copy serves both glues.
for (const f of ['cchc_progress_lite.js', 'cchc_progress_lite_bg.wasm']) cpSync(join(lite, f), join(out, f));
for (const f of readdirSync(join(lite, 'snippets'), { recursive: true })) {
  const [ours, theirs] = [join(out, 'snippets', f), join(lite, 'snippets', f)];
  if (statSync(theirs).isDirectory()) continue;
  if (!existsSync(ours) || !readFileSync(ours).equals(readFileSync(theirs))) {
    fail(`the widgets' build has a snippet the full build lacks or differs in: snippets/${f}`);
  }
}
if (readFileSync(join(out, 'cchc_progress_lite_bg.wasm')).length >= readFileSync(join(out, 'cchc_progress_bg.wasm')).length) {
  fail("the widgets' .wasm is not smaller than the full one: check the `widgets` feature's build");
}

// `ProgressReport` (what `engine.report` returns) is a snippet of the glue: exported beside
// `Engine` by each glue, and as a module of its own (`cchc-progress/report`) that needs no
// WebAssembly (a Worker or a page given a report made ahead of time).
const reportSnippet = readdirSync(join(out, 'snippets'))
  .map((d) => `snippets/${d}/src/wasm/report.js`)
  .find((f) => existsSync(join(out, f)));
if (!reportSnippet) fail('no report.js snippet in the web build');
for (const glue of ['cchc_progress.js', 'cchc_progress_lite.js']) {
  writeFileSync(join(out, glue), `${readFileSync(join(out, glue), 'utf8')}\nexport { ProgressReport } from './${reportSnippet}';\n`);
}
cpSync(join(root, 'src/wasm/report.js'), join(out, 'report.js'));
writeFileSync(
  join(out, 'report.d.ts'),
  `export { ProgressReport } from './cchc_progress.js';\nexport type { Report, ResultFilter, LevelSummaryFilter, FindingFilter, ReviewRowFilter } from './cchc_progress.js';\n`,
);

// wasm-bindgen's classes declare `[Symbol.dispose]`: name the lib that types it, so a
// consumer's tsc needs no extra `lib` setting.
for (const f of ['cchc_progress.d.ts']) {
  const text = readFileSync(join(out, f), 'utf8');
  writeFileSync(join(out, f), `/// <reference lib="esnext.disposable" />\n${text}`);
}

// The Node build: CommonJS glue, pointed at the shared .wasm.
let nodeGlue = readFileSync(join(node, 'cchc_progress.js'), 'utf8');
const wasmRef = '`${__dirname}/cchc_progress_bg.wasm`';
if (!nodeGlue.includes(wasmRef)) fail('the Node glue no longer loads the .wasm the expected way: check wasm-bindgen output');
if (!nodeGlue.includes(`./${reportSnippet}`)) fail('the Node glue does not load the report snippet');
nodeGlue += `\nexports.ProgressReport = require("./${reportSnippet}").ProgressReport;\n`;
writeFileSync(join(out, 'cchc_progress_node.cjs'), nodeGlue);
writeFileSync(
  join(out, 'cchc_progress_node.d.cts'),
  `/// <reference lib="esnext.disposable" />\n${readFileSync(join(node, 'cchc_progress.d.ts'), 'utf8')}`,
);

// The default entry for bundlers and browsers: the web glue, initialised once at import
// (bundlers resolve `new URL('cchc_progress_bg.wasm', import.meta.url)` to the asset).
// It loads the module through load.js, as the widgets do: a page that imports both
// downloads the `.wasm` once.
cpSync(join(root, 'pkg-config/load.js'), join(out, 'load.js'));
writeFileSync(
  join(out, 'index.js'),
  `// Entry for bundlers: loads the WebAssembly module once, then re-exports the API.\n` +
    `import { load } from './load.js';\n` +
    `await load();\n` +
    `export * from './cchc_progress.js';\n`,
);
writeFileSync(join(out, 'index.d.ts'), `export * from './cchc_progress.js';\n`);

// The widgets (custom elements) and their Custom Elements Manifest, generated from the
// elements' own attribute tables and JSDoc.
cpSync(join(root, 'www/elements'), join(out, 'elements'), { recursive: true });
await writeManifest(out);
// Then its entry becomes one file (bundle.mjs); the modules stay for the manifest's sources.
await bundleElements(out);
// A second copy of the glue: a module of its own (its own instance), where the widgets
// instantiate the compiled module again after the browser's WebAssembly trapped (README,
// "WebKitGTK's traps"). A file of its own, imported by its literal name, so that every bundler
// resolves it as it resolves the glue.
cpSync(join(out, 'cchc_progress.js'), join(out, 'cchc_progress_spare.js'));
cpSync(join(out, 'cchc_progress_lite.js'), join(out, 'cchc_progress_lite_spare.js'));

// `engine.report` in a dedicated module Worker (`cchc-progress/worker`): the page's side reads
// the transferred bytes with report.js, the Worker loads the full glue through load.js.
cpSync(join(root, 'www/worker'), join(out, 'worker'), { recursive: true });

// Excel in and out (`cchc-progress/xlsx`), one module file, loaded only when used.
cpSync(join(root, 'www/xlsx'), join(out, 'xlsx'), { recursive: true });
await bundleXlsx(out);

cpSync(join(root, 'src/plan/rule-pack.schema.json'), join(out, 'rule-pack.schema.json'));
// The command (`npx cchc-progress report`), the package's `bin`.
cpSync(join(root, 'pkg-config/cli.mjs'), join(out, 'cli.mjs'));
cpSync(join(root, 'pkg-config/README.md'), join(out, 'README.md'));
// The license texts the `license` field names, and the changelog portals read before upgrading.
for (const f of ['LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md']) cpSync(join(root, f), join(out, f));

// package.json: the committed patch plus the version from Cargo.toml and the file list.
const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) fail('no version in Cargo.toml');
const patch = JSON.parse(readFileSync(join(root, 'pkg-config/package.patch.json'), 'utf8'));
const files = readdirSync(out).filter((f) => f !== 'package.json').sort();
const pkg = { name: patch.name, version, ...patch, files };
writeFileSync(join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

// One tarball in target/: an earlier version's would be taken for this one by the tests.
for (const f of readdirSync(join(root, 'target'))) {
  if (/^cchc-progress-.*\.tgz$/.test(f)) rmSync(join(root, 'target', f));
}
const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', join(root, 'target')], {
  cwd: out,
  encoding: 'utf8',
});
const info = JSON.parse(packed)[0];
const wasmBytes = readFileSync(join(out, 'cchc_progress_bg.wasm'));
const liteBytes = readFileSync(join(out, 'cchc_progress_lite_bg.wasm'));
console.log(
  `assembled ${info.filename}: ${info.entryCount} files, tarball ${info.size} bytes, ` +
    `unpacked ${info.unpackedSize} bytes, .wasm ${wasmBytes.length} bytes, the widgets' .wasm ${liteBytes.length} bytes`,
);
