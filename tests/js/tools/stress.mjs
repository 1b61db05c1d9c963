// Reload stress: how often does a browser's WebAssembly trap in the demo's widgets?
//
//   node tests/js/tools/stress.mjs [--engine webkit] [--loads 200] [--timeout 40000] [--pkg DIR] [--names FILE]
//   JSC_useOMGJIT=false node tests/js/tools/stress.mjs     (JSC's options reach MiniBrowser)
//
// Loads tests/js/fixtures/stress.html (a card, the ramp chart and the overview on the sample,
// the package from pkg/: run `make package` first) again and again in one WebDriver session
// of the engine, and counts, per load: every widget ready; a trap the widgets recovered from
// (the console's "Loading the module again" warning, README "WebKitGTK's traps"); a load shown
// as ENGINE_TRAPPED; anything else (another error code, a window error, a time-out). It prints
// one line per trap as it happens (with the trap's stack: JSC names the module's functions by
// their index, `wasm-function[N]`; `--names FILE` adds their Rust names from a build of the same
// package with names, such as size-profile.mjs's `target/size-profile-widgets.wasm`, whose
// functions have the shipped indices) and a table at the end, with the rate and its 95 % interval
// (Wilson), so two runs (before and after a change, or with a JSC option) can be compared; with
// the median and 90th percentile of the time a load took until every widget was ready (from the
// navigation's start: download, compilation and evaluation), and the machine's load average (1
// minute) at the start and the end, since the JIT's traps have been seen to depend on timing.
// It also counts the distinct texts the widgets showed (one expected): a load whose figures
// differ from the first's is printed.
// It is a measuring tool, not a test: `make test` does not run it, and it judges nothing.
import { loadavg } from 'node:os';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CSP, serve } from '../../../www/serve.mjs';
import { startSession } from '../webdriver.mjs';

const { values: opt } = parseArgs({
  options: {
    engine: { type: 'string', default: 'webkit' },
    loads: { type: 'string', default: '200' },
    timeout: { type: 'string', default: '40000' },
    pkg: { type: 'string' },
    names: { type: 'string' },
  },
});
const loads = Number(opt.loads);
const timeout = Number(opt.timeout);
const here = dirname(fileURLToPath(import.meta.url));

// `--pkg DIR`: another build of the package (a copy of pkg/ kept from before a change) served
// at /pkg/ in place of pkg/, so two builds are compared on the same page.
const extra = { '/__test/': join(here, '..', 'fixtures'), ...(opt.pkg ? { '/pkg/': resolve(opt.pkg) } : {}) };
/** The function names of a `.wasm` with a name section, by function index. */
function functionNames(file) {
  const bytes = readFileSync(file);
  const names = new Map();
  let pos = 8;
  const leb = () => {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
    }
  };
  const str = () => {
    const n = leb();
    pos += n;
    return bytes.subarray(pos - n, pos).toString('utf8');
  };
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const end = leb() + pos;
    if (id === 0 && str() === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subEnd = leb() + pos;
        if (sub === 1) for (let n = leb(); n > 0; n--) names.set(leb(), str().replace(/::h[0-9a-f]{16}$/, ''));
        pos = subEnd;
      }
    }
    pos = end;
  }
  return names;
}
const names = opt.names ? functionNames(resolve(opt.names)) : new Map();
/** A trap's stack with each `wasm-function[N]` named, when `--names` gives the names. */
const named = (stack) => stack.replace(/wasm-function\[(\d+)\]/g, (m, i) => (names.has(Number(i)) ? `${m} ${names.get(Number(i))}` : m));

