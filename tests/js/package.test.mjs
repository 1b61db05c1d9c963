// The npm package as a user gets it: the tarball from `npm pack`, installed into throwaway
// projects, then used the ways the README shows (Node, Vite, esbuild, webpack 5, a plain page
// importing the web entry, React 18 and 19, Vue 3 and Svelte 5 apps, server-side rendering,
// a report pasted into a page), its README examples run verbatim, the requests of its pages
// counted (one .wasm per page, none for a report), and its shipped types checked with tsc
// --strict (a browser app, a `.tsx` file, a Node-only `lib`). React, Vue, Svelte and the
// type packages come from the registry at pinned versions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import vue from '@vitejs/plugin-vue';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { launch, openPage } from './browser.mjs';
import { serveDir } from './static.mjs';
import { buildPages, EXPECTED_CARDS, INPUT as PAGE_INPUT, READ_CARDS, vitePage, webpackPage } from './bundled-pages.mjs';
import { generate } from './bench/generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tsc = join(root, 'pkg-config/node_modules/.bin/tsc');
const esbuild = join(here, 'node_modules/.bin/esbuild');
// Pinned so a new release elsewhere cannot change what this test checks.
const REACT18 = ['react@18.3.1', 'react-dom@18.3.1'];
const REACT19 = ['react@19.3.1', 'react-dom@19.3.1', '@types/react@19.3.0'];
const NODE_TYPES = '@types/node@20.19.43';
let project;
let react18;
let browser;

/** A small input with a hand-checked answer: Ninh Kiều digitized 1 480 of 2 000 results in
 * 2024, against the 2024 district floor of 80 %: 120 short. */
const INPUT = {
  asOf: '2024-12-31',
  units: [
    { id: 'ct', name: 'Thành phố Cần Thơ', level: 'city' },
    { id: 'nk', name: 'Quận Ninh Kiều', level: 'district', parent: 'ct' },
  ],
  observations: [
    { indicator: 'proc.digitized_results', unit: 'nk', period: '2023', numerator: 1150, denominator: 2000 },
    { indicator: 'proc.digitized_results', unit: 'nk', period: '2024', numerator: 1480, denominator: 2000 },
  ],
};
const CHECK = `const r = report.results.find((x) => x.indicator === 'proc.digitized_results' && x.unit === 'nk');
const answer = [r.requirement, r.met, r.gapUnits, r.status].join(' ');`;
const EXPECTED = '80 false 120 needs_acceleration';

function tarball() {
  const found = readdirSync(join(root, 'target')).filter((f) => /^cchc-progress-.*\.tgz$/.test(f));
  assert.equal(found.length, 1, `expected one packed tarball in target/, found ${found.join(', ') || 'none'}`);
  return join(root, 'target', found[0]);
}

function run(cmd, args, cwd, input) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', input, maxBuffer: 64 << 20 });
  } catch (e) {
    assert.fail(`${cmd} ${args.join(' ')} failed:\n${e.stdout}${e.stderr}`);
  }
}

