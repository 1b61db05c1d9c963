// The overview's final review as an .xlsx, in Chromium: the page loads no Excel code until
// the button is clicked (the first view pays nothing), then downloads a workbook whose cells
// are the review's, numbers as numbers, read back with `cchc-progress/xlsx`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, openPage, serveDir } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const merged = JSON.parse(readFileSync(join(root, 'www/data/can-tho-merged-sample.json'), 'utf8'));
const { Engine } = createRequire(import.meta.url)(join(root, 'pkg/cchc_progress_node.cjs'));
const M = new Engine().evaluate(merged);
let site;
let server;
let browser;
let base;

before(async () => {
  site = mkdtempSync(join(tmpdir(), 'cchc-xlsx-page-'));
  cpSync(join(root, 'pkg'), join(site, 'node_modules/cchc-progress'), { recursive: true });
  mkdirSync(join(site, 'data'));
  cpSync(join(root, 'www/data/can-tho-merged-sample.json'), join(site, 'data/merged.json'));
  cpSync(join(root, 'www/data/can-tho-sample.json'), join(site, 'data/can-tho-sample.json'));
  cpSync(join(here, 'fixtures/bare.html'), join(site, 'index.html'));
  server = await serveDir(site);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

test('the review downloads as an .xlsx, and the Excel module is fetched only on the click', async () => {
  const { page, problems } = await openPage(browser, `${base}/`);
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  await page.waitForSelector('cchc-progress-card[data-state="ready"]', { timeout: 20000 });
  await page.evaluate(async () => {
    const o = document.createElement('cchc-overview');
    o.setAttribute('src', '/data/merged.json');
    o.setAttribute('unit', 'ct');
    document.body.append(o);
    await o.updateComplete;
  });
  assert.deepEqual((await fetched()).filter((p) => p.includes('/xlsx/')), [], 'no Excel code before the click');
  const button = page.locator('cchc-overview button[data-action="download-review-xlsx"]');
  assert.equal(await button.textContent(), 'Tải bảng tổng kết (Excel .xlsx)');
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), 'tong-ket-cchc-2021-2025-2026-06-30.xlsx');
  assert.deepEqual((await fetched()).filter((p) => p.includes('/xlsx/')), ['/node_modules/cchc-progress/xlsx/index.js'], 'one module, on the click');
  const { readXlsx } = await import(pathToFileURL(join(root, 'pkg/xlsx/index.js')).href);
  const book = await readXlsx(readFileSync(await download.path()));
  assert.equal(book.sheets.length, 1);
  assert.equal(book.sheets[0].name, 'Tổng kết');
  const rows = book.sheets[0].rows;
  assert.equal(rows[0][0], 'Mã chỉ tiêu');
  assert.equal(rows.length - 1, M.review.rows.length);
  const city = rows.find((r) => r[0] === 'proc.digitized_results' && r[3] === 'Cấp thành phố');
  assert.deepEqual([city[4], city[5], city[7], city[8], city[9], city[10], city[12], city[13]], [2025, 2025, 98.1, '%', '≥', 100, 'Không đạt', 'missed']);
  assert.equal(typeof city[7], 'number', 'a value is a number, so Excel shows it in its own decimal mark');
  // The CSV's columns, the rule and who did not meet it last.
  assert.equal(rows[0].length, 21);
  assert.equal(rows[0][20], 'Quy tắc và đơn vị chưa đạt');
  assert.equal(city[20], 'Thành phố Cần Thơ chưa đạt');
  assert.deepEqual(rows.slice(1).map((r) => r[20]), M.review.rows.map((r) => r.rule.vi));
  assert.deepEqual(problems, []);
  await page.close();
});
