// The benchmark of the built npm package (pkg/, or --pkg DIR), end to end from the caller's
// data to the report the caller receives, at the scales of tests/js/bench/generate.mjs.
//
//   node tests/js/bench/bench.mjs            the full table (S, M, L, construction, size, Chromium)
//   node tests/js/bench/bench.mjs --smoke    S once, checks the report has results; no timing verdicts
//   node tests/js/bench/bench.mjs --rejection  only the peak memory of refusing 1 000 000 nulls
//   options: --pkg DIR, --no-browser, --scales S,M,L, --text both,none (the report's
//            options.text: full sentences, or numbers only), --runs N (S runs; M and L use fewer),
//            --loads N (first-view loads per page), --engine-only (the engine table alone, for
//            a package older than options.only and the command: a before-and-after run)
//
// Every time is a median over repeated runs after warm-up runs, the contenders of a scale run
// in turn within each round (interleaved), so that a busy moment of the shared machine falls
// on all of them. For each scale it measures engine.evaluate(object), engine.evaluateJson(text)
// and engine.evaluateCsv(text, options) against:
//   - the JS core (peer.mjs): the same core written in plain JavaScript (latest figure per
//     indicator × unit × year, roll-ups, floor or target check, CAGR-ratio status; no
//     sentences); its statuses must agree with the engine's on every row both compute;
//   - json-logic-js applying only each observation's threshold rule;
//   - the marshalling floor: JSON.stringify of the input + JSON.parse of the report's JSON,
//     what Node needs just to move the data across.
// L runs in a child process so that its peak memory (maxRSS) is its own; so do the 100 000-unit
// hierarchies. The first-view times (firstview.mjs) come first. Benchmarks are never
// pass/fail: nothing here fails on a time (a disagreement of statuses does fail).

import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { DATA_DIR, generate, hierarchyInput, planIndicators, toCsv } from './generate.mjs';
import { agreement, evaluatePeer, preparePlan } from './peer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const PKG = resolve(option('--pkg', join(root, 'pkg')));
const NODE_ENTRY = join(PKG, 'cchc_progress_node.cjs');
const WASM = join(PKG, 'cchc_progress_bg.wasm');

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median milliseconds of `fn` over `runs` runs after `warm` warm-up runs; `last` is its last result. */
function time(fn, { warm = 2, runs = 9 } = {}) {
  let last;
  for (let i = 0; i < warm; i++) last = fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = fn();
    ts.push(performance.now() - t);
  }
  return { ms: median(ts), last };
}

// ---- the peer: json-logic-js, threshold rule only ------------------------------------------

const COMPARATOR = { gte: '>=', lte: '<=', gt: '>', lt: '<', eq: '==' };

/** One json-logic rule per indicator and level: `{">=": [{"var": "value"}, 80]}` and the like. */
function thresholdRules() {
  const rules = new Map();
  for (const ind of planIndicators()) {
    for (const level of ['city', 'district', 'commune']) {
      const target = ind.levelTargets?.[level] ?? ind.target ?? 100;
      rules.set(`${ind.id} ${level}`, { [COMPARATOR[ind.comparator] ?? '>=']: [{ var: 'value' }, target] });
    }
  }
  return rules;
}

/** The peer's whole job on the same observations: the value of each, and its threshold check. */
function peer(jsonLogic, rules, input) {
  const level = new Map(input.units.map((u) => [u.id, u.level]));
  return () => {
    let met = 0;
    for (const o of input.observations) {
      const value =
        o.value ?? o.rank ?? o.count ?? (o.numerator !== undefined ? (o.numerator / (o.denominator ?? o.numerator)) * 100 : o.done ? 100 : 0);
      if (jsonLogic.apply(rules.get(`${o.indicator} ${level.get(o.unit)}`), { value })) met++;
    }
    return met;
  };
}

// ---- one scale in this process -------------------------------------------------------------

function checkReport(report, scale) {
  if (!report || !Array.isArray(report.results) || report.results.length === 0) {
    fail(`the ${scale} report has no results`);
  }
  const withValue = report.results.filter((r) => r.value !== undefined && r.value !== null).length;
  if (withValue === 0) fail(`no result of the ${scale} report has a value`);
}