/** The fenced blocks of the npm README that follow `<!-- example: KIND -->`. */
function readmeExamples(kind) {
  const text = readFileSync(join(root, 'pkg-config/README.md'), 'utf8');
  const re = new RegExp(`<!-- example: ${kind} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``, 'g');
  return [...text.matchAll(re)].map((m) => m[1]);
}

function consumer(prefix, deps) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball(), ...deps], dir);
  return dir;
}

before(async () => {
  project = consumer('cchc-consumer-', [...REACT19, NODE_TYPES]);
  react18 = consumer('cchc-react18-', REACT18);
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('Node ESM import runs a real evaluation', () => {
  writeFileSync(
    join(project, 'smoke.mjs'),
    `import { Engine, version } from 'cchc-progress';
const engine = new Engine();
const report = engine.evaluate(${JSON.stringify(INPUT)});
${CHECK}
let code = null;
try { engine.ramp('district', 1999); } catch (e) { code = e.code; }
console.log(JSON.stringify({ version: version(), answer, code, after: engine.ramp('commune', 2025).floor }));
`,
  );
  const out = JSON.parse(run('node', ['smoke.mjs'], project));
  assert.equal(out.answer, EXPECTED);
  assert.equal(out.code, 'RAMP_YEAR_OUTSIDE_PLAN');
  assert.equal(out.after, 95);
  assert.match(out.version, /^\d+\.\d+\.\d+/);
});

test('Node CommonJS require works too', () => {
  writeFileSync(
    join(project, 'smoke.cjs'),
    `const { Engine } = require('cchc-progress');
const report = new Engine().evaluate(${JSON.stringify(INPUT)});
${CHECK}
console.log(answer);`,
  );
  assert.equal(run('node', ['smoke.cjs'], project).trim(), EXPECTED);
});

test('every Node example of the npm README runs as written', () => {
  const examples = readmeExamples('node');
  assert.ok(examples.length >= 3, `found ${examples.length} Node examples`);
  examples.forEach((code, i) => {
    writeFileSync(join(project, `readme-${i}.mjs`), code);
    run('node', [`readme-${i}.mjs`], project);
  });
});

test('a Vite production build of a page that imports the package works in Chromium', async () => {
  const app = join(project, 'vite-app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>vite consumer</title><script type="module" src="./main.js"></script></head><body><output id="out"></output></body></html>`);
  writeFileSync(
    join(app, 'main.js'),
    `import { Engine } from 'cchc-progress';
const report = new Engine().evaluate(${JSON.stringify(INPUT)});
${CHECK}
document.getElementById('out').textContent = answer;
`,
  );
  await build({ root: app, logLevel: 'error', build: { outDir: join(app, 'dist'), target: 'es2022' } });
  const assets = readdirSync(join(app, 'dist/assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `Vite emitted the .wasm as an asset: ${assets.join(', ')}`);
  const server = await serveDir(join(app, 'dist'));
  try {
    const { page, problems } = await openPage(browser, `http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.getElementById('out').textContent !== '', null, { timeout: 15000 });
    assert.equal(await page.textContent('#out'), EXPECTED);
    assert.deepEqual(problems, []);
  } finally {
    server.close();
  }
});

test('a plain page importing the web entry works in Chromium under the recommended policy, as the README shows', async () => {
  const [tag] = readmeExamples('web');
  const [script] = readmeExamples('web-script');
  assert.ok(tag && script, 'the README has the page and its script');
  assert.doesNotMatch(tag, /<script(?![^>]*\ssrc=)[^>]*>/, 'the README page has no inline script (the policy it recommends blocks them)');
  // The README's tag and its script file verbatim, served from the project root (so
  // /node_modules resolves) under the policy the README recommends.
  writeFileSync(join(project, 'app.js'), script);
  writeFileSync(
    join(project, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>web consumer</title>${tag}</head><body></body></html>`,
  );
  const server = await serveDir(project);
  try {
    const { page, problems } = await openPage(browser, `http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.body.dataset.floor !== undefined, null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => document.body.dataset.floor), '75');
    assert.deepEqual(problems, []);
  } finally {
    server.close();
  }
});

test('the shipped .d.ts and a consumer using the whole API type-check with tsc --strict', () => {
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'src/consumer.ts'), readFileSync(join(here, 'fixtures/consumer.ts'), 'utf8'));
  // Real reports, checked against the declared Report type (catches fields the types miss or
  // mistype): the Cần Thơ sample (every kind of result) and fixtures with findings and ramps.
  // `satisfies` keeps the literal types ("vi", "met") and reports missing and excess fields.
  const fixtures = ['can_tho_sample', 'findings_value_checks', 'ramp_increment_reading', 'reduction_without_baseline'];
  const checks = fixtures.map((name) => {
    const file = join(root, 'tests/fixtures/eval', `${name}.json`);
    const json = execFileSync('node', ['--input-type=module', '-e', `import { Engine } from 'cchc-progress'; import { readFileSync } from 'node:fs'; console.log(JSON.stringify(new Engine().evaluateJson(readFileSync(${JSON.stringify(file)}, 'utf8'))));`], { cwd: project, encoding: 'utf8', maxBuffer: 64 << 20 });
    return `export const ${name} = ${json.trim()} satisfies Report;`;
  });
  writeFileSync(join(project, 'src/report-check.ts'), `import type { Report } from 'cchc-progress';\n${checks.join('\n')}\nexport const real: Report = can_tho_sample;\n`);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: false },
      include: ['src'],
    }),
  );
  run(tsc, ['-p', project], project);
});

test('the tarball holds both license texts, the changelog and a Custom Elements Manifest of the three widgets', () => {
  const files = JSON.parse(readFileSync(join(project, 'node_modules/cchc-progress/package.json'), 'utf8')).files;
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md', 'custom-elements.json']) assert.ok(files.includes(f), `${f} is in the package`);
  const dir = join(project, 'node_modules/cchc-progress');
  assert.match(readFileSync(join(dir, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
  assert.match(readFileSync(join(dir, 'LICENSE-MIT'), 'utf8'), /Permission is hereby granted, free of charge/);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.ok(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8').includes(`## ${pkg.version}`), `the changelog has a section for ${pkg.version}`);
  assert.equal(pkg.customElements, 'custom-elements.json');
  const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  assert.equal(manifest.schemaVersion, '2.1.0');
  const decls = Object.fromEntries(manifest.modules.flatMap((m) => m.declarations).map((d) => [d.tagName, d]));
  assert.deepEqual(Object.keys(decls).sort(), ['cchc-overview', 'cchc-progress-card', 'cchc-ramp-chart']);
  const attrs = (tag) => decls[tag].attributes.map((a) => a.name);
  for (const tag of Object.keys(decls)) {
    for (const a of ['indicator', 'unit', 'src', 'plan', 'as-of', 'locale', 'csv-options', 'heading-level']) assert.ok(attrs(tag).includes(a), `${tag} documents ${a}`);
    assert.ok(decls[tag].attributes.every((a) => a.description && a.type.text), `${tag}: every attribute has a type and a description`);
    assert.deepEqual(decls[tag].events.map((e) => e.name).sort(), ['cchc-error', 'cchc-render']);
    assert.ok(decls[tag].cssParts.some((p) => p.name === 'frame'));
    assert.ok(decls[tag].cssProperties.some((p) => p.name === '--cchc-accent'));
  }
  // Each element owns its own attributes.
  assert.deepEqual(['cchc-progress-card', 'cchc-ramp-chart', 'cchc-overview'].map((t) => attrs(t).includes('level')), [false, true, false]);
  assert.deepEqual(['cchc-progress-card', 'cchc-ramp-chart', 'cchc-overview'].map((t) => attrs(t).includes('sort')), [false, false, true]);
  assert.equal(decls['cchc-ramp-chart'].attributes.find((a) => a.name === 'level').type.text, "'city' | 'district' | 'commune'");
});

test('the widgets list every status of the shipped types, once, with words in both languages', async () => {
  const types = readFileSync(join(project, 'node_modules/cchc-progress/cchc_progress.d.ts'), 'utf8');
  const union = /export type Status =([^;]+);/.exec(types)[1].match(/"(\w+)"/g).map((s) => s.slice(1, -1));
  const { STATUSES } = await import(join(project, 'node_modules/cchc-progress/elements/i18n.js'));
  assert.deepEqual(STATUSES.map((s) => s.code).sort(), [...union].sort());
  assert.ok(STATUSES.every((s) => s.icon && s.vi && s.en && s.vi !== s.en));
});

test('importing cchc-progress/elements on a server (no DOM) defines nothing and throws nothing', () => {
  writeFileSync(
    join(project, 'ssr.mjs'),
    `const m = await import('cchc-progress/elements');
console.log(JSON.stringify({ exports: Object.keys(m).length, dom: typeof HTMLElement, registry: typeof customElements, labels: m.statusLabel('met', 'vi') }));`,
  );
  const out = JSON.parse(run('node', ['ssr.mjs'], project));
  assert.deepEqual(out, { exports: out.exports, dom: 'undefined', registry: 'undefined', labels: 'Đã đạt' });
  assert.ok(out.exports > 5);
});

test('tsc --strict under a Node-only lib uses the Node build\'s .d.cts and needs no DOM types', () => {
  const dir = join(project, 'node-only');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'src/main.ts'),
    `import { Engine, type Report, type Status } from 'cchc-progress';
const report: Report = new Engine().evaluate(${JSON.stringify(INPUT)});
const statuses: Status[] = report.results.map((r) => r.status);
console.log(statuses.length);
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: ['node'], skipLibCheck: false, typeRoots: [join(project, 'node_modules/@types')] }, include: ['src'] }),
  );
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'node-only', private: true, type: 'module' }));
  const listed = run(tsc, ['-p', dir, '--listFiles'], project);
  assert.match(listed, /cchc-progress\/cchc_progress_node\.d\.cts/);
  assert.doesNotMatch(listed, /cchc-progress\/cchc_progress\.d\.ts/, 'the web build types are not read');
  assert.doesNotMatch(listed, /lib\.dom\.d\.ts/);
});

test('tsc --strict type-checks a React .tsx using the three elements (typed JSX declarations)', () => {
  const dir = join(project, 'react-types');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'src/App.tsx'),
    `import type {} from 'cchc-progress/elements/react';
import 'cchc-progress/elements';
import type { CchcOverview, CchcProgressCard } from 'cchc-progress/elements';
import type { EvaluateInput, UnitInput } from 'cchc-progress';

const input: EvaluateInput = ${JSON.stringify(INPUT)};

export function App() {
  return (
    <main>
      <cchc-progress-card indicator="proc.digitized_results" unit="nk" heading-level={2} locale="en" ref={(el: CchcProgressCard | null) => { if (el) el.input = input; }} />
      <cchc-progress-card indicator="proc.digitized_results" unit="nk" input={input} />
      <cchc-ramp-chart level="district" src="/data.json" />
      <cchc-overview unit="ct" sort="status" as-of="2024-12-31" />
      <cchc-overview unit="ct" ref={(el: CchcOverview | null) => { const csv: string | null = el?.reviewCsv('en') ?? null; const ward: UnitInput | null = el?.units.at('31150', '2025-06-30') ?? null; void [csv, ward, el?.downloadReview(), el?.unitName('ct')]; }} />
      {/* @ts-expect-error: not a level */}
      <cchc-ramp-chart level="province" />
      {/* @ts-expect-error: not a locale */}
      <cchc-overview locale="fr" />
    </main>
  );
}
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, jsx: 'react-jsx', module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], skipLibCheck: false, typeRoots: [join(project, 'node_modules/@types')], types: [] }, include: ['src'] }),
  );
  run(tsc, ['-p', dir], project);
});

