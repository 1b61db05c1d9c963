// The demo portal page. The widgets load the sample data themselves (their `src` attribute);
// this script adds what a portal page around them does: the choice of sample data set, the
// language switch, the as-of selector, a file picker and drop zone for an editor's own CSV or
// JSON export, the data-quality findings, and the ramp table. It reads the same shared
// evaluation as the widgets, so the data is evaluated once. Everything from data is rendered
// as text.
//
// Two sample data sets, both made up and labelled so: Cần Thơ through 30 June 2025, and the
// merged city after the 2025 reorganisation as of 30 June 2026 (the plan's final review, with
// invented names for the new units). `?data=merged` opens the second. `?data=2026` shows the
// merged city's 2026 so far (invented answers of the national portal's 766 index) against the
// 2026–2027 targets of the second embedded plan, above the merged city's 2025 final review.

import { evaluateShared, fetchJson, getEngine } from '/pkg/elements/index.js';

/**
 * The sample data sets and the widgets each shows: cards (`[indicator, unit]`), ramp charts
 * (their attributes) and the overview's unit. The merged city's cards show a target with no
 * 2025 figure, a rank out of the 34 new provinces with a figure after the deadline, a new ward
 * that took the code of an old one (and its history from its predecessors), and an old ward
 * that ended on 30 June 2025 with its successor.
 */
const DATASETS = {
  sample: {
    src: './data/can-tho-sample.json',
    cards: [
      ['proc.online_l34', 'ct'],
      ['proc.digitized_results', 'ct'],
      ['egov.work_records_online', 'nk'],
    ],
    charts: [{ unit: 'ct' }, { level: 'district' }],
  },
  merged: {
    src: './data/can-tho-merged-sample.json',
    cards: [
      ['proc.online_l34', 'ct'],
      ['rank.papi', 'ct'],
      ['proc.digitized_results', 'nk.tan_an'],
      ['egov.work_records_online', 'nk.an_hoa'],
    ],
    charts: [{ unit: 'ct' }, { unit: 'nk.tan_an' }],
  },
};
// The 2025 final review as `merged`, and `next`: the 2026–2030 plan's cards and overview on
// the 766 sample (the satisfaction target is mapped; the full-process online ones have no
// figure from the portal, see `src/plan/can_tho_2026_2030.portal766.json`).
DATASETS['2026'] = {
  ...DATASETS.merged,
  next: {
    src: './data/can-tho-766-2026.json',
    plan: 'embedded:can-tho-2026-2030',
    cards: [
      ['qd282.proc.full_online', 'ct'],
      ['qd282.satisfaction', 'ct'],
      ['qd282.satisfaction', 'ct.ninh_kieu'],
    ],
  },
};
const SAMPLE = DATASETS.sample.src;
const MAX_BYTES = 20 * 1024 * 1024;
const WIDGETS = 'cchc-progress-card, cchc-ramp-chart, cchc-overview';

