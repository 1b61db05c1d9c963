// <cchc-overview unit="ct">: every target of the plan for one unit, grouped by reform area,
// with counts by status, a sort the reader chooses (buttons, so keyboard and screen readers
// work), and the districts and communes that fall short of a level requirement.

import { CchcElement, Types, el, uid, data, sentence, unbroken } from './base.js';
import { badge, downloadBar, downloadFailed, downloadFrom, dueByDeadline, figure, gapText, requirementText } from './card.js';
import { STATUS, STATUS_ORDER, date, levelLabel, levelShort, num, pct, statusLabel, t } from './i18n.js';
import { reviewCsv, reviewFileName, reviewTable } from './review-csv.js';
import { pickResult } from './units.js';

/** The review's counts (`notReported`, …) under the status codes of the badges. */
const REVIEW_COUNTS = [
  ['met', 'met'],
  ['missed', 'missed'],
  ['notReported', 'not_reported'],
  ['discontinued', 'discontinued'],
  ['noData', 'no_data'],
];

const SORTS = ['plan', 'status', 'gap', 'title'];
const SORT_LABEL = { plan: 'sortPlan', status: 'sortStatus', gap: 'sortGap', title: 'sortTitle' };

/** The top unit (the city) of a report: its headline rows' unit at the city level. */
function topUnit(report) {
  return report.results({ headline: true, level: 'city' })[0]?.unit ?? null;
}

function countsList(counts, locale) {
  const ul = el('ul', { class: 'counts' });
  for (const status of STATUS_ORDER) {
    const n = counts[status] ?? 0;
    if (!n) continue;
    const b = badge(status, locale);
    b.querySelector('.label').textContent = `${statusLabel(status, locale)}: ${num(n, locale, 0)}`;
    ul.append(el('li', { 'data-status': status, 'data-count': n }, b));
  }
  return ul;
}

/**
 * Every target of the plan for one unit, by reform area, with counts by status, a sort the
 * reader chooses, and the districts and communes short of a level requirement. Once the
 * as-of date is past the plan's period, the final review comes first (each target at each
 * level: clause, deadline-year figure, requirement, verdict with its rule and who did not meet
 * it, units by verdict) with a button
 * that downloads it as CSV for Excel. Printed: no controls, the review a table.
 *
 * @element cchc-overview
 * @summary All targets for one unit by reform area, counts by status, sortable, units short of a level requirement; after the plan's period, the final review and its CSV download.
 *
 * @csspart frame - The widget's box (border, background, padding).
 * @csspart error - The message shown when the figures cannot be shown.
 * @cssproperty --cchc-font - Font family of the widget.
 * @cssproperty --cchc-accent - Accent colour: the sort buttons.
 * @cssproperty --cchc-on-accent - Text colour on the accent (the pressed sort button).
 * @cssproperty --cchc-focus - Colour of the focus ring.
 * @cssproperty --cchc-surface - Background of the box.
 * @cssproperty --cchc-border - Border colour of the box and the table rules.
 * @event cchc-render - After each render; `detail.state` is `ready` or `error`.
 * @event cchc-error - When the widget shows an error; `detail.code` is stable.
 */
// Lists of units short of a requirement up to this long are written with the overview; longer
// ones when their details open.
const EAGER_NAMES = 30;

export class CchcOverview extends CchcElement {
  static defaultHeadingLevel = 2;
  // The long lists not yet written (by details key), and the details the reader opened.
  #shortNames = new Map();
  #opened = new Set();

  constructor() {
    super();
    // `toggle` does not bubble: caught on its way down.
    this.root.addEventListener(
      'toggle',
      (e) => {
        const d = e.target;
        if (!(d instanceof Element) || d.localName !== 'details' || !d.dataset.key) return;
        if (!d.open) return;
        this.#opened.add(d.dataset.key);
        const names = this.#shortNames.get(d.dataset.key);
        const list = d.querySelector(':scope > ul.names');
        if (!names || !list || list.dataset.names !== 'on-open') return;
        this.#shortNames.delete(d.dataset.key);
        list.replaceChildren(...names());
        list.dataset.names = 'shown';
      },
      true,
    );
  }
  static properties = {
    ...CchcElement.properties,
    sort: { attribute: 'sort', type: Types.oneOf(SORTS, 'plan'), effect: 'paint', doc: 'Order of the rows: `plan` (default), `status` (most urgent first), `gap` (largest first) or `title`.' },
  };

