// "Try it on your own file" (www/try.html) in real headless Chromium, served as `make demo`
// serves it (strict CSP): a person picks the national portal's saved 766 answers, a CSV and an
// .xlsx with the file input, and the three widgets reach `ready` on the report of that file,
// with every skipped row and guess listed with its cell; bad files (an HTML page saved as
// .json, a text file renamed .xlsx, a mapping that is not JSON) show the engine's coded error
// and the page keeps working. Expected figures come from the package run natively in Node on
// the same files. No console error, CSP violation or request off the origin is allowed, and
// the files are never sent: the only requests are the page's own files.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../../www/serve.mjs';
import { launch, openPage } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const shots = join(root, 'target', 'screenshots');
const AS_OF = '2026-12-07';
const { Engine } = createRequire(import.meta.url)(join(root, 'pkg/cchc_progress_node.cjs'));
const engine = new Engine();
const { readXlsx } = await import(pathToFileURL(join(root, 'pkg/xlsx/index.js')).href);
const { statusLabel } = await import(pathToFileURL(join(root, 'pkg/elements/i18n.js')).href);

// The sample answers of the national portal, each file's endpoint and period as its name says.
const P766 = join(root, 'www/data/portal766');
const answerFiles = readdirSync(P766).sort().map((f) => join(P766, f));
const answers = answerFiles.map((file) => {
  const name = file.split('/').pop();
  const [, endpoint, period] = /^(.*?)-(20\d\d)/.exec(name);
  return { endpoint, period, answer: readFileSync(file, 'utf8'), name };
});
// The sheets' fixtures: a `;` CSV of monthly rates, and the npm README's quarterly .xlsx.
const csvFixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/sheets/csv_semicolon_months_fractions.json'), 'utf8'));
const XLSX = join(root, 'tests/fixtures/sheets/bao_cao_quy_3.xlsx');

let server;
let browser;
let base;
let dir;

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'cchc-try-'));
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function open(query = '') {
  const opened = await openPage(browser, `${base}/try.html${query}`);
  await opened.page.waitForSelector('body[data-ready="idle"]');
  await opened.page.fill('#as-of', AS_OF);
  return opened;
}

/** Picks files, then waits for the page to finish (`true` or `error`). */
async function pick(page, paths, expect = 'true') {
  await page.evaluate(() => {
    document.body.dataset.ready = 'picking';
  });
  await page.setInputFiles('#file', paths);
  await page.waitForSelector('body[data-ready="true"], body[data-ready="error"]', { timeout: 30000 });
  const state = await page.evaluate(() => document.body.dataset.ready);
  if (state !== expect) assert.fail(`page ${state}, expected ${expect}: ${await page.$eval('main', (m) => m.innerText.slice(0, 2000))}`);
}

/** The widgets as shown: tag, attributes, state, and what a card says. */
async function widgets(page) {
  return page.$$eval('#results cchc-progress-card, #results cchc-ramp-chart, #results cchc-overview', (els) =>
    els.map((w) => ({
      tag: w.localName,
      indicator: w.getAttribute('indicator'),
      unit: w.getAttribute('unit'),
      state: w.dataset.state,
      status: w.shadowRoot.querySelector('.badge')?.dataset.status ?? null,
      value: w.shadowRoot.querySelector('.value')?.textContent ?? null,
      text: w.shadowRoot.textContent,
    })),
  );
}

/** The listed items of one list: code, where, and the sentence. */
async function listed(page, id) {
  return page.$$eval(`#${id} li[data-code]`, (lis) => lis.map((li) => ({ code: li.dataset.code, at: li.querySelector('.at')?.textContent ?? null, text: li.textContent })));
}

