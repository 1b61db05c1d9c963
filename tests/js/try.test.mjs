// The "try it on your own file" page (www/try.html) in Chromium: a dropped .xlsx and a CSV
// each give the three widgets and the list of skipped rows and guesses; the page sends
// nothing (every request is a GET of the page's own files, none carries the file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../www/serve.mjs';
import { launch, openPage } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
let server;
let browser;
let base;

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function tryFile(path) {
  const { page, problems } = await openPage(browser, `${base}/try.html`);
  const requests = [];
  page.on('request', (r) => requests.push([r.method(), new URL(r.url()).pathname]));
  await page.waitForFunction(() => customElements.get('cchc-overview') !== undefined);
  await page.setInputFiles('#file', path);
  await page.waitForSelector('body[data-state]', { timeout: 20000 });
  await page.waitForSelector('cchc-progress-card[data-state="ready"]', { timeout: 20000 });
  const seen = await page.evaluate(() => ({
    state: document.body.dataset.state,
    status: document.getElementById('status').textContent,
    skipped: [...document.querySelectorAll('#skipped li')].map((li) => li.dataset.code),
    guesses: [...document.querySelectorAll('#guesses li')].map((li) => li.dataset.code),
    overview: document.getElementById('overview').dataset.state,
  }));
  return { page, problems, requests, seen };
}

test('an .xlsx: the widgets on its figures, every skipped row and guess listed, nothing sent', async () => {
  const { page, problems, requests, seen } = await tryFile(join(root, 'tests/fixtures/sheets/bao_cao_quy_3.xlsx'));
  assert.equal(seen.state, 'ready', seen.status);
  assert.match(seen.status, /^bao_cao_quy_3\.xlsx: 8 số liệu từ 4 dòng\.$/);
  assert.deepEqual(seen.skipped, ['hidden_sheet', 'column_numbers_row', 'blank_row', 'note_row']);
  assert.deepEqual(seen.guesses, ['totals_as_unit', 'formula_cached_value', 'formula_cached_value', 'formula_cached_value', 'percent_format']);
  assert.equal(seen.overview, 'ready');
  assert.ok(requests.some(([, p]) => p === '/pkg/xlsx/index.js'), 'the Excel reader is loaded for an .xlsx');
  assert.deepEqual(requests.filter(([m]) => m !== 'GET'), [], 'nothing is sent');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a CSV: read through the same mapping; no Excel code loaded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-try-'));
  const csv = join(dir, 'bao-cao.csv');
  writeFileSync(csv, '\uFEFFTên đơn vị;Kỳ báo cáo;Số hồ sơ;;Tỷ lệ (%)\n;;Tiếp nhận;Đúng hạn;\nPhường Ninh Kiều;Quý 3/2026;1.234;1.100;89,1\nPhường Bình Thủy;Quý 3/2026;10;9;90\nTổng cộng;Quý 3/2026;1.244;1.109;89,1\n');
  const { page, problems, requests, seen } = await tryFile(csv);
  assert.equal(seen.state, 'ready', seen.status);
  assert.deepEqual(seen.skipped, ['unknown_unit']);
  assert.deepEqual(seen.guesses, ['totals_as_unit']);
  assert.ok(!requests.some(([, p]) => p.includes('/xlsx/')));
  assert.deepEqual(requests.filter(([m]) => m !== 'GET'), []);
  assert.deepEqual(problems, []);
  await page.close();
});