const TEXT = {
  vi: {
    pageTitle: 'Tiến độ cải cách hành chính – Cần Thơ',
    skip: 'Bỏ qua, đến nội dung chính',
    portal: 'Cổng thông tin điện tử thành phố Cần Thơ',
    language: 'Ngôn ngữ',
    title: 'Tiến độ thực hiện Kế hoạch cải cách hành chính 2021–2025',
    title2026: 'Cải cách hành chính: tổng kết 2021–2025 và chỉ tiêu 2026–2030',
    sampleBadge: 'Số liệu mẫu',
    sampleNote: 'Các con số trên trang này là số liệu mẫu để minh họa, không phải số liệu chính thức của thành phố.',
    mergedNote: 'Các con số trên trang này là số liệu mẫu để minh họa, không phải số liệu chính thức. Thành phố sau sắp xếp năm 2025: tên các đơn vị mới là tên mẫu, không phải tên chính thức.',
    datasetLabel: 'Bộ số liệu mẫu',
    datasetSample: 'Cần Thơ, đến 30/06/2025',
    datasetMerged: 'Sau sắp xếp, đến 30/06/2026',
    dataset2026: 'Năm 2026 đến nay: chỉ tiêu 2026–2027',
    note2026: 'Các con số trên trang này là số liệu mẫu để minh họa, không phải số liệu chính thức: năm 2026 là câu trả lời tự đặt ra theo dạng của Cổng Dịch vụ công quốc gia (Bộ chỉ số 766); tên các đơn vị mới là tên mẫu.',
    nextHeading: 'Chỉ tiêu giai đoạn 2026–2027: Quyết định 282/QĐ-TTg và Kế hoạch 219/KH-UBND',
    nextIntro: 'SỐ LIỆU MẪU năm 2026 đến nay của thành phố sau sắp xếp, đánh giá theo các chỉ tiêu 2026–2030. Mức độ hài lòng lấy từ chỉ số DOSSIER_RECEIVING_SATISFACTION của Cổng; mục tiêu 95 % là của giai đoạn 2028–2030. Chỉ tiêu dịch vụ công trực tuyến toàn trình chưa có số liệu: Cổng chỉ trả điểm, không trả số thủ tục.',
    cardsHeading2025: 'Kế hoạch cải cách hành chính 2021–2025: đánh giá cuối kỳ (số liệu mẫu sau sắp xếp, đến 30/06/2026)',
    printMeta: (plan, asOf) => `${plan} · Tính đến ngày ${asOf}`,
    fileBadge: 'Số liệu từ tệp của bạn',
    fileNote: (name) => `Đang hiển thị tệp „${name}“ (chỉ xử lý trong trình duyệt này, không gửi đi đâu).`,
    controlsHeading: 'Chọn số liệu',
    asOfLabel: 'Tính đến ngày',
    asOfData: 'Theo tệp',
    dropHint: 'Biên tập viên cổng thông tin: kéo thả tệp CSV hoặc JSON xuất từ hệ thống của mình vào khung này để xem kết quả ngay (tệp không rời khỏi trình duyệt).',
    fileLabel: 'Chọn tệp số liệu (CSV hoặc JSON)',
    fileHelp: 'CSV: một dòng cho mỗi số liệu (indicator, unit, period, value hoặc numerator/denominator…), dùng danh sách đơn vị của bộ số liệu mẫu đang chọn. JSON: toàn bộ dữ liệu đầu vào (asOf, units, observations).',
    reset: 'Quay lại số liệu mẫu',
    cardsHeading: 'Chỉ tiêu tiêu biểu',
    rampHeading: 'Lộ trình số hóa kết quả giải quyết TTHC (khoản II.2.c.2)',
    rampIntro: 'Tỷ lệ tối thiểu kết quả giải quyết thủ tục hành chính còn hiệu lực phải được số hóa, theo cấp và theo năm.',
    rampCaption: 'Mức sàn theo năm (%)',
    level: 'Cấp',
    levels: { city: 'Cấp thành phố', district: 'Cấp huyện', commune: 'Cấp xã' },
    findingsHeading: 'Chất lượng số liệu',
    findingsNone: 'Không phát hiện vấn đề nào về số liệu.',
    findingsCount: (n, e) => `${n} ghi chú về số liệu, trong đó ${e} lỗi (số liệu lỗi không được dùng để tính).`,
    findingsMore: (n) => `… và ${n} ghi chú khác.`,
    severity: { error: 'Lỗi', warning: 'Cảnh báo' },
    unusable: 'không dùng để tính',
    footer: 'Tính toán ngay trong trình duyệt bằng cchc-progress (WebAssembly), theo Quyết định 4168/QĐ-UBND ngày 27/12/2021 của UBND thành phố Cần Thơ.',
    loading: 'Đang tính…',
    loaded: (name, n) => `Đã tải „${name}“: ${n} kết quả.`,
    tooBig: 'Tệp lớn hơn 20 MB: hãy chia nhỏ tệp.',
    notJson: (m) => `Tệp JSON không đọc được: ${m}`,
    errorsTitle: 'Không tính được tiến độ từ tệp này',
    engineFailed: (m) => `Không tải được công cụ tính: ${m}`,
  },
  en: {
    pageTitle: 'Administrative reform progress – Cần Thơ',
    skip: 'Skip to main content',
    portal: 'Cần Thơ city web portal',
    language: 'Language',
    title: 'Progress of the 2021–2025 administrative reform plan',
    title2026: 'Administrative reform: the 2021–2025 review and the 2026–2030 targets',
    sampleBadge: 'Sample figures',
    sampleNote: 'The figures on this page are sample figures for illustration, not the city’s official figures.',
    mergedNote: 'The figures on this page are sample figures for illustration, not official figures. The city after the 2025 reorganisation: the names of the new units are invented, not official names.',
    datasetLabel: 'Sample data set',
    datasetSample: 'Cần Thơ, as of 30 June 2025',
    datasetMerged: 'Merged city, as of 30 June 2026',
    dataset2026: '2026 so far: the 2026–2027 targets',
    note2026: 'The figures on this page are sample figures for illustration, not official figures: those of 2026 are invented answers in the form of the National Public Service Portal (the 766 index); the names of the new units are invented.',
    nextHeading: 'The 2026–2027 targets: Decision 282/QĐ-TTg and Plan 219/KH-UBND',
    nextIntro: 'SAMPLE FIGURES of the merged city for 2026 so far, judged against the 2026–2030 targets. Satisfaction is the portal’s DOSSIER_RECEIVING_SATISFACTION metric; the 95% target is for 2028–2030. The full-process online targets have no figure: the portal returns scores, not counts of procedures.',
    cardsHeading2025: 'The 2021–2025 administrative reform plan: final review (sample figures of the merged city, as of 30 June 2026)',
    printMeta: (plan, asOf) => `${plan} · As of ${asOf}`,
    fileBadge: 'Figures from your file',
    fileNote: (name) => `Showing the file “${name}” (processed in this browser only, never sent anywhere).`,
    controlsHeading: 'Choose the figures',
    asOfLabel: 'As of',
    asOfData: 'From the data',
    dropHint: 'Portal editors: drop a CSV or JSON export of your own system onto this box to see the result at once (the file never leaves the browser).',
    fileLabel: 'Choose a data file (CSV or JSON)',
    fileHelp: 'CSV: one row per figure (indicator, unit, period, value or numerator/denominator…), using the units of the chosen sample data set. JSON: a whole input (asOf, units, observations).',
    reset: 'Back to the sample figures',
    cardsHeading: 'Key targets',
    rampHeading: 'Digitization ramp of procedure results (clause II.2.c.2)',
    rampIntro: 'The minimum share of valid procedure results that must be digitized, by level and year.',
    rampCaption: 'Floor by year (%)',
    level: 'Level',
    levels: { city: 'City level', district: 'District level', commune: 'Commune level' },
    findingsHeading: 'Data quality',
    findingsNone: 'No problem found in the figures.',
    findingsCount: (n, e) => `${n} notes on the figures, ${e} of them errors (figures in error are left out).`,
    findingsMore: (n) => `… and ${n} more notes.`,
    severity: { error: 'Error', warning: 'Warning' },
    unusable: 'left out',
    footer: 'Computed in your browser by cchc-progress (WebAssembly), under Decision 4168/QĐ-UBND of 27 December 2021 of the People’s Committee of Cần Thơ.',
    loading: 'Computing…',
    loaded: (name, n) => `Loaded “${name}”: ${n} results.`,
    tooBig: 'The file is larger than 20 MB: split it.',
    notJson: (m) => `The JSON file cannot be read: ${m}`,
    errorsTitle: 'Progress cannot be computed from this file',
    engineFailed: (m) => `The engine could not be loaded: ${m}`,
  },
};

