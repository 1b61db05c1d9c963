// The final review as a CSV file that Excel opens correctly by a double click, in Vietnamese
// (the default) or English. What Excel needs, and why:
//
// - UTF-8 with a byte order mark: without it Excel reads the file in the Windows code page
//   and mangles every Vietnamese letter. No `sep=` line: in some Excel versions it makes Excel
//   ignore the mark (the letters break again).
// - The delimiter: Excel splits a double-clicked .csv at the Windows list separator. That is
//   `,` for en-US and, in Windows' own vi-VN locale data, also `,` (beside the decimal comma;
//   Wine's copy of that data: LOCALE_SLIST ",", LOCALE_SDECIMAL ","). Both files use `,`.
// - Numbers as plain numbers, in the locale's decimal mark: `98,1` in Vietnamese (quoted, so
//   the comma stays in the cell; Excel still reads a quoted number as a number), `98.1` in
//   English; no grouping, no `%`, at most two decimals. Never three: in the other locale a
//   misread value then stays text (`98,10`) instead of silently becoming 9810.
// - CRLF line ends (RFC 4180), every text cell quoted, and a text cell that starts with
//   `=`, `+`, `-`, `@`, a tab or a carriage return prefixed with `'`, so a spreadsheet never
//   runs data as a formula (OWASP, CSV injection).

import { levelLabel, statusLabel } from './i18n.js';

const CRLF = '\r\n';
const BOM = '\uFEFF';

/** The file's conventions per locale: delimiter and decimal mark. */
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
 * The review of `report` as CSV text (starting with the byte order mark), or null when the
 * report has no review. `info(id)` gives an indicator of the plan (`title`, `measure`), so
 * titles are in `locale` whatever the report's own locale.
 */
export function reviewCsv(report, locale = 'vi', info = () => null) {
  const review = report?.review;
  if (!review) return null;
  const loc = locale === 'en' ? 'en' : 'vi';
  const { delimiter } = CSV_FORMAT[loc];
  const lines = [HEADERS[loc].map(textCell).join(delimiter)];
  for (const row of review.rows) {
    const ind = info(row.indicator);
    const measure = ind?.measure ?? 'percentage';
    const u = row.units ?? {};
    const cells = [
      textCell(row.indicator),
      textCell(row.clause),
      textCell(ind?.title?.[loc] ?? row.title),
      textCell(levelLabel(row.level, loc)),
      numberCell(row.deadline, loc),
      numberCell(row.year, loc),
      row.lastDay ? textCell(row.lastDay) : '',
      numberCell(row.value, loc, row.requirement),
      textCell(MEASURE_UNIT[loc][measure] ?? ''),
      textCell(row.comparator === 'lte' ? '≤' : '≥'),
      numberCell(row.requirement, loc),
      numberCell(row.requirementYear, loc),
      textCell(statusLabel(row.verdict, loc)),
      textCell(row.verdict),
      numberCell(u.total, loc),
      numberCell(u.met, loc),
      numberCell(u.missed, loc),
      numberCell(u.notReported, loc),
      numberCell(u.discontinued, loc),
      numberCell(u.noData, loc),
      // The rule the verdict follows and who did not meet it (absent under `text: "none"`).
      textCell(row.rule?.[loc] ?? ''),
    ];
    lines.push(cells.join(delimiter));
  }
  return BOM + lines.join(CRLF) + CRLF;
}

/** The file name of the review's download (`tong-ket-cchc-2021-2025-2026-06-30.csv`). */
export function reviewFileName(report, locale = 'vi') {
  const r = report?.review;
  const span = r ? `${r.from}-${r.to}` : '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(report?.asOf ?? '') ? report.asOf : 'report';
  return locale === 'en' ? `cchc-review-${span}-${day}.csv` : `tong-ket-cchc-${span}-${day}.csv`;
}

/**
 * The review of `report` as rows of cells for a spreadsheet (the CSV's columns; numbers as
 * numbers, rounded as in the CSV), headers first; null when the report has no review.
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
    ]);
  }
  return rows;
}
