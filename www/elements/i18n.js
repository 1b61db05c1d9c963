// Labels of the widgets in Vietnamese (the default) and English, and the status table (icon +
// words, never colour alone; worst first). Texts from data never pass through here. Numbers
// are written by ./format.js, with the engine's rules.

export { num, pct } from './format.js';

export const LOCALES = ['vi', 'en'];

/** `vi` unless `en` is asked for: the widgets speak Vietnamese first. */
export function pickLocale(value) {
  return value === 'en' ? 'en' : 'vi';
}

/**
 * A widget's language: its `locale` attribute when it is `vi` or `en`, else the language of
 * the page around it (`lang` of its nearest ancestor that has one), else Vietnamese.
 */
export function localeOf(attribute, element) {
  if (attribute === 'vi' || attribute === 'en') return attribute;
  const lang = element?.closest?.('[lang]')?.getAttribute('lang') ?? '';
  return /^en\b/i.test(lang) ? 'en' : 'vi';
}

/**
 * Every status code of the report, in one place: the order of the status sort and the
 * counts (most urgent first), the badge's icon and its words. tests/js/package.test.mjs
 * checks this list against the `Status` union of the shipped types.
 */
export const STATUSES = [
  { code: 'missed', icon: '✗', vi: 'Không đạt', en: 'Missed' },
  { code: 'not_reported', icon: '∅', vi: 'Chưa có số liệu năm hạn', en: 'Not reported' },
  { code: 'deteriorating', icon: '↘', vi: 'Đang giảm sút', en: 'Deteriorating' },
  { code: 'limited_progress', icon: '→', vi: 'Tiến triển chậm', en: 'Limited progress' },
  { code: 'needs_acceleration', icon: '!', vi: 'Cần đẩy nhanh', en: 'Needs acceleration' },
  { code: 'insufficient_data', icon: '?', vi: 'Chưa đủ số liệu', en: 'Insufficient data' },
  { code: 'no_data', icon: '–', vi: 'Chưa có số liệu', en: 'No data' },
  { code: 'discontinued', icon: '⊘', vi: 'Đơn vị đã ngừng hoạt động', en: 'Discontinued' },
  { code: 'on_track', icon: '↗', vi: 'Đúng tiến độ', en: 'On track' },
  { code: 'met', icon: '✓', vi: 'Đã đạt', en: 'Met' },
];

/** Worst first: the order of the status sort. */
export const STATUS_ORDER = STATUSES.map((s) => s.code);

/** By code: `{ icon, vi, en }`. */
export const STATUS = Object.fromEntries(STATUSES.map(({ code, ...rest }) => [code, rest]));

const LEVEL = {
  city: { vi: 'Cấp thành phố', en: 'City level' },
  district: { vi: 'Cấp huyện', en: 'District level' },
  commune: { vi: 'Cấp xã', en: 'Commune level' },
  department: { vi: 'Sở, ban, ngành', en: 'Departments' },
};