/** Serves `dir` under the recommended policy (or `csp`), opens it in Chromium, runs `check(page, requests)`, and expects no problem. */
async function inChromium(dir, check, { csp, path = '/' } = {}) {
  const server = await serveDir(dir, csp === undefined ? {} : { csp });
  try {
    const { page, problems, requests } = await openPage(browser, `http://127.0.0.1:${server.address().port}${path}`);
    await check(page, requests);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    server.close();
  }
}

const CARDS = (ref) => `
const input = ${JSON.stringify(INPUT)};
function App() {
  return (
    <>
      <cchc-progress-card id="by-ref" indicator="proc.digitized_results" unit="nk" ref={(el) => { if (el) el.input = input; }} />
      ${ref ? '' : '<cchc-progress-card id="by-prop" indicator="proc.digitized_results" unit="nk" input={input} />'}
    </>
  );
}`;

async function viteReactApp(dir, name) {
  const app = join(dir, name);
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>react</title><script type="module" src="./main.jsx"></script></head><body><div id="root"></div></body></html>`);
  writeFileSync(
    join(app, 'main.jsx'),
    `import { createRoot } from 'react-dom/client';
import 'cchc-progress/elements';
${CARDS(false)}
createRoot(document.getElementById('root')).render(<App />);
`,
  );
  await build({ root: app, logLevel: 'error', esbuild: { jsx: 'automatic' }, build: { outDir: join(app, 'dist'), target: 'es2022' } });
  return join(app, 'dist');
}

const readCards = (page) =>
  page.$$eval('cchc-progress-card', (cs) =>
    Object.fromEntries(cs.map((c) => [c.id, { state: c.dataset.state, status: c.shadowRoot.querySelector('.badge[data-status]')?.dataset.status ?? null, code: c.shadowRoot.querySelector('[data-code]')?.dataset.code ?? null }])),
  );

test('a React 19 app built with Vite renders a card from an object, as a property or through a ref', async () => {
  const dist = await viteReactApp(project, 'react19');
  await inChromium(dist, async (page) => {
    await page.waitForFunction(() => [...document.querySelectorAll('cchc-progress-card')].length === 2 && [...document.querySelectorAll('cchc-progress-card')].every((c) => c.dataset.state === 'ready' || c.dataset.state === 'error'), null, { timeout: 20000 });
    assert.deepEqual(await readCards(page), {
      'by-ref': { state: 'ready', status: 'needs_acceleration', code: null },
      'by-prop': { state: 'ready', status: 'needs_acceleration', code: null },
    });
  });
});

test('a React 18 app built with Vite renders a card through a ref, and a stringified object says so', async () => {
  const dist = await viteReactApp(react18, 'react18');
  await inChromium(dist, async (page) => {
    await page.waitForFunction(() => [...document.querySelectorAll('cchc-progress-card')].length === 2 && [...document.querySelectorAll('cchc-progress-card')].every((c) => c.dataset.state === 'ready' || c.dataset.state === 'error'), null, { timeout: 20000 });
    const cards = await readCards(page);
    assert.deepEqual(cards['by-ref'], { state: 'ready', status: 'needs_acceleration', code: null });
    // React 18 wrote `input="[object Object]"`: the card names the mistake instead of "no data".
    assert.deepEqual(cards['by-prop'], { state: 'error', status: null, code: 'OBJECT_AS_ATTRIBUTE' });
    assert.equal(await page.getAttribute('#by-prop', 'input'), '[object Object]');
    assert.match(await page.$eval('#by-prop', (c) => c.shadowRoot.textContent), /`input`.*\[object Object\]/);
  });
});

test('an esbuild bundle made with the README\'s commands loads the engine and the widgets', async () => {
  const [commands] = readmeExamples('esbuild');
  const [script] = readmeExamples('esbuild-app');
  assert.ok(commands && script, 'the README documents esbuild');
  // A project of its own (the commands run from its folder): the README's app, and a page with the card it fills.
  const dir = consumer('cchc-esbuild-', []);
  writeFileSync(join(dir, 'app.js'), script);
  for (const line of commands.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    const [cmd, ...args] = line.replace(/^npx esbuild/, esbuild).split(/\s+/);
    run(cmd, args, dir);
  }
  writeFileSync(join(dir, 'dist/cchc.json'), JSON.stringify(INPUT));
  // Large data (S: about 16 000 observations) goes to the Worker of `cchc-progress/worker`,
  // which esbuild leaves at `new URL('./worker-main.js', import.meta.url)`: the README's third
  // command bundles it beside the app, or the widgets fall back to the main thread.
  writeFileSync(join(dir, 'dist/large.json'), JSON.stringify(generate('S')));
  writeFileSync(
    join(dir, 'dist/index.html'),
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>esbuild</title><script type="module" src="./app.js"></script></head><body><cchc-progress-card indicator="proc.digitized_results" unit="nk"></cchc-progress-card><cchc-progress-card id="large" indicator="proc.online_l34" unit="ct" src="./large.json"></cchc-progress-card></body></html>`,
  );
  await inChromium(join(dir, 'dist'), async (page, requests) => {
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.waitForFunction(() => [...document.querySelectorAll('cchc-progress-card')].every((c) => c.dataset.state === 'ready'), null, { timeout: 60000 });
    const card = await page.$eval('cchc-progress-card', (c) => [c.shadowRoot.querySelector('.badge[data-status]').dataset.status, c.shadowRoot.querySelector('.requirement').textContent]);
    assert.deepEqual(card, ['needs_acceleration', '≥ 80\u00a0% ✗ chưa đạt']);
    assert.ok(await page.$eval('#large', (c) => c.shadowRoot.querySelector('.badge[data-status]')?.dataset.status), 'the large card shows a status');
    // The Worker's requests reach the test after the card is ready, now and then: wait for them.
    for (let i = 0; i < 50 && asked(requests, /\/cchc_progress_bg\.wasm$/) < 2; i++) await page.waitForTimeout(100);
    assert.equal(asked(requests, /\/worker-main\.js$/), 1, `the Worker module is fetched: ${requests.join(' ')}`);
    assert.equal(asked(requests, /\/cchc_progress_bg\.wasm$/), 2, `and its engine: ${requests.join(' ')}`);
    assert.deepEqual(warnings.filter((w) => /main thread/.test(w)), [], 'the Worker started: no fallback to the main thread');
    // The card given the report loads no engine of its own: the one the app imported is the
    // page's only one (the Worker loads its own, not counted among the page's requests).
    const pageWasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
    assert.equal(pageWasm, 1, `the page downloads the .wasm once: ${requests.join(' ')}`);
  });
});