const LEVELS = ['city', 'district', 'commune'];
const YEARS = [2022, 2023, 2024, 2025];
const MAX_FINDINGS = 200;

const state = {
  locale: 'vi',
  asOf: '',
  dataset: 'sample', // the sample data set chosen (DATASETS)
  source: { src: SAMPLE }, // what the widgets show: { src } | { input } | { csv, csvOptions }
  fileName: null,
  sample: null, // the chosen sample's input (its units serve CSV files)
  report: null,
  dataAsOf: null, // the data's own as-of date, named in the selector's first option
  error: null,
};

const $ = (id) => document.getElementById(id);
const tr = (key, ...args) => {
  const v = TEXT[state.locale][key];
  return typeof v === 'function' ? v(...args) : v;
};

function node(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!match) return String(iso);
  const [, y, m, d] = match;
  if (state.locale === 'vi') return `${d}/${m}/${y}`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(+y, +m - 1, +d)));
}

// ---- labels -----------------------------------------------------------------------------

function applyLocale() {
  const locale = state.locale;
  document.documentElement.lang = locale;
  document.title = tr('pageTitle');
  // The `?data=2026` page shows the 2026–2030 targets beside the 2025 review: its title says both.
  const key = (k) => (k === 'title' && state.dataset === '2026' ? 'title2026' : k);
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = tr(key(el.dataset.i18n));
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', tr(el.dataset.i18nAria));
  for (const b of document.querySelectorAll('.lang-switch button')) b.setAttribute('aria-pressed', String(b.dataset.lang === locale));
  for (const opt of $('as-of').options) {
    if (opt.value) opt.textContent = formatDate(opt.value);
    else opt.textContent = state.dataAsOf ? `${tr('asOfData')} (${formatDate(state.dataAsOf)})` : tr('asOfData');
  }
  for (const row of document.querySelectorAll('#ramp-table tbody tr')) row.querySelector('th').textContent = TEXT[locale].levels[row.dataset.level];
  for (const w of document.querySelectorAll(WIDGETS)) w.setAttribute('locale', locale);
  renderBanner();
  renderPrintMeta();
  renderFindings();
  renderErrors();
  if (state.report && state.fileName) $('load-status').textContent = tr('loaded', state.fileName, state.report.resultCount);
}