/** With `text: 'none'` the input asks for the numbers-only report (`options.text`). */
function withText(input, text) {
  return text === 'both' ? input : { ...input, options: { ...input.options, text } };
}

/** What one card shows: the city's online-procedures row (`options.only`). */
const ONE_CARD = { indicators: ['proc.online_l34'], units: ['ct'] };

/** The embedded plan, prepared once for the JS core. */
function corePlan() {
  return preparePlan(JSON.parse(readFileSync(join(root, 'src/plan/can_tho_2021_2025.json'), 'utf8')));
}

/** Fails unless the JS core and the engine agree on the status of every row both compute. */
function checkAgreement(rows, report, scale) {
  const a = agreement(rows, report);
  if (a.both === 0 || a.differ.length > 0) {
    fail(`the JS core and the engine disagree at ${scale} on ${a.differ.length} of ${a.both} rows, e.g. ${JSON.stringify(a.differ.slice(0, 3))}`);
  }
  return a;
}

/**
 * Median times of named contenders run in turn: `warm` rounds, then `runs` rounds, each round
 * running every contender once. `last` holds each one's last result.
 */
function interleaved(contenders, { warm, runs }) {
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const last = {};
  for (let i = 0; i < warm + runs; i++) {
    for (const n of names) {
      const t = performance.now();
      last[n] = contenders[n]();
      if (i >= warm) times[n].push(performance.now() - t);
    }
  }
  return { ms: Object.fromEntries(names.map((n) => [n, median(times[n])])), last };
}

function measureScale(Engine, scale, { runs, warm, methods, text = 'both', only = null }) {
  let input = withText(generate(scale), text);
  if (only) input = { ...input, options: { ...input.options, only } };
  const text_ = JSON.stringify(input);
  const { csv, options } = toCsv(input);
  const engine = new Engine();
  const name = only ? `${scale}, one card` : text === 'both' ? scale : `${scale}, text: ${text}`;
  const row = { scale: name, units: input.units.length, observations: input.observations.length };
  const first = engine.evaluateCsv(csv, options);
  checkReport(first, scale);
  if (first.options.text !== text) fail(`the ${scale} report was made with text ${first.options.text}, not ${text}`);
  const reportText = JSON.stringify(first);
  const plan = corePlan();
  const agreed = checkAgreement(evaluatePeer(plan, input), first, scale);
  const jsonLogic = require('json-logic-js');
  const contenders = {};
  if (methods.includes('object')) contenders.object = () => engine.evaluate(input);
  if (methods.includes('json')) contenders.json = () => engine.evaluateJson(text_);
  contenders.csv = () => engine.evaluateCsv(csv, options);
  contenders.core = () => evaluatePeer(plan, input);
  contenders.peer = peer(jsonLogic, thresholdRules(), input);
  contenders.stringify = () => JSON.stringify(input);
  contenders.parse = () => JSON.parse(reportText);
  const { ms, last } = interleaved(contenders, { warm, runs });
  checkReport(last.csv, scale);
  Object.assign(row, ms);
  row.floor = ms.stringify + ms.parse;
  row.reportBytes = reportText.length;
  row.results = first.results.length;
  row.agreed = agreed.both;
  row.maxRssMB = process.resourceUsage().maxRSS / 1024;
  engine.free();
  return row;
}

// ---- construction and size -----------------------------------------------------------------

/** Fresh processes: require the package and construct the engine (import + compile + instantiate + plan). */
function construction(runs = 7) {
  const code = `const t=performance.now();const {Engine}=require(${JSON.stringify(NODE_ENTRY)});const e=new Engine();` +
    `const t1=performance.now();new Engine();const t2=performance.now();console.log(JSON.stringify({first:t1-t,again:t2-t1}))`;
  const firsts = [];
  const agains = [];
  for (let i = 0; i < runs; i++) {
    const out = JSON.parse(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }));
    firsts.push(out.first);
    agains.push(out.again);
  }
  const bytes = readFileSync(WASM);
  const compile = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    new WebAssembly.Module(bytes);
    compile.push(performance.now() - t);
  }
  return { first: median(firsts), again: median(agains), compile: median(compile) };
}