test('the widgets write numbers as the engine does (format.js against the engine\'s own texts)', async () => {
  const f = await import(join(project, 'node_modules/cchc-progress/elements/format.js'));
  const { Engine } = await import(join(project, 'node_modules/cchc-progress/cchc_progress_node.cjs'));
  const sample = JSON.parse(readFileSync(join(root, 'www/data/can-tho-sample.json'), 'utf8'));
  const report = new Engine().evaluate(sample);
  // Every shown percentage of the sample, read back and written again by the JS twin.
  let checked = 0;
  for (const r of report.results) {
    for (const locale of ['vi', 'en']) {
      const shown = r.display?.[locale];
      const m = shown && /^(-?[\d.,]+)(\u00a0%|%)$/.exec(shown);
      if (!m) continue;
      const [group, decimal] = locale === 'vi' ? ['.', ','] : [',', '.'];
      const digits = m[1].split(group).join('').replace(decimal, '.');
      const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
      assert.equal(f.formatPercent(Number(digits), decimals, locale), shown, `${r.indicator} / ${r.unit} (${locale})`);
      checked += 1;
    }
  }
  assert.ok(checked > 100, `${checked} texts compared`);
  // The schedule floors as the engine words them (`format_percent_trimmed(v, 2)`), and the rules
  // of src/messages/format.rs: half away from zero, grouping, no negative zero.
  const floor = new Engine().ramp('district', 2024);
  assert.ok(floor.explanation.vi.includes(f.formatPercentTrimmed(floor.floor, 2, 'vi')));
  assert.ok(floor.explanation.en.includes(f.formatPercentTrimmed(floor.floor, 2, 'en')));
  // The cases of src/messages/format.rs's own tests, the same here.
  const cases = [
    [f.formatNumber(1240, 0, 'vi'), '1.240'],
    [f.formatNumber(1234567.25, 1, 'vi'), '1.234.567,3'],
    [f.formatPercent(62.5, 1, 'vi'), '62,5\u00a0%'],
    [f.formatNumber(1240, 0, 'en'), '1,240'],
    [f.formatPercent(62.5, 1, 'en'), '62.5%'],
    [f.formatNumber(-0.04, 1, 'en'), '0.0'],
    [f.formatNumber(-12.5, 1, 'en'), '-12.5'],
    [f.formatNumber(999, 0, 'en'), '999'],
    [f.formatTrimmed(20, 2, 'en'), '20'],
    [f.formatTrimmed(1240.5, 2, 'vi'), '1.240,5'],
    [f.formatPercentTrimmed(69.12, 2, 'vi'), '69,12\u00a0%'],
  ];
  assert.deepEqual(cases.map(([got]) => got), cases.map(([, want]) => want));
});