  action(name, value) {
    if (name === 'sort') this.sort = value;
    else if (name === 'download-review') this.downloadReview();
    else if (name === 'download-review-xlsx') {
      // The writer is a module of its own: should it fail to load, the CSV is still there.
      this.downloadReviewXlsx().catch((e) => console.error(`cchc-overview: the Excel writer could not be loaded (${e?.message ?? e})`));
    } else if (name === 'download') this.downloadTable(value).catch((e) => downloadFailed(this, e));
  }

  /** The unit shown (the city when unset) and its rows, one per indicator. */
  #rows(report) {
    const unit = this.unit ?? topUnit(report);
    // One row per indicator, in the report's (the plan's) order: with a reused official code,
    // the unit valid at the as-of date. Only this unit's rows are read from the report.
    const own = unit ? report.results({ unit }) : report.results({ headline: true });
    const mine = unit ? [...new Set(own.map((r) => r.indicator))].map((ind) => pickResult(own, ind, unit, report.asOf)) : own;
    return { unit, mine };
  }

  /**
   * Saves every target of the unit shown (the rows of the tables by reform area, in the plan's
   * order) as `format` (`xlsx`, the default, or `csv`), headings in the widget's language.
   * Loads the table module (and, for .xlsx, `cchc-progress/xlsx`) on first use. Resolves to
   * the file name, or null without a report. The final review has its own downloads.
   */
  downloadTable(format = 'xlsx') {
    const report = this.report;
    if (!report) return Promise.resolve(null);
    const { unit, mine } = this.#rows(report);
    return downloadFrom(
      this,
      format,
      (tables, locale) => tables.overviewRows(mine, report.areas, locale, (id) => this.indicatorInfo(id)),
      (locale) => [locale === 'en' ? 'overview' : 'tong-quan', unit],
      (locale) => (locale === 'en' ? 'Targets' : 'Chỉ tiêu'),
    );
  }

  /**
   * The final review as CSV text that Excel opens correctly (UTF-8 with a byte order mark,
   * CRLF, `,` between cells, the locale's decimal mark), with headers in `locale` (default:
   * the widget's); null when the report has no review (the as-of date is within the plan's
   * period).
   */
  reviewCsv(locale = this.locale) {
    return reviewCsv(this.report, locale, (id) => this.indicatorInfo(id));
  }

  /** Downloads the review as a CSV file (what the "download" button does); returns the file name, or null without a review. */
  downloadReview() {
    const text = this.reviewCsv();
    if (text === null) return null;
    const name = reviewFileName(this.report, this.locale);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = el('a', { href: url, download: name, hidden: '' });
    this.root.append(link);
    link.click();
    link.remove();
    // Firefox starts the download after the click returns: keep the URL alive a moment.
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return name;
  }

  /**
   * Downloads the review as an Excel workbook (.xlsx): numbers as numbers, so Excel in any
   * language shows them with its own decimal mark. The writer (`cchc-progress/xlsx`) is
   * loaded on the first click, never with the page. Resolves to the file name, or null.
   */
  async downloadReviewXlsx() {
    const rows = reviewTable(this.report, this.locale, (id) => this.indicatorInfo(id));
    if (rows === null) return null;
    const { writeXlsx, XLSX_TYPE } = await import('../xlsx/index.js');
    const name = reviewFileName(this.report, this.locale).replace(/\.csv$/, '.xlsx');
    const sheet = this.locale === 'en' ? 'Review' : 'Tổng kết';
    const url = URL.createObjectURL(new Blob([writeXlsx([{ name: sheet, rows }])], { type: XLSX_TYPE }));
    const link = el('a', { href: url, download: name, hidden: '' });
    this.root.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return name;
  }

  /** The day a level summary describes: its level's last day, or the end of its year. */
  static summaryDay(s) {
    return s.lastDay ?? `${s.year}-12-31`;
  }

  /** The review's rows (per target and level) as a table, with the counts and the download. */
  #review(report, locale, h2) {
    const review = report.review;
    const id = uid('cchc-review', 'title');
    const box = el('section', { class: 'review', 'aria-labelledby': id, 'data-review': `${review.from}-${review.to}` });
    box.append(el(h2, { id, class: 'subheading' }, t('reviewTitle', locale, review.from, review.to)), el('p', { class: 'muted' }, t('reviewIntro', locale)));
    const counts = Object.fromEntries(REVIEW_COUNTS.map(([key, status]) => [status, review.counts[key] ?? 0]));
    const countsId = uid('cchc-review', 'counts');
    box.append(el('div', { class: 'totals', role: 'group', 'aria-labelledby': countsId }, el('p', { id: countsId, class: 'vh' }, t('reviewCountsTitle', locale)), countsList(counts, locale)));
    box.append(
      el(
        'p',
        { class: 'download' },
        el('button', { type: 'button', 'data-action': 'download-review-xlsx', 'aria-describedby': uid('cchc-review', 'hint') }, t('downloadReviewXlsx', locale)),
        ' ',
        el('button', { type: 'button', 'data-action': 'download-review', 'aria-describedby': uid('cchc-review', 'hint') }, t('downloadReview', locale)),
        ' ',
        el('span', { class: 'muted', id: uid('cchc-review', 'hint') }, t('downloadHint', locale)),
      ),
    );
    const table = el(
      'table',
      { class: 'review-rows' },
      el('caption', { class: 'vh' }, t('reviewCaption', locale)),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, t('target', locale)),
          el('th', { scope: 'col' }, t('level', locale)),
          el('th', { scope: 'col', class: 'num' }, t('deadlineFigure', locale)),
          el('th', { scope: 'col', class: 'num' }, t('requirement', locale)),
          el('th', { scope: 'col' }, t('verdict', locale)),
          el('th', { scope: 'col' }, t('unitsCol', locale)),
        ),
      ),
    );
    const body = el('tbody');
    const words = t('unitCounts', locale);
    for (const row of review.rows) {
      const info = this.indicatorInfo(row.indicator);
      const measure = info?.measure ?? 'percentage';
      // The level's one unit (the city): its row says what the ranking was out of, and rounds its value towards its verdict.
      const own = row.units?.total === 1 ? report.results({ indicator: row.indicator, level: row.level }).find((r) => r.year === row.year && r.value === row.value) ?? null : null;
      // The engine's own text, rounded so that it never contradicts the verdict, where it gives one.
      const shown = row.display?.[locale] ?? own?.display?.[locale] ?? null;
      const value =
        row.value === null || row.value === undefined
          ? '—'
          : measure === 'rank'
            ? figure(row.value, measure, locale, row.outOf ?? own?.outOf)
            : measure === 'reduction'
              ? t('reduction', locale, shown ?? pct(row.value, locale))
              : shown ?? pct(row.value, locale);
      const when = row.lastDay ? t('until', locale, date(row.lastDay, locale)) : String(row.year);
      const requirement = requirementText({ requirement: row.requirement, comparator: row.comparator, measure }, locale);
      const u = row.units ?? {};
      const parts = REVIEW_COUNTS.filter(([key]) => u[key]).map(([key]) => `${num(u[key], locale, 0)} ${words[key]}`);
      // A count never splits from its noun on a narrow screen ("1 | đơn vị").
      const whole = (text) => el('span', { class: 'nowrap' }, text);
      body.append(
        el(
          'tr',
          { 'data-indicator': row.indicator, 'data-level': row.level, 'data-verdict': row.verdict, 'data-key': `review/${row.indicator}/${row.level}` },
          el('th', { scope: 'row' }, (info?.title ?? null)?.[locale] ?? row.title, row.clause ? [el('br'), el('span', { class: 'muted' }, t('clause', locale, row.clause))] : null),
          el('td', { class: 'level', 'data-label': t('level', locale) }, levelShort(row.level, locale)),
          el('td', { class: 'num', 'data-label': t('deadlineFigure', locale) }, value, el('br'), el('span', { class: 'muted' }, when)),
          el(
            'td',
            { class: 'num', 'data-label': t('requirement', locale) },
            requirement,
            row.requirementYear && row.requirementYear !== row.year ? [el('br'), el('span', { class: 'muted' }, t('floorYear', locale, row.requirementYear))] : null,
          ),
          // The rule the verdict follows and who did not meet it, in the engine's words, so
          // a level figure above the requirement beside "missed" never reads as a contradiction.
          el('td', { class: 'verdict' }, badge(row.verdict, locale), row.rule?.[locale] ? el('span', { class: 'rule' }, sentence(row.rule[locale], this.dataStrings())) : null),
          el('td', { 'data-label': t('unitsCol', locale) }, parts.flatMap((p) => [whole(p), ', ']).slice(0, -1), parts.length ? ' ' : '', whole(words.of(num(u.total ?? 0, locale, 0)))),
        ),
      );
    }
    table.append(body);
    box.append(table);
    return box;
  }

  render(report, locale) {
    if (!report) return el('p', { class: 'message' }, t('noData', locale));
    const { unit, mine } = this.#rows(report);
    const name = unit ? this.unitName(unit) : report.plan.titles[locale];
    const section = el('section', { class: 'overview' });
    const h = this.headingTag();
    const h2 = this.headingTag(1);
    section.append(el(h, { class: 'heading' }, `${t('overviewTitle', locale)} – `, data(name)));
    section.append(el('p', { class: 'muted' }, `${report.plan.titles[locale]} · ${t('asOf', locale, date(report.asOf, locale))}`));
    if (report.plan.sample) section.append(el('p', { class: 'muted' }, t('sample', locale)));
    // The data's own label, in the data's language (it is not translated).
    if (report.label) section.append(el('p', { class: 'muted label-line' }, data(report.label, { lang: report.locale })));

    const totals = Object.fromEntries(Object.keys(STATUS).map((s) => [s, 0]));
    for (const r of mine) totals[r.status] = (totals[r.status] ?? 0) + 1;
    const countsId = uid('cchc-counts', 'all');
    section.append(el('div', { class: 'totals', role: 'group', 'aria-labelledby': countsId }, el('p', { id: countsId, class: 'vh' }, t('countsTitle', locale)), countsList(totals, locale)));

    // After the plan's period: the final review first, per target and level. It covers every
    // level of the data, so it belongs to the overview of the top unit (the city), not of a ward.
    const top = topUnit(report);
    if (report.review && (!this.unit || this.unit === top)) section.append(this.#review(report, locale, this.headingTag(1)));

    const sort = this.sort;
    const sortBox = el('fieldset', { class: 'sort' }, el('legend', {}, `${t('sortBy', locale)}:`));
    for (const key of SORTS) {
      sortBox.append(el('button', { type: 'button', 'data-sort': key, 'data-action': 'sort', 'data-value': key, 'aria-pressed': String(key === sort) }, t(SORT_LABEL[key], locale)));
    }
    section.append(sortBox, downloadBar(locale, 'cchc-overview', true));

    const order = new Map(mine.map((r, i) => [r, i]));
    // A report made with `options.text: "none"` has no `titles`: the plan's indicators have them.
    const titleIn = (r) => (r.titles ?? this.indicatorInfo(r.indicator)?.title)?.[locale] ?? r.title;
    const rank = (s) => STATUS_ORDER.indexOf(s);
    const compare = {
      plan: (a, b) => order.get(a) - order.get(b),
      status: (a, b) => rank(a.status) - rank(b.status) || order.get(a) - order.get(b),
      gap: (a, b) => (b.met === true ? -1 : (b.gapPoints ?? -1)) - (a.met === true ? -1 : (a.gapPoints ?? -1)) || order.get(a) - order.get(b),
      title: (a, b) => titleIn(a).localeCompare(titleIn(b), locale === 'en' ? 'en' : 'vi') || order.get(a) - order.get(b),
    }[sort];

    for (const area of report.areas) {
      const rows = mine.filter((r) => r.area === area.id).sort(compare);
      if (!rows.length) continue;
      const areaId = uid('cchc-area', area.id);
      const counts = Object.fromEntries(Object.keys(STATUS).map((s) => [s, 0]));
      for (const r of rows) counts[r.status] += 1;
      const box = el('section', { class: 'area', 'data-area': area.id, 'aria-labelledby': areaId });
      box.append(
        el('div', { class: 'area-head' }, el(h2, { id: areaId, class: 'subheading' }, `${area.titles[locale]} `, area.clause ? el('span', { class: 'muted' }, `(${t('clause', locale, area.clause)})`) : null), el('p', { class: 'muted' }, t('targets', locale, rows.length))),
        countsList(counts, locale),
      );
      const table = el(
        'table',
        { class: 'rows' },
        el('caption', { class: 'vh' }, area.titles[locale]),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, t('target', locale)),
            el('th', { scope: 'col', class: 'num' }, t('value', locale)),
            el('th', { scope: 'col', class: 'num' }, t('requirement', locale)),
            el('th', { scope: 'col' }, t('gap', locale)),
            el('th', { scope: 'col' }, t('status', locale)),
          ),
        ),
      );
      const body = el('tbody');
      for (const r of rows) {
        const value = r.value === null || r.value === undefined ? '—' : r.display?.[locale] && r.measure !== 'rank' ? r.display[locale] : figure(r.value, r.measure, locale);
        body.append(
          el(
            'tr',
            { 'data-indicator': r.indicator, 'data-status': r.status, 'data-key': r.indicator },
            el('th', { scope: 'row' }, titleIn(r), r.clause ? [el('br'), el('span', { class: 'muted' }, t('clause', locale, r.clause))] : null),
            el('td', { class: 'num', 'data-label': t('value', locale) }, value),
            el('td', { class: 'num', 'data-label': t('requirement', locale) }, requirementText(r, locale), dueByDeadline(r) ? [el('br'), el('span', { class: 'muted' }, t('byYear', locale, r.deadline))] : null),
            el('td', { 'data-label': t('gap', locale) }, r.value === null || r.value === undefined ? '—' : unbroken(gapText(r, locale))),
            el('td', { class: 'status' }, badge(r.status, locale)),
          ),
        );
      }
      table.append(body);
      box.append(table);
      section.append(box);
    }

    // Units beneath this one that miss a level requirement.
    // Each summary's units as they stood on its day: a reused code names the old ward before 1 July 2025, the new one after.
    const day = CchcOverview.summaryDay;
    const within = (u, s) => this.units.within(u, unit, day(s));
    const short = report.levelSummaries().filter((s) => s.level !== 'city' && s.unitsShort.length && (!unit || this.units.size === 0 || s.unitsShort.some((u) => within(u, s))));
    const shortId = uid('cchc-short', 'units');
    const shortBox = el('section', { class: 'short', 'aria-labelledby': shortId }, el(h2, { id: shortId, class: 'subheading' }, t('shortTitle', locale)));
    if (!short.length) shortBox.append(el('p', {}, t('shortNone', locale)));
    const titleOf = new Map(mine.map((r) => [r.indicator, titleIn(r)]));
    const strings = this.dataStrings();
    this.#shortNames.clear();
    for (const s of short) {
      const ids = this.units.size && unit ? s.unitsShort.filter((u) => within(u, s)) : s.unitsShort;
      const key = `${s.indicator}/${s.level}`;
      // The names of a long list are written when its details open (a province's lists hold
      // thousands): the overview's first paint stays one short task (issue 22.4).
      const names = () => ids.map((u) => el('li', { 'data-unit': u }, data(this.unitName(u, day(s)))));
      const now = ids.length <= EAGER_NAMES || this.#opened.has(key);
      if (!now) this.#shortNames.set(key, names);
      const details = el(
        'details',
        { 'data-indicator': s.indicator, 'data-level': s.level, 'data-key': key },
        el('summary', {}, el('strong', {}, `${titleOf.get(s.indicator) ?? this.indicatorInfo(s.indicator)?.title?.[locale] ?? s.indicator} · ${levelLabel(s.level, locale)}: `), s.sentence ? sentence(s.sentence[locale], strings) : `${s.unitsMet}/${s.unitsTotal}`),
        el('ul', { class: 'names', 'data-names': now ? 'shown' : 'on-open' }, now ? names() : []),
      );
      if (s.unitsNoData.length) details.append(el('p', { class: 'muted' }, el('span', { class: 'nowrap' }, t('noDataUnits', locale, s.unitsNoData.length))));
      shortBox.append(details);
    }
    section.append(shortBox);
    return section;
  }
}
