// The main thread during a province-sized evaluation (issue 22.4): the longest task a page's
// main thread runs while M (701 units, generate.mjs) is evaluated, in real headless Chromium,
// from the built package served under the demo's strict CSP, three ways:
//   - `engine.report(input)` called on the main thread;
//   - `evaluateInWorker(input)` (`cchc-progress/worker`): the evaluation in a Worker;
//   - the widgets given the input (`card.input = M`, a card and the overview): what a portal
//     page does when it hands its widgets the data.
// Each on the phone profile of firstview.mjs (the CPU slowed 4×) and unthrottled, in a fresh
// page each run; a `PerformanceObserver` records long tasks (over 50 ms; 0 when none). Medians
// of the runs are printed, with the whole evaluation's time beside them. The budget is 200 ms
// for the longest task on the phone profile: printed against it, never judged (a benchmark).
//
//   node tests/js/bench/longtasks.mjs [--runs N] [--pkg DIR]   (default 3 runs, pkg/)
//
// `--pkg DIR`: another build of the package (a copy of pkg/ kept from before a change), so
// two builds are measured on the same machine in one sitting.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage } from '../browser.mjs';
import { serveDir } from '../static.mjs';
import { generate } from './generate.mjs';
import { LONG_TASKS } from '../long-tasks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 3) : 3;
const pkgAt = args.indexOf('--pkg');
const PKG = pkgAt >= 0 ? resolve(args[pkgAt + 1]) : join(root, 'pkg');
const BUDGET_MS = 200;

const PAGE = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>long tasks</title><script type="module" src="./page.js"></script>`;
const SCRIPT = `import { Engine } from './pkg/index.js';
import { evaluateInWorker } from './pkg/worker/index.js';
import './pkg/elements/index.js';

${LONG_TASKS}
let input;
window.load = async () => { input = await (await fetch('./M.json')).json(); await settle(); return input.units.length; };
async function measure(run) {
  const from = performance.now();
  const rows = await run();
  const ms = performance.now() - from;
  return { ms, longest: await longest(from, from + ms), rows };
}
window.modes = {
  main: () => measure(async () => inTask(() => new Engine().report(input).resultCount)),
  worker: () => measure(async () => (await evaluateInWorker(input)).resultCount),
  widgets: () => measure(async () => {
    const card = document.createElement('cchc-progress-card');
    card.setAttribute('indicator', 'proc.online_l34');
    const overview = document.createElement('cchc-overview');
    document.body.append(card, overview);
    card.input = input;
    overview.input = input;
    await Promise.all([card.updateComplete, overview.updateComplete]);
    if (card.dataset.state !== 'ready' || overview.dataset.state !== 'ready') throw new Error('a widget did not render: ' + card.dataset.state + ' ' + overview.dataset.state);
    return card.report.resultCount;
  }),
};
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  const site = mkdtempSync(join(tmpdir(), 'cchc-longtasks-'));
  symlinkSync(PKG, join(site, 'pkg'));
  writeFileSync(join(site, 'index.html'), PAGE);
  writeFileSync(join(site, 'page.js'), SCRIPT);
  writeFileSync(join(site, 'M.json'), JSON.stringify(generate('M')));
  const server = await serveDir(site);
  const browser = await launch();
  const url = `http://127.0.0.1:${server.address().port}/`;
  const rows = [];
  try {
    for (const rate of [4, 1]) {
      for (const mode of ['main', 'worker', 'widgets']) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          const { page, problems } = await openPage(browser, url);
          await page.waitForFunction(() => typeof window.modes === 'object', null, { timeout: 20000 });
          const units = await page.evaluate(() => window.load());
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate });
          runs.push({ ...(await page.evaluate((m) => window.modes[m](), mode)), units });
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
          if (problems.length) throw new Error(`${mode}: ${problems.join('; ')}`);
          await page.close();
        }
        rows.push({ rate, mode, units: runs[0].units, results: runs[0].rows, ms: median(runs.map((r) => r.ms)), longest: median(runs.map((r) => r.longest)), worst: Math.max(...runs.map((r) => r.longest)) });
      }
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
  const what = { main: 'engine.report on the main thread', worker: 'evaluateInWorker', widgets: 'the widgets given the input (a card, the overview)' };
  console.log(`\nThe main thread while M (${rows[0].units} units, ${rows[0].results} results) is evaluated, Chromium, medians of ${RUNS} fresh pages (budget: longest task ≤ ${BUDGET_MS} ms on the phone profile)`);
  console.log('| CPU | how | whole evaluation ms | longest main-thread task ms (median) | worst run ms | within budget |');
  console.log('|---|---|---:|---:|---:|---|');
  for (const r of rows) {
    const f = (x) => Math.round(x);
    console.log(`| ${r.rate === 4 ? 'phone (4× slower)' : 'unthrottled'} | ${what[r.mode]} | ${f(r.ms)} | ${f(r.longest)} | ${f(r.worst)} | ${r.rate === 4 ? (r.worst <= BUDGET_MS ? 'yes' : 'no') : '–'} |`);
  }
}

await main();