const T = {
  loading: { vi: 'Đang tải số liệu…', en: 'Loading figures…' },
  errorTitle: { vi: 'Không hiển thị được tiến độ', en: 'Progress cannot be shown' },
  noData: { vi: 'Chưa có số liệu để hiển thị.', en: 'No figures to show yet.' },
  noResult: {
    // Citizens read it (a target of the plan without a figure for this unit yet); the ids
    // stay for the portal's developer.
    vi: (ind, unit) => `Chưa có số liệu của đơn vị này cho chỉ tiêu này (chỉ tiêu \`${ind}\`, đơn vị \`${unit}\`).`,
    en: (ind, unit) => `No figures yet for this target in this unit (target \`${ind}\`, unit \`${unit}\`).`,
  },
  unknownIndicator: {
    vi: (ind) => `Kế hoạch không có chỉ tiêu \`${ind}\`.`,
    en: (ind) => `The plan has no target \`${ind}\`.`,
  },
  // A target of a format-2 pack may cite its document and part instead of a clause (its
  // sentence says where it comes from): no clause, no label.
  clause: { vi: (c) => (c ? `Khoản ${c}` : ''), en: (c) => (c ? `Clause ${c}` : '') },
  status: { vi: 'Trạng thái', en: 'Status' },
  value: { vi: 'Giá trị', en: 'Value' },
  latest: { vi: (p) => `Số liệu mới nhất: kỳ ${p}`, en: (p) => `Latest figures: ${p}` },
  judged: { vi: (p) => `Số liệu được xét: kỳ ${p}`, en: (p) => `Figures judged: ${p}` },
  asOf: { vi: (d) => `Tính đến ngày ${d}`, en: (d) => `As of ${d}` },
  floorOf: { vi: (y) => `Mức sàn năm ${y}`, en: (y) => `${y} floor` },
  requirementOf: { vi: (y) => `Yêu cầu năm ${y}`, en: (y) => `${y} requirement` },
  targetBy: { vi: (y) => `Chỉ tiêu đến năm ${y}`, en: (y) => `Target by ${y}` },
  gap: { vi: 'Còn thiếu', en: 'Gap' },
  gapMet: { vi: 'Đã đạt yêu cầu', en: 'Requirement met' },
  gapPoints: { vi: (n) => `${n} điểm phần trăm`, en: (n) => `${n} percentage ${n === '1' ? 'point' : 'points'}` },
  gapRanks: { vi: (n) => `${n} bậc xếp hạng`, en: (n) => `${n} ${n === '1' ? 'place' : 'places'} in the ranking` },
  gapUnits: { vi: (n, what) => `${n} ${what}`, en: (n, what) => `${n} more ${what}` },
  rank: { vi: (n) => `hạng ${n}`, en: (n) => `rank ${n}` },
  // As the engine writes it in its sentences: "hạng 12/34", "rank 12/34".
  rankOf: { vi: (n, of) => `hạng ${n}/${of}`, en: (n, of) => `rank ${n}/${of}` },
  done: { vi: 'hoàn thành', en: 'completed' },
  reduction: { vi: (v) => `giảm ${v}`, en: (v) => `cut by ${v}` },
  explanation: { vi: 'Giải thích', en: 'Explanation' },
  // the card's two verdicts: this year's requirement, and the trend toward the deadline
  yearVerdict: { vi: (y) => `Yêu cầu năm ${y}`, en: (y) => `${y} requirement` },
  floorVerdict: { vi: (y) => `Mức sàn năm ${y}`, en: (y) => `${y} floor` },
  reqMet: { vi: 'đạt', en: 'met' },
  reqNotMet: { vi: 'chưa đạt', en: 'not met' },
  // a figure before the deadline against the target due by then
  targetReached: { vi: 'đã đạt', en: 'reached' },
  targetNotYet: { vi: 'chưa đạt', en: 'not yet reached' },
  trendTo: { vi: (y) => `Xu hướng so với chỉ tiêu năm ${y}`, en: (y) => `Trend toward the ${y} target` },
  deadlineVerdict: { vi: (y) => `Chỉ tiêu năm ${y}`, en: (y) => `${y} target` },
  showFullName: { vi: 'Hiện đầy đủ tên', en: 'Show the full name' },
  hideFullName: { vi: 'Thu gọn tên', en: 'Shorten the name' },
  nUnits: { vi: (n) => `${n} đơn vị`, en: (n) => (n === '1' ? '1 unit' : `${n} units`) },
  touchHint: { vi: 'Chạm vào một năm để xem số liệu.', en: 'Tap a year to see its figures.' },
  // ramp chart
  rampTitle: { vi: 'Lộ trình số hóa: mức sàn và giá trị thực tế', en: 'Digitization ramp: floors and actual values' },
  rampSchedule: { vi: 'Mức sàn theo năm, theo cấp', en: 'Floors by year and level' },
  floor: { vi: 'Mức sàn', en: 'Floor' },
  actual: { vi: 'Thực tế', en: 'Actual' },
  belowFloor: { vi: 'dưới mức sàn', en: 'below the floor' },
  atOrAbove: { vi: 'đạt mức sàn', en: 'meets the floor' },
  year: { vi: 'Năm', en: 'Year' },
  unitCol: { vi: 'Đơn vị', en: 'Unit' },
  level: { vi: 'Cấp', en: 'Level' },
  dataTable: { vi: 'Bảng số liệu của biểu đồ', en: 'Data table of the chart' },
  noValue: { vi: 'chưa có', en: 'none' },
  chartSummaryUnit: {
    vi: (unit, parts) => `${unit}: ${parts}`,
    en: (unit, parts) => `${unit}: ${parts}`,
  },
  chartYear: {
    vi: (y, floor, value, state) => `năm ${y} mức sàn ${floor}, thực tế ${value}${state ? ` (${state})` : ''}`,
    en: (y, floor, value, state) => `${y} floor ${floor}, actual ${value}${state ? ` (${state})` : ''}`,
  },
  chartLevel: {
    vi: (level, met, total, y) => `${level}: ${met}/${total} đơn vị đạt mức sàn năm ${y}`,
    en: (level, met, total, y) => `${level}: ${met} of ${total} units meet the ${y} floor`,
  },
  // overview
  overviewTitle: { vi: 'Tiến độ cải cách hành chính', en: 'Administrative reform progress' },
  countsTitle: { vi: 'Số chỉ tiêu theo trạng thái', en: 'Targets by status' },
  sortBy: { vi: 'Sắp xếp', en: 'Sort by' },
  sortPlan: { vi: 'Thứ tự kế hoạch', en: 'Plan order' },
  sortStatus: { vi: 'Trạng thái (cần chú ý trước)', en: 'Status (most urgent first)' },
  sortGap: { vi: 'Khoảng cách lớn nhất', en: 'Largest gap' },
  sortTitle: { vi: 'Tên chỉ tiêu (A–Z)', en: 'Target name (A–Z)' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  requirement: { vi: 'Yêu cầu', en: 'Requirement' },
  targets: { vi: (n) => `${n} chỉ tiêu`, en: (n) => (n === 1 ? '1 target' : `${n} targets`) },
  shortTitle: { vi: 'Đơn vị chưa đạt yêu cầu theo cấp', en: 'Units short of a level requirement' },
  shortNone: { vi: 'Không có đơn vị nào chưa đạt.', en: 'No unit falls short.' },
  noDataUnits: { vi: (n) => `${n} đơn vị chưa báo cáo`, en: (n) => `${n} units have not reported` },
  sample: { vi: 'Số liệu mẫu, không phải số liệu chính thức', en: 'Sample figures, not official' },
  // after the deadline, across the 2025 reorganisation (card and chart)
  latestFigure: { vi: (y) => `Số liệu gần nhất (năm ${y})`, en: (y) => `Latest figure (${y})` },
  lastFigure: { vi: (p) => `Số liệu cuối cùng (${p})`, en: (p) => `Last figure (${p})` },
  noDeadlineFigure: {
    vi: (d) => `Chưa có số liệu năm ${d}: không kết luận được là đạt hay không đạt.`,
    en: (d) => `No ${d} figure was given: the target can be called neither met nor missed.`,
  },
  provisional: { vi: (y) => `Xu hướng tạm tính theo số liệu năm ${y}, không phải kết luận`, en: (y) => `Provisional trend from the ${y} figure, not a verdict` },
  unitEnded: { vi: (d) => `Đơn vị tồn tại đến hết ngày ${d}.`, en: (d) => `The unit existed until ${d}.` },
  successors: { vi: 'Đơn vị kế thừa', en: 'Succeeded by' },
  afterDeadline: { vi: (p) => `Sau thời hạn (${p})`, en: (p) => `After the deadline (${p})` },
  notInVerdict: { vi: 'không tính vào kết quả đánh giá', en: 'not part of the verdict' },
  meetsTarget: { vi: 'đạt chỉ tiêu', en: 'meets the target' },
  shortOfTarget: { vi: 'chưa đạt chỉ tiêu', en: 'short of the target' },
  seriesBreak: {
    vi: (b, a) => `Địa bàn thay đổi giữa năm ${b} và năm ${a}: xu hướng so sánh hai địa bàn khác nhau.`,
    en: (b, a) => `The territory changed between ${b} and ${a}: the trend compares different territories.`,
  },
  fromPredecessors: { vi: 'cộng từ các đơn vị trước sắp xếp', en: 'summed from the units before the reorganisation' },
  estimated: { vi: 'ước tính theo tỷ lệ', en: 'estimated from shares' },
  figureFromPredecessors: { vi: 'Số liệu này được cộng từ các đơn vị trước sắp xếp', en: 'This figure is summed from the units before the reorganisation' },
  notEstimatedFrom: { vi: 'Không ước tính các năm trước từ', en: 'Earlier years not estimated from' },
  basisCol: { vi: 'Nguồn số liệu', en: 'Source of the figure' },
  breakLegend: { vi: (b, a) => `Địa bàn thay đổi (${b} → ${a})`, en: (b, a) => `Territory changed (${b} → ${a})` },
  breakMark: { vi: 'đổi địa bàn', en: 'new territory' },
  predMark: { vi: 'đơn vị cũ', en: 'old units' },
  // the final review (overview) and its CSV
  reviewTitle: { vi: (a, b) => `Tổng kết kế hoạch ${a}–${b}`, en: (a, b) => `Final review of the plan, ${a}–${b}` },
  reviewIntro: {
    vi: 'Mỗi chỉ tiêu, mỗi cấp: kết luận theo số liệu của năm hạn; số liệu của năm khác không dùng để kết luận.',
    en: 'Each target at each level, judged by the figure of its deadline year; figures of other years never decide a verdict.',
  },
  reviewCountsTitle: { vi: 'Số dòng tổng kết theo kết luận', en: 'Review rows by verdict' },
  reviewCaption: { vi: 'Tổng kết theo chỉ tiêu và cấp', en: 'Review by target and level' },
  deadlineFigure: { vi: 'Số liệu năm hạn', en: 'Deadline-year figure' },
  verdict: { vi: 'Kết luận', en: 'Verdict' },
  unitsCol: { vi: 'Số đơn vị', en: 'Units' },
  until: { vi: (d) => `đến ${d}`, en: (d) => `to ${d}` },
  floorYear: { vi: (y) => `mức sàn năm ${y}`, en: (y) => `${y} floor` },
  byYear: { vi: (y) => `đến năm ${y}`, en: (y) => `by ${y}` },
  unitCounts: {
    vi: { met: 'đạt', missed: 'không đạt', notReported: 'chưa báo cáo', discontinued: 'đã ngừng', noData: 'chưa có số liệu', of: (n) => `trên ${n} đơn vị` },
    en: { met: 'met', missed: 'missed', notReported: 'not reported', discontinued: 'ended', noData: 'no data', of: (n) => (n === '1' ? 'of 1 unit' : `of ${n} units`) },
  },
  downloadReview: { vi: 'Tải bảng tổng kết (CSV)', en: 'Download the review (CSV)' },
  downloadReviewXlsx: { vi: 'Tải bảng tổng kết (Excel .xlsx)', en: 'Download the review (Excel .xlsx)' },
  // every widget's table as a file (./tables.js)
  downloadTable: { vi: 'Tải số liệu:', en: 'Download the figures:' },
  downloadXlsx: { vi: 'Tệp Excel (.xlsx)', en: 'Excel file (.xlsx)' },
  downloadCsv: { vi: 'Tệp CSV', en: 'CSV file' },
  // Every CSV: `,` between cells (RFC 4180), the decimal mark of the widget's language.
  downloadHint: {
    vi: 'Excel: chọn .xlsx. CSV (UTF-8, dấu phẩy phân cách, RFC 4180) dành cho các chương trình khác; Excel cài tiếng Việt mở CSV thành một cột.',
    en: 'Excel: take the .xlsx. The CSV (UTF-8, comma-separated, RFC 4180) is for other programs; Excel set to Vietnamese opens a CSV as one column.',
  },
};

/** A label of the widgets in `locale`; functions are called with `args`. */
export function t(key, locale, ...args) {
  const entry = T[key]?.[locale] ?? T[key]?.vi;
  return typeof entry === 'function' ? entry(...args) : (entry ?? key);
}

export function statusLabel(status, locale) {
  return STATUS[status]?.[locale] ?? status;
}

export function levelLabel(level, locale) {
  return LEVEL[level]?.[locale] ?? level;
}

const LEVEL_SHORT = {
  city: { vi: 'Thành phố', en: 'City' },
  district: { vi: 'Huyện', en: 'District' },
  commune: { vi: 'Xã', en: 'Commune' },
  department: { vi: 'Sở, ngành', en: 'Department' },
};

/** A level in a column headed "Cấp" / "Level": `Thành phố`, `Huyện`, `Xã`. */
export function levelShort(level, locale) {
  return LEVEL_SHORT[level]?.[locale] ?? level;
}

/** `2025-06-30` as `30/06/2025` (vi) or `30 June 2025` (en). */
export function date(iso, locale) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return iso ?? '';
  if (locale === 'vi') return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A period code (`2024`, `2024-Q2`, `2024-H1`, `2024-05`) in words. */
export function period(code, locale) {
  const s = String(code ?? '');
  let m;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(s))) return locale === 'en' ? `Q${m[2]} ${m[1]}` : `quý ${m[2]}/${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(s))) return locale === 'en' ? `H${m[2]} ${m[1]}` : `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return locale === 'en' ? `${m[2]}/${m[1]}` : `tháng ${Number(m[2])}/${m[1]}`;
  return locale === 'en' ? s : `năm ${s}`;
}