const server = await serve(0, '127.0.0.1', { csp: CSP, extra });
const base = `http://127.0.0.1:${server.address().port}`;
const session = await startSession(opt.engine);
const counts = { ready: 0, recovered: 0, trapped: 0, other: 0 };
const jsc = Object.entries(process.env).filter(([k]) => k.startsWith('JSC_')).map(([k, v]) => `${k}=${v}`);
console.log(`${opt.engine}: ${loads} loads of the demo's widgets${opt.pkg ? ` (package from ${opt.pkg})` : ''}${jsc.length ? ` with ${jsc.join(' ')}` : ''}`);
const t0 = Date.now();
const load0 = loadavg()[0];
const settleMs = [];
// The widgets' text of each load that settled, by its digest: a JIT that can corrupt the heap
// (a trap seen as dlmalloc's assertion) might also show wrong figures without trapping.
const shown = new Map();
let firstShown;
try {
  for (let i = 1; i <= loads; i++) {
    await session.get(`${base}/__test/stress.html?load=${i}`);
    const seen = await session.run(`
      const t0 = Date.now();
      const widgets = () => [...document.querySelectorAll('cchc-progress-card, cchc-ramp-chart, cchc-overview')];
      const settled = () => widgets().every((w) => w.dataset.state === 'ready' || w.dataset.state === 'error');
      while (!(window.__stress && settled()) && Date.now() - t0 < ${timeout}) await new Promise((r) => setTimeout(r, 25));
      return { settled: settled(), states: widgets().map((w) => w.dataset.state), texts: widgets().map((w) => (w.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim()), ...(window.__stress ?? {}) };`);
    const recovered = (seen.warnings ?? []).some((w) => /Loading the module again/.test(w));
    let kind;
    if (!seen.settled || (seen.windowErrors ?? []).length) kind = 'other';
    else if ((seen.events ?? []).includes('ENGINE_TRAPPED')) kind = 'trapped';
    else if (seen.states.every((s) => s === 'ready')) kind = recovered ? 'recovered' : 'ready';
    else kind = 'other';
    counts[kind]++;
    if (typeof seen.settledAt === 'number') settleMs.push(seen.settledAt);
    if (seen.settled) {
      const digest = createHash('sha256').update(JSON.stringify(seen.texts)).digest('hex').slice(0, 12);
      shown.set(digest, (shown.get(digest) ?? 0) + 1);
      firstShown ??= digest;
      if (digest !== firstShown) console.log(`load ${i}: the widgets show other text than on the first load (${digest}): ${JSON.stringify(seen.texts).slice(0, 600)}`);
    }
    if (kind !== 'ready') console.log(`load ${i}: ${kind} ${JSON.stringify({ states: seen.states, events: seen.events, warnings: seen.warnings, errors: (seen.errors ?? []).map(named), windowErrors: seen.windowErrors, stacks: (seen.stacks ?? []).map(named) })}`);
  }
} finally {
  await session.quit();
  server.close();
}
const traps = counts.recovered + counts.trapped;
/** Wilson's 95 % interval for k of n. */
function wilson(k, n) {
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}
const [lo, hi] = wilson(traps, loads);
/** The `q` quantile of `xs` (nearest rank). */
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))];
const times = settleMs.length ? `${Math.round(quantile(settleMs, 0.5))} / ${Math.round(quantile(settleMs, 0.9))} ms` : '–';
console.log(`\nWhat the widgets showed: ${shown.size} distinct text${shown.size === 1 ? '' : 's'} over ${[...shown.values()].reduce((a, b) => a + b, 0)} settled loads (${[...shown].map(([d, n]) => `${d} × ${n}`).join(', ')}).`);
console.log(`\n| engine | loads | ready | trap, recovered | trap, shown | other | trap rate (95 % CI) | load to ready, median / p90 | load avg | time |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|`);
console.log(`| ${opt.engine} | ${loads} | ${counts.ready} | ${counts.recovered} | ${counts.trapped} | ${counts.other} | ${(100 * traps / loads).toFixed(1)} % (${(100 * lo).toFixed(1)}–${(100 * hi).toFixed(1)} %) | ${times} | ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)} | ${Math.round((Date.now() - t0) / 1000)} s |`);
