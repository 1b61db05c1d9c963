// The command `npx cchc-progress report` as a portal runs it: from the packed tarball,
// installed into a throwaway project. Its report must be the one the package's own API gives
// for the same data and options, from JSON and from CSV; its errors must say what is wrong
// and exit with the documented codes (1 refused input, 2 command line, 3 files, 4 output
// closed early).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const SAMPLE = join(root, 'www/data/can-tho-sample.json');
const SAMPLE_CSV = join(root, 'www/data/can-tho-sample.csv');
let project;
let Engine;

function tarball() {
  const found = readdirSync(join(root, 'target')).filter((f) => /^cchc-progress-.*\.tgz$/.test(f));
  assert.equal(found.length, 1, `expected one packed tarball in target/, found ${found.join(', ') || 'none'}`);
  return join(root, 'target', found[0]);
}

/** Runs `npx cchc-progress ...args` in the project; `{ status, stdout, stderr }`. */
function cli(args, { input } = {}) {
  const r = spawnSync('npx', ['--no-install', 'cchc-progress', ...args], { cwd: project, encoding: 'utf8', input, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function report(args, options) {
  const r = cli(args, options);
  assert.equal(r.status, 0, `cchc-progress ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  assert.equal(r.stderr, '', 'a report is written without a word on standard error');
  return JSON.parse(r.stdout);
}

before(() => {
  project = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball()], { cwd: project, stdio: 'pipe' });
  ({ Engine } = createRequire(join(project, 'index.js'))('cchc-progress'));
  const input = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  const { observations, ...context } = input;
  writeFileSync(join(project, 'context.json'), JSON.stringify(context));
});

test('--help and --version answer on standard output', () => {
  const help = cli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage:\n {2}cchc-progress report <data\.json \| data\.csv \| ->/);
  assert.match(help.stdout, /Exit codes: 0 .*; 1 .*; 2 .*; 3 /s);
  const version = cli(['--version']);
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^cchc-progress \d+\.\d+\.\d+ \(plan vn-cantho-cchc-2021-2025 /);
});

test('a JSON input gives the report evaluateJson gives', () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const want = new Engine().evaluateJson(text);
  assert.deepEqual(report(['report', SAMPLE]), want);
  assert.deepEqual(report(['report', '-'], { input: text }), want, 'from standard input');
  const out = join(project, 'report.json');
  assert.equal(cli(['report', SAMPLE, '-o', out, '--pretty']).status, 0);
  const written = readFileSync(out, 'utf8');
  assert.equal(written, `${JSON.stringify(want, null, 2)}\n`, '--pretty -o writes the indented report');
});

test('a CSV export and its context give the report evaluateCsv gives, with the same options', () => {
  const csv = readFileSync(SAMPLE_CSV, 'utf8');
  const context = JSON.parse(readFileSync(join(project, 'context.json'), 'utf8'));
  const engine = new Engine();
  assert.deepEqual(report(['report', SAMPLE_CSV, '--context', 'context.json']), engine.evaluateCsv(csv, context));
  const asked = { ...context, asOf: '2024-12-31', locale: 'en', options: { ...context.options, text: 'none', only: { indicators: ['proc.online_l34', 'proc.digitized_results'], units: ['ct'] } } };
  const got = report(['report', SAMPLE_CSV, '--context', 'context.json', '--as-of', '2024-12-31', '--locale', 'en', '--text', 'none', '--only-indicators', 'proc.online_l34,proc.digitized_results', '--only-units', 'ct']);
  assert.deepEqual(got, engine.evaluateCsv(csv, asked));
  assert.equal(got.results.length, 2);
  assert.deepEqual(got.options.only, { indicators: ['proc.digitized_results', 'proc.online_l34'], units: ['ct'] });
});

test('options override the JSON input as evaluate would read them', () => {
  const input = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  const want = new Engine().evaluate({ ...input, asOf: '2023-12-31', label: 'nightly', options: { ...input.options, rampReading: 'increment', baselineYear: 2022 } });
  assert.deepEqual(report(['report', SAMPLE, '--as-of', '2023-12-31', '--label', 'nightly', '--ramp-reading', 'increment', '--baseline-year', '2022']), want);
});

test('a refused input exits 1 and lists every error with its code and path', () => {
  const r = cli(['report', SAMPLE, '--as-of', '2024-13-01', '--text', 'some']);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^cchc-progress: the input was refused \(2 errors\):\n/);
  assert.match(r.stderr, /INPUT_INVALID_DATE at \$\.asOf: date `2024-13-01` is not valid/);
  assert.match(r.stderr, /INPUT_UNKNOWN_OPTION_VALUE at \$\.options\.text: /);
  assert.match(r.stderr, /ngày `2024-13-01` không hợp lệ/, 'in Vietnamese too');
  const broken = cli(['report', '-'], { input: '{"asOf": "2024-12-31", "observations": [' });
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /INPUT_INVALID_JSON at \$ \(line 1, column \d+\)/);
  const noUnits = cli(['report', SAMPLE_CSV]);
  assert.equal(noUnits.status, 1, 'a CSV without its context has no as-of date');
  assert.match(noUnits.stderr, /INPUT_MISSING_FIELD at \$\.asOf/);
});

test('a wrong command line exits 2, a missing file 3', () => {
  for (const args of [[], ['evaluate', SAMPLE], ['report'], ['report', SAMPLE, '--colour'], ['report', SAMPLE, '--format', 'xml'], ['report', SAMPLE, '--context', 'context.json'], ['report', SAMPLE, SAMPLE]]) {
    const r = cli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^cchc-progress: .+\nrun `cchc-progress --help` for the options\n$/);
  }
  const missing = cli(['report', 'nowhere.csv']);
  assert.equal(missing.status, 3);
  assert.equal(missing.stderr, 'cchc-progress: cannot read the data `nowhere.csv`: no such file\n');
  const badContext = cli(['report', SAMPLE_CSV, '--context', 'package-lock.json.nope']);
  assert.equal(badContext.status, 3);
});

// --- The national portal's 766 answers: a manifest, or --portal766 with --context ---------

const SAMPLE_766 = join(root, 'www/data/can-tho-766-sample.json');

/** The manifest's answers read as evaluatePortal766 takes them: each file's text as saved. */
function answers766() {
  const { answers, ...options } = JSON.parse(readFileSync(SAMPLE_766, 'utf8'));
  const list = answers.map(({ file, ...a }) => ({ name: file, ...a, answer: readFileSync(join(root, 'www/data', file), 'utf8') }));
  return { list, options, answers };
}

test('766 answers: a manifest, and --portal766 flags with --context, give the report evaluatePortal766 gives', () => {
  const { list, options, answers } = answers766();
  const want = new Engine().evaluatePortal766(list, options);
  assert.ok(want.portal766.rows.length > 0);
  assert.deepEqual(report(['report', SAMPLE_766]), want, 'the manifest, its files relative to it');
  writeFileSync(join(project, 'context766.json'), JSON.stringify(options));
  const flags = answers.flatMap((a) => ['--portal766', `${a.endpoint}@${a.period}=${join(root, 'www/data', a.file)}`]);
  const got = report(['report', ...flags, '--context', 'context766.json', '--text', 'none']);
  const names = list.map((a) => ({ ...a, name: join(root, 'www/data', a.name) }));
  assert.deepEqual(got, new Engine().evaluatePortal766(names, { ...options, options: { text: 'none' } }));
});

test('766 answers: a saved login page exits 1 with PORTAL766_HTML, a bad flag 2', () => {
  writeFileSync(join(project, 'login.html'), '<!doctype html><html><body>Đăng nhập</body></html>\n');
  const r = cli(['report', '--portal766', 'dossier-digitized@2026=login.html', '--as-of', '2026-12-07']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /PORTAL766_HTML at \$\.answers\[0\]\.answer: this is an HTML page/);
  const bad = cli(['report', '--portal766', 'dossier-digitized=login.html']);
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /is not ENDPOINT@PERIOD=FILE/);
});

test('a JSON file that starts with a byte order mark is read with every option applied (Notepad, PowerShell 5)', () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const bom = join(project, 'bom.json');
  writeFileSync(bom, `\ufeff${text}`);
  const flags = ['--as-of', '2024-12-31', '--locale', 'en', '--text', 'none', '--only-indicators', 'proc.online_l34', '--only-units', 'ct'];
  const want = report(['report', SAMPLE, ...flags]);
  assert.equal(want.asOf, '2024-12-31');
  assert.deepEqual(report(['report', bom, ...flags]), want, 'the same report from the file with a BOM');
  assert.deepEqual(report(['report', '-', ...flags], { input: `\ufeff${text}` }), want, 'and from standard input');
  assert.deepEqual(report(['report', bom]), report(['report', SAMPLE]), 'without options too');
  // The CSV's context and a rule pack saved with a BOM are read the same way.
  const csvFlags = ['--context', 'context.json', '--as-of', '2024-12-31', '--only-units', 'ct'];
  const context = readFileSync(join(project, 'context.json'), 'utf8');
  writeFileSync(join(project, 'context-bom.json'), `\ufeff${context}`);
  assert.deepEqual(report(['report', SAMPLE_CSV, ...csvFlags.with(1, 'context-bom.json')]), report(['report', SAMPLE_CSV, ...csvFlags]));
});

test('output closed early (`| head -c 100`) ends quietly with exit code 4, as --help says', () => {
  assert.match(cli(['--help']).stdout, /4 standard output was closed before the\s+whole report was written/);
  for (const pretty of [[], ['--pretty']]) {
    const r = spawnSync('bash', ['-c', `npx --no-install cchc-progress report "$1" ${pretty.join(' ')} 2>"$2" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`, 'sh', SAMPLE, join(project, 'epipe.err')], { cwd: project, encoding: 'utf8' });
    assert.equal(r.stdout.trim(), '4', `the exit code (${pretty.join(' ') || 'compact'})`);
    assert.equal(readFileSync(join(project, 'epipe.err'), 'utf8'), '', 'nothing on standard error: no stack trace');
  }
});

test('the report is safe to paste into a page: <, >, &, U+2028 and U+2029 are written as \\u escapes', () => {
  const input = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  const name = '</script><script>alert(1)</script> & <!-- \u2028\u2029';
  input.units = input.units.map((u) => (u.id === 'ct' ? { ...u, name } : u));
  const file = join(project, 'hostile.json');
  writeFileSync(file, JSON.stringify(input));
  for (const pretty of [[], ['--pretty']]) {
    const r = cli(['report', file, '--only-units', 'ct', ...pretty]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[<>&\u2028\u2029]/, 'no character that can end a <script> block or a line');
    assert.match(r.stdout, /\\u003c\/script\\u003e/);
    const parsed = JSON.parse(r.stdout);
    assert.deepEqual(parsed, new Engine().evaluate({ ...input, options: { ...input.options, only: { units: ['ct'] } } }), 'the same value once parsed');
    assert.ok(parsed.results.some((x) => x.unitName === name));
  }
});

// --- A portal's export as it is: --sheet FILE.xlsx|FILE.csv --sheet-mapping MAPPING.json ---

const SHEETS = join(root, 'tests/fixtures/sheets');
const XLSX_EXPORT = join(SHEETS, 'portal_export.xlsx');
// The mapping and units of tests/js/xlsx.test.mjs: the committed export, two heading rows.
const SHEET_MAPPING = {
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
const SHEET_OPTIONS = {
  asOf: '2026-12-07',
  units: [
    { id: 'ct', name: 'Thành phố Cần Thơ', level: 'city' },
    { id: 'nk', name: 'Phường Ninh Kiều', level: 'commune', parent: 'ct' },
    { id: 'ta', name: 'Phường Tân An', level: 'commune', parent: 'ct' },
    { id: 'ha', name: 'Xã Hòa An', level: 'commune', parent: 'ct' },
  ],
};

/** The package's own Excel reader, from the installed tarball. */
const xlsxModule = () => import(pathToFileURL(join(project, 'node_modules/cchc-progress/xlsx/index.js')).href);

test('--help documents --sheet and --sheet-mapping', () => {
  const help = cli(['--help']).stdout;
  assert.match(help, /--sheet FILE\.xlsx\|FILE\.csv\n/);
  assert.match(help, /--sheet-mapping FILE +the mapping \(JSON\) of --sheet/);
  assert.match(help, /--sheet-reading FILE/);
  assert.match(help, /1 the engine refused the input, or an \.xlsx could not\s+be read/);
});

test('an .xlsx export and its mapping give the report evaluateSheet gives; skipped rows and guesses counted on standard error, listed with --sheet-reading', async () => {
  writeFileSync(join(project, 'mapping.json'), JSON.stringify(SHEET_MAPPING));
  writeFileSync(join(project, 'sheet-context.json'), JSON.stringify(SHEET_OPTIONS));
  const { readXlsx } = await xlsxModule();
  const book = await readXlsx(readFileSync(XLSX_EXPORT));
  const want = new Engine().evaluateSheet(book, SHEET_MAPPING, SHEET_OPTIONS);
  assert.ok(want.report.results.some((r) => r.unit === 'nk' && r.afterDeadline), 'the export has figures');
  const r = cli(['report', '--sheet', XLSX_EXPORT, '--sheet-mapping', 'mapping.json', '--context', 'sheet-context.json', '--sheet-reading', 'reading.json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), want.report);
  assert.equal(
    r.stderr,
    `cchc-progress: sheet \`${XLSX_EXPORT}\`: 4 skipped (hidden_sheet 1, column_numbers_row 1, blank_row 1, note_row 1); 6 guesses (date_read_as_period 1, totals_as_unit 1, formula_cached_value 3, percent_format 1); listed in \`reading.json\`\n`,
  );
  assert.deepEqual(JSON.parse(readFileSync(join(project, 'reading.json'), 'utf8')), want.sheet, 'every skipped row and guess with its cell');
  // Without --sheet-reading, standard error says how to list them.
  const quiet = cli(['report', '--sheet', XLSX_EXPORT, '--sheet-mapping', 'mapping.json', '--context', 'sheet-context.json', '--as-of', '2026-10-31', '--text', 'none']);
  assert.equal(quiet.status, 0, quiet.stderr);
  assert.match(quiet.stderr, /; list them with --sheet-reading FILE\n$/);
  assert.deepEqual(JSON.parse(quiet.stdout), new Engine().evaluateSheet(book, SHEET_MAPPING, { ...SHEET_OPTIONS, asOf: '2026-10-31', options: { text: 'none' } }).report, 'options override the context');
});

test('a CSV export (UTF-8 with its BOM, or UTF-16) gives the report evaluateSheet gives; another encoding exits 1 with CSV_NOT_UTF8', () => {
  const fixture = JSON.parse(readFileSync(join(SHEETS, 'csv_semicolon_months_fractions.json'), 'utf8'));
  writeFileSync(join(project, 'csv-mapping.json'), JSON.stringify(fixture.mapping));
  writeFileSync(join(project, 'csv-context.json'), JSON.stringify(fixture.options));
  const want = new Engine().evaluateSheet(fixture.csv, fixture.mapping, fixture.options);
  assert.ok(want.report.results.some((r) => r.unit === 'nk' && r.afterDeadline?.value !== undefined));
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture.csv.replace(/^\uFEFF/, ''), 'utf16le')]);
  writeFileSync(join(project, 'export.csv'), fixture.csv);
  writeFileSync(join(project, 'export-utf16.csv'), utf16);
  for (const file of ['export.csv', 'export-utf16.csv']) {
    const r = cli(['report', '--sheet', file, '--sheet-mapping', 'csv-mapping.json', '--context', 'csv-context.json']);
    assert.equal(r.status, 0, `${file}: ${r.stderr}`);
    assert.deepEqual(JSON.parse(r.stdout), want.report, file);
    assert.match(r.stderr, /: 2 skipped \(blank_row 1, totals_row 1\); 1 guess \(values_look_like_fractions 1\); /, file);
  }
  // `Tên;Đ` in Windows-1258 (Excel's plain "CSV (Comma delimited)" on a Vietnamese Windows): not UTF-8.
  writeFileSync(join(project, 'export-1258.csv'), Buffer.from([0x54, 0xea, 0x6e, 0x3b, 0xd0, 0xec, 0x0a]));
  const r = cli(['report', '--sheet', 'export-1258.csv', '--sheet-mapping', 'csv-mapping.json', '--context', 'csv-context.json']);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^cchc-progress: the input was refused \(1 error\):\n {2}CSV_NOT_UTF8 at \$: the CSV file `export-1258\.csv` is not UTF-8: save it from Excel as "CSV UTF-8 \(Comma delimited\)"\n {6}tệp CSV/);
});