function renderBanner() {
  const banner = $('data-banner');
  banner.dataset.source = state.fileName ? 'file' : 'sample';
  $('data-badge').textContent = state.fileName ? tr('fileBadge') : tr('sampleBadge');
  const note = $('data-note');
  if (state.fileName) {
    // The file's name is data: isolated inside the sentence.
    const [before, after] = tr('fileNote', '\u0000').split('\u0000');
    note.replaceChildren(before, node('bdi', { dir: 'auto' }, state.fileName), after);
  } else {
    note.textContent = tr({ merged: 'mergedNote', 2026: 'note2026' }[state.dataset] ?? 'sampleNote');
  }
}

/** The line printed under the page's title: the plan and the as-of date of the figures shown. */
function renderPrintMeta() {
  const r = state.report;
  $('print-meta').textContent = r ? tr('printMeta', r.plan.titles[state.locale], formatDate(r.asOf)) : '';
}

function renderFindings() {
  const list = $('findings-list');
  const summary = $('findings-summary');
  list.replaceChildren();
  if (!state.report) {
    summary.textContent = '';
    return;
  }
  const findings = state.report.findings();
  const errors = findings.filter((f) => f.severity === 'error').length;
  summary.textContent = findings.length ? tr('findingsCount', findings.length, errors) : tr('findingsNone');
  for (const f of findings.slice(0, MAX_FINDINGS)) {
    const where = [f.unit, f.indicator, f.period].filter(Boolean).join(' · ');
    const li = node(
      'li',
      { class: `finding ${f.severity}`, 'data-code': f.code },
      node('strong', {}, `${TEXT[state.locale].severity[f.severity] ?? f.severity}: `),
      f.message[state.locale],
    );
    const meta = node('span', { class: 'meta' }, node('code', {}, f.code));
    // Unit and indicator ids come from the data: isolated, like every data string the widgets show.
    if (where) meta.append(' · ', node('bdi', { dir: 'auto' }, where));
    if (f.unusable) meta.append(` · ${tr('unusable')}`);
    meta.append(' · ', node('code', {}, f.path));
    li.append(node('br'), meta);
    list.append(li);
  }
  if (findings.length > MAX_FINDINGS) list.append(node('li', { class: 'more' }, tr('findingsMore', findings.length - MAX_FINDINGS)));
}

