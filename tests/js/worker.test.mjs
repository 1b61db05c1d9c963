// `cchc-progress/worker` in real headless Chromium, from the built package served under the
// strict CSP: the province-sized input (M: 701 units, tests/js/bench/generate.mjs) evaluated
// once on the main thread with `engine.report` and once through the Worker door, while a
// `PerformanceObserver` records long tasks. The Worker's report must equal the main thread's,
// and while the Worker evaluates no main-thread task may last over 200 ms (issue 22.4): a check
// of behaviour (the main thread is free), not a timing benchmark; it is judged unthrottled and
// printed with the CPU slowed 4× (the benchmark's phone profile). A deliberate 300 ms task
// first shows that the observer does see long tasks in this browser. The longest tasks of both
// runs are printed. Errors come back in the engine's `CchcError` shape. Its types are checked
// with tsc --strict through the package's `exports`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage } from './browser.mjs';
import { serveDir } from './static.mjs';
import { generate } from './bench/generate.mjs';
import { LONG_TASKS } from './long-tasks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const LIMIT_MS = 200;

// The page: no inline script (the CSP forbids it), so a module file beside it.
const PAGE = `<!doctype html><meta charset="utf-8"><title>worker</title><script type="module" src="./page.js"></script>`;
const SCRIPT = `import { Engine } from './pkg/index.js';
import { ReportWorker, evaluateInWorker } from './pkg/worker/index.js';

${LONG_TASKS}
const errorShape = (e) => ({ name: e.name, code: e.code, path: e.path, messageVi: e.messageVi, messageEn: e.messageEn, errors: e.errors, isError: e instanceof Error });

let input;
let main;
window.control = async () => {
  input = await (await fetch('./M.json')).json();
  await settle();
  const from = performance.now();
  await inTask(() => { const end = performance.now() + 300; while (performance.now() < end); });
  return longest(from, performance.now());
};
window.onMain = async () => {
  const engine = new Engine();
  const from = performance.now();
  main = await inTask(() => engine.report(input));
  const ms = performance.now() - from;
  return { ms, longest: await longest(from, from + ms), units: input.units.length, results: main.resultCount };
};
window.inWorker = async () => {
  const from = performance.now();
  const off = await evaluateInWorker(input);
  const ms = performance.now() - from;
  return { ms, longest: await longest(from, from + ms), same: JSON.stringify(main) === JSON.stringify(off) };
};

window.errors = async () => {
  const engine = new Engine();
  const bad = { asOf: '2024-12-31', units: [{ id: 'ct', name: 'Cần Thơ', level: 'province' }], observations: [] };
  let onMain;
  try { engine.report(bad); } catch (e) { onMain = errorShape(e); }
  const worker = new ReportWorker();
  let inWorker;
  try { await worker.report(bad); } catch (e) { inWorker = errorShape(e); }
  let unknownPlan;
  try { await worker.report({ json: '{}' }, { plan: 'no-such-plan' }); } catch (e) { unknownPlan = errorShape(e); }
  let onMainPlan;
  try { engine.report({ json: '{}' }, { plan: 'no-such-plan' }); } catch (e) { onMainPlan = errorShape(e); }
  let uncloneable;
  try { await worker.report({ json: () => 1 }); } catch (e) { uncloneable = errorShape(e); }
  // An error in the last slice of a large input: the same error, the same path.
  const big = await (await fetch('./M.json')).json();
  big.observations[big.observations.length - 1].period = '2024-Q5';
  let lateOnMain;
  try { engine.report(big); } catch (e) { lateOnMain = errorShape(e); }
  let lateInWorker;
  try { await worker.report(big); } catch (e) { lateInWorker = errorShape(e); }
  // The same Worker still answers after errors; then terminate() cancels what is in flight.
  const sample = await (await fetch('./sample.json')).json();
  const again = JSON.stringify(await worker.report(sample)) === JSON.stringify(engine.report(sample));
  const pending = worker.report(sample);
  worker.terminate();
  let aborted;
  try { await pending; } catch (e) { aborted = e.name; }
  // After terminate(), a new Worker starts on demand.
  const restarted = JSON.stringify(await worker.report(sample)) === JSON.stringify(engine.report(sample));
  worker.terminate();
  return { onMain, inWorker, lateOnMain, lateInWorker, unknownPlan, onMainPlan, uncloneable, again, aborted, restarted };
};

window.plans = async () => {
  const merged = await (await fetch('./merged.json')).json();
  const list = ['can-tho-2021-2025', 'can-tho-2026-2030'];
  const engine = Engine.fromPlans(list);
  const main = engine.report(merged, { plan: 'can-tho-2026-2030' });
  const off = await evaluateInWorker(merged, { plans: list, plan: 'can-tho-2026-2030' });
  return { same: JSON.stringify(main) === JSON.stringify(off), plan: off.plan.id };
};
`;

let site;
let server;
let browser;
let page;
let problems;

