// "Try it on your own file": a person drops the national portal's saved 766 answers (one or
// several JSON files, each with the endpoint and period it stands for), a CSV or an .xlsx
// export with a mapping they can edit, and sees the three widgets on the report the engine made
// of it, with every row skipped and every guess listed. Nothing leaves the browser: the files
// are read with `File` methods and evaluated here; the only requests are the page's own
// modules (the Excel reader only when an .xlsx is given). Everything from a file is rendered
// as text.

import { getEngine } from '/pkg/elements/index.js';

const MAX_BYTES = 20 * 1024 * 1024;
const MAX_LISTED = 300;
const ENDPOINTS = ['dossier-digitized', 'handling-satisfaction', 'transparency', 'dvc-progress-tree', 'provide-online-tree', 'formality-online-payment-tree'];

const UNITS = [
  { id: 'ct', name: 'Thành phố Cần Thơ', level: 'city' },
  { id: 'nk', name: 'Phường Ninh Kiều', level: 'commune', parent: 'ct' },
  { id: 'ta', name: 'Phường Tân An', level: 'commune', parent: 'ct' },
  { id: 'ha', name: 'Xã Hòa An', level: 'commune', parent: 'ct' },
];
const NAMES = { 'Thành phố Cần Thơ': 'ct', 'Phường Ninh Kiều': 'nk', 'Phường Tân An': 'ta', 'Xã Hòa An': 'ha' };

/**
 * Mappings to start from: the npm README's quarterly Excel report (two heading rows, the
 * totals row as the city), and a monthly CSV of one rate (the sheets' test fixture
 * `csv_semicolon_months_fractions`). The units are the sample's; a person edits both.
 */
const PRESETS = {
  quarter: {
    mapping: {
      headingRows: 2,
      unit: { column: 'Tên đơn vị', names: NAMES },
      period: { column: 'Kỳ báo cáo' },
      totals: { unit: 'ct' },
      indicators: [
        { indicator: 'proc.online_dossiers', numerator: ['Số hồ sơ', 'Đúng hạn'], denominator: ['Số hồ sơ', 'Tiếp nhận'] },
        { indicator: 'proc.no_resubmission', value: 'Tỷ lệ (%)' },
      ],
    },
    options: { units: UNITS },
  },
  monthly: {
    mapping: {
      unit: { column: 'Tên đơn vị', names: NAMES },
      period: { column: 'Kỳ báo cáo' },
      totals: { unit: 'ct' },
      indicators: [{ indicator: 'proc.online_l34', value: 'Tỷ lệ (%)' }],
    },
    options: { units: UNITS },
  },
};