/** Every card shows its (indicator, unit) row of `report`: its status and, where it has one, its value. */
function checkCards(shown, report) {
  const cards = shown.filter((w) => w.tag === 'cchc-progress-card');
  assert.ok(cards.length > 0, 'at least one card');
  for (const w of shown) assert.equal(w.state, 'ready', `${w.tag} ${w.indicator ?? ''} ready`);
  for (const c of cards) {
    const row = report.results.find((r) => r.indicator === c.indicator && r.unit === c.unit);
    assert.ok(row, `${c.indicator} ${c.unit} is a row of the report`);
    assert.notEqual(row.status, 'no_data');
    assert.equal(c.status, row.status, `${c.indicator} ${c.unit}`);
    // The card writes a rank as words ("hạng 12"), every other figure as the report's display.
    if (row.display && row.measure !== 'rank') assert.equal(c.value, row.display.vi, `${c.indicator} ${c.unit}`);
    else if (row.measure === 'rank') assert.ok(c.value.includes(String(row.value)), `${c.indicator} ${c.unit}: ${c.value}`);
  }
  assert.deepEqual(
    shown.filter((w) => w.tag !== 'cchc-progress-card').map((w) => w.tag),
    ['cchc-ramp-chart', 'cchc-overview'],
  );
}

/** What the page fetched: its own files only, and never one of the files given. */
async function fetched(page) {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
}