before(async () => {
  site = mkdtempSync(join(tmpdir(), 'cchc-worker-'));
  symlinkSync(join(root, 'pkg'), join(site, 'pkg'));
  writeFileSync(join(site, 'index.html'), PAGE);
  writeFileSync(join(site, 'page.js'), SCRIPT);
  writeFileSync(join(site, 'M.json'), JSON.stringify(generate('M')));
  symlinkSync(join(root, 'www/data/can-tho-sample.json'), join(site, 'sample.json'));
  symlinkSync(join(root, 'www/data/can-tho-merged-sample.json'), join(site, 'merged.json'));
  server = await serveDir(site);
  browser = await launch();
  ({ page, problems } = await openPage(browser, `http://127.0.0.1:${server.address().port}/`));
  await page.waitForFunction(() => typeof window.plans === 'function', null, { timeout: 20000 });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

test('M (701 units) in a Worker: the same report as the main thread, and no main-thread task over 200 ms', { timeout: 300000 }, async () => {
  const control = await page.evaluate(() => window.control());
  const m = await page.evaluate(() => window.onMain());
  const w = await page.evaluate(() => window.inWorker());
  // The phone profile of the benchmark (firstview.mjs): the CPU slowed 4×.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const phone = await page.evaluate(() => window.inWorker());
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const f = (x) => `${Math.round(x)} ms`;
  console.log(
    `M, ${m.units} units, ${m.results} results: main thread ${f(m.ms)}, longest task ${f(m.longest)}; ` +
      `Worker ${f(w.ms)}, longest main-thread task ${f(w.longest)}; Worker with the CPU slowed 4× ${f(phone.ms)}, ` +
      `longest main-thread task ${f(phone.longest)} (0: none over 50 ms; control: a 300 ms task seen as ${f(control)})`,
  );
  assert.equal(m.units, 701);
  assert.ok(control >= 250, `the long-task observer saw the 300 ms control task as ${control} ms`);
  assert.ok(w.same, "the Worker's report differs from the main thread's");
  assert.ok(phone.same, "the Worker's report (CPU slowed) differs from the main thread's");
  assert.ok(w.longest <= LIMIT_MS, `a main-thread task of ${Math.round(w.longest)} ms during the Worker's evaluation`);
  // With the CPU slowed, printed, not judged: on this shared machine the longest task measured
  // 0–166 ms over seven runs, too close to the budget to judge without flakes. A CDP trace of
  // the 168 ms one: a major garbage collection of the page's heap (90 ms; this page holds M's
  // input, a 20 MB report and the garbage of the comparison before) finished inside the task
  // that takes the Worker's answer (64 ms, fromBuffer included). The door's other tasks, a
  // slice posted, were 48–70 ms.
  assert.deepEqual(problems, []);
});

test("the engine's errors arrive in the CchcError shape; terminate() aborts; a new Worker starts on demand", { timeout: 60000 }, async () => {
  const r = await page.evaluate(() => window.errors());
  assert.equal(r.onMain?.name, 'CchcError');
  assert.deepEqual(r.inWorker, r.onMain);
  assert.match(r.lateOnMain?.path ?? '', /^\$\.observations\[\d{6}\]/);
  assert.deepEqual(r.lateInWorker, r.lateOnMain);
  assert.equal(r.onMainPlan?.code, 'UNKNOWN_PLAN');
  assert.deepEqual(r.unknownPlan, r.onMainPlan);
  assert.equal(r.uncloneable?.name, 'CchcError');
  assert.equal(r.uncloneable?.code, 'INVALID_ARGUMENT');
  assert.equal(r.uncloneable?.errors?.[0]?.code, 'INVALID_ARGUMENT');
  assert.ok(r.again, 'the Worker answers after errors, and its report equals the main thread\'s');
  assert.equal(r.aborted, 'AbortError');
  assert.ok(r.restarted);
  assert.deepEqual(problems, []);
});

test('plans: the Worker engine holds the plans it is given and reports against `plan`', { timeout: 60000 }, async () => {
  const r = await page.evaluate(() => window.plans());
  assert.equal(r.plan, 'can-tho-2026-2030');
  assert.ok(r.same);
  assert.deepEqual(problems, []);
});

test('the types of cchc-progress/worker check with tsc --strict, and a misuse is an error', () => {
  const project = mkdtempSync(join(tmpdir(), 'cchc-worker-types-'));
  try {
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(join(root, 'pkg'), join(project, 'node_modules/cchc-progress'));
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }');
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], skipLibCheck: false }, include: ['*.ts'] }),
    );
    const ok = `import { ReportWorker, evaluateInWorker, type ProgressReport } from 'cchc-progress/worker';
import type { CchcError, EvaluateInput } from 'cchc-progress';
declare const input: EvaluateInput;
const worker = new ReportWorker({ plans: ['can-tho-2021-2025', 'can-tho-2026-2030'] });
const a: ProgressReport = await worker.report(input, { plan: 'can-tho-2026-2030' });
const b: ProgressReport = await evaluateInWorker({ csv: 'indicator,unit,period,value', options: { asOf: '2024-12-31', units: [] } }, { url: new URL('https://x/w.js') });
worker.terminate();
try { await worker.report({ json: '{}' }); } catch (e) { const c = (e as CchcError).code; console.log(c); }
console.log(a.resultCount + b.resultCount);
`;
    const tsc = join(root, 'pkg-config/node_modules/.bin/tsc');
    writeFileSync(join(project, 'ok.ts'), ok);
    execFileSync(tsc, ['-p', project], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    // A misuse must fail, or the check above could pass by typing everything as any.
    writeFileSync(join(project, 'bad.ts'), `import { ReportWorker } from 'cchc-progress/worker';\nconst n: number = await new ReportWorker().report({ json: '{}' }, { plans: [] });\n`);
    let out = '';
    try {
      execFileSync(tsc, ['-p', project], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      out = `${e.stdout}`;
    }
    assert.match(out, /bad\.ts\(2,7\): error TS2322/);
    assert.match(out, /bad\.ts\(2,\d+\): error TS2561/);
    assert.doesNotMatch(out, /ok\.ts/);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
