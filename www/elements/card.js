// <cchc-progress-card indicator="proc.online_l34" unit="ct">: one target for one unit —
// value, this year's requirement and whether it is met, the trend toward the deadline target
// (a status badge: icon + words), gap, the explanation citing the clause and the period of
// the latest figures.

import { CchcElement, el, svg, uid, data, sentence, unbroken } from './base.js';
import { STATUS, date, num, pct, period, statusLabel, t } from './i18n.js';
import { dayAfter, dayBefore, pickResult } from './units.js';

/** Names longer than this are clamped to two lines, with a button that shows them whole. */
const LONG_NAME = 80;

/** A status badge: icon and words, so colour is never the only signal. */
export function badge(status, locale) {
  return el(
    'span',
    { class: `badge s-${status}`, 'data-status': status },
    el('span', { class: 'icon', 'aria-hidden': 'true' }, STATUS[status]?.icon ?? '•'),
    el('span', { class: 'label' }, statusLabel(status, locale)),
  );
}

/** Statuses that are the verdict on the deadline target (or say why there is none), not a trend. */
export const AT_DEADLINE = ['met', 'missed', 'not_reported', 'discontinued'];

/** A figure of `measure` as words and numbers (`80 %`, `hạng 15`, `hạng 12/34`, `giảm 10 %`). */
export function figure(value, measure, locale, outOf) {
  if (value === null || value === undefined) return '—';
  if (measure === 'rank') return outOf ? t('rankOf', locale, num(value, locale, 0), num(outOf, locale, 0)) : t('rank', locale, num(value, locale, 0));
  if (measure === 'reduction') return t('reduction', locale, pct(value, locale));
  return pct(value, locale);
}

/** The requirement with its comparator (`≥ 80 %`, `hạng ≤ 15`, `giảm ≥ 10 %`). */
export function requirementText(result, locale) {
  const { requirement: req, comparator, measure } = result;
  if (req === null || req === undefined) return '—';
  const sign = comparator === 'lte' ? '≤' : '≥';
  if (measure === 'rank') return `${t('rank', locale, '')}`.trim() + ` ${sign} ${num(req, locale, 0)}`;
  if (measure === 'reduction') return `${t('reduction', locale, '').trim()} ${sign} ${pct(req, locale)}`;
  if (measure === 'milestone' && req >= 100) return t('done', locale);
  return `${sign} ${pct(req, locale)}`;
}

/**
 * Whether a row's requirement is the target due by its deadline, not a requirement of the
 * figure's own year: a target without a ramp (4168's "chỉ tiêu chủ yếu đến năm 2025", 282's
 * targets of a period such as 2028–2030) judged on a figure of an earlier year. Ramp floors,
 * a unit that ended and a figure not of the deadline year (`not_reported`) are worded apart.
 */
export function dueByDeadline(result) {
  const year = result.requirementYear ?? result.year;
  return !result.rampYears && result.status !== 'not_reported' && result.status !== 'discontinued' && typeof result.deadline === 'number' && typeof year === 'number' && year < result.deadline && result.requirement === result.target;
}

/** What is still missing, or that the requirement is met. */
export function gapText(result, locale) {
  if (result.met === true) return t('gapMet', locale);
  if (result.gapPoints === null || result.gapPoints === undefined) return '—';
  let text = result.measure === 'rank' ? t('gapRanks', locale, num(result.gapPoints, locale, 0)) : t('gapPoints', locale, num(result.gapPoints, locale));
  if (result.gapUnits && result.counted) text += ` (${t('gapUnits', locale, num(result.gapUnits, locale, 0), result.counted[locale])})`;
  return text;
}

/**
 * The line under a widget's figures that saves its table: `.xlsx` first (what Excel opens in
 * any language), then CSV (for other programs), each a button with `data-action="download"`.
 * The hint says which is which; `showHint` shows it, else only screen readers read it.
 */
export function downloadBar(locale, key, showHint = false) {
  const hint = uid(key, 'download-hint');
  const button = (format, label) => el('button', { type: 'button', class: 'link', 'data-action': 'download', 'data-value': format, 'aria-describedby': hint }, t(label, locale));
  return el(
    'p',
    { class: 'download', 'data-download': key },
    el('span', { class: 'muted' }, t('downloadTable', locale)),
    button('xlsx', 'downloadXlsx'),
    button('csv', 'downloadCsv'),
    el('span', { class: showHint ? 'muted' : 'vh', id: hint }, t('downloadHint', locale)),
  );
}