const TEXT = {
  vi: {
    pageTitle: 'Thử với tệp của bạn – Tiến độ cải cách hành chính',
    skip: 'Bỏ qua, đến nội dung chính',
    back: '← Trang minh họa',
    language: 'Ngôn ngữ',
    title: 'Thử với tệp của bạn',
    privacy: 'Tệp được đọc và tính ngay trong trình duyệt này: không gửi đi đâu, không lưu lại.',
    fileHeading: '1. Chọn tệp',
    dropHint: 'Kéo thả vào khung này: câu trả lời của Cổng Dịch vụ công quốc gia (chỉ số 766, tệp JSON như đã lưu; một hoặc nhiều tệp), hoặc một bảng CSV hay Excel (.xlsx) xuất từ hệ thống của bạn.',
    fileLabel: 'Chọn tệp (JSON, CSV hoặc .xlsx)',
    sample766: 'Chưa có tệp? Thử với các câu trả lời 766 mẫu (số liệu tự đặt ra)',
    asOfLabel: 'Tính đến ngày',
    p766Heading: '2. Câu trả lời chỉ số 766: mỗi tệp là kỳ nào?',
    p766Help: 'Câu trả lời của Cổng không ghi kỳ đã hỏi: hãy chọn điểm cuối (endpoint) và kỳ của từng tệp (2026, 2026-Q3, 2026-H1, 2026-10). Các trang của cùng một kỳ được gộp lại.',
    colFile: 'Tệp',
    colEndpoint: 'Điểm cuối',
    colPeriod: 'Kỳ',
    p766OptionsLabel: 'Tùy chọn (JSON): unitMap (mã đơn vị của Cổng → mã đơn vị), units…',
    p766OptionsHelp: 'Để trống: các đơn vị được lập từ câu trả lời (dòng tỉnh là thành phố, các xã dưới nó).',
    compute: 'Tính lại',
    sheetHeading: '2. Bảng tính: ô nào nói gì?',
    presetLabel: 'Ánh xạ mẫu',
    presetQuarter: 'Báo cáo quý, Excel, hai dòng tiêu đề',
    presetMonthly: 'Tỷ lệ theo tháng, CSV',
    headingRowLabel: 'Dòng tiêu đề',
    headingRowHelp: 'Để trống: tự tìm.',
    headingRowsLabel: 'Số dòng tiêu đề',
    unitColumnLabel: 'Cột đơn vị',
    periodModeLabel: 'Kỳ báo cáo',
    periodColumn: 'ở cột',
    periodFixed: 'một kỳ cho cả bảng',
    periodValueLabel: 'Cột hoặc kỳ',
    periodValueHelp: 'Tiêu đề cột („Kỳ báo cáo“) hoặc kỳ („Quý 3/2026“, „Năm 2026“).',
    mappingLabel: 'Ánh xạ (JSON)',
    mappingHelp: 'Các ô trên sửa ánh xạ này; mọi trường khác (tên đơn vị → mã, các chỉ tiêu và cột của chúng, dòng tổng cộng) sửa trực tiếp ở đây.',
    sheetOptionsLabel: 'Đơn vị (JSON)',
    resultsHeading: '4. Kết quả',
    readingHeading: '3. Tệp đã được đọc thế nào',
    skippedHeading: 'Đã bỏ qua',
    guessesHeading: 'Đã đoán',
    findingsHeading: 'Ghi chú về số liệu',
    footer: 'Tính toán ngay trong trình duyệt bằng cchc-progress (WebAssembly), theo Quyết định 4168/QĐ-UBND ngày 27/12/2021 của UBND thành phố Cần Thơ.',
    reading: 'Đang đọc tệp…',
    computing: 'Đang tính…',
    loaded: (names, n) => `Đã tính từ ${names}: ${n} kết quả.`,
    loadedMany: (files, n) => `Đã tính từ ${files} tệp: ${n} kết quả.`,
    sheetRead: (sheet, rows, obs) => `${sheet ? `Trang „${sheet}“: ` : ''}đã đọc ${rows} dòng, được ${obs} số liệu.`,
    periodsRead: (n) => `Đã đọc ${n} kỳ của Cổng.`,
    noneSkipped: 'Không bỏ qua dòng nào.',
    noneGuessed: 'Không phải đoán gì.',
    noFindings: 'Không có ghi chú nào.',
    countSkipped: (n) => `${n} mục đã bỏ qua:`,
    countGuessed: (n) => `${n} điều đã đoán (hãy kiểm tra):`,
    countFindings: (n, e) => `${n} ghi chú, trong đó ${e} lỗi (số liệu lỗi không được dùng để tính).`,
    more: (n) => `… và ${n} mục khác.`,
    severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
    errorsTitle: 'Không tính được từ tệp này',
    errorKeepGoing: 'Hãy sửa tệp, ánh xạ hoặc tùy chọn rồi thử lại; trang vẫn dùng được.',
    tooBig: (name) => `Tệp „${name}“ lớn hơn 20 MB.`,
    notUtf8: (name) => `Tệp „${name}“ không phải văn bản UTF-8 (có thể là bảng mã Windows-1258 hoặc TCVN3): hãy mở bằng Excel và lưu lại dưới dạng „CSV UTF-8 (Comma delimited)“.`,
    noPeriod: (name) => `Hãy nhập kỳ của tệp „${name}“ (ví dụ 2026 hoặc 2026-Q3).`,
    notJsonField: (what, m) => `${what} không phải JSON hợp lệ: ${m}`,
    mappingWhat: 'Ánh xạ',
    optionsWhat: 'Tùy chọn',
    notObject: (what) => `${what} phải là một đối tượng JSON ({ … }).`,
    oneSheet: (name) => `Chỉ đọc một bảng tính mỗi lần: đang dùng „${name}“.`,
    mixed: 'Hãy chọn hoặc các tệp JSON của Cổng, hoặc một bảng CSV/.xlsx, không lẫn cả hai.',
    noAsOf: 'Hãy chọn ngày „Tính đến ngày“.',
    unexpected: (m) => `Lỗi không mong đợi: ${m}`,
    noCards: 'Tệp không có số liệu nào cho các chỉ tiêu của kế hoạch.',
    cell: 'ô',
  },
  en: {
    pageTitle: 'Try it on your own file – administrative reform progress',
    skip: 'Skip to main content',
    back: '← Demo page',
    language: 'Language',
    title: 'Try it on your own file',
    privacy: 'Your files are read and evaluated in this browser only: never sent anywhere, never stored.',
    fileHeading: '1. Choose a file',
    dropHint: 'Drop onto this box the National Public Service Portal’s answers (index 766, JSON files as saved; one or several), or a CSV or Excel (.xlsx) sheet exported from your own system.',
    fileLabel: 'Choose files (JSON, CSV or .xlsx)',
    sample766: 'No file at hand? Try the sample 766 answers (invented figures)',
    asOfLabel: 'As of',
    p766Heading: '2. The 766 answers: which period is each file?',
    p766Help: 'The portal’s answer does not say which period was asked for: choose each file’s endpoint and period (2026, 2026-Q3, 2026-H1, 2026-10). Pages of one period are merged.',
    colFile: 'File',
    colEndpoint: 'Endpoint',
    colPeriod: 'Period',
    p766OptionsLabel: 'Options (JSON): unitMap (the portal’s unit codes → unit ids), units…',
    p766OptionsHelp: 'Left empty: the units are made from the answers (the province row is the city, the communes under it).',
    compute: 'Compute again',
    sheetHeading: '2. The sheet: which cells say what?',
    presetLabel: 'Start from',
    presetQuarter: 'Quarterly report, Excel, two heading rows',
    presetMonthly: 'Monthly rate, CSV',
    headingRowLabel: 'Heading row',
    headingRowHelp: 'Empty: found by itself.',
    headingRowsLabel: 'Heading rows',
    unitColumnLabel: 'Unit column',
    periodModeLabel: 'Period',
    periodColumn: 'in a column',
    periodFixed: 'one for the whole sheet',
    periodValueLabel: 'Column or period',
    periodValueHelp: 'A column’s heading (“Kỳ báo cáo”) or a period (“Quý 3/2026”, “Năm 2026”).',
    mappingLabel: 'Mapping (JSON)',
    mappingHelp: 'The fields above edit this mapping; edit anything else here (unit names → ids, the indicators and their columns, the totals row).',
    sheetOptionsLabel: 'Units (JSON)',
    resultsHeading: '4. Results',
    readingHeading: '3. How the file was read',
    skippedHeading: 'Skipped',
    guessesHeading: 'Guessed',
    findingsHeading: 'Notes on the figures',
    footer: 'Computed in your browser by cchc-progress (WebAssembly), under Decision 4168/QĐ-UBND of 27 December 2021 of the People’s Committee of Cần Thơ.',
    reading: 'Reading the file…',
    computing: 'Computing…',
    loaded: (names, n) => `Computed from ${names}: ${n} results.`,
    loadedMany: (files, n) => `Computed from ${files} files: ${n} results.`,
    sheetRead: (sheet, rows, obs) => `${sheet ? `Sheet “${sheet}”: ` : ''}${rows} rows read, ${obs} figures found.`,
    periodsRead: (n) => `${n} periods of the portal read.`,
    noneSkipped: 'No row skipped.',
    noneGuessed: 'Nothing guessed.',
    noFindings: 'No notes.',
    countSkipped: (n) => `${n} skipped:`,
    countGuessed: (n) => `${n} guesses (check them):`,
    countFindings: (n, e) => `${n} notes, ${e} of them errors (figures in error are left out).`,
    more: (n) => `… and ${n} more.`,
    severity: { error: 'Error', warning: 'Warning', info: 'Information' },
    errorsTitle: 'Nothing can be computed from this file',
    errorKeepGoing: 'Fix the file, the mapping or the options and try again; the page keeps working.',
    tooBig: (name) => `The file “${name}” is larger than 20 MB.`,
    notUtf8: (name) => `The file “${name}” is not UTF-8 text (perhaps Windows-1258 or TCVN3): open it in Excel and save it as “CSV UTF-8 (Comma delimited)”.`,
    noPeriod: (name) => `Enter the period of “${name}” (e.g. 2026 or 2026-Q3).`,
    notJsonField: (what, m) => `${what} is not valid JSON: ${m}`,
    mappingWhat: 'The mapping',
    optionsWhat: 'The options',
    notObject: (what) => `${what} must be a JSON object ({ … }).`,
    oneSheet: (name) => `One sheet at a time: using “${name}”.`,
    mixed: 'Choose either the portal’s JSON files or one CSV/.xlsx sheet, not both.',
    noAsOf: 'Choose the “As of” date.',
    unexpected: (m) => `Unexpected error: ${m}`,
    noCards: 'The file holds no figure for the plan’s targets.',
    cell: 'cell',
  },
};