function sizes() {
  const bytes = readFileSync(WASM);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

// ---- L in a child process ------------------------------------------------------------------

function measureL(text) {
  execFileSync(process.execPath, [join(here, 'generate.mjs'), 'L'], { stdio: 'ignore' });
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-L', '--pkg', PKG, '--text', text], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) fail(`the L run failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

// The peak memory reported is the process's after reading the CSV and evaluating it once,
// with that report alive: what a portal needs. The later runs (for the median) and the floor's
// JSON copies of a 300 MB report would only measure the benchmark itself.
function childL() {
  const { Engine } = require(NODE_ENTRY);
  const csv = readFileSync(join(DATA_DIR, 'L.csv'), 'utf8');
  const text = option('--text', 'both');
  const options = withText(JSON.parse(readFileSync(join(DATA_DIR, 'L.options.json'), 'utf8')), text);
  const engine = new Engine();
  const baseRssMB = process.resourceUsage().maxRSS / 1024;
  const times = [];
  let t = performance.now();
  let report = engine.evaluateCsv(csv, options);
  times.push(performance.now() - t);
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  checkReport(report, 'L');
  for (let i = 0; i < 2; i++) {
    report = null;
    t = performance.now();
    report = engine.evaluateCsv(csv, options);
    times.push(performance.now() - t);
  }
  const results = report.results.length;
  const reportText = JSON.stringify(report);
  report = null;
  const parse = time(() => JSON.parse(reportText), { warm: 0, runs: 3 }).ms;
  let lines = 0; // data rows: every line but the header (a last line may lack its newline)
  for (let i = csv.indexOf('\n'); i >= 0; i = csv.indexOf('\n', i + 1)) lines++;
  const observations = csv.endsWith('\n') ? lines - 1 : lines;
  process.stdout.write(
    JSON.stringify({
      scale: text === 'both' ? 'L' : `L, text: ${text}`,
      units: options.units.length,
      observations,
      csv: median(times),
      results,
      reportBytes: reportText.length,
      parse,
      floor: parse,
      maxRssMB,
      baseRssMB,
    }),
  );
}

// ---- the memory of a rejection (issue 13.12) -------------------------------------------------

// Refusing 1 000 000 `null` observations (an 8 MB array) must not cost what reading a million
// observations would: each door runs in its own process, so that its peak (maxRSS) is its own.
function measureRejection() {
  return ['object', 'json'].map((door) => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-rejection', door, '--pkg', PKG], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) fail(`the rejection run failed:\n${child.stderr}`);
    return JSON.parse(child.stdout);
  });
}

function childRejection() {
  const door = args[args.indexOf('--child-rejection') + 1];
  const { Engine } = require(NODE_ENTRY);
  const engine = new Engine();
  const input = { asOf: '2024-12-31', observations: new Array(1_000_000).fill(null) };
  const text = door === 'json' ? JSON.stringify(input) : null;
  const baseRssMB = process.resourceUsage().maxRSS / 1024;
  const t = performance.now();
  let code = 'accepted';
  let errors = 0;
  try {
    if (door === 'json') engine.evaluateJson(text);
    else engine.evaluate(input);
  } catch (e) {
    code = e.code;
    errors = e.errors.length;
  }
  const ms = performance.now() - t;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ door, ms, code, errors, baseRssMB, maxRssMB }));
}

function printRejection(rows) {
  for (const r of rows) {
    const call = r.door === 'json' ? 'evaluateJson(text)' : 'evaluate(obj)';
    console.log(
      `rejecting 1 000 000 null observations, ${call}: ${r.code} (${r.errors} errors) in ${f1(r.ms)} ms; peak RSS ${r.maxRssMB.toFixed(0)} MB, ${(r.maxRssMB - r.baseRssMB).toFixed(0)} MB above the process with its input built`,
    );
  }
}

// ---- the 100 000-unit hierarchies (issue 13.11) ---------------------------------------------

/** A run that takes longer is stopped and reported as such (a quadratic walk never ends). */
const HIERARCHY_TIMEOUT_MS = 180_000;