/**
 * Saves a widget's table (rows built by `build(tables, locale)` in ./tables.js, loaded on the
 * first click) as `stem.xlsx` or `stem.csv`; resolves to the file name, or null without rows.
 */
export async function downloadFrom(widget, format, build, stem, sheet) {
  const locale = widget.locale;
  const tables = await import('./tables.js');
  const rows = build(tables, locale);
  if (!rows) return null;
  return tables.saveTable(widget.root, format === 'csv' ? 'csv' : 'xlsx', rows, tables.fileStem(stem(locale), widget.report), sheet(locale), locale);
}

/** A download failed to load its module: said on the console, the page goes on. */
export function downloadFailed(widget, e) {
  console.error(`${widget.localName}: the download could not be made (${e?.message ?? e})`);
}

function progressBar(result) {
  if (result.measure === 'rank' || result.value === null || result.value === undefined) return null;
  const value = Math.max(0, Math.min(100, result.value));
  const bar = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', focusable: 'false' }, svg('rect', { class: 'fill', x: 0, y: 0, width: value, height: 10 }));
  if (typeof result.requirement === 'number') {
    const x = Math.max(0, Math.min(99.4, result.requirement));
    bar.append(svg('rect', { class: 'mark', x, y: 0, width: 0.6, height: 10 }));
  }
  return el('div', { class: 'bar', 'aria-hidden': 'true' }, bar);
}

/**
 * One target of the plan for one unit (the city's headline result when `unit` is unset).
 *
 * @element cchc-progress-card
 * @summary One target for one unit: value, this year's requirement (met or not), the trend toward the deadline target, gap, explanation.
 *
 * @csspart frame - The widget's box (border, background, padding).
 * @csspart error - The message shown when the figures cannot be shown.
 * @cssproperty --cchc-font - Font family of the widget.
 * @cssproperty --cchc-font-size - Base font size (default `1rem`).
 * @cssproperty --cchc-text - Text colour.
 * @cssproperty --cchc-muted - Colour of secondary text.
 * @cssproperty --cchc-accent - Accent colour: the value and the progress bar.
 * @cssproperty --cchc-surface - Background of the box.
 * @cssproperty --cchc-border - Border colour of the box and the progress track.
 * @cssproperty --cchc-radius - Corner radius of the box.
 * @cssproperty --cchc-status-met - Text colour of the `met` badge (likewise `--cchc-status-on-track`, `-needs-acceleration`, `-limited-progress`, `-deteriorating`, `-missed`, `-not-reported`, `-discontinued`, `-insufficient-data`, `-no-data`, each with a `-bg` twin).
 * @event cchc-render - After each render; `detail.state` is `ready` or `error`.
 * @event cchc-error - When the widget shows an error; `detail.code` is stable (`WASM_BLOCKED`, `OFF_ORIGIN`, `OBJECT_AS_ATTRIBUTE`, an engine error code...).
 */
export class CchcProgressCard extends CchcElement {
  static defaultHeadingLevel = 3;

  #nameExpanded = false;

  /**
   * The result shown: the unit's, or the headline (city) result when no unit is set. When the
   * unit id is a reused official code with a row for the old and the new unit, the row of the
   * unit valid at the as-of date (else the latest).
   */
  get result() {
    const report = this.report;
    const ind = this.indicator;
    if (!report || !ind) return null;
    // Only this indicator's rows of this unit (or its headline rows) are read from the report.
    return pickResult(report.results(this.unit ? { indicator: ind, unit: this.unit } : { indicator: ind, headline: true }), ind, this.unit, report.asOf);
  }

  action(name, value) {
    if (name === 'toggle-name') {
      this.#nameExpanded = !this.#nameExpanded;
      this.repaint();
    } else if (name === 'download') this.downloadTable(value).catch((e) => downloadFailed(this, e));
  }

  /**
   * Saves the card's figures (one row per period of the unit's series; the judged period with
   * its requirement and status) as `format` (`xlsx`, the default, or `csv`), headings in the
   * widget's language. Loads the table module (and, for .xlsx, `cchc-progress/xlsx`) on first
   * use. Resolves to the file name, or null when the card shows no figure.
   */
  downloadTable(format = 'xlsx') {
    const result = this.result;
    if (!result || result.value === null || result.value === undefined) return Promise.resolve(null);
    return downloadFrom(
      this,
      format,
      (tables, locale) => tables.cardRows(result, this.indicatorInfo(result.indicator), locale),
      (locale) => [locale === 'en' ? 'figures' : 'so-lieu', result.indicator, result.unit],
      (locale) => (locale === 'en' ? 'Figures' : 'Số liệu'),
    );
  }