const state = {
  locale: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi',
  kind: null, // 'portal766' | 'sheet' | null
  files: [], // 766: [{ name, text, endpoint, period }]
  sheet: null, // { name, csv } | { name, bytes, book }
  mappingEdited: false, // the person changed the mapping: a new file keeps it
  report: null,
  reading: null, // evaluateSheet's `sheet`
  error: null, // { title?, items: [{ code, path, message: { vi, en } }] }
  notes: [], // [{ vi, en }] shown with the status
  busy: 0,
};

const $ = (id) => document.getElementById(id);
const T = (key, ...args) => {
  const v = TEXT[state.locale][key];
  return typeof v === 'function' ? v(...args) : v;
};
const both = (key, ...args) => ({ vi: TEXT.vi[key](...args), en: TEXT.en[key](...args) });

function node(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** Data text (a file's name, a cell's text) isolated from the sentence around it. */
const data = (text) => node('bdi', { dir: 'auto' }, String(text));

// ---- reading files ----------------------------------------------------------------------

const isXlsx = (f) => /\.xlsx$/i.test(f.name) || f.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const isJson = (f) => /\.json$/i.test(f.name) || f.type === 'application/json';

/** The endpoint and period a saved answer's name says (`dossier-digitized-2026-page1.json`), else what its content says. */
function guess(name, text) {
  const base = name.replace(/\.json$/i, '');
  const endpoint = [...ENDPOINTS].sort((a, b) => b.length - a.length).find((e) => base.toLowerCase().includes(e)) ?? endpointOf(text);
  const period = /(?:^|[^0-9])(20\d\d(?:-(?:Q[1-4]|H[12]|(?:0[1-9]|1[0-2])))?)(?![0-9])/i.exec(base)?.[1]?.toUpperCase() ?? '';
  return { endpoint, period };
}

function endpointOf(text) {
  if (/"ORIGINAL_RESULT_AVAILABLE"|"SO_HOA_GIAY_TO_GIAI_QUYET"/.test(text)) return 'dossier-digitized';
  if (/"DOSSIER_RECEIVING_SATISFACTION"|"PETITION_HANDLING_SATISFACTION"/.test(text)) return 'handling-satisfaction';
  if (/"PUBLISH_ON_TIME"|"PUBLIC_CONTENT_FULL"/.test(text)) return 'transparency';
  if (/"totalDossierOnlinePaymentSuccess"|"totalDossierFinancialObligation"/.test(text)) return 'formality-online-payment-tree';
  if (/"totalOnTime"|"totalOverdue"/.test(text)) return 'dvc-progress-tree';
  if (/"parent"/.test(text)) return 'provide-online-tree';
  return 'dossier-digitized';
}

/**
 * A CSV's text: UTF-8 (Excel's "CSV UTF-8", with or without its BOM) or UTF-16 with its BOM
 * (Excel's "Unicode text"). Anything else (Windows-1258, TCVN3) would read as wrong letters,
 * never matching a heading or a name: refused with a message saying how to save it.
 */
function csvText(bytes, name) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw pageError('CSV_NOT_UTF8', name, both('notUtf8', name));
  }
}