test('a sheet the engine or the Excel reader refuses exits 1 with its codes; a wrong --sheet line 2; a missing file or a mapping that is not JSON 3', () => {
  const locked = cli(['report', '--sheet', join(SHEETS, 'encrypted.xlsx'), '--sheet-mapping', 'mapping.json', '--context', 'sheet-context.json']);
  assert.equal(locked.status, 1, locked.stderr);
  assert.match(locked.stderr, /^cchc-progress: the input was refused \(1 error\):\n {2}XLSX_ENCRYPTED at \$: the \.xlsx file is protected by a password/);
  assert.match(locked.stderr, /mật khẩu/, 'in Vietnamese too');
  writeFileSync(join(project, 'renamed.xlsx'), 'Tên đơn vị;Tỷ lệ\n');
  const renamed = cli(['report', '--sheet', 'renamed.xlsx', '--sheet-mapping', 'mapping.json', '--context', 'sheet-context.json']);
  assert.equal(renamed.status, 1);
  assert.match(renamed.stderr, /XLSX_INVALID at \$/);
  writeFileSync(join(project, 'wrong-mapping.json'), JSON.stringify({ ...SHEET_MAPPING, indicators: [{ indicator: 'proc.no_resubmission', value: 'Không có cột này' }] }));
  const wrong = cli(['report', '--sheet', XLSX_EXPORT, '--sheet-mapping', 'wrong-mapping.json', '--context', 'sheet-context.json']);
  assert.equal(wrong.status, 1, wrong.stderr);
  assert.match(wrong.stderr, /^cchc-progress: the input was refused \(\d+ errors?\):\n {2}SHEET_[A-Z_]+ at \S+: .*Không có cột này/);
  for (const args of [
    ['report', '--sheet', XLSX_EXPORT],
    ['report', '--sheet-mapping', 'mapping.json', SAMPLE],
    ['report', '--sheet', 'export.txt', '--sheet-mapping', 'mapping.json'],
    ['report', '--sheet', XLSX_EXPORT, '--sheet-mapping', 'mapping.json', '--format', 'json'],
    ['report', SAMPLE, '--sheet', XLSX_EXPORT, '--sheet-mapping', 'mapping.json'],
    ['report', '--sheet', XLSX_EXPORT, '--sheet-mapping', 'mapping.json', '--portal766', 'dossier-digitized@2026=login.html'],
    ['report', XLSX_EXPORT, '--format', 'xlsx'],
  ]) {
    const r = cli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^cchc-progress: .+\nrun `cchc-progress --help` for the options\n$/);
  }
  const missing = cli(['report', '--sheet', 'nowhere.xlsx', '--sheet-mapping', 'mapping.json']);
  assert.equal(missing.status, 3);
  assert.equal(missing.stderr, 'cchc-progress: cannot read the sheet `nowhere.xlsx`: no such file\n');
  writeFileSync(join(project, 'broken-mapping.json'), '{ "unit": ');
  const broken = cli(['report', '--sheet', XLSX_EXPORT, '--sheet-mapping', 'broken-mapping.json']);
  assert.equal(broken.status, 3);
  assert.match(broken.stderr, /^cchc-progress: the sheet mapping `broken-mapping\.json` is not valid JSON: /);
});
