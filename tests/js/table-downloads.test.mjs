// Every widget's table as a file, in Chromium: the card's figures, the ramp chart's table (a
// unit, a level, every level's floors) and the overview's targets download as an .xlsx and as
// a CSV with the same cells, headings in the widget's language, numbers as numbers. Nothing of
// it is fetched before the first click (the table module, then the Excel writer for an .xlsx).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, openPage, serveDir } from './browser.mjs';
import { parseCsv } from './review-csv-check.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const sample = JSON.parse(readFileSync(join(root, 'www/data/can-tho-sample.json'), 'utf8'));
const merged = JSON.parse(readFileSync(join(root, 'www/data/can-tho-merged-sample.json'), 'utf8'));
const { Engine } = createRequire(import.meta.url)(join(root, 'pkg/cchc_progress_node.cjs'));
const engine = new Engine();
const S = engine.evaluate(sample);
const M = engine.evaluate(merged);
const { readXlsx } = await import(pathToFileURL(join(root, 'pkg/xlsx/index.js')).href);
const { statusLabel } = await import(pathToFileURL(join(root, 'pkg/elements/i18n.js')).href);
let site;
let server;
let browser;
let base;

before(async () => {
  site = mkdtempSync(join(tmpdir(), 'cchc-tables-'));
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

/** The figure as the files write it: at most two decimals. */
const two = (v) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

/** Adds the widgets `[tag, attributes]` to the page and waits until each is ready. */
async function add(page, widgets) {
  await page.evaluate(async (list) => {
    for (const [tag, attrs] of list) {
      const w = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) w.setAttribute(k, v);
      document.body.append(w);
      await w.updateComplete;
    }
  }, widgets);
}

/** Clicks the `format` button of the `n`-th `tag`; `{ name, xlsx | csv }`: the sheet's rows, or the CSV's records. */
async function download(page, tag, n, format) {
  const button = page.locator(tag).nth(n).locator(`p.download button[data-action="download"][data-value="${format}"]`);
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = readFileSync(await file.path());
  if (format === 'xlsx') {
    const book = await readXlsx(bytes);
    assert.equal(book.sheets.length, 1);
    return { name: file.suggestedFilename(), sheet: book.sheets[0].name, rows: book.sheets[0].rows };
  }
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark first');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  assert.doesNotMatch(text, /^sep=/i);
  return { name: file.suggestedFilename(), records: parseCsv(text, ',') };
}

/** The CSV's records as the sheet's cells: numbers read back in `locale`'s decimal mark, empty as null. */
function csvCells(records, locale) {
  return records.map((r, i) =>
    r.map(({ value, quoted }) => {
      if (value === '') return null;
      if (i === 0) return value;
      // Text is always quoted; a number only when it holds the Vietnamese decimal comma.
      if (!quoted || (locale === 'vi' && /^-?\d+,\d{1,2}$/.test(value))) return Number(value.replace(',', '.'));
      return value;
    }),
  );
}

/** The sheet's rows with empty trailing cells as null, to compare with the CSV. */
const padded = (rows, width) => rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined || r[i] === '' ? null : r[i])));

