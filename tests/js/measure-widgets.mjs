// Measures the widgets (not a test: numbers vary by machine):
//   - weight: what a browser downloads for them (elements JS + web glue + .wasm), raw and gzipped;
//   - time from navigation start to rendered widgets in headless Chromium, median of several
//     cold loads: the one-tag page (one card) and the demo page (six widgets on the sample).
// Needs the assembled package (make package).   node tests/js/measure-widgets.mjs [loads]
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../www/serve.mjs';
import { launch, serveDir } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const pkg = join(root, 'pkg');
const loads = Number(process.argv[2] ?? 9);

// ---- weight ---------------------------------------------------------------------------
const files = [
  ...readdirSync(join(pkg, 'elements')).filter((f) => f.endsWith('.js')).map((f) => `elements/${f}`),
  'cchc_progress.js',
  'load.js',
  ...readdirSync(join(pkg, 'snippets'), { recursive: true }).filter((f) => String(f).endsWith('.js')).map((f) => `snippets/${f}`),
  'cchc_progress_bg.wasm',
];
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const sum = { raw: 0, gz: 0, br: 0 };
const groups = { js: { raw: 0, gz: 0, br: 0 }, wasm: { raw: 0, gz: 0, br: 0 } };
for (const f of files) {
  const buf = readFileSync(join(pkg, f));
  const w = { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length, br: brotliCompressSync(buf).length };
  const g = f.endsWith('.wasm') ? groups.wasm : groups.js;
  for (const k of Object.keys(sum)) {
    sum[k] += w[k];
    g[k] += w[k];
  }
}
console.log(`widgets weight (${files.length} files a page downloads):`);
console.log(`  JS    ${kb(groups.js.raw)} raw, ${kb(groups.js.gz)} gzip, ${kb(groups.js.br)} brotli`);
console.log(`  wasm  ${kb(groups.wasm.raw)} raw, ${kb(groups.wasm.gz)} gzip, ${kb(groups.wasm.br)} brotli`);
console.log(`  total ${kb(sum.raw)} raw, ${kb(sum.gz)} gzip, ${kb(sum.br)} brotli`);

// ---- load to render -------------------------------------------------------------------
const site = mkdtempSync(join(tmpdir(), 'cchc-measure-'));
cpSync(pkg, join(site, 'node_modules/cchc-progress'), { recursive: true });
mkdirSync(join(site, 'data'));
cpSync(join(root, 'www/data/can-tho-sample.json'), join(site, 'data/can-tho-sample.json'));
cpSync(join(here, 'fixtures/bare.html'), join(site, 'index.html'));
const bare = await serveDir(site);
const demo = await serve(0);
const browser = await launch();

async function time(url) {
  const samples = [];
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    const ms = await page
      .waitForFunction(
        () => {
          const ws = [...document.querySelectorAll('cchc-progress-card, cchc-ramp-chart, cchc-overview')];
          return ws.length && ws.every((w) => w.dataset.state === 'ready') ? performance.now() : null;
        },
        null,
        { timeout: 30000, polling: 'raf' },
      )
      .then((h) => h.jsonValue());
    samples.push(ms);
    await context.close();
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1) };
}

const one = await time(`http://127.0.0.1:${bare.address().port}/`);
const all = await time(`http://127.0.0.1:${demo.address().port}/`);
const fmt = (r) => `median ${r.median.toFixed(0)} ms (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)})`;
console.log(`navigation start → widgets rendered, headless Chromium, ${loads} cold loads each:`);
console.log(`  one-tag page (1 card, 941 observations evaluated): ${fmt(one)}`);
console.log(`  demo page (6 widgets, one shared evaluation):      ${fmt(all)}`);
await browser.close();
bare.close();
demo.close();
rmSync(site, { recursive: true, force: true });