/** How many requests asked for a file whose name matches `re` (the query left out). */
const asked = (requests, re) => requests.filter((u) => re.test(new URL(u).pathname)).length;
const WASM_FILE = /\.wasm$/;
// Settled: every card shows a status or an error code. A card given no data yet is `ready`
// with nothing to show until its report is set, so `data-state` alone would race the page's
// own evaluation (seen with webpack: the card read before its report arrived).
const allSettled = () =>
  [...document.querySelectorAll('cchc-progress-card')].every(
    (c) => (c.dataset.state === 'ready' && c.shadowRoot?.querySelector('.badge[data-status]')) || (c.dataset.state === 'error' && c.shadowRoot?.querySelector('[data-code]')),
  );

test('webpack 5, Vite and esbuild pages importing the engine and the widgets show both cards, with one download of the .wasm', async () => {
  const pages = await buildPages(consumer('cchc-bundlers-', []), root);
  for (const [bundler, dist] of Object.entries(pages)) {
    await inChromium(dist, async (page, requests) => {
      await page.waitForFunction(allSettled, null, { timeout: 20000 });
      assert.deepEqual(await page.evaluate(READ_CARDS), EXPECTED_CARDS, bundler);
      assert.equal(asked(requests, WASM_FILE), 1, `${bundler}: one engine per page, the .wasm downloaded once: ${requests.join(' ')}`);
    });
  }
});