async function takeFiles(list) {
  const files = [...list];
  if (!files.length) return;
  state.error = null;
  state.notes = [];
  // The files before are replaced, whatever comes of these (and an evaluation of them still running is dropped).
  run += 1;
  state.kind = null;
  state.sheet = null;
  state.files = [];
  showForms();
  status(T('reading'));
  const big = files.find((f) => f.size > MAX_BYTES);
  if (big) return fail([{ code: 'FILE_TOO_LARGE', path: big.name, message: both('tooBig', big.name) }]);
  const json = files.filter(isJson);
  const sheets = files.filter((f) => !isJson(f));
  if (json.length && sheets.length) return fail([{ code: 'MIXED_FILES', path: '', message: { vi: TEXT.vi.mixed, en: TEXT.en.mixed } }]);
  try {
    const input = json.length === 1 ? engineInput(await json[0].text()) : null;
    if (input) {
      // The engine's own input (asOf, units, observations), as the demo page takes it.
      state.kind = 'input';
      state.files = [{ name: json[0].name, input }];
      if (typeof input.asOf === 'string') $('as-of').value = input.asOf;
    } else if (json.length) {
      state.kind = 'portal766';
      for (const f of json) {
        const text = await f.text();
        state.files.push({ name: f.name, text, ...guess(f.name, text) });
      }
      renderAnswers();
    } else {
      const f = sheets[0];
      if (sheets.length > 1) state.notes.push(both('oneSheet', f.name));
      state.kind = 'sheet';
      state.sheet = isXlsx(f) ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), book: null } : { name: f.name, csv: csvText(new Uint8Array(await f.arrayBuffer()), f.name) };
      if (!state.mappingEdited) setPreset(isXlsx(f) ? 'quarter' : 'monthly');
    }
  } catch (e) {
    return fail(errorItems(e));
  }
  showForms();
  await compute();
}

