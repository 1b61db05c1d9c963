// <cchc-progress-card indicator="proc.online_l34" unit="ct">: one target for one unit —
// value, requirement, status badge (icon + text), gap, the explanation citing the clause and
// the period of the latest figures.

import { CchcElement, el, svg, uid } from './base.js';
import { STATUS, date, num, pct, period, statusLabel, t } from './i18n.js';

/** A status badge: icon and words, so colour is never the only signal. */
export function badge(status, locale) {
  return el(
    'span',
    { class: `badge s-${status}`, 'data-status': status },
    el('span', { class: 'icon', 'aria-hidden': 'true' }, STATUS[status]?.icon ?? '•'),
    el('span', { class: 'label' }, statusLabel(status, locale)),
  );
}

/** A figure of `measure` as words and numbers (`80 %`, `hạng 15`, `giảm 10 %`). */
export function figure(value, measure, locale) {
  if (value === null || value === undefined) return '—';
  if (measure === 'rank') return t('rank', locale, num(value, locale, 0));
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

/** What is still missing, or that the requirement is met. */
export function gapText(result, locale) {
  if (result.met === true) return t('gapMet', locale);
  if (result.gapPoints === null || result.gapPoints === undefined) return '—';
  let text = result.measure === 'rank' ? t('gapRanks', locale, num(result.gapPoints, locale, 0)) : t('gapPoints', locale, num(result.gapPoints, locale));
  if (result.gapUnits && result.counted) text += ` (${t('gapUnits', locale, num(result.gapUnits, locale, 0), result.counted[locale])})`;
  return text;
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

export class CchcProgressCard extends CchcElement {
  static defaultHeadingLevel = 3;

  /** The result shown: the unit's, or the headline (city) result when no unit is set. */
  get result() {
    const report = this.report;
    const ind = this.indicator;
    if (!report || !ind) return null;
    const unit = this.unit;
    return report.results.find((r) => r.indicator === ind && (unit ? r.unit === unit : r.headline)) ?? null;
  }

  render(report, locale) {
    const ind = this.indicator;
    const info = ind ? this.indicatorInfo(ind) : null;
    if (!ind || !info) return el('p', { class: 'message', role: 'note' }, ind ? t('unknownIndicator', locale, ind) : t('noData', locale));
    const result = this.result;
    const headingId = uid('cchc-card');
    const card = el('article', { class: 'card', 'aria-labelledby': headingId });
    const unitId = result?.unit ?? this.unit;
    const header = el(
      'header',
      {},
      unitId ? el('p', { class: 'unit-name' }, result?.unitName ?? this.unitName(unitId)) : null,
      el(this.headingLevel(), { id: headingId, class: 'heading' }, info.title[locale]),
    );
    const status = result?.status ?? 'no_data';
    const top = el('div', { class: 'top' }, el('p', { class: 'muted' }, t('clause', locale, info.clause)), el('p', {}, el('span', { class: 'vh' }, `${t('status', locale)}: `), badge(status, locale)));
    card.append(header, top);
    if (!result || result.value === null || result.value === undefined) {
      card.append(el('p', { class: 'message' }, report ? (result ? (result.explanation?.[locale] ?? t('noData', locale)) : t('noResult', locale, ind, this.unit ?? '')) : t('noData', locale)));
      return card;
    }
    const requirementLabel = result.rampYears ? t('floorOf', locale, result.year) : t('requirementOf', locale, result.year);
    const figures = el(
      'dl',
      { class: 'figures' },
      el('div', {}, el('dt', {}, t('value', locale)), el('dd', { class: 'value' }, result.display?.[locale] && result.measure !== 'rank' ? result.display[locale] : figure(result.value, result.measure, locale))),
      el('div', {}, el('dt', {}, requirementLabel), el('dd', { class: 'requirement' }, requirementText(result, locale))),
      el('div', {}, el('dt', {}, t('gap', locale)), el('dd', { class: 'gap' }, gapText(result, locale))),
    );
    if (result.target !== null && result.target !== undefined && (result.target !== result.requirement || result.deadline !== result.year)) {
      figures.append(el('div', {}, el('dt', {}, t('targetBy', locale, result.deadline)), el('dd', {}, requirementText({ ...result, requirement: result.target }, locale))));
    }
    card.append(figures, progressBar(result) ?? '');
    // A report made with `options.text: "none"` has no explanation to show.
    if (result.explanation) card.append(el('p', { class: 'explanation' }, result.explanation[locale]));
    const when = [t('latest', locale, period(result.period, locale))];
    if (report?.asOf) when.push(t('asOf', locale, date(report.asOf, locale)));
    card.append(el('p', { class: 'muted period' }, when.join(' · ')));
    return card;
  }
}