/** `chain` and `flat` (generate.mjs), each evaluated from an object in its own process. */
function measureHierarchies() {
  return ['chain', 'flat'].map((shape) => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-hierarchy', shape, '--pkg', PKG], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      timeout: HIERARCHY_TIMEOUT_MS,
    });
    if (child.error?.code === 'ETIMEDOUT') return { shape, timedOut: true };
    if (child.status !== 0) fail(`the ${shape} hierarchy run failed:\n${child.stderr}`);
    return JSON.parse(child.stdout);
  });
}

function childHierarchy() {
  const shape = option('--child-hierarchy', 'flat');
  const { Engine } = require(NODE_ENTRY);
  const input = hierarchyInput(shape);
  const engine = new Engine();
  const baseRssMB = process.resourceUsage().maxRSS / 1024;
  const times = [];
  let report;
  for (let i = 0; i < 3; i++) {
    report = null;
    const t = performance.now();
    report = engine.evaluate(input);
    times.push(performance.now() - t);
  }
  checkReport(report, shape);
  const results = report.results.length;
  report = null;
  // The same evaluation packed (`engine.report`): the core and the packing, no JS objects,
  // so that the core's share shows apart from building 100 033 result objects.
  const packed = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const rows = engine.report(input).results({ headline: true }).length;
    packed.push(performance.now() - t);
    if (rows === 0) fail(`the packed ${shape} report has no headline row`);
  }
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ shape, units: input.units.length, observations: input.observations.length, results, first: times[0], ms: median(times), packedMs: median(packed), maxRssMB, baseRssMB }));
}

function printHierarchies(rows) {
  for (const r of rows) {
    const what = r.shape === 'chain' ? 'a chain of parents' : 'flat';
    if (r.timedOut) {
      console.log(`100000 units, ${what}: did not finish in ${HIERARCHY_TIMEOUT_MS / 1000} s`);
      continue;
    }
    console.log(
      `${r.units} units, ${r.shape === 'chain' ? 'a chain of parents (each under the one before)' : 'flat (one city, its communes)'}: evaluate(obj) ${f1(r.ms)} ms median of 3 (first ${f1(r.first)} ms), ${r.results} rows; report(obj) (packed, no objects) ${f1(r.packedMs)} ms; peak RSS ${r.maxRssMB.toFixed(0)} MB`,
    );
  }
}

// ---- the same S workload in headless Chromium ----------------------------------------------

const PAGE = `<!doctype html><meta charset="utf-8"><title>cchc-progress bench</title>
<script type="module">
import init, { Engine } from '/pkg/cchc_progress.js';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
function time(fn, warm, runs) { let last; for (let i = 0; i < warm; i++) last = fn(); const ts = []; for (let i = 0; i < runs; i++) { const t = performance.now(); last = fn(); ts.push(performance.now() - t); } return { ms: median(ts), last }; }
window.bench = async (runs) => {
  const t0 = performance.now();
  await init();
  const engine = new Engine();
  const construct = performance.now() - t0;
  const text = await (await fetch('/data/S.json')).text();
  const input = JSON.parse(text);
  const object = time(() => engine.evaluate(input), 2, runs);
  const json = time(() => engine.evaluateJson(text), 2, runs).ms;
  const reportText = JSON.stringify(object.last);
  const floor = time(() => JSON.stringify(input), 2, runs).ms + time(() => JSON.parse(reportText), 2, runs).ms;
  const lean = { ...input, options: { ...input.options, text: 'none' } };
  const objectNone = time(() => engine.evaluate(lean), 2, runs);
  const leanText = JSON.stringify(objectNone.last);
  const floorNone = time(() => JSON.stringify(lean), 2, runs).ms + time(() => JSON.parse(leanText), 2, runs).ms;
  return { construct, object: object.ms, json, floor, objectNone: objectNone.ms, floorNone, results: object.last.results.length };
};
</script>`;