/**
 * The demo's sample answers (`data/can-tho-766-sample.json`, a manifest, and its files), taken
 * as if picked: their names say their endpoints and periods; the manifest's date and unitMap
 * go into the form.
 */
async function sample766() {
  try {
    const base = new URL('./data/can-tho-766-sample.json', location.href);
    const manifest = await (await fetch(base)).json();
    const files = await Promise.all(
      manifest.answers.map(async (a) => new File([await (await fetch(new URL(a.file, base))).text()], a.file.split('/').pop(), { type: 'application/json' })),
    );
    $('as-of').value = manifest.asOf;
    $('p766-options').value = JSON.stringify({ label: manifest.label, unitMap: manifest.unitMap }, null, 2);
    await takeFiles(files);
  } catch (e) {
    fail(errorItems(e));
  }
}

/** The parsed file when it is the engine's own input (an object with `observations`), else null. */
function engineInput(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && Array.isArray(value.observations) && !('data' in value) ? value : null;
  } catch {
    return null;
  }
}

// ---- the forms --------------------------------------------------------------------------

function showForms() {
  $('portal766-form').hidden = state.kind !== 'portal766';
  $('sheet-form').hidden = state.kind !== 'sheet';
}

function renderAnswers() {
  const body = $('answers');
  body.replaceChildren();
  state.files.forEach((f, i) => {
    const select = node('select', { id: `endpoint-${i}`, 'data-index': i, 'data-field': 'endpoint', 'aria-label': `${T('colEndpoint')}: ${f.name}` });
    for (const e of ENDPOINTS) {
      const o = node('option', { value: e }, e);
      if (e === f.endpoint) o.selected = true;
      select.append(o);
    }
    const period = node('input', { type: 'text', id: `period-${i}`, 'data-index': i, 'data-field': 'period', value: f.period, placeholder: '2026-Q3', size: 9, spellcheck: 'false', 'aria-label': `${T('colPeriod')}: ${f.name}` });
    body.append(node('tr', {}, node('th', { scope: 'row' }, data(f.name)), node('td', {}, select), node('td', {}, period)));
  });
}

function setPreset(name) {
  const preset = PRESETS[name] ?? PRESETS.quarter;
  $('preset').value = PRESETS[name] ? name : 'quarter';
  $('mapping').value = JSON.stringify(preset.mapping, null, 2);
  $('sheet-options').value = JSON.stringify(preset.options, null, 2);
  fieldsFromMapping();
}

/** The JSON of a textarea as an object, or a page error naming it. */
function objectOf(id, whatKey, { empty = false } = {}) {
  const text = $(id).value.trim();
  if (!text && empty) return {};
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw pageError('FORM_INVALID_JSON', `#${id}`, { vi: TEXT.vi.notJsonField(TEXT.vi[whatKey], e.message), en: TEXT.en.notJsonField(TEXT.en[whatKey], e.message) });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw pageError('FORM_NOT_OBJECT', `#${id}`, { vi: TEXT.vi.notObject(TEXT.vi[whatKey]), en: TEXT.en.notObject(TEXT.en[whatKey]) });
  }
  return value;
}

function pageError(code, path, message) {
  return Object.assign(new Error(message.en), { code, path, messageVi: message.vi, messageEn: message.en });
}

/** A column as the field shows it: a heading, `Upper / Lower`, or `{ letter }` as JSON. */
function columnText(c) {
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.join(' / ');
  if (c && typeof c === 'object') return JSON.stringify(c);
  return '';
}