describe('try it on your own file', () => {
  test("the national portal's 766 answers: each file's endpoint and period from its name, the widgets on their figures", async () => {
    const { page, problems } = await open();
    await pick(page, answerFiles);
    const rows = await page.$$eval('#answers tr', (trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('select').value, tr.querySelector('input').value]));
    assert.deepEqual(rows, answers.map((a) => [a.name, a.endpoint, a.period]));
    const native = engine.evaluatePortal766(answers.map(({ endpoint, period, answer, name }) => ({ endpoint, period, answer, name })), { asOf: AS_OF });
    const shown = await widgets(page);
    checkCards(shown, native);
    // The city is the province row (no unitMap: its portal code); its digitized results of 2025.
    const digitized = shown.find((w) => w.indicator === 'proc.digitized_results');
    assert.equal(digitized.unit, 'H92');
    assert.match(digitized.value, /^81,0\s%$/u);
    assert.equal(digitized.status, 'missed');
    // Every finding of the reading is listed with its path.
    const findings = await listed(page, 'findings');
    assert.deepEqual(findings.map((f) => [f.code, f.at]), native.findings.map((f) => [f.code, f.path]));
    assert.ok(findings.some((f) => f.code === 'portal_ratio_without_counts'));
    // A period changed in the form is evaluated again: the 2025 answer read as 2024.
    await page.evaluate(() => {
      document.body.dataset.ready = 'picking';
    });
    await page.selectOption('#answers tr:first-child select', 'dossier-digitized');
    await page.fill('#answers tr:first-child input', '2024');
    await page.press('#answers tr:first-child input', 'Tab');
    await page.waitForSelector('body[data-ready="true"]');
    const moved = answers.map((a, i) => (i === 0 ? { ...a, period: '2024' } : a));
    checkCards(await widgets(page), engine.evaluatePortal766(moved, { asOf: AS_OF }));
    // On a phone, no card's text runs out of it (the mapping's sentence quotes long field names).
    await page.setViewportSize({ width: 360, height: 780 });
    const overflowing = await page.$$eval('#results cchc-progress-card', (els) => els.filter((c) => c.scrollWidth > c.clientWidth + 1 || [...c.shadowRoot.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0)).map((c) => c.getAttribute('indicator')));
    assert.deepEqual(overflowing, []);
    await page.screenshot({ path: join(shots, 'try-766-vi-360.png'), fullPage: true });
    assert.ok(!(await fetched(page)).some((p) => p.includes('/xlsx/')), 'no Excel code without an .xlsx');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the demo's sample answers with one click: the manifest's date and unitMap in the form, the city as `ct`", async () => {
    const { page, problems } = await open();
    const manifest = JSON.parse(readFileSync(join(root, 'www/data/can-tho-766-sample.json'), 'utf8'));
    await page.evaluate(() => {
      document.body.dataset.ready = 'picking';
    });
    await page.click('#sample-766');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    assert.equal(await page.inputValue('#as-of'), manifest.asOf);
    assert.deepEqual(JSON.parse(await page.inputValue('#p766-options')).unitMap, manifest.unitMap);
    const given = manifest.answers.map((a) => ({ endpoint: a.endpoint, period: a.period, answer: readFileSync(join(root, 'www/data', a.file), 'utf8'), name: a.file.split('/').pop() }));
    const native = engine.evaluatePortal766(given, { asOf: manifest.asOf, label: manifest.label, unitMap: manifest.unitMap });
    const shown = await widgets(page);
    checkCards(shown, native);
    assert.ok(shown.filter((w) => w.tag === 'cchc-progress-card').every((w) => w.unit === 'ct'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the engine's own input (asOf, units, observations) is evaluated as it is, with its date", async () => {
    const { page, problems } = await open();
    const path = join(root, 'www/data/can-tho-sample.json');
    const input = JSON.parse(readFileSync(path, 'utf8'));
    await pick(page, path);
    assert.equal(await page.inputValue('#as-of'), input.asOf);
    assert.equal(await page.isVisible('#portal766-form'), false);
    checkCards(await widgets(page), engine.evaluate(input));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a CSV: the monthly preset, the skipped and guessed rows with their cells, a period set in the form', async () => {
    const { page, problems } = await open();
    const csv = file('thang-10-2026.csv', csvFixture.csv);
    await pick(page, csv);
    assert.equal(await page.inputValue('#preset'), 'monthly', 'a CSV starts from the CSV mapping');
    const mapping = JSON.parse(await page.inputValue('#mapping'));
    const options = { ...JSON.parse(await page.inputValue('#sheet-options')), asOf: AS_OF };
    const native = engine.evaluateSheet(csvFixture.csv, mapping, options);
    checkCards(await widgets(page), native.report);
    assert.deepEqual((await listed(page, 'skipped')).map((f) => [f.code, f.at]), native.sheet.skipped.map((f) => [f.code, f.at]));
    assert.deepEqual((await listed(page, 'guesses')).map((f) => [f.code, f.at]), native.sheet.guesses.map((f) => [f.code, f.at]));
    assert.deepEqual(native.sheet.skipped.map((f) => f.code), ['blank_row']);
    assert.deepEqual(native.sheet.guesses.map((f) => f.code), ['totals_as_unit', 'values_look_like_fractions']);
    const guesses = await listed(page, 'guesses');
    assert.equal(guesses[0].at, 'A5', 'the totals row by its cell');
    assert.ok(guesses[0].text.includes(native.sheet.guesses[0].message.vi), 'the sentence in Vietnamese');
    // One period for the whole sheet, chosen in the form: written into the mapping's JSON.
    await page.evaluate(() => {
      document.body.dataset.ready = 'picking';
    });
    await page.selectOption('#period-mode', 'fixed');
    await page.fill('#period-value', 'Năm 2025');
    await page.press('#period-value', 'Tab');
    await page.waitForSelector('body[data-ready="true"]');
    const fixed = JSON.parse(await page.inputValue('#mapping'));
    assert.deepEqual(fixed.period, { fixed: 'Năm 2025' });
    assert.deepEqual(fixed.unit, mapping.unit, 'the rest of the mapping as it was');
    const again = engine.evaluateSheet(csvFixture.csv, fixed, options);
    checkCards(await widgets(page), again.report);
    const card = (await widgets(page)).find((w) => w.indicator === 'proc.online_l34' && w.unit === 'ct');
    assert.equal(card.value, again.report.results.find((r) => r.indicator === 'proc.online_l34' && r.unit === 'ct').display.vi, 'the totals row is the city’s 2025 figure');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('an .xlsx: the Excel reader fetched only then, the hidden sheet, numbering row and formulas listed, in English too', async () => {
    const { page, problems } = await open();
    assert.ok(!(await fetched(page)).some((p) => p.includes('/xlsx/')), 'no Excel code before an .xlsx');
    await pick(page, XLSX);
    assert.ok((await fetched(page)).includes('/pkg/xlsx/index.js'), 'the Excel reader, once an .xlsx is given');
    assert.equal(await page.inputValue('#preset'), 'quarter');
    assert.equal(await page.inputValue('#heading-rows'), '2');
    const mapping = JSON.parse(await page.inputValue('#mapping'));
    const options = { ...JSON.parse(await page.inputValue('#sheet-options')), asOf: AS_OF };
    const native = engine.evaluateSheet(await readXlsx(readFileSync(XLSX)), mapping, options);
    const shown = await widgets(page);
    checkCards(shown, native.report);
    assert.deepEqual(
      shown.filter((w) => w.tag === 'cchc-progress-card').map((w) => w.indicator),
      ['proc.online_dossiers', 'proc.no_resubmission'],
    );
    const skipped = await listed(page, 'skipped');
    const guesses = await listed(page, 'guesses');
    assert.deepEqual(skipped.map((f) => [f.code, f.at]), native.sheet.skipped.map((f) => [f.code, f.at]));
    assert.deepEqual(guesses.map((f) => [f.code, f.at]), native.sheet.guesses.map((f) => [f.code, f.at]));
    for (const [code, at] of [['hidden_sheet', 'Ẩn'], ['column_numbers_row', "'Biểu 01'!5"]]) assert.ok(skipped.some((f) => f.code === code && f.at === at), `${code} at ${at}`);
    for (const [code, at] of [['totals_as_unit', "'Biểu 01'!B9"], ['formula_cached_value', "'Biểu 01'!F6:F9"], ['percent_format', "'Biểu 01'!F6:F9"]]) assert.ok(guesses.some((f) => f.code === code && f.at === at), `${code} at ${at}`);
    assert.match(await page.textContent('#results-summary'), /Biểu 01/);
    // English: the lists, the labels and the widgets.
    await page.click('.lang-switch button[data-lang="en"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(page.url(), /[?&]lang=en\b/);
    const english = await listed(page, 'guesses');
    assert.ok(english[0].text.includes(native.sheet.guesses[0].message.en), english[0].text);
    assert.equal(await page.textContent('#guesses-heading'), 'Guessed');
    const first = native.report.results.find((r) => r.indicator === 'proc.online_dossiers' && r.unit === 'ct');
    await page.waitForFunction((label) => document.querySelector('#results cchc-progress-card')?.shadowRoot.querySelector('.badge .label')?.textContent === label, statusLabel(first.status, 'en'));
    for (const [width, height] of [[1280, 900], [360, 780]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(shots, `try-xlsx-en-${width}.png`), fullPage: true });
    }
    await page.click('.lang-switch button[data-lang="vi"]');
    for (const [width, height] of [[1280, 900], [360, 780]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(shots, `try-xlsx-vi-${width}.png`), fullPage: true });
    }
    // No horizontal scroll on a phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), 'no horizontal scroll at 360 px');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('axe-core finds no serious or critical accessibility violation (an .xlsx and 766 answers; vi 1280 px, en 360 px; an error)', async () => {
    // axe is injected as an inline script, which the page's CSP rightly refuses: this one
    // context bypasses CSP for the scan only (the other tests run with it).
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/try.html`);
    await page.waitForSelector('body[data-ready="idle"]');
    await page.fill('#as-of', AS_OF);
    await page.addScriptTag({ path: join(here, 'node_modules/axe-core/axe.min.js') });
    const scan = () =>
      page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
      });
    assert.deepEqual(await scan(), [], 'before a file');
    await pick(page, XLSX);
    assert.deepEqual(await scan(), [], 'an .xlsx, Vietnamese, 1280 px');
    await page.click('.lang-switch button[data-lang="en"]');
    await page.setViewportSize({ width: 360, height: 800 });
    await pick(page, answerFiles);
    assert.deepEqual(await scan(), [], '766 answers, English, 360 px');
    await pick(page, file('bad.xlsx', 'not a workbook'), 'error');
    assert.deepEqual(await scan(), [], 'an error, English, 360 px');
    await context.close();
  });

  test('bad files show the coded error in the page’s language, and a good file after them works', async () => {
    const { page, problems } = await open('?lang=en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // A login page saved instead of the answer.
    const html = file('dossier-digitized-2026.json', '<!doctype html><html><head><title>Đăng nhập</title></head><body><form>…</form></body></html>');
    await pick(page, html, 'error');
    assert.equal(await page.getAttribute('#errors li', 'data-code'), 'PORTAL766_HTML');
    assert.equal(await page.isVisible('#results'), false, 'no widget on a bad file');
    let error = await page.textContent('#errors');
    assert.match(error, /Nothing can be computed/);
    assert.match(error, /\$\.answers\[0\]\.answer/, 'where');
    assert.match(error, /dossier-digitized-2026\.json/, 'which file');
    await page.click('.lang-switch button[data-lang="vi"]');
    error = await page.textContent('#errors');
    assert.match(error, /Không tính được/);
    assert.match(error, /HTML/);
    // A text file renamed .xlsx.
    await pick(page, file('bao-cao.xlsx', 'Tên đơn vị;Tỷ lệ (%)\nPhường Ninh Kiều;85\n'), 'error');
    assert.equal(await page.getAttribute('#errors li', 'data-code'), 'XLSX_INVALID');
    assert.match(await page.textContent('#errors'), /không phải bảng tính \.xlsx/);
    // A 766 answer and a sheet at once.
    await pick(page, [answerFiles[0], XLSX], 'error');
    assert.equal(await page.getAttribute('#errors li', 'data-code'), 'MIXED_FILES');
    assert.equal(await page.isVisible('#sheet-form'), false);
    // A CSV saved in Windows-1258 (`ờ` is 0xF5 there), not UTF-8.
    await pick(page, file('bao-cao-1258.csv', Buffer.concat([Buffer.from('T\u00ean \u0111\u01a1n v\u1ecb;Tr', 'latin1'), Buffer.from([0xf5]), Buffer.from('\n')])), 'error');
    assert.equal(await page.getAttribute('#errors li', 'data-code'), 'CSV_NOT_UTF8');
    assert.match(await page.textContent('#errors'), /CSV UTF-8/);
    // The same sheet as UTF-16 with its BOM (Excel's "Unicode text") reads.
    await pick(page, file('thang-10-2026-utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvFixture.csv.replace(/^\uFEFF/, ''), 'utf16le')])));
    assert.equal(await page.isVisible('#errors'), false);
    for (const w of await widgets(page)) assert.equal(w.state, 'ready');
    // A good file after them.
    await pick(page, XLSX);
    assert.equal(await page.isVisible('#errors'), false);
    for (const w of await widgets(page)) assert.equal(w.state, 'ready');
    // A mapping that is not JSON, then mended.
    await page.evaluate(() => {
      document.body.dataset.ready = 'picking';
    });
    const mapping = await page.inputValue('#mapping');
    await page.fill('#mapping', mapping.replace('{', '{,'));
    await page.press('#mapping', 'Tab');
    await page.waitForSelector('body[data-ready="error"]');
    assert.equal(await page.getAttribute('#errors li', 'data-code'), 'FORM_INVALID_JSON');
    // A mapping that is JSON but names a heading the sheet does not have: the engine's error, with the place.
    await page.fill('#mapping', mapping.replace('"Tên đơn vị"', '"Tên cơ quan"'));
    await page.press('#mapping', 'Tab');
    await page.waitForFunction(() => document.querySelector('#errors li')?.dataset.code === 'SHEET_HEADING_NOT_FOUND');
    await page.fill('#mapping', mapping);
    await page.press('#mapping', 'Tab');
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.isVisible('#errors'), false);
    for (const w of await widgets(page)) assert.equal(w.state, 'ready');
    // The files were read here, never sent: every request is for the page's own files.
    const paths = await fetched(page);
    assert.ok(paths.every((p) => p.startsWith('/pkg/') || /^\/(try\.(js|css)|demo\.css|favicon\.svg)$/.test(p)), paths.join('\n'));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