  #unitName(name, locale) {
    const long = name.length > LONG_NAME;
    const p = el('p', { class: `unit-name${long && !this.#nameExpanded ? ' clamped' : ''}`, id: 'unit-name' }, data(name));
    if (!long) return p;
    const toggle = el(
      'button',
      { type: 'button', class: 'unit-name-toggle link', 'data-action': 'toggle-name', 'aria-expanded': String(this.#nameExpanded), 'aria-controls': 'unit-name' },
      t(this.#nameExpanded ? 'hideFullName' : 'showFullName', locale),
    );
    return el('div', { class: 'unit-name-box' }, p, toggle);
  }

  /**
   * What the figures alone do not say, each on a line of its own and never as a verdict: no
   * figure of the deadline year (and the provisional trend), the unit's end and successors, a
   * figure after the deadline, figures summed from predecessors, a break in the series.
   */
  #notes(result, locale) {
    const notes = el('div', { class: 'notes' });
    if (result.status === 'not_reported') {
      notes.append(el('p', { class: 'notice', 'data-note': 'not-reported' }, t('noDeadlineFigure', locale, result.deadline)));
      if (result.provisional) {
        notes.append(
          el(
            'p',
            { class: 'provisional', 'data-note': 'provisional', 'data-status': result.provisional },
            `${t('provisional', locale, result.year)}: `,
            el('span', { class: 'icon', 'aria-hidden': 'true' }, STATUS[result.provisional]?.icon ?? '•'),
            ` ${statusLabel(result.provisional, locale)}`,
          ),
        );
      }
    }
    if (result.status === 'discontinued' && result.validTo) {
      const ended = el('p', { class: 'notice', 'data-note': 'ended' }, t('unitEnded', locale, date(result.validTo, locale)));
      const next = result.successors ?? [];
      if (next.length) {
        // A successor may carry the old unit's own (reused) code: name the one that began the day after.
        const from = dayAfter(result.validTo);
        ended.append(` ${t('successors', locale)}: `);
        next.forEach((id, i) => ended.append(i ? ', ' : '', data(this.unitName(id, from), { 'data-unit': id })));
        ended.append('.');
      }
      notes.append(ended);
    }
    const after = result.afterDeadline;
    if (after) {
      const verdict = after.met === true ? t('meetsTarget', locale) : after.met === false ? t('shortOfTarget', locale) : null;
      notes.append(
        el(
          'p',
          { class: 'after-deadline', 'data-note': 'after-deadline' },
          `${t('afterDeadline', locale, period(after.period, locale))}: `,
          el('span', { class: 'nowrap' }, figure(after.value, result.measure, locale, result.series?.find((p) => p.period === after.period)?.outOf)),
          verdict ? ` (${verdict})` : '',
          ` — ${t('notInVerdict', locale)}.`,
        ),
      );
    }
    if (result.basis === 'predecessors') {
      notes.append(el('p', { class: 'muted', 'data-note': 'predecessors' }, `${t('figureFromPredecessors', locale)}${result.estimated ? ` (${t('estimated', locale)})` : ''}.`));
    }
    if (result.notEstimatedFrom?.length) {
      const p = el('p', { class: 'muted', 'data-note': 'not-estimated' }, `${t('notEstimatedFrom', locale)}: `);
      const before = result.validFrom ?? '';
      result.notEstimatedFrom.forEach((id, i) => p.append(i ? ', ' : '', data(this.unitName(id, before ? dayBefore(before) : undefined))));
      p.append('.');
      notes.append(p);
    }
    const brk = result.method?.seriesBreak;
    if (brk) notes.append(el('p', { class: 'muted', 'data-note': 'series-break' }, t('seriesBreak', locale, brk.before, brk.after)));
    return notes.childNodes.length ? notes : '';
  }

  render(report, locale) {
    const ind = this.indicator;
    const info = ind ? this.indicatorInfo(ind) : null;
    // Without data there may be no engine either, and so no plan to know the indicator by.
    if (!ind || !info) return el('p', { class: 'message', role: 'note' }, ind && (report || this.engine) ? t('unknownIndicator', locale, ind) : t('noData', locale));
    const result = this.result;
    const headingId = uid('cchc-card', 'heading');
    const card = el('article', { class: 'card', 'aria-labelledby': headingId });
    const unitId = result?.unit ?? this.unit;
    const header = el(
      'header',
      {},
      unitId ? this.#unitName(result?.unitName ?? this.unitName(unitId), locale) : null,
      el(this.headingTag(), { id: headingId, class: 'heading' }, info.title[locale]),
    );
    const status = result?.status ?? 'no_data';
    // The badge is the verdict on the deadline target (met, missed, or why there is none:
    // not reported, the unit ended), else the trend toward it.
    const deadline = result?.deadline ?? info.deadline;
    const verdictLabel = AT_DEADLINE.includes(status) ? t('deadlineVerdict', locale, deadline) : t('trendTo', locale, deadline);
    const top = el(
      'div',
      { class: 'top' },
      info.clause ? el('p', { class: 'muted' }, t('clause', locale, info.clause)) : null,
      el('p', { class: 'trend' }, el('span', { class: 'verdict-label' }, `${verdictLabel}: `), badge(status, locale)),
    );
    card.append(header, top);
    if (!result || result.value === null || result.value === undefined) {
      const text = report ? (result ? (result.explanation?.[locale] ?? t('noData', locale)) : t('noResult', locale, ind, this.unit ?? '')) : t('noData', locale);
      card.append(el('p', { class: 'message' }, sentence(text, this.dataStrings(), { clampLonger: this.#nameExpanded ? Infinity : LONG_NAME })));
      return card;
    }
    const notReported = status === 'not_reported';
    const ended = status === 'discontinued';
    // The requirement of the figure's own period: a unit that ended during a year is held to the floor of the year before.
    const reqYear = result.requirementYear ?? result.year;
    // Without a figure of the deadline year, the latest earlier one is compared with the deadline target, not judged.
    // Before its deadline, a target without a ramp is the target by then, never that year's requirement.
    const beforeDue = dueByDeadline(result);
    const requirementLabel = notReported || beforeDue ? t('targetBy', locale, deadline) : result.rampYears ? t('floorVerdict', locale, reqYear) : t('yearVerdict', locale, reqYear);
    const metWord = beforeDue ? (result.met ? 'targetReached' : 'targetNotYet') : result.met ? 'reqMet' : 'reqNotMet';
    const yearVerdict =
      typeof result.met === 'boolean' && !notReported
        ? el('span', { class: `verdict ${result.met ? 'is-met' : 'is-not-met'}`, 'data-met': String(result.met) }, el('span', { class: 'icon', 'aria-hidden': 'true' }, result.met ? '✓' : '✗'), ` ${t(metWord, locale)}`)
        : null;
    const valueLabel = notReported ? t('latestFigure', locale, result.year) : ended ? t('lastFigure', locale, period(result.period, locale)) : t('value', locale);
    const figures = el(
      'dl',
      { class: 'figures' },
      el('div', {}, el('dt', {}, valueLabel), el('dd', { class: 'value' }, result.display?.[locale] && result.measure !== 'rank' ? result.display[locale] : figure(result.value, result.measure, locale, result.outOf))),
      el('div', {}, el('dt', {}, requirementLabel), el('dd', { class: 'requirement' }, el('span', { class: 'nowrap' }, requirementText(result, locale)), yearVerdict ? ' ' : null, yearVerdict)),
      el('div', {}, el('dt', {}, t('gap', locale)), el('dd', { class: 'gap' }, unbroken(gapText(result, locale)))),
    );
    // The deadline target beside this year's requirement, where it differs (a unit that ended never reached the deadline);
    // not twice where the requirement shown is the target by the deadline already.
    if (!notReported && !beforeDue && result.target !== null && result.target !== undefined && (result.target !== result.requirement || (!ended && result.deadline !== result.year))) {
      figures.append(el('div', {}, el('dt', {}, t('targetBy', locale, result.deadline)), el('dd', { class: 'target' }, requirementText({ ...result, requirement: result.target }, locale))));
    }
    card.append(figures, progressBar(result) ?? '', this.#notes(result, locale));
    // A report made with `options.text: "none"` has no explanation to show.
    if (result.explanation) card.append(el('p', { class: 'explanation' }, sentence(result.explanation[locale], this.dataStrings(), { clampLonger: this.#nameExpanded ? Infinity : LONG_NAME })));
    // After the deadline a later figure may exist: the period shown is the one judged.
    const when = [t(result.afterDeadline ? 'judged' : 'latest', locale, period(result.period, locale))];
    if (report?.asOf) when.push(t('asOf', locale, date(report.asOf, locale)));
    card.append(el('p', { class: 'muted period' }, when.join(' · ')), downloadBar(locale, 'cchc-card'));
    return card;
  }
}
