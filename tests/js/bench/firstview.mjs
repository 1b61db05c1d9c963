// A citizen's first view (issue 15.1 and 15.2), measured as a mid-range phone would meet it:
// headless Chromium with the CPU slowed 4× (`Emulation.setCPUThrottlingRate`) and a "Fast
// 3G"-like network (`Network.emulateNetworkConditions`: 1.6 Mbit/s down, 750 kbit/s up,
// 150 ms round trip), every file served gzip-compressed from localhost, each load cold (a
// fresh browser context: empty cache). Time is from navigation start to every widget of the
// page in state `ready`; bytes are what crossed the wire (headers included).
//
// Two pages, each a portal's whole page:
//   one-tag      the README's page: one module import, one card, the sample input evaluated
//                in the browser;
//   precomputed  the same card given the report the portal computed ahead of time (with
//                `npx cchc-progress report`): the page must download no `.wasm`.
//
//   node tests/js/bench/firstview.mjs [--pkg DIR] [--loads 5] [--unthrottled] [--smoke]
//
// Used by bench.mjs (the table) and by its smoke run (`--smoke`: one load per page, no
// throttling, checks only that the precomputed page fetched no `.wasm`). Nothing here judges
// a time.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');

/** The throttled profile of issue 15 and an unthrottled reference. */
export const PROFILES = {
  throttled: { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 0.75e6 / 8 },
  unthrottled: null,
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const ONE_TAG = readFileSync(join(root, 'tests/js/fixtures/bare.html'), 'utf8');

// Until the elements take a report by URL, the precomputed page sets the `report` property
// from a module of its own (same origin, no inline script: the CSP allows none).
const PRECOMPUTED = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>Precomputed</title></head>
<body>
<script type="module" src="/precomputed.js"></script>
<cchc-progress-card indicator="proc.online_l34" unit="ct"></cchc-progress-card>
</body>
</html>
`;
const PRECOMPUTED_JS = `import '/node_modules/cchc-progress/elements/index.js';
const report = await (await fetch('/data/can-tho-report.json')).json();
document.querySelector('cchc-progress-card').report = report;
`;

/**
 * A folder laid out as a portal's site: the package under node_modules, the sample input, its
 * report (computed here with the package's Node build, as the command would), the two pages.
 */
export function buildSite(pkg) {
  const site = mkdtempSync(join(tmpdir(), 'cchc-firstview-'));
  cpSync(pkg, join(site, 'node_modules/cchc-progress'), { recursive: true });
  mkdirSync(join(site, 'data'));
  const sample = readFileSync(join(root, 'www/data/can-tho-sample.json'), 'utf8');
  writeFileSync(join(site, 'data/can-tho-sample.json'), sample);
  const require = createRequire(import.meta.url);
  const { Engine } = require(join(pkg, 'cchc_progress_node.cjs'));
  const engine = new Engine();
  writeFileSync(join(site, 'data/can-tho-report.json'), JSON.stringify(engine.evaluateJson(sample)));
  engine.free();
  writeFileSync(join(site, 'index.html'), ONE_TAG);
  writeFileSync(join(site, 'precomputed.html'), PRECOMPUTED);
  writeFileSync(join(site, 'precomputed.js'), PRECOMPUTED_JS);
  return site;
}

/** Serves `dir` as a portal would: gzip (level 9, compressed once per file), the strict CSP. */
export async function serveGzip(dir) {
  const { CSP } = await import('../../../www/serve.mjs');
  const cache = new Map();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path.includes('..')) return res.writeHead(400).end();
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    let body = cache.get(file);
    if (!body) {
      try {
        const raw = readFileSync(file);
        body = { raw, gz: gzipSync(raw, { level: 9 }) };
        cache.set(file, body);
      } catch {
        res.writeHead(404, { 'Content-Security-Policy': CSP });
        return res.end();
      }
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      Vary: 'Accept-Encoding',
    };
    if (gzip) headers['Content-Encoding'] = 'gzip';
    res.writeHead(200, headers);
    res.end(gzip ? body.gz : body.raw);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}

// Records when every widget of the page is ready (or the first error), from inside the page.
function readyProbe() {
  const probe = { ready: null, error: null };
  window.__firstView = probe;
  const check = () => {
    const ws = document.querySelectorAll('cchc-progress-card, cchc-ramp-chart, cchc-overview');
    if (!ws.length || probe.ready !== null) return;
    const states = [...ws].map((w) => w.getAttribute('data-state'));
    if (states.includes('error')) probe.error ??= [...ws].map((w) => w.shadowRoot?.textContent ?? '').join(' | ');
    if (states.every((s) => s === 'ready')) probe.ready = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

/** One cold load of `url` under `profile`: time to ready and what crossed the wire. */
async function coldLoad(browser, url, profile) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    if (profile) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: profile.latency,
        downloadThroughput: profile.down,
        uploadThroughput: profile.up,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    }
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, sent: e.timestamp, bytes: 0 }));
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) (r.bytes = e.encodedDataLength), (r.done = e.timestamp);
    });
    await page.addInitScript(readyProbe);
    await page.goto(url);
    const handle = await page.waitForFunction(() => window.__firstView.ready ?? (window.__firstView.error ? -1 : null), null, {
      timeout: 60_000,
      polling: 100,
    });
    const ready = await handle.jsonValue();
    if (ready < 0) throw new Error(`${url}: a widget showed an error: ${await page.evaluate(() => window.__firstView.error)}`);
    // Let the last responses report their size.
    await page.waitForTimeout(50);
    const list = [...requests.values()];
    const start = Math.min(...list.map((r) => r.sent));
    const wasm = list.find((r) => r.url.endsWith('.wasm'));
    const js = list.filter((r) => /\.m?js$/.test(new URL(r.url).pathname));
    return {
      ms: ready,
      bytes: list.reduce((a, r) => a + r.bytes, 0),
      requests: list.length,
      js: js.length,
      wasmBytes: wasm?.bytes ?? 0,
      wasmAt: wasm ? (wasm.sent - start) * 1000 : null,
    };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const PAGES = [
  { name: 'one-tag', path: '/' },
  { name: 'precomputed', path: '/precomputed.html' },
];

/**
 * Median of `loads` cold loads of each page under each profile, the pages' loads interleaved
 * (so that a busy moment of the machine falls on both). Resolves to one row per page and
 * profile: `{ page, profile, ms, min, max, bytes, requests, js, wasmBytes, wasmAt }`.
 */
export async function measureFirstView({ pkg = join(root, 'pkg'), loads = 5, profiles = ['throttled', 'unthrottled'] } = {}) {
  const { launch } = await import('../browser.mjs');
  const site = buildSite(pkg);
  const server = await serveGzip(site);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  try {
    const rows = [];
    for (const profile of profiles) {
      const samples = new Map(PAGES.map((p) => [p.name, []]));
      for (let i = 0; i < loads; i++) {
        for (const p of PAGES) samples.get(p.name).push(await coldLoad(browser, base + p.path, PROFILES[profile]));
      }
      for (const p of PAGES) {
        const s = samples.get(p.name);
        const ms = s.map((x) => x.ms);
        const mid = (k) => median(s.map((x) => x[k]));
        rows.push({
          page: p.name,
          profile,
          ms: median(ms),
          min: Math.min(...ms),
          max: Math.max(...ms),
          bytes: mid('bytes'),
          requests: mid('requests'),
          js: mid('js'),
          wasmBytes: mid('wasmBytes'),
          wasmAt: s.some((x) => x.wasmAt === null) ? null : mid('wasmAt'),
        });
      }
    }
    return rows;
  } finally {
    await browser.close();
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

export function printFirstView(rows) {
  console.log('| page | profile | ready (median) | min–max | on the wire | requests | JS files | .wasm | .wasm requested at |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.page} | ${r.profile} | ${r.ms.toFixed(0)} ms | ${r.min.toFixed(0)}–${r.max.toFixed(0)} | ${kib(r.bytes)} | ${r.requests} | ${r.js} | ${r.wasmBytes ? kib(r.wasmBytes) : 'none'} | ${r.wasmAt === null ? '–' : `${r.wasmAt.toFixed(0)} ms`} |`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const smoke = args.includes('--smoke');
  const rows = await measureFirstView({
    pkg: option('--pkg', join(root, 'pkg')),
    loads: smoke ? 1 : Number(option('--loads', 5)),
    profiles: smoke || args.includes('--unthrottled') ? ['unthrottled'] : ['throttled', 'unthrottled'],
  });
  printFirstView(rows);
}