test('a card given a report never loads the engine: the report property on a card already in the page, report-src, #id', async () => {
  const dir = consumer('cchc-no-engine-', []);
  const report = JSON.parse(run('npx', ['--no-install', 'cchc-progress', 'report', '-'], dir, JSON.stringify(INPUT)));
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
  const head = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>report</title>`;
  const card = (attrs) => `<cchc-progress-card indicator="proc.digitized_results" unit="nk" ${attrs}></cchc-progress-card>`;
  // The README's order: the card is in the page (and upgraded) before the report arrives.
  writeFileSync(join(dir, 'property.js'), `import '/node_modules/cchc-progress/elements/index.js';
await new Promise((ok) => setTimeout(ok, 300));
const report = await (await fetch('/report.json')).json();
document.querySelector('cchc-progress-card').report = report;
`);
  writeFileSync(join(dir, 'property.html'), `${head}<script type="module" src="/property.js"></script></head><body>${card('')}</body></html>`);
  writeFileSync(join(dir, 'src.html'), `${head}<script type="module" src="/node_modules/cchc-progress/elements/index.js"></script></head><body>${card('report-src="/report.json"')}</body></html>`);
  for (const path of ['/property.html', '/src.html']) {
    await inChromium(
      dir,
      async (page, requests) => {
        await page.waitForFunction(() => document.querySelector('cchc-progress-card').shadowRoot?.querySelector('.badge[data-status]'), null, { timeout: 15000 });
        await page.waitForTimeout(300);
        assert.equal(await page.$eval('cchc-progress-card', (c) => c.shadowRoot.querySelector('.badge[data-status]').dataset.status), 'needs_acceleration');
        assert.deepEqual(requests.filter((u) => /cchc_progress|load\.js|\.wasm/.test(u)), [], `${path}: neither the glue nor the .wasm is requested`);
      },
      { path },
    );
  }
});

test("the command's report pasted into a page cannot end its <script> block: no script runs, the name is text", async () => {
  const dir = consumer('cchc-inline-', []);
  const name = '</script><script>window.__pwned = 1; alert(1)</script><h1 id="defaced">defaced</h1>';
  const input = { ...INPUT, units: INPUT.units.map((u) => (u.id === 'nk' ? { ...u, name } : u)) };
  const json = run('npx', ['--no-install', 'cchc-progress', 'report', '-'], dir, JSON.stringify(input));
  // As the README shows it: the command's output between the tags, as it is.
  const readme = readFileSync(join(root, 'pkg-config/README.md'), 'utf8');
  assert.match(readme, /<script type="application\/json" id="cchc-report">/, 'the npm README shows the inline way');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>inline</title><script type="module" src="/node_modules/cchc-progress/elements/index.js"></script></head><body>
<script type="application/json" id="cchc-report">${json}</script>
<cchc-progress-card indicator="proc.digitized_results" unit="nk" report-src="#cchc-report"></cchc-progress-card>
<p id="after">after</p>
</body></html>`,
  );
  // No policy at all: what stops the script must be the JSON itself.
  await inChromium(
    dir,
    async (page) => {
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs += 1;
        void d.dismiss();
      });
      await page.waitForFunction(allSettled, null, { timeout: 15000 });
      const seen = await page.evaluate(() => ({
        pwned: window.__pwned ?? null,
        defaced: document.getElementById('defaced') !== null,
        body: [...document.body.children].map((e) => e.localName),
        state: document.querySelector('cchc-progress-card').dataset.state,
        shown: document.querySelector('cchc-progress-card').shadowRoot.textContent,
      }));
      assert.deepEqual({ pwned: seen.pwned, defaced: seen.defaced, dialogs, body: seen.body, state: seen.state }, { pwned: null, defaced: false, dialogs: 0, body: ['script', 'cchc-progress-card', 'p'], state: 'ready' });
      assert.ok(seen.shown.includes('</script><script>window.__pwned'), 'the card shows the name as text');
    },
    { csp: '' },
  );
});

