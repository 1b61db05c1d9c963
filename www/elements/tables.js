// The widgets' tables as files: the rows each widget's download saves, as CSV (./review-csv.js
// says which conventions and why) or as an .xlsx (`cchc-progress/xlsx`). Loaded on the first
// click of a download, never with the page: a page whose readers never download pays nothing
// for it, and the Excel writer is fetched only for an .xlsx.
//
// Every table is headers first (in the widget's language), then rows of text, numbers as
// numbers (rounded to two decimals, as the CSV writes them) and null for no figure: the CSV
// and the .xlsx hold the same cells.

import { levelLabel, statusLabel, t } from './i18n.js';
import { csvText, plainNumber } from './review-csv.js';
import { el } from './dom.js';

const MEASURE_UNIT = {
  vi: { percentage: '%', rank: 'hạng', reduction: '% giảm', milestone: '% hoàn thành' },
  en: { percentage: '%', rank: 'rank', reduction: '% cut', milestone: '% done' },
};

const HEAD = {
  vi: {
    indicator: 'Mã chỉ tiêu',
    clause: 'Khoản',
    area: 'Lĩnh vực',
    title: 'Chỉ tiêu',
    unitId: 'Mã đơn vị',
    unit: 'Đơn vị',
    level: 'Cấp',
    period: 'Kỳ số liệu',
    year: 'Năm',
    value: 'Giá trị',
    measure: 'Đơn vị tính',
    outOf: 'Trên tổng số',
    basis: 'Nguồn số liệu',
    comparator: 'So sánh',
    requirement: 'Yêu cầu',
    met: 'Đạt yêu cầu',
    gap: 'Còn thiếu (điểm)',
    status: 'Tình trạng',
    statusCode: 'Mã tình trạng',
    floor: 'Mức sàn (%)',
    actual: 'Thực tế (%)',
  },
  en: {
    indicator: 'Indicator id',
    clause: 'Clause',
    area: 'Reform area',
    title: 'Target',
    unitId: 'Unit id',
    unit: 'Unit',
    level: 'Level',
    period: 'Period',
    year: 'Year',
    value: 'Value',
    measure: 'Unit of measure',
    outOf: 'Out of',
    basis: 'Source of the figure',
    comparator: 'Comparator',
    requirement: 'Requirement',
    met: 'Requirement met',
    gap: 'Gap (points)',
    status: 'Status',
    statusCode: 'Status code',
    floor: 'Floor (%)',
    actual: 'Actual (%)',
  },
};

const loc = (locale) => (locale === 'en' ? 'en' : 'vi');
const head = (locale, keys) => keys.map((k) => HEAD[loc(locale)][k]);
/** A figure as the CSV writes it (two decimals at most), or null. */
const fig = (v, requirement) => {
  const text = plainNumber(v, requirement);
  return text === null ? null : Number(text);
};
const sign = (comparator) => (comparator === 'lte' ? '≤' : '≥');
const YES_NO = { vi: ['Đạt', 'Không đạt'], en: ['Yes', 'No'] };
const yesNo = (met, locale) => (typeof met === 'boolean' ? YES_NO[loc(locale)][met ? 0 : 1] : null);
const basisWords = (p, locale) => (p?.basis === 'predecessors' ? (p.estimated ? `${t('fromPredecessors', locale)}, ${t('estimated', locale)}` : t('fromPredecessors', locale)) : null);

/**
 * The card's table: its unit's figures for the indicator, one row per period of the series,
 * the judged period with its requirement, whether it is met and the status.
 */
export function cardRows(result, info, locale) {
  const l = loc(locale);
  const rows = [head(l, ['indicator', 'clause', 'title', 'unitId', 'unit', 'period', 'year', 'value', 'measure', 'outOf', 'basis', 'comparator', 'requirement', 'met', 'status', 'statusCode'])];
  const floors = new Map((result.rampYears ?? []).map((r) => [r.year, r]));
  const series = result.series?.length ? result.series : [{ year: result.year, period: result.period, value: result.value, outOf: result.outOf }];
  for (const p of series) {
    const judged = p.period === result.period;
    const ramp = floors.get(p.year);
    const requirement = judged ? result.requirement : (ramp?.floor ?? null);
    const met = judged ? result.met : (ramp?.met ?? null);
    rows.push([
      result.indicator,
      result.clause ?? info?.clause ?? null,
      info?.title?.[l] ?? result.titles?.[l] ?? result.title,
      result.unit ?? null,
      result.unitName ?? null,
      p.period,
      p.year,
      fig(p.value, requirement ?? undefined),
      MEASURE_UNIT[l][result.measure] ?? null,
      fig(p.outOf),
      basisWords(p, l),
      requirement === null || requirement === undefined ? null : sign(result.comparator),
      fig(requirement),
      yesNo(met, l),
      judged ? statusLabel(result.status, l) : null,
      judged ? result.status : null,
    ]);
  }
  return rows;
}