test('nothing of the downloads is fetched with the page; the card downloads its figures as .xlsx and CSV with the same cells', async () => {
  const { page, problems } = await openPage(browser, `${base}/`);
  const fetched = async () => (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))).filter((p) => /\/xlsx\/|\/tables\.js$/.test(p));
  await page.waitForSelector('cchc-progress-card[data-state="ready"]', { timeout: 20000 });
  await add(page, [['cchc-ramp-chart', { unit: 'ct', src: '/data/can-tho-sample.json' }], ['cchc-overview', { unit: 'ct', src: '/data/can-tho-sample.json' }]]);
  assert.deepEqual(await fetched(), [], 'no table module and no Excel writer before a click');
  const labels = await page.evaluate(() => [...document.querySelector('cchc-progress-card').shadowRoot.querySelectorAll('p.download button')].map((b) => [b.textContent, b.getAttribute('aria-describedby')]));
  assert.deepEqual(labels.map((l) => l[0]), ['Tệp Excel (.xlsx)', 'Tệp CSV']);
  const hint = await page.evaluate((id) => document.querySelector('cchc-progress-card').shadowRoot.getElementById(id)?.textContent, labels[0][1]);
  assert.match(hint, /Excel: chọn \.xlsx\. CSV \(UTF-8, dấu phẩy phân cách, RFC 4180\)/, 'the hint says which file is for Excel, for screen readers');

  const csv = await download(page, 'cchc-progress-card', 0, 'csv');
  assert.deepEqual(await fetched(), ['/node_modules/cchc-progress/elements/tables.js'], 'a CSV needs the table module only');
  const x = await download(page, 'cchc-progress-card', 0, 'xlsx');
  assert.deepEqual(await fetched(), ['/node_modules/cchc-progress/elements/tables.js', '/node_modules/cchc-progress/xlsx/index.js'], 'the Excel writer on the first .xlsx');
  const result = S.results.find((r) => r.indicator === 'proc.online_l34' && r.unit === 'ct');
  assert.equal(x.name, `so-lieu-proc.online_l34-ct-${S.asOf}.xlsx`);
  assert.equal(csv.name, `so-lieu-proc.online_l34-ct-${S.asOf}.csv`);
  assert.equal(x.sheet, 'Số liệu');
  assert.deepEqual(x.rows[0], ['Mã chỉ tiêu', 'Khoản', 'Chỉ tiêu', 'Mã đơn vị', 'Đơn vị', 'Kỳ số liệu', 'Năm', 'Giá trị', 'Đơn vị tính', 'Trên tổng số', 'Nguồn số liệu', 'So sánh', 'Yêu cầu', 'Đạt yêu cầu', 'Tình trạng', 'Mã tình trạng']);
  assert.equal(x.rows.length - 1, result.series.length, 'one row per period of the series');
  assert.deepEqual(
    x.rows.slice(1).map((r) => [r[5], r[6], r[7]]),
    result.series.map((p) => [p.period, p.year, two(p.value)]),
  );
  for (const r of x.rows.slice(1)) assert.equal(typeof r[7], 'number', 'a value is a number in the sheet');
  const judged = x.rows.find((r) => r[5] === result.period);
  assert.deepEqual(
    [judged[3], judged[11], judged[12], judged[13], judged[14], judged[15]],
    ['ct', result.comparator === 'lte' ? '≤' : '≥', two(result.requirement), result.met === true ? 'Đạt' : result.met === false ? 'Không đạt' : undefined, statusLabel(result.status, 'vi'), result.status],
  );
  // The CSV has the same cells, its numbers in the Vietnamese decimal mark.
  assert.deepEqual(csvCells(csv.records, 'vi'), padded(x.rows, x.rows[0].length));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the ramp chart downloads its table: a unit by year, a level by unit and year, every level’s floors', async () => {
  const { page, problems } = await openPage(browser, `${base}/`);
  await page.waitForSelector('cchc-progress-card[data-state="ready"]', { timeout: 20000 });
  await add(page, [
    ['cchc-ramp-chart', { unit: 'ct', src: '/data/can-tho-sample.json' }],
    ['cchc-ramp-chart', { level: 'commune', src: '/data/merged.json', locale: 'en' }],
    ['cchc-ramp-chart', { src: '/data/can-tho-sample.json' }],
  ]);
  const indicator = engine.plan().indicators.find((i) => i.ramp);
  const ramp = engine.plan().ramps.find((r) => r.id === indicator.ramp);
  const years = [];
  for (let y = ramp.firstYear; y <= ramp.lastYear; y += 1) years.push(y);

  const unit = await download(page, 'cchc-ramp-chart', 0, 'xlsx');
  const ct = S.results.find((r) => r.indicator === indicator.id && r.unit === 'ct');
  assert.equal(unit.name, `lo-trinh-so-hoa-ct-${S.asOf}.xlsx`);
  assert.deepEqual(unit.rows[0], ['Mã đơn vị', 'Đơn vị', 'Năm', 'Mức sàn (%)', 'Thực tế (%)', 'Đạt yêu cầu', 'Nguồn số liệu']);
  assert.deepEqual(
    padded(unit.rows, 7).slice(1).map((r) => r.slice(0, 5)),
    years.map((y) => {
      const ry = ct.rampYears.find((x) => x.year === y);
      return ['ct', ct.unitName, y, two(ry?.floor), two(ry?.value)];
    }),
  );
  const unitCsv = await download(page, 'cchc-ramp-chart', 0, 'csv');
  assert.deepEqual(csvCells(unitCsv.records, 'vi'), padded(unit.rows, unit.rows[0].length));

  const level = await download(page, 'cchc-ramp-chart', 1, 'xlsx');
  assert.equal(level.name, `digitization-ramp-commune-${M.asOf}.xlsx`);
  assert.equal(level.sheet, 'Ramp');
  assert.deepEqual(level.rows[0], ['Unit id', 'Unit', ...years.map(String)]);
  assert.deepEqual(level.rows[1].slice(1), ['Floor (%)', ...years.map((y) => two(engine.ramp('commune', y).floor))]);
  const communes = M.results.filter((r) => r.indicator === indicator.id && r.level === 'commune');
  assert.deepEqual(level.rows.slice(2).map((r) => r[0]), communes.map((r) => r.unit), 'one row per commune');
  // A reused official code has a row for the old and for the new unit: matched by position.
  for (const [k, r] of communes.entries()) {
    const row = level.rows[2 + k];
    const pred = new Set((r.series ?? []).filter((p) => p.basis === 'predecessors').map((p) => p.year));
    years.forEach((y, i) => {
      const v = r.rampYears?.find((x) => x.year === y)?.value;
      assert.equal(row[2 + i] ?? null, pred.has(y) || v === undefined ? null : two(v), `${r.unit} ${y}`);
    });
  }
  const levelCsv = await download(page, 'cchc-ramp-chart', 1, 'csv');
  assert.deepEqual(csvCells(levelCsv.records, 'en'), padded(level.rows, level.rows[0].length), 'the English CSV, decimal point');

  const all = await download(page, 'cchc-ramp-chart', 2, 'xlsx');
  assert.equal(all.name, `lo-trinh-so-hoa-cac-cap-${S.asOf}.xlsx`);
  assert.deepEqual(all.rows[0], ['Cấp', ...years.map(String)]);
  assert.deepEqual(
    all.rows.slice(1),
    ['city', 'district', 'commune'].filter((lv) => lv in ramp.firstFloors).map((lv) => [{ city: 'Cấp thành phố', district: 'Cấp huyện', commune: 'Cấp xã' }[lv], ...years.map((y) => two(engine.ramp(lv, y).floor))]),
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('the overview downloads its targets, headings in English for an English widget', async () => {
  const { page, problems } = await openPage(browser, `${base}/`);
  await page.waitForSelector('cchc-progress-card[data-state="ready"]', { timeout: 20000 });
  await add(page, [['cchc-overview', { unit: 'ct', src: '/data/can-tho-sample.json', locale: 'en' }]]);
  const bar = await page.evaluate(() => document.querySelector('cchc-overview').shadowRoot.querySelector('p.download').textContent);
  assert.match(bar, /^Download the figures:Excel file \(\.xlsx\)CSV fileExcel: take the \.xlsx\. The CSV \(UTF-8, comma-separated, RFC 4180\) is for other programs/);
  const x = await download(page, 'cchc-overview', 0, 'xlsx');
  assert.equal(x.name, `overview-ct-${S.asOf}.xlsx`);
  assert.equal(x.sheet, 'Targets');
  assert.deepEqual(x.rows[0], ['Indicator id', 'Clause', 'Reform area', 'Target', 'Unit id', 'Unit', 'Period', 'Value', 'Unit of measure', 'Comparator', 'Requirement', 'Gap (points)', 'Status', 'Status code']);
  const mine = S.results.filter((r) => r.unit === 'ct');
  const order = S.areas.flatMap((a) => mine.filter((r) => r.area === a.id));
  assert.deepEqual(
    x.rows.slice(1).map((r) => [r[0], r[4], r[7] ?? null, r[13]]),
    order.map((r) => [r.indicator, 'ct', two(r.value), r.status]),
  );
  for (const r of x.rows.slice(1)) if (r[7] !== undefined) assert.equal(typeof r[7], 'number');
  const pci = x.rows.find((r) => r[0] === 'rank.pci');
  if (pci) assert.equal(pci[8], 'rank');
  const csv = await download(page, 'cchc-overview', 0, 'csv');
  assert.equal(csv.name, `overview-ct-${S.asOf}.csv`);
  assert.deepEqual(csvCells(csv.records, 'en'), padded(x.rows, x.rows[0].length));
  assert.deepEqual(problems, []);
  await page.close();
});