const VUE = 'vue@3.5.45';
const SVELTE = 'svelte@5.57.3';
const INDEX = (title) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${title}</title><script type="module" src="./main.js"></script></head><body><div id="app"></div></body></html>`;

test('a Vue 3 app built with Vite binds the elements\' properties in its template and keeps an engine in a reactive store', async () => {
  const app = join(consumer('cchc-vue-', [VUE]), 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'index.html'), INDEX('vue'));
  writeFileSync(join(app, 'main.js'), `import { createApp } from 'vue';\nimport App from './App.vue';\ncreateApp(App).mount('#app');\n`);
  // A plain reactive store (no Pinia): the engine in it is kept raw (markRaw), as Vue's
  // proxies of class instances are not the instance.
  writeFileSync(join(app, 'store.js'), `import { reactive, markRaw } from 'vue';
import { Engine } from 'cchc-progress';
export const store = reactive({ engine: markRaw(new Engine()), report: null });
export function evaluate(input) { store.report = markRaw(store.engine.evaluate(input)); }
`);
  writeFileSync(
    join(app, 'App.vue'),
    `<script setup>
import 'cchc-progress/elements';
import { store, evaluate } from './store.js';
const input = ${JSON.stringify(INPUT)};
evaluate(input);
</script>

<template>
  <cchc-progress-card id="by-prop" indicator="proc.digitized_results" unit="nk" :input.prop="input" />
  <cchc-progress-card id="by-store" indicator="proc.digitized_results" unit="nk" :report="store.report" />