/**
 * The overview's table: every target of its unit, by reform area in the plan's order (the
 * rows of the page's tables, one sheet for all areas).
 */
export function overviewRows(results, areas, locale, info) {
  const l = loc(locale);
  const rows = [head(l, ['indicator', 'clause', 'area', 'title', 'unitId', 'unit', 'period', 'value', 'measure', 'comparator', 'requirement', 'gap', 'status', 'statusCode'])];
  for (const area of areas) {
    for (const r of results.filter((x) => x.area === area.id)) {
      const has = r.requirement !== null && r.requirement !== undefined;
      rows.push([
        r.indicator,
        r.clause ?? null,
        area.titles?.[l] ?? area.id,
        (r.titles ?? info(r.indicator)?.title)?.[l] ?? r.title,
        r.unit ?? null,
        r.unitName ?? null,
        r.period ?? null,
        fig(r.value, r.requirement),
        MEASURE_UNIT[l][r.measure] ?? null,
        has ? sign(r.comparator) : null,
        fig(r.requirement),
        r.met === true ? 0 : fig(r.gapPoints),
        statusLabel(r.status, l),
        r.status,
      ]);
    }
  }
  return rows;
}

/**
 * The ramp chart's table, from what it drew (`data` as the chart keeps it):
 * - `unit`: year, floor, actual, met, source of the figure;
 * - `level`: a row of floors, then one row per unit, one column per year;
 * - `levels`: one row per level, one column per year (the floors).
 */
export function rampRows(data, locale) {
  const l = loc(locale);
  if (data.kind === 'unit') {
    const rows = [[HEAD[l].unitId, HEAD[l].unit, HEAD[l].year, HEAD[l].floor, HEAD[l].actual, HEAD[l].met, HEAD[l].basis]];
    for (const r of data.rows) rows.push([data.unit, data.name, r.year, fig(r.floor), fig(r.value, r.floor ?? undefined), yesNo(r.met, l), basisWords(r.pred ? { basis: 'predecessors', estimated: r.estimated } : null, l)]);
    return rows;
  }
  if (data.kind === 'level') {
    const rows = [[HEAD[l].unitId, HEAD[l].unit, ...data.years.map(String)]];
    rows.push([null, `${t('floor', l)} (%)`, ...data.floors.map((f) => fig(f))]);
    // A year summed from predecessors is left out, as the chart draws it hollow and does not count it.
    for (const u of data.units) rows.push([u.unit, u.name, ...u.values.map((v, i) => (u.pred[i] ? null : fig(v, data.floors[i] ?? undefined)))]);
    return rows;
  }
  const rows = [[HEAD[l].level, ...data.years.map(String)]];
  for (const lv of data.levels) rows.push([levelLabel(lv.level, l), ...lv.floors.map((f) => fig(f))]);
  return rows;
}

/** A file name of ids and the as-of day, safe on every system (`so-lieu-proc.online_l34-ct-2025-12-31`). */
export function fileStem(parts, report) {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(report?.asOf ?? '') ? report.asOf : 'report';
  return [...parts, day]
    .filter(Boolean)
    .map((p) => String(p).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('-');
}

/** Saves `rows` as `stem.csv` or `stem.xlsx` (sheet `sheet`) from `root`; resolves to the file name. */
export async function saveTable(root, format, rows, stem, sheet, locale) {
  let blob;
  if (format === 'xlsx') {
    // The writer is a module of its own (`cchc-progress/xlsx`), fetched on the first .xlsx.
    const { writeXlsx, XLSX_TYPE } = await import('../xlsx/index.js');
    blob = new Blob([writeXlsx([{ name: sheet, rows }])], { type: XLSX_TYPE });
  } else {
    blob = new Blob([csvText(rows, locale)], { type: 'text/csv;charset=utf-8' });
  }
  const name = `${stem}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: '' });
  root.append(link);
  link.click();
  link.remove();
  // Firefox starts the download after the click returns: keep the URL alive a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}