function renderErrors() {
  const box = $('errors');
  box.replaceChildren();
  const e = state.error;
  if (!e) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.append(node('p', {}, node('strong', {}, tr('errorsTitle'))));
  const details = Array.isArray(e.errors) && e.errors.length ? e.errors : [{ code: e.code, path: e.path, message: { vi: e.messageVi ?? e.message, en: e.messageEn ?? e.message } }];
  const ul = node('ul');
  for (const d of details.slice(0, MAX_FINDINGS)) {
    const li = node('li', { 'data-code': d.code ?? '' }, d.message?.[state.locale] ?? String(d.message ?? e.message));
    if (d.code || d.path) li.append(' ', node('span', { class: 'meta' }, node('code', {}, [d.code, d.path].filter(Boolean).join(' '))));
    ul.append(li);
  }
  box.append(ul);
}

// ---- data -------------------------------------------------------------------------------

/** The widgets that show the chosen source (not those of the 2026–2030 plan, `next`). */
function widgets() {
  return [...document.querySelectorAll(WIDGETS)].filter((w) => !w.closest('#next-plan'));
}

/** Puts the chosen data set's cards and charts on the page (the overview stays). */
function placeWidgets() {
  const ds = DATASETS[state.dataset];
  const make = (tag, attrs) => {
    const w = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) w.setAttribute(k, v);
    w.setAttribute('locale', state.locale);
    return w;
  };
  document.querySelector('.cards:not(.next-cards)').replaceChildren(...ds.cards.map(([indicator, unit]) => make('cchc-progress-card', { indicator, unit, src: ds.src })));
  document.querySelector('.charts').replaceChildren(...ds.charts.map((attrs) => make('cchc-ramp-chart', { ...attrs, src: ds.src })));
  // The 2026–2030 plan's cards and overview, on their own data, for the data sets that have them.
  const next = ds.next;
  $('next-plan').hidden = !next;
  $('cards-heading').dataset.i18n = next ? 'cardsHeading2025' : 'cardsHeading';
  const nextCards = next ? next.cards.map(([indicator, unit]) => make('cchc-progress-card', { indicator, unit, plan: next.plan, src: next.src })) : [];
  document.querySelector('.next-cards').replaceChildren(...nextCards);
  const nextOverview = next ? [make('cchc-overview', { unit: 'ct', plan: next.plan, src: next.src, 'heading-level': '3' })] : [];
  document.querySelector('.next-overview').replaceChildren(...nextOverview);
}

async function chooseDataset(name) {
  document.body.dataset.ready = 'loading';
  state.dataset = DATASETS[name] ? name : 'sample';
  $('dataset').value = state.dataset;
  for (const el of document.querySelectorAll('[data-i18n="title"]')) el.textContent = tr(state.dataset === '2026' ? 'title2026' : 'title');
  const query = state.dataset === 'sample' ? location.pathname : `${location.pathname}?data=${state.dataset}`;
  if (`${location.pathname}${location.search}` !== query) history.replaceState(null, '', query);
  state.source = { src: DATASETS[state.dataset].src };
  state.fileName = null;
  state.asOf = '';
  $('as-of').value = '';
  $('file').value = '';
  $('load-status').textContent = '';
  placeWidgets();
  state.sample = await fetchJson(DATASETS[state.dataset].src);
  state.dataAsOf = state.sample?.asOf ?? null;
  await show();
}