</template>
`,
  );
  await build({
    root: app,
    logLevel: 'error',
    configFile: false,
    plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('cchc-') } } })],
    build: { outDir: join(app, 'dist'), target: 'es2022' },
  });
  await inChromium(join(app, 'dist'), async (page, requests) => {
    await page.waitForFunction(() => document.querySelectorAll('cchc-progress-card').length === 2 && [...document.querySelectorAll('cchc-progress-card')].every((c) => c.dataset.state === 'ready' || c.dataset.state === 'error'), null, { timeout: 20000 });
    assert.deepEqual(await page.evaluate(READ_CARDS), { 'by-prop': EXPECTED_CARDS['by-src'], 'by-store': EXPECTED_CARDS['by-report'] });
    assert.equal(await page.evaluate(() => document.getElementById('by-store').hasAttribute('report')), false, 'bound as a property, not an attribute');
    assert.equal(asked(requests, WASM_FILE), 1, 'one engine for the store and the widgets');
  });
});

test('a Svelte 5 app built with Vite passes the elements an input and a report as properties', async () => {
  const app = join(consumer('cchc-svelte-', [SVELTE]), 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'index.html'), INDEX('svelte'));
  writeFileSync(join(app, 'main.js'), `import { mount } from 'svelte';\nimport App from './App.svelte';\nmount(App, { target: document.getElementById('app') });\n`);
  writeFileSync(
    join(app, 'App.svelte'),
    `<script>
  import 'cchc-progress/elements';
  import { Engine } from 'cchc-progress';
  const input = ${JSON.stringify(INPUT)};
  const report = new Engine().evaluate(input);
</script>

<cchc-progress-card id="by-prop" indicator="proc.digitized_results" unit="nk" input={input}></cchc-progress-card>
<cchc-progress-card id="by-report" indicator="proc.digitized_results" unit="nk" {report}></cchc-progress-card>
`,
  );
  await build({ root: app, logLevel: 'error', configFile: false, plugins: [svelte({ configFile: false })], build: { outDir: join(app, 'dist'), target: 'es2022' } });
  await inChromium(join(app, 'dist'), async (page, requests) => {
    await page.waitForFunction(() => document.querySelectorAll('cchc-progress-card').length === 2 && [...document.querySelectorAll('cchc-progress-card')].every((c) => c.dataset.state === 'ready' || c.dataset.state === 'error'), null, { timeout: 20000 });
    assert.deepEqual(await page.evaluate(READ_CARDS), { 'by-prop': EXPECTED_CARDS['by-src'], 'by-report': EXPECTED_CARDS['by-report'] });
    assert.equal(asked(requests, WASM_FILE), 1);
  });
});

test('in a webpack 5 or Vite bundle, a trap of the first instance is evaluated again in the spare glue', async () => {
  const project = consumer('cchc-bundled-trap-', []);
  // The first `report` of the glue (what the widgets call) traps, once, as WebKitGTK's JIT
  // does now and then; the spare copy of the glue (a module of its own) is left as it is. The
  // entry, imported after the glue is patched (its engines guarded then), makes the widgets
  // use the full build.
  const app = `import { Engine } from 'cchc-progress/web';
const real = Engine.prototype.report;
let calls = 0;
Engine.prototype.report = function (...args) {
  if (calls++ === 0) throw new WebAssembly.RuntimeError("Out of bounds memory access (evaluating 'wasm.engine_report(this.__wbg_ptr,source,options)')");
  return real.apply(this, args);
};
window.__warnings = [];
const warn = console.warn.bind(console);
console.warn = (...a) => (window.__warnings.push(a.join(' ')), warn(...a));
await import('cchc-progress');
await import('cchc-progress/elements');
`;
  const pages = { webpack: await webpackPage(project, { name: 'webpack-trap', app }), vite: await vitePage(project, { name: 'vite-trap', app }) };
  for (const [bundler, dist] of Object.entries(pages)) {
    writeFileSync(join(dist, 'cchc.json'), JSON.stringify(PAGE_INPUT));
    await inChromium(dist, async (page, requests) => {
      await page.waitForFunction(() => document.getElementById('by-src')?.dataset.state === 'ready' || document.getElementById('by-src')?.dataset.state === 'error', null, { timeout: 20000 });
      const out = await page.evaluate(() => ({ card: document.getElementById('by-src').shadowRoot.querySelector('.badge[data-status]')?.dataset.status ?? document.getElementById('by-src').shadowRoot.querySelector('[data-code]')?.dataset.code, warnings: window.__warnings }));
      assert.equal(out.card, 'needs_acceleration', `${bundler}: the figures are shown after the trap`);
      assert.equal(out.warnings.length, 1, `${bundler}: ${out.warnings.join(' | ')}`);
      assert.match(out.warnings[0], /Loading the module again and evaluating once more/);
      assert.equal(asked(requests, WASM_FILE), 1, `${bundler}: the compiled module is instantiated again, not downloaded again`);
    });
  }
});