function columnOf(text) {
  const t = text.trim();
  if (/^\{/.test(t)) {
    try {
      return JSON.parse(t);
    } catch {
      return t;
    }
  }
  return t;
}

function fieldsFromMapping() {
  let m;
  try {
    m = JSON.parse($('mapping').value);
  } catch {
    return;
  }
  if (!m || typeof m !== 'object') return;
  $('heading-row').value = Number.isInteger(m.headingRow) ? String(m.headingRow) : '';
  $('heading-rows').value = m.headingRows === 2 ? '2' : '1';
  $('unit-column').value = columnText(m.unit?.column);
  const fixed = m.period && 'fixed' in m.period;
  $('period-mode').value = fixed ? 'fixed' : 'column';
  $('period-value').value = fixed ? String(m.period.fixed ?? '') : columnText(m.period?.column);
}

/** Writes the form fields into the mapping's JSON (the rest of it as it was). */
function mappingFromFields() {
  const m = objectOf('mapping', 'mappingWhat');
  const row = $('heading-row').value.trim();
  if (row) m.headingRow = Number(row);
  else delete m.headingRow;
  if ($('heading-rows').value === '2') m.headingRows = 2;
  else delete m.headingRows;
  m.unit = { ...(m.unit && typeof m.unit === 'object' ? m.unit : {}), column: columnOf($('unit-column').value) };
  const value = $('period-value').value.trim();
  const date = m.period && typeof m.period === 'object' && m.period.date ? { date: m.period.date } : {};
  m.period = $('period-mode').value === 'fixed' ? { fixed: value } : { column: columnOf(value), ...date };
  $('mapping').value = JSON.stringify(m, null, 2);
}

// ---- evaluating -------------------------------------------------------------------------

let run = 0;

async function compute() {
  const token = ++run;
  if (!state.kind) return;
  state.error = null;
  document.body.dataset.ready = 'loading';
  status(T('computing'));
  try {
    const asOf = $('as-of').value;
    if (!asOf) throw pageError('FORM_NO_AS_OF', '#as-of', { vi: TEXT.vi.noAsOf, en: TEXT.en.noAsOf });
    const engine = await getEngine('', { full: true });
    let report;
    let reading = null;
    if (state.kind === 'input') {
      report = engine.report({ ...state.files[0].input, asOf });
    } else if (state.kind === 'portal766') {
      const missing = state.files.find((f) => !f.period.trim());
      if (missing) throw pageError('FORM_NO_PERIOD', missing.name, both('noPeriod', missing.name));
      const options = { ...objectOf('p766-options', 'optionsWhat', { empty: true }), asOf };
      const answers = state.files.map((f) => ({ endpoint: f.endpoint, period: f.period.trim(), answer: f.text, name: f.name }));
      report = engine.report({ portal766: answers, options });
    } else {
      const mapping = objectOf('mapping', 'mappingWhat');
      const options = { ...objectOf('sheet-options', 'optionsWhat'), asOf };
      let grid = state.sheet.csv;
      if (grid === undefined) {
        if (!state.sheet.book) {
          // The Excel reader is fetched only now, when an .xlsx is given.
          const { readXlsx } = await import('/pkg/xlsx/index.js');
          state.sheet.book = await readXlsx(state.sheet.bytes);
        }
        grid = state.sheet.book;
      }
      report = engine.report({ sheet: grid, mapping, options });
      reading = report.sheet;
    }
    if (token !== run) return;
    state.report = report;
    state.reading = reading;
    await showReport();
    if (token !== run) return;
    document.body.dataset.ready = 'true';
  } catch (e) {
    if (token !== run) return;
    // The widgets go, the error is shown; the next file or change of a field evaluates afresh.
    fail(errorItems(e));
  }
}

/** The engine's structured error (or the Excel reader's, or the page's) as a list of items. */
function errorItems(e) {
  if (Array.isArray(e?.errors) && e.errors.length) return e.errors.map((d) => ({ code: d.code, path: d.path, message: d.message }));
  if (e?.code && (e.messageVi || e.messageEn)) return [{ code: e.code, path: e.path, message: { vi: e.messageVi ?? e.message, en: e.messageEn ?? e.message } }];
  const m = String(e?.message ?? e);
  return [{ code: e?.code ?? 'UNEXPECTED', path: '', message: both('unexpected', m) }];
}

function fail(items) {
  state.error = items;
  state.report = null;
  state.reading = null;
  $('results').hidden = true;
  $('reading').hidden = true;
  for (const slot of ['cards', 'charts', 'overview-slot']) $(slot).replaceChildren();
  renderErrors();
  status('');
  document.body.dataset.ready = 'error';
}

function topUnit(report) {
  const rows = report.results().filter((r) => r.unit);
  return (rows.find((r) => r.level === 'city') ?? rows[0])?.unit ?? null;
}

/** The widgets on the report: a card per target the file has a figure for (at the top unit first), the ramp chart, the overview. */
async function showReport() {
  const report = state.report;
  const top = topUnit(report);
  const withData = report.results().filter((r) => r.unit && r.status !== 'no_data');
  const cards = [];
  const seen = new Set();
  for (const r of [...withData.filter((r) => r.unit === top), ...withData]) {
    if (seen.has(r.indicator) || cards.length >= 6) continue;
    seen.add(r.indicator);
    cards.push([r.indicator, r.unit]);
  }
  const make = (tag, attrs) => {
    const w = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) if (v) w.setAttribute(k, v);
    w.setAttribute('locale', state.locale);
    w.report = report;
    return w;
  };
  $('cards').replaceChildren(...cards.map(([indicator, unit]) => make('cchc-progress-card', { indicator, unit })));
  $('charts').replaceChildren(make('cchc-ramp-chart', { unit: top }));
  $('overview-slot').replaceChildren(make('cchc-overview', { unit: top, 'heading-level': '3' }));
  $('results').hidden = false;
  $('reading').hidden = false;
  renderAll();
  await Promise.all([...document.querySelectorAll('#results cchc-progress-card, #results cchc-ramp-chart, #results cchc-overview')].map((w) => w.updateComplete));
}