async function browser(runs) {
  const { launch } = await import('../browser.mjs');
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file;
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    if (url.pathname.startsWith('/pkg/')) file = join(PKG, url.pathname.slice(5));
    else if (url.pathname.startsWith('/data/')) file = join(DATA_DIR, url.pathname.slice(6));
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const b = await launch();
  try {
    const page = await b.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => typeof window.bench === 'function');
    return await page.evaluate((n) => window.bench(n), runs);
  } finally {
    await b.close();
    server.close();
  }
}

// ---- the table -----------------------------------------------------------------------------

const f1 = (x) => (x === undefined ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (a, b) => (a === undefined || !b ? '–' : `${(a / b).toFixed(1)}×`);

function printTable(rows) {
  const head = [
    'scale', 'obs', 'evaluate(obj)', 'evaluateJson', 'evaluateCsv', 'JS core', 'json-logic', 'floor',
    'obj ÷ core', 'json ÷ core', 'csv ÷ core', 'obj ÷ json-logic', 'obj ÷ floor', 'json ÷ floor', 'csv ÷ floor',
    'µs/obs (csv)', 'report MB', 'peak RSS MB',
  ];
  const ms = (x) => (x === undefined ? '–' : `${f1(x)} ms`);
  const lines = rows.map((r) => [
    r.scale,
    r.observations,
    ms(r.object),
    ms(r.json),
    ms(r.csv),
    ms(r.core),
    ms(r.peer),
    ms(r.floor),
    ratio(r.object, r.core),
    ratio(r.json, r.core),
    ratio(r.csv, r.core),
    ratio(r.object, r.peer),
    ratio(r.object, r.floor),
    ratio(r.json, r.floor),
    ratio(r.csv, r.floor),
    ((r.csv * 1000) / r.observations).toFixed(2),
    (r.reportBytes / 1e6).toFixed(1),
    f1(r.maxRssMB),
  ]);
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const l of lines) console.log(`| ${l.join(' | ')} |`);
}

