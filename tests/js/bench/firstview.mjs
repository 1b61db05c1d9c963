// A citizen's first view (issue 15.1 and 15.2), measured as a mid-range phone would meet it:
// headless Chromium with the CPU slowed 4× (`Emulation.setCPUThrottlingRate`) and a "Fast
// 3G"-like network (`Network.emulateNetworkConditions`: 1.6 Mbit/s down, 750 kbit/s up,
// 150 ms round trip), every file served compressed from localhost, each load cold (a fresh
// browser context: empty cache), from the demo server (www/serve.mjs: Brotli, else gzip;
// ETags, `no-cache`), and again from it offering gzip alone (a server without Brotli). Time is from navigation start to every widget of the page in state `ready`;
// bytes are what crossed the wire (headers included).
//
// Three pages, each a portal's whole page of one module import and one tag:
//   one-tag      the README's page: one card, the sample input evaluated in the browser;
//   precomputed  the same card given the report the portal made ahead of time for the card
//                it shows (`npx cchc-progress report … --only-indicators … --only-units …`),
//                inside the page (`report-src="#cchc-report"`): no `.wasm`, no request for it;
//   precomputed, report file   the same card given the whole report as a file (48 KiB
//                gzipped, `report-src="/data/…"`).
// The smoke run (`--smoke`) checks that neither precomputed page downloads a `.wasm` and that
// each shows the card the one-tag page shows, word for word.
//
//   node tests/js/bench/firstview.mjs [--pkg DIR] [--loads 5] [--unthrottled] [--encodings br,gzip] [--smoke]
//
// Used by bench.mjs (the table) and by its smoke run (`--smoke`: one load per page, no
// throttling, checks only that the precomputed page fetched no `.wasm`). Nothing here judges
// a time.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressed, serve } from '../../../www/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');

/** The throttled profile of issue 15 and an unthrottled reference. */
export const PROFILES = {
  throttled: { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 0.75e6 / 8 },
  unthrottled: null,
};

const ONE_TAG = readFileSync(join(root, 'tests/js/fixtures/bare.html'), 'utf8');

const precomputed = (reportSrc, inside = '') =>
  ONE_TAG.replace('<title>One tag</title>', '<title>Precomputed</title>')
    .replace('<body>\n', `<body>\n${inside}`)
    .replace('src="/data/can-tho-sample.json"', `report-src="${reportSrc}"`);

/** A report inside a page: JSON in a data block (`<` escaped, so no text closes the script). */
const dataBlock = (id, json) => `<script type="application/json" id="${id}">${json.replace(/</g, '\\u003c')}</script>\n`;

/**
 * A folder laid out as a portal's site: the sample input, its report made by the package's
 * own command (`cli.mjs report`), the two pages. The package is served from `pkg`.
 */
export function buildSite(pkg) {
  const site = mkdtempSync(join(tmpdir(), 'cchc-firstview-'));
  mkdirSync(join(site, 'data'));
  const sample = join(root, 'www/data/can-tho-sample.json');
  cpSync(sample, join(site, 'data/can-tho-sample.json'));
  const command = (...args) => execFileSync(process.execPath, [join(pkg, 'cli.mjs'), 'report', sample, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  command('-o', join(site, 'data/can-tho-report.json'));
  const card = command('--only-indicators', 'proc.online_l34', '--only-units', 'ct').trim();
  writeFileSync(join(site, 'index.html'), ONE_TAG);
  writeFileSync(join(site, 'precomputed.html'), precomputed('#cchc-report', dataBlock('cchc-report', card)));
  writeFileSync(join(site, 'precomputed-file.html'), precomputed('/data/can-tho-report.json'));
  return site;
}

/** The demo server, serving the site at `/` and the package at `/node_modules/cchc-progress/`. */
export function serveSite(site, pkg, { encodings } = {}) {
  return serve(0, '127.0.0.1', { extra: { '/node_modules/cchc-progress/': pkg, '/': site }, encodings });
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
    const shown = await page.evaluate(() => [...document.querySelectorAll('cchc-progress-card')].map((c) => c.shadowRoot?.textContent ?? '').join('\n'));
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
      shown,
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
  { name: 'precomputed, report file', path: '/precomputed-file.html' },
];

/**
 * Median of `loads` cold loads of each page under each profile and encoding, the loads
 * interleaved (so that a busy moment of the machine falls on all). `encodings`: what the
 * server offers, `br` (Brotli, else gzip: what the demo server does) and `gzip` (gzip only,
 * as a server without Brotli). A first load of each page, not counted, has the server make
 * its Brotli copies. Resolves to one row per page, profile and encoding: `{ page, profile,
 * encoding, ms, min, max, bytes, requests, js, wasmBytes, wasmAt }`.
 */
export async function measureFirstView({ pkg = join(root, 'pkg'), loads = 5, profiles = ['throttled', 'unthrottled'], encodings = ['br', 'gzip'] } = {}) {
  const { launch } = await import('../browser.mjs');
  const site = buildSite(pkg);
  const offered = { br: ['br', 'gzip'], gzip: ['gzip'] };
  const servers = await Promise.all(encodings.map((e) => serveSite(site, pkg, { encodings: offered[e] })));
  const bases = servers.map((s) => `http://127.0.0.1:${s.address().port}`);
  const browser = await launch();
  try {
    for (const base of bases) for (const p of PAGES) await coldLoad(browser, base + p.path, null);
    await compressed();
    const rows = [];
    for (const profile of profiles) {
      const samples = new Map();
      for (const e of encodings) for (const p of PAGES) samples.set(`${e}\u0000${p.name}`, []);
      for (let i = 0; i < loads; i++) {
        for (const p of PAGES) {
          for (const [k, e] of encodings.entries()) samples.get(`${e}\u0000${p.name}`).push(await coldLoad(browser, bases[k] + p.path, PROFILES[profile]));
        }
      }
      for (const p of PAGES) {
        for (const encoding of encodings) {
          const s = samples.get(`${encoding}\u0000${p.name}`);
          const ms = s.map((x) => x.ms);
          const mid = (k) => median(s.map((x) => x[k]));
          rows.push({
            page: p.name,
            profile,
            encoding,
            ms: median(ms),
            min: Math.min(...ms),
            max: Math.max(...ms),
            bytes: mid('bytes'),
            requests: mid('requests'),
            js: mid('js'),
            wasmBytes: mid('wasmBytes'),
            wasmAt: s.some((x) => x.wasmAt === null) ? null : mid('wasmAt'),
            shown: s[0].shown,
          });
        }
      }
    }
    return rows;
  } finally {
    await browser.close();
    for (const s of servers) s.close();
    rmSync(site, { recursive: true, force: true });
  }
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

export function printFirstView(rows) {
  console.log('| page | profile | server | ready (median) | min–max | on the wire | requests | JS files | .wasm | .wasm requested at |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.page} | ${r.profile} | ${r.encoding === 'br' ? 'Brotli' : 'gzip only'} | ${r.ms.toFixed(0)} ms | ${r.min.toFixed(0)}–${r.max.toFixed(0)} | ${kib(r.bytes)} | ${r.requests} | ${r.js} | ${r.wasmBytes ? kib(r.wasmBytes) : 'none'} | ${r.wasmAt === null ? '–' : `${r.wasmAt.toFixed(0)} ms`} |`,
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
    encodings: option('--encodings', smoke ? 'br' : 'br,gzip').split(','),
  });
  printFirstView(rows);
}
