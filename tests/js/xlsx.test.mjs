// Excel in and out, from the packed tarball installed into a throwaway project, as a portal
// uses it in Node: `cchc-progress/xlsx` reads the committed export (made by
// tests/fixtures/sheets/make_xlsx.py: merged headings, shared and rich strings, a decomposed
// name, dates as serial numbers, formulas with their saved values, percent formats, a hidden
// sheet, a merged note) and `engine.evaluateSheet` reads it with a mapping; a password is
// XLSX_ENCRYPTED; the writer's file reads back cell for cell.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const FIXTURES = join(root, 'tests/fixtures/sheets');
let project;
let xlsx;
let Engine;

before(async () => {
  const found = readdirSync(join(root, 'target')).filter((f) => /^cchc-progress-.*\.tgz$/.test(f));
  assert.equal(found.length, 1, `expected one packed tarball in target/, found ${found.join(', ') || 'none'}`);
  project = mkdtempSync(join(tmpdir(), 'cchc-xlsx-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(root, 'target', found[0])], { cwd: project, stdio: 'pipe' });
  // Imported by name from inside the project, through the package's `exports`.
  writeFileSync(join(project, 'load.mjs'), "export * as xlsx from 'cchc-progress/xlsx';\nexport { Engine } from 'cchc-progress';\n");
  ({ xlsx, Engine } = await import(pathToFileURL(join(project, 'load.mjs')).href));
});

const MAPPING = {
  sheet: 'Biểu 01',
  headingRows: 2,
  unit: { column: 'Tên đơn vị', names: { 'Phường Ninh Kiều': 'nk', 'Phường Tân An': 'ta', 'Xã Hòa An': 'ha' } },
  period: { column: 'Ngày báo cáo', date: 'quarter' },
  totals: { unit: 'ct' },
  indicators: [
    { indicator: 'proc.online_dossiers', numerator: ['Số hồ sơ', 'Đúng hạn'], denominator: ['Số hồ sơ', 'Tiếp nhận'] },
    { indicator: 'proc.no_resubmission', value: 'Tỷ lệ đúng hạn (%)' },
  ],
};
const OPTIONS = {
  asOf: '2026-12-07',
  units: [
    { id: 'ct', name: 'Thành phố Cần Thơ', level: 'city' },
    { id: 'nk', name: 'Phường Ninh Kiều', level: 'commune', parent: 'ct' },
    { id: 'ta', name: 'Phường Tân An', level: 'commune', parent: 'ct' },
    { id: 'ha', name: 'Xã Hòa An', level: 'commune', parent: 'ct' },
  ],
};

test('the export reads as its cells: merges, strings, serial dates, formulas with their values, percent formats, the hidden sheet', async () => {
  const book = await xlsx.readXlsx(readFileSync(join(FIXTURES, 'portal_export.xlsx')));
  assert.deepEqual(book.sheets.map((s) => [s.name, s.hidden]), [['Ẩn', true], ['Biểu 01', false]]);
  const sheet = book.sheets[1];
  assert.deepEqual(sheet.merges, ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4', 'A11:F11']);
  assert.equal(sheet.rows[0][0], 'BÁO CÁO KẾT QUẢ GIẢI QUYẾT TTHC QUÝ 3/2026');
  assert.deepEqual(sheet.rows[5].slice(0, 5), [1, 'Phường Ninh Kiều', { value: 46295, format: 'date' }, 1234, 1100]);
  assert.deepEqual(sheet.rows[5][5], { value: 0.8914100486223663, formula: 'E6/D6', format: 'percent' });
  assert.equal(sheet.rows[6][1], 'Phường Tân An'.normalize('NFD'), 'the decomposed name arrives as written');
  assert.equal(sheet.rows[7][1], 'Xã Hòa An', 'a rich-text string is its runs joined');
  assert.deepEqual(sheet.rows[8][3], { value: 4084, formula: 'SUM(D6:D8)' });
  assert.equal(sheet.rows[10][0], 'Ghi chú: số liệu mẫu & không chính thức');
});

test('evaluateSheet reads the export with a mapping: observations, skipped rows and guesses with their cells', async () => {
  const book = await xlsx.readXlsx(new Blob([readFileSync(join(FIXTURES, 'portal_export.xlsx'))]));
  const engine = new Engine();
  const { report, sheet } = engine.evaluateSheet(book, MAPPING, OPTIONS);
  assert.equal(sheet.sheet, 'Biểu 01');
  assert.deepEqual(sheet.headingRows, [3, 4]);
  assert.equal(sheet.observations, 8, 'three communes and the city, two indicators each');
  assert.deepEqual(sheet.skipped.map((s) => [s.code, s.at]), [['hidden_sheet', 'Ẩn'], ['column_numbers_row', "'Biểu 01'!5"], ['blank_row', "'Biểu 01'!10"], ['note_row', "'Biểu 01'!11"]]);
  assert.deepEqual(sheet.guesses.map((s) => [s.code, s.at]), [
    ['date_read_as_period', "'Biểu 01'!C6"],
    ['totals_as_unit', "'Biểu 01'!B9"],
    ['formula_cached_value', "'Biểu 01'!D9"],
    ['formula_cached_value', "'Biểu 01'!E9"],
    ['formula_cached_value', "'Biểu 01'!F6:F9"],
    ['percent_format', "'Biểu 01'!F6:F9"],
  ]);
  const codes = sheet.guesses.map((s) => s.code);
  for (const c of ['totals_as_unit', 'date_read_as_period', 'formula_cached_value', 'percent_format']) assert.ok(codes.includes(c), `${c} listed`);
  const row = (indicator, unit) => report.results.find((r) => r.indicator === indicator && r.unit === unit);
  // Figures of 2026 come after the plan's deadline (2025): shown beside the verdict, never part of it.
  assert.deepEqual(row('proc.online_dossiers', 'nk').afterDeadline, { year: 2026, period: '2026-Q3', value: 89.141, met: true });
  assert.equal(row('proc.no_resubmission', 'ta').afterDeadline.value, 92.5, 'a percent-formatted 0.925 is 92.5, exactly');
  assert.ok(Math.abs(row('proc.online_dossiers', 'ct').afterDeadline.value - (3750 / 4084) * 100) < 0.001, 'the totals row is the city');
  assert.deepEqual(report.findings.filter((f) => f.unusable), []);
});

test('a password-protected file, an old or broken file: structured errors', async () => {
  await assert.rejects(xlsx.readXlsx(readFileSync(join(FIXTURES, 'encrypted.xlsx'))), (e) => e instanceof Error && e.code === 'XLSX_ENCRYPTED' && /mật khẩu/.test(e.messageVi) && /password/.test(e.messageEn));
  await assert.rejects(xlsx.readXlsx(new TextEncoder().encode('Tên đơn vị;Tỷ lệ\n')), (e) => e.code === 'XLSX_INVALID');
  const cut = readFileSync(join(FIXTURES, 'portal_export.xlsx')).subarray(0, 2000);
  await assert.rejects(xlsx.readXlsx(cut), (e) => e.code === 'XLSX_INVALID');
  await assert.rejects(xlsx.readXlsx('not bytes'), (e) => e.code === 'INVALID_ARGUMENT');
});

test('the writer: a file that reads back cell for cell, text never a formula', async () => {
  const rows = [['Chỉ tiêu', 'Giá trị', 'Đạt'], ['=HYPERLINK("x")', 98.5, true], [null, -3, 'a & <b> "c"'], ['Cần Thơ'.normalize('NFD'), 0.1 + 0.2, false]];
  const bytes = xlsx.writeXlsx([{ name: 'Tổng kết: 2021/2025', rows }]);
  const back = await xlsx.readXlsx(bytes);
  assert.equal(back.sheets[0].name, 'Tổng kết  2021 2025');
  assert.deepEqual(back.sheets[0].rows, rows);
  if (process.env.XLSX_OUT) writeFileSync(process.env.XLSX_OUT, bytes);
});

test("the npm README's Excel example runs as written, on the file its mapping describes", () => {
  const readme = readFileSync(join(root, 'pkg-config/README.md'), 'utf8');
  const code = /<!-- example: node-sheet -->\n```\w*\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(code, 'the README has the example');
  writeFileSync(join(project, 'bao-cao-quy-3.xlsx'), readFileSync(join(FIXTURES, 'bao_cao_quy_3.xlsx')));
  const units = `const units = ${JSON.stringify(OPTIONS.units.filter((u) => u.id !== 'ha'))};\n`;
  writeFileSync(join(project, 'example.mjs'), units + code);
  const out = execFileSync('node', ['example.mjs'], { cwd: project, encoding: 'utf8' });
  // Listed: the hidden sheet, the numbering row, Xã Hòa An (not in the example's table), the
  // blank row and the note; guessed: the totals row as the city, the formulas, the percentages.
  for (const at of ['Ẩn', "'Biểu 01'!5", "'Biểu 01'!B8", "'Biểu 01'!B9", "'Biểu 01'!F6:F9"]) assert.ok(out.includes(at), `${at} in:\n${out}`);
});