/** Gives every widget the current source, then reads the same shared evaluation. */
async function show() {
  for (const w of widgets()) {
    if (state.asOf) w.setAttribute('as-of', state.asOf);
    else w.removeAttribute('as-of');
    if (state.source.src) {
      w.csvOptions = null;
      w.removeAttribute('src');
      w.setAttribute('src', state.source.src);
    } else if (state.source.input) {
      w.input = state.source.input;
    } else {
      w.csvOptions = state.source.csvOptions;
      w.csv = state.source.csv;
    }
  }
  document.body.dataset.ready = 'loading';
  try {
    const { report } = await evaluateShared(state.source, { asOf: state.asOf });
    state.report = report;
    state.error = null;
    if (!state.asOf) state.dataAsOf = report.asOf;
  } catch (e) {
    state.report = null;
    state.error = e;
  }
  await Promise.all(widgets().map((w) => w.updateComplete));
  applyLocale();
  document.body.dataset.ready = state.error ? 'error' : 'true';
}

async function loadFile(file) {
  state.error = null;
  $('load-status').textContent = tr('loading');
  if (file.size > MAX_BYTES) {
    state.error = { message: tr('tooBig'), code: 'FILE_TOO_LARGE', path: '$' };
    renderErrors();
    $('load-status').textContent = '';
    return;
  }
  const text = await file.text();
  const isJson = /\.json$/i.test(file.name) || /^\s*[{[]/.test(text);
  if (isJson) {
    let input;
    try {
      input = JSON.parse(text);
    } catch (e) {
      state.error = { code: 'BAD_JSON', path: '$', messageVi: TEXT.vi.notJson(e.message), messageEn: TEXT.en.notJson(e.message) };
      state.report = null;
      state.fileName = file.name;
      renderBanner();
      renderErrors();
      renderFindings();
      $('load-status').textContent = '';
      document.body.dataset.ready = 'error';
      return;
    }
    state.source = { input };
  } else {
    const sample = state.sample;
    state.source = { csv: text, csvOptions: { asOf: sample.asOf, label: file.name, units: sample.units } };
  }
  state.fileName = file.name;
  const own = state.source.input?.asOf ?? state.source.csvOptions?.asOf;
  state.dataAsOf = typeof own === 'string' ? own : null;
  await show();
  if (state.error) $('load-status').textContent = '';
}

function buildRampTable(engine) {
  const table = $('ramp-table');
  const headRow = table.querySelector('thead tr');
  for (const year of YEARS) headRow.append(node('th', { scope: 'col' }, String(year)));
  const body = table.querySelector('tbody');
  for (const level of LEVELS) {
    const row = node('tr', { 'data-level': level }, node('th', { scope: 'row' }, TEXT.vi.levels[level]));
    for (const year of YEARS) {
      const floor = engine.ramp(level, year);
      row.append(node('td', { 'data-year': String(year) }, new Intl.NumberFormat('vi-VN').format(floor.floor)));
    }
    body.append(row);
  }
}

function wire() {
  for (const b of document.querySelectorAll('.lang-switch button')) {
    b.addEventListener('click', () => {
      state.locale = b.dataset.lang === 'en' ? 'en' : 'vi';
      applyLocale();
    });
  }
  $('as-of').addEventListener('change', (e) => {
    state.asOf = e.target.value;
    void show();
  });
  $('file').addEventListener('change', (e) => {
    const file = e.target.files?.[0];
    if (file) void loadFile(file);
  });
  $('dataset').addEventListener('change', (e) => {
    void chooseDataset(e.target.value);
  });
  $('reset').addEventListener('click', () => {
    state.source = { src: DATASETS[state.dataset].src };
    state.fileName = null;
    state.dataAsOf = state.sample?.asOf ?? null;
    $('file').value = '';
    $('load-status').textContent = '';
    void show();
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
    const file = e.dataTransfer?.files?.[0];
    if (file) void loadFile(file);
  });
}

async function main() {
  wire();
  buildRampTable(await getEngine());
  await chooseDataset(new URLSearchParams(location.search).get('data') ?? 'sample');
}

main().catch((err) => {
  $('status').textContent = tr('engineFailed', err.message);
  document.body.dataset.ready = 'error';
});
