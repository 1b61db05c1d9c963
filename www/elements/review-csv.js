// The widgets' tables as CSV, and the final review's rows, in Vietnamese (the default) or
// English. The conventions, and why:
//
// - UTF-8 with a byte order mark: without it Excel reads the file in the Windows code page
//   and mangles every Vietnamese letter.
// - The delimiter is `,`, as RFC 4180 says, for programs (pandas, R, LibreOffice, this
//   package's own `evaluateSheet`). Excel splits a double-clicked .csv at the Windows list
//   separator instead, and a computer set to Vietnamese (decimal mark `,`) has `;` there: it
//   opens this file as one column. No delimiter serves both, and the reader's settings are
//   unknowable from a web page, so Excel users get the `.xlsx` beside every CSV (numbers as
//   numbers, no separator question at all); the buttons say so.
// - No `sep=,` line, although it would make any Excel split at `,`: it is Excel's alone. Other
//   readers take it for the header row (checked: Python's `csv.DictReader` reads the headings
//   `sep=` and ``; this package's `evaluateCsv` refuses the file, `CSV_MISSING_COLUMN`; only
//   `evaluateSheet`, which looks for its heading row, passes over it), and in some Excel
//   versions it makes Excel ignore the byte order mark (the letters break again).
// - Numbers as plain numbers, in the locale's decimal mark: `98,1` in Vietnamese (quoted, so
//   the comma stays in the cell; Excel's import (Data › From Text/CSV) set to Vietnamese reads
//   it as a number), `98.1` in English; no grouping, no `%`, at most two decimals. Never
//   three: in the other locale a misread value then stays text (`98,10`) instead of silently
//   becoming 9810.
// - CRLF line ends (RFC 4180), every text cell quoted, and a text cell that starts with
//   `=`, `+`, `-`, `@`, a tab or a carriage return prefixed with `'`, so a spreadsheet never
//   runs data as a formula (OWASP, CSV injection).

import { levelLabel, statusLabel } from './i18n.js';

const CRLF = '\r\n';
const BOM = '\uFEFF';

/** The file's conventions per locale: delimiter (`,` in both: RFC 4180) and decimal mark. */
export const CSV_FORMAT = {
  vi: { delimiter: ',', decimal: ',' },
  en: { delimiter: ',', decimal: '.' },
};

const HEADERS = {
  vi: ['Mã chỉ tiêu', 'Khoản', 'Chỉ tiêu', 'Cấp', 'Năm hạn', 'Năm của số liệu', 'Ngày cuối của cấp', 'Giá trị', 'Đơn vị tính', 'So sánh', 'Yêu cầu', 'Năm của mức sàn', 'Kết luận', 'Mã kết luận', 'Tổng số đơn vị', 'Đạt', 'Không đạt', 'Chưa báo cáo', 'Đã ngừng hoạt động', 'Chưa có số liệu', 'Quy tắc và đơn vị chưa đạt'],
  en: ['Indicator id', 'Clause', 'Target', 'Level', 'Deadline', 'Year of the figure', "Level's last day", 'Value', 'Unit of measure', 'Comparator', 'Requirement', 'Year of the floor', 'Verdict', 'Verdict code', 'Units', 'Met', 'Missed', 'Not reported', 'Discontinued', 'No data', 'Rule and who did not meet it'],
};

const MEASURE_UNIT = {
  vi: { percentage: '%', rank: 'hạng', reduction: '% giảm', milestone: '% hoàn thành' },
  en: { percentage: '%', rank: 'rank', reduction: '% cut', milestone: '% done' },
};

/** A text cell: quoted, quotes doubled, and never something a spreadsheet would run. */
export function textCell(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * A number with at most two decimals, rounded so it never lands on the other side of
 * `requirement` (98,996 against 99 is written 98,99, not 99).
 */
export function plainNumber(value, requirement) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  let r = Math.round(value * 100) / 100;
  if (typeof requirement === 'number') {
    if (value < requirement && r >= requirement) r = Math.floor(value * 100) / 100;
    else if (value > requirement && r <= requirement) r = Math.ceil(value * 100) / 100;
  }
  let text = Math.abs(r).toFixed(2).replace(/\.?0+$/, '');
  if (text === '') text = '0';
  return r < 0 && text !== '0' ? `-${text}` : text;
}

function numberCell(value, locale, requirement) {
  const text = plainNumber(value, requirement);
  if (text === null) return '';
  if (!text.includes('.')) return text;
  const { decimal, delimiter } = CSV_FORMAT[locale];
  const local = text.replace('.', decimal);
  return local.includes(delimiter) ? `"${local}"` : local;
}

/**
 * `rows` (header first; cells are strings, numbers or null) as CSV text starting with the
 * byte order mark: numbers plain in `locale`'s decimal mark, text quoted, null empty.
 */
export function csvText(rows, locale = 'vi') {
  const loc = locale === 'en' ? 'en' : 'vi';
  const { delimiter } = CSV_FORMAT[loc];
  const cell = (v) => (v === null || v === undefined ? '' : typeof v === 'number' ? numberCell(v, loc) : textCell(v));
  return BOM + rows.map((row) => row.map(cell).join(delimiter)).join(CRLF) + CRLF;
}

/**
 * The review of `report` as CSV text (starting with the byte order mark), or null when the
 * report has no review. `info(id)` gives an indicator of the plan (`title`, `measure`), so
 * titles are in `locale` whatever the report's own locale. The cells of `reviewTable`.
 */
export function reviewCsv(report, locale = 'vi', info = () => null) {
  const rows = reviewTable(report, locale, info);
  return rows === null ? null : csvText(rows, locale);
}

/** The file name of the review's download (`tong-ket-cchc-2021-2025-2026-06-30.csv`). */
export function reviewFileName(report, locale = 'vi') {
  const r = report?.review;
  const span = r ? `${r.from}-${r.to}` : '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(report?.asOf ?? '') ? report.asOf : 'report';
  return locale === 'en' ? `cchc-review-${span}-${day}.csv` : `tong-ket-cchc-${span}-${day}.csv`;
}

/**
 * The review of `report` as rows of cells (numbers as numbers, rounded to two decimals on the
 * side of the requirement the value is on), headers first: the CSV's and the .xlsx's cells.
 * Null when the report has no review.
 */
export function reviewTable(report, locale = 'vi', info = () => null) {
  const review = report?.review;
  if (!review) return null;
  const loc = locale === 'en' ? 'en' : 'vi';
  const num = (v, requirement) => {
    const text = plainNumber(v, requirement);
    return text === null ? null : Number(text);
  };
  const rows = [HEADERS[loc]];
  for (const row of review.rows) {
    const ind = info(row.indicator);
    const measure = ind?.measure ?? 'percentage';
    const u = row.units ?? {};
    rows.push([
      row.indicator,
      row.clause,
      ind?.title?.[loc] ?? row.title,
      levelLabel(row.level, loc),
      num(row.deadline),
      num(row.year),
      row.lastDay ?? null,
      num(row.value, row.requirement),
      MEASURE_UNIT[loc][measure] ?? '',
      row.comparator === 'lte' ? '≤' : '≥',
      num(row.requirement),
      num(row.requirementYear),
      statusLabel(row.verdict, loc),
      row.verdict,
      num(u.total),
      num(u.met),
      num(u.missed),
      num(u.notReported),
      num(u.discontinued),
      num(u.noData),
      // The rule the verdict follows and who did not meet it (absent under `text: "none"`).
      row.rule?.[loc] ?? '',
    ]);
  }
  return rows;
}