async function main() {
  if (flag('--child-L')) return childL();
  if (flag('--child-hierarchy')) return childHierarchy();
  if (flag('--child-rejection')) return childRejection();
  if (!existsSync(NODE_ENTRY) || !existsSync(WASM)) fail(`no built package in ${PKG}: run \`make package\` first`);
  const { Engine } = require(NODE_ENTRY);
  const { measureFirstView, printFirstView } = await import('./firstview.mjs');

  if (flag('--smoke')) {
    for (const [text, only] of [['both', null], ['none', null], ['both', ONE_CARD]]) {
      const row = measureScale(Engine, 'S', { runs: 1, warm: 0, methods: ['object', 'json'], text, only });
      console.log(
        `bench smoke: ${row.scale}, evaluated (${row.observations} observations, ${row.results} results) by evaluate, evaluateJson, evaluateCsv and the JS core (statuses agree on ${row.agreed} rows)`,
      );
    }
    // The command makes the report evaluate makes, from the same JSON file and from its CSV.
    execFileSync(process.execPath, [join(here, 'generate.mjs'), 'S'], { stdio: 'ignore' });
    const command = (args) => JSON.parse(execFileSync(process.execPath, [join(PKG, 'cli.mjs'), 'report', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    const sText = readFileSync(join(DATA_DIR, 'S.json'), 'utf8');
    const engine = new Engine();
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    if (!same(command([join(DATA_DIR, 'S.json')]), engine.evaluate(JSON.parse(sText)))) fail('the command and evaluate made different reports of S');
    const csvReport = command([join(DATA_DIR, 'S.csv'), '--context', join(DATA_DIR, 'S.options.json'), '--text', 'none']);
    const sOptions = JSON.parse(readFileSync(join(DATA_DIR, 'S.options.json'), 'utf8'));
    if (!same(csvReport, engine.evaluateCsv(readFileSync(join(DATA_DIR, 'S.csv'), 'utf8'), withText(sOptions, 'none')))) fail('the command and evaluateCsv made different reports of S');
    console.log(`bench smoke: the command made the reports evaluate and evaluateCsv make of S (${csvReport.results.length} rows)`);
    if (!flag('--no-browser')) {
      const views = await measureFirstView({ pkg: PKG, loads: 1, profiles: ['unthrottled'], encodings: ['br'] });
      const live = views.find((v) => v.page === 'one-tag');
      for (const v of views) {
        console.log(`bench smoke: first view of the ${v.page} page ready, ${v.requests} requests, .wasm ${v.wasmBytes ? `${v.wasmBytes} bytes` : 'not downloaded'}`);
        if (v.page === 'one-tag') continue;
        if (v.wasmBytes) fail(`the ${v.page} page downloaded the .wasm (${v.wasmBytes} bytes): a report needs no engine`);
        if (v.shown !== live.shown) fail(`the ${v.page} page's card differs from the one-tag page's:\n${v.shown}\n---\n${live.shown}`);
      }
      if (!live.wasmBytes) fail('the one-tag page downloaded no .wasm: did it evaluate?');
    }
    return;
  }

  if (flag('--rejection')) return printRejection(measureRejection());

  const runs = Number(option('--runs', 15));
  const os = await import('node:os');
  console.log(`cchc-progress benchmark: ${PKG}`);
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);

  const engineOnly = flag('--engine-only');
  if (!flag('--no-browser') && !engineOnly) {
    const loads = Number(option('--loads', 5));
    console.log(`First view (headless Chromium, median of ${loads} cold loads; throttled: CPU 4×, 1.6 Mbit/s down, 150 ms round trip; gzip):\n`);
    try {
      printFirstView(await measureFirstView({ pkg: PKG, loads }));
    } catch (e) {
      console.log(`first view skipped: ${e.message.split('\n')[0]}`);
    }
    console.log('');
  }

  const size = sizes();
  const c = construction();
  console.log(`.wasm: ${(size.raw / 1024).toFixed(1)} KiB raw, ${(size.gzip / 1024).toFixed(1)} KiB gzipped (gzip -9)`);
  console.log(`construction (fresh process: require + compile + instantiate + new Engine()): ${f1(c.first)} ms median; WebAssembly.Module compile alone ${f1(c.compile)} ms; a second new Engine() ${f1(c.again)} ms\n`);

  const scales = option('--scales', 'S,M,L').split(',');
  const texts = option('--text', 'both,none').split(',');
  const rows = [];
  for (const text of texts) {
    if (scales.includes('S')) rows.push(measureScale(Engine, 'S', { runs, warm: 3, methods: ['object', 'json'], text }));
    if (scales.includes('M')) rows.push(measureScale(Engine, 'M', { runs: Math.max(3, runs >> 2), warm: 1, methods: ['object', 'json'], text }));
    if (scales.includes('L')) rows.push(measureL(text));
  }
  if (scales.includes('S') && !engineOnly) rows.push(measureScale(Engine, 'S', { runs, warm: 3, methods: ['object', 'json'], only: ONE_CARD }));
  printTable(rows);
  console.log('\nJS core = the same core in plain JavaScript (peer.mjs; its statuses agree with the engine on every row both compute);');
  console.log('json-logic = json-logic-js applying each observation\'s threshold rule; floor = JSON.stringify(input) + JSON.parse(report JSON).');
  console.log('L runs evaluateCsv only (CSV text, as a national portal exports it), in its own process; its floor is JSON.parse of its report.');
  console.log(`one card = options.only ${JSON.stringify(ONE_CARD)} for the engine and the JS core alike (json-logic and the floor still see every observation).\n`);
  if (engineOnly) return;
  printHierarchies(measureHierarchies());
  printRejection(measureRejection());

  if (!flag('--no-browser')) {
    try {
      const b = await browser(runs);
      console.log(
        `\nChromium (headless, S): init + new Engine() ${f1(b.construct)} ms; evaluate(obj) ${f1(b.object)} ms; evaluateJson ${f1(b.json)} ms; floor ${f1(b.floor)} ms (obj/floor ${ratio(b.object, b.floor)}); text none: evaluate(obj) ${f1(b.objectNone)} ms, floor ${f1(b.floorNone)} ms (${ratio(b.objectNone, b.floorNone)}); ${b.results} results`,
      );
    } catch (e) {
      console.log(`\nChromium run skipped: ${e.message.split('\n')[0]}`);
    }
  }
}

await main();