// ---- rendering --------------------------------------------------------------------------

function status(text) {
  $('load-status').replaceChildren(text);
}

function renderStatus() {
  const r = state.report;
  const box = $('load-status');
  box.replaceChildren();
  if (!r) return;
  const names = state.kind === 'sheet' ? [state.sheet.name] : state.files.map((f) => f.name);
  if (names.length > 3) {
    box.append(T('loadedMany', names.length, r.resultCount));
    for (const n of state.notes) box.append(' ', n[state.locale]);
    return;
  }
  const [before, after] = T('loaded', '\u0000', r.resultCount).split('\u0000');
  const list = node('span');
  names.forEach((n, i) => list.append(...(i ? [', '] : []), data(n)));
  box.append(before, list, after);
  for (const n of state.notes) box.append(' ', n[state.locale]);
}

function renderErrors() {
  const box = $('errors');
  box.replaceChildren();
  if (!state.error) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.append(node('p', {}, node('strong', {}, T('errorsTitle'))));
  const ul = node('ul');
  for (const d of state.error.slice(0, MAX_LISTED)) {
    const li = node('li', { 'data-code': d.code ?? '' }, d.message?.[state.locale] ?? '');
    const meta = node('span', { class: 'meta' }, node('code', {}, d.code ?? ''));
    if (d.path) meta.append(' · ', node('code', {}, data(d.path)));
    const file = fileOf(d.path);
    if (file) meta.append(' · ', data(file));
    li.append(' ', meta);
    ul.append(li);
  }
  box.append(ul, node('p', { class: 'help' }, T('errorKeepGoing')));
  // On a phone the box may be a screen away from the field that was changed.
  const { top, bottom } = box.getBoundingClientRect();
  if (top < 0 || bottom > innerHeight) box.scrollIntoView({ block: 'nearest' });
}

/** The file an error's path points into: the answer's (`$.answers[2]…`), or the sheet's. */
function fileOf(path = '') {
  if (state.kind === 'portal766') return state.files[Number(/^\$\.answers\[(\d+)\]/.exec(path)?.[1] ?? NaN)]?.name ?? '';
  // A cell (`B2`, `'Biểu 01'!C5`), the grid, or the whole file; not the mapping's or the options' fields.
  if (state.kind === 'sheet' && path && (path === '$' || path.startsWith('$.grid') || !path.startsWith('$'))) return state.sheet?.name ?? '';
  return '';
}

/** One listed row: what, where (the cell or row), the file's text, the message. */
function item(code, at, text, message, cls = '', where = '') {
  const li = node('li', { class: `finding ${cls}`.trim(), 'data-code': code });
  li.append(message?.[state.locale] ?? '');
  const meta = node('span', { class: 'meta' }, node('code', {}, code));
  if (at) meta.append(' · ', node('span', { class: 'at' }, data(at)));
  if (where) meta.append(' · ', data(where));
  if (text !== undefined && text !== null && text !== '') meta.append(' · „', data(text), '“');
  li.append(node('br'), meta);
  return li;
}

function renderList(id, summaryId, items, none, count) {
  const list = $(id);
  list.replaceChildren(...items.slice(0, MAX_LISTED));
  if (items.length > MAX_LISTED) list.append(node('li', { class: 'more' }, T('more', items.length - MAX_LISTED)));
  $(summaryId).textContent = items.length ? count : none;
}

