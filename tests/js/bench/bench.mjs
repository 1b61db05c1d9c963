// The benchmark of the built npm package (pkg/, or --pkg DIR), end to end from the caller's
// data to the report the caller receives, at the scales of tests/js/bench/generate.mjs.
//
//   node tests/js/bench/bench.mjs            the full table (S, M, L, construction, size, Chromium)
//   node tests/js/bench/bench.mjs --smoke    S once, checks the report has results; no timing verdicts
//   node tests/js/bench/bench.mjs --rejection  only the peak memory of refusing 1 000 000 nulls
//   options: --pkg DIR, --no-browser, --scales S,M,L, --text both,none (the report's
//            options.text: full sentences, or numbers only), --runs N (S runs; M and L use fewer)
//
// Every time is a median over repeated runs after warm-up runs. For each scale it measures
// engine.evaluate(object), engine.evaluateJson(text) and engine.evaluateCsv(text, options);
// the marshalling floor (JSON.stringify of the input + JSON.parse of a string as long as the
// report's JSON, what Node needs just to move the data across); and the peer, json-logic-js
// applying only each observation's threshold rule. L runs in a child process so that its peak
// memory (maxRSS) is its own. Benchmarks are never pass/fail: nothing here fails on a time.

import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { DATA_DIR, generate, planIndicators, toCsv } from './generate.mjs';

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

function measureScale(Engine, scale, { runs, warm, methods, text = 'both' }) {
  const input = withText(generate(scale), text);
  const text_ = JSON.stringify(input);
  const { csv, options } = toCsv(input);
  const engine = new Engine();
  const row = { scale: text === 'both' ? scale : `${scale}, text: ${text}`, units: input.units.length, observations: input.observations.length };
  if (methods.includes('object')) row.object = time(() => engine.evaluate(input), { warm, runs }).ms;
  if (methods.includes('json')) row.json = time(() => engine.evaluateJson(text_), { warm, runs }).ms;
  const csvRun = time(() => engine.evaluateCsv(csv, options), { warm, runs });
  row.csv = csvRun.ms;
  checkReport(csvRun.last, scale);
  if (csvRun.last.options.text !== text) fail(`the ${scale} report was made with text ${csvRun.last.options.text}, not ${text}`);
  const reportText = JSON.stringify(csvRun.last);
  row.reportBytes = reportText.length;
  row.results = csvRun.last.results.length;
  row.stringify = time(() => JSON.stringify(input), { warm, runs }).ms;
  row.parse = time(() => JSON.parse(reportText), { warm, runs }).ms;
  row.floor = row.stringify + row.parse;
  const jsonLogic = require('json-logic-js');
  row.peer = time(peer(jsonLogic, thresholdRules(), input), { warm, runs }).ms;
  row.maxRssMB = process.resourceUsage().maxRSS / 1024;
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
  const head = ['scale', 'units', 'obs', 'evaluate(obj) ms', 'evaluateJson ms', 'evaluateCsv ms', 'floor ms', 'obj/floor', 'json/floor', 'csv/floor', 'peer ms', 'obj/peer', 'µs/obs (csv)', 'report MB', 'peak RSS MB'];
  const lines = rows.map((r) => [
    r.scale,
    r.units,
    r.observations,
    f1(r.object),
    f1(r.json),
    f1(r.csv),
    f1(r.floor),
    ratio(r.object, r.floor),
    ratio(r.json, r.floor),
    ratio(r.csv, r.floor),
    f1(r.peer),
    ratio(r.object, r.peer),
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
  if (flag('--child-rejection')) return childRejection();
  if (!existsSync(NODE_ENTRY) || !existsSync(WASM)) fail(`no built package in ${PKG}: run \`make package\` first`);
  const { Engine } = require(NODE_ENTRY);

  if (flag('--smoke')) {
    for (const text of ['both', 'none']) {
      const row = measureScale(Engine, 'S', { runs: 1, warm: 0, methods: ['object', 'json'], text });
      console.log(`bench smoke: S, text ${text}, evaluated (${row.observations} observations, ${row.results} results) by evaluate, evaluateJson and evaluateCsv`);
    }
    return;
  }

  if (flag('--rejection')) return printRejection(measureRejection());

  const runs = Number(option('--runs', 15));
  console.log(`cchc-progress benchmark: ${PKG}`);
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${(await import('node:os')).cpus()[0]?.model ?? '?'} × ${(await import('node:os')).cpus().length}\n`);
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
  printTable(rows);
  console.log('\nfloor = JSON.stringify(input) + JSON.parse(report JSON); peer = json-logic-js threshold rule per observation;');
  console.log('L runs evaluateCsv only (CSV text, as a national portal exports it), in its own process; its floor is JSON.parse of its report.');
  console.log('');
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