function renderReading() {
  const r = state.report;
  const s = state.reading;
  const sheetPart = state.kind === 'sheet';
  for (const id of ['skipped-heading', 'skipped-summary', 'skipped', 'guesses-heading', 'guesses-summary', 'guesses']) $(id).hidden = !sheetPart;
  if (s) {
    const skipped = s.skipped.map((f) => item(f.code, f.at, f.text, f.message, 'skipped'));
    const guesses = s.guesses.map((f) => item(f.code, f.at, f.text, f.message, 'guess'));
    renderList('skipped', 'skipped-summary', skipped, T('noneSkipped'), T('countSkipped', skipped.length));
    renderList('guesses', 'guesses-summary', guesses, T('noneGuessed'), T('countGuessed', guesses.length));
  }
  if (!r) return;
  const findings = r.findings().map((f) => {
    const li = item(f.code, f.path, '', f.message, f.severity, [f.unit, f.indicator, f.period].filter(Boolean).join(' · '));
    li.prepend(node('strong', {}, `${TEXT[state.locale].severity[f.severity] ?? f.severity}: `));
    return li;
  });
  const errors = r.findings().filter((f) => f.severity === 'error').length;
  renderList('findings', 'findings-summary', findings, T('noFindings'), T('countFindings', findings.length, errors));
  const summary = $('results-summary');
  summary.replaceChildren();
  if (s?.sheet) summary.append(...splitData(T('sheetRead', '\u0000', s.rows, s.observations), s.sheet));
  else if (s) summary.append(T('sheetRead', '', s.rows, s.observations));
  if (r.portal766) summary.append(T('periodsRead', r.portal766.periods.length));
  if (!$('cards').children.length) summary.append(' ', T('noCards'));
}

/** A sentence with one piece of data in it, the data isolated. */
function splitData(sentence, value) {
  const [before, after] = sentence.split('\u0000');
  return [before, data(value), after ?? ''];
}

function applyLocale() {
  const locale = state.locale;
  document.documentElement.lang = locale;
  document.title = T('pageTitle');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = T(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', T(el.dataset.i18nAria));
  for (const b of document.querySelectorAll('.lang-switch button')) b.setAttribute('aria-pressed', String(b.dataset.lang === locale));
  for (const w of document.querySelectorAll('cchc-progress-card, cchc-ramp-chart, cchc-overview')) w.setAttribute('locale', locale);
  const url = new URL(location.href);
  if (locale === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(null, '', url);
  if (state.kind === 'portal766') renderAnswers();
  renderAll();
}

function renderAll() {
  renderErrors();
  if (state.report) {
    renderStatus();
    renderReading();
  }
}

// ---- wiring -----------------------------------------------------------------------------

function wire() {
  for (const b of document.querySelectorAll('.lang-switch button')) {
    b.addEventListener('click', () => {
      state.locale = b.dataset.lang === 'en' ? 'en' : 'vi';
      applyLocale();
    });
  }
  $('file').addEventListener('change', (e) => {
    const files = e.target.files;
    if (files?.length) void takeFiles(files);
  });
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files?.length) void takeFiles(e.dataTransfer.files);
  });
  $('sample-766').addEventListener('click', () => void sample766());
  $('as-of').addEventListener('change', () => void compute());
  $('answers').addEventListener('change', (e) => {
    const i = Number(e.target.dataset.index);
    const field = e.target.dataset.field;
    if (!state.files[i] || !field) return;
    state.files[i][field] = e.target.value;
    void compute();
  });
  $('p766-options').addEventListener('change', () => void compute());
  $('preset').addEventListener('change', (e) => {
    state.mappingEdited = true;
    setPreset(e.target.value);
    void compute();
  });
  for (const id of ['heading-row', 'heading-rows', 'unit-column', 'period-mode', 'period-value']) {
    $(id).addEventListener('change', () => {
      state.mappingEdited = true;
      try {
        mappingFromFields();
      } catch (e) {
        fail(errorItems(e));
        return;
      }
      void compute();
    });
  }
  $('mapping').addEventListener('change', () => {
    state.mappingEdited = true;
    fieldsFromMapping();
    void compute();
  });
  $('sheet-options').addEventListener('change', () => {
    state.mappingEdited = true;
    void compute();
  });
  for (const b of document.querySelectorAll('[data-action="compute"]')) b.addEventListener('click', () => void compute());
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

$('as-of').value = today();
$('p766-options').value = '{}';
setPreset('quarter');
wire();
applyLocale();
// The engine starts loading now, while the person looks for a file.
getEngine('', { full: true }).catch((e) => fail(errorItems(e)));
