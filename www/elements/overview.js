// <cchc-overview unit="ct">: every target of the plan for one unit, grouped by reform area,
// with counts by status, a sort the reader chooses (buttons, so keyboard and screen readers
// work), and the districts and communes that fall short of a level requirement.

import { CchcElement, Types, el, uid, data, sentence } from './base.js';
import { badge, figure, gapText, requirementText } from './card.js';
import { STATUS, STATUS_ORDER, date, levelLabel, num, statusLabel, t } from './i18n.js';

const SORTS = ['plan', 'status', 'gap', 'title'];
const SORT_LABEL = { plan: 'sortPlan', status: 'sortStatus', gap: 'sortGap', title: 'sortTitle' };

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
 * reader chooses, and the districts and communes short of a level requirement.
 *
 * @element cchc-overview
 * @summary All targets for one unit by reform area, counts by status, sortable, units short of a level requirement.
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
export class CchcOverview extends CchcElement {
  static defaultHeadingLevel = 2;
  static properties = {
    ...CchcElement.properties,
    sort: { attribute: 'sort', type: Types.oneOf(SORTS, 'plan'), effect: 'paint', doc: 'Order of the rows: `plan` (default), `status` (most urgent first), `gap` (largest first) or `title`.' },
  };

  action(name, value) {
    if (name === 'sort') this.sort = value;
  }

  /** Whether unit `id` is `ancestor` or lies beneath it, from the input's units. */
  #within(id, ancestor) {
    let cur = id;
    for (let guard = 0; cur && guard < 16; guard += 1) {
      if (cur === ancestor) return true;
      cur = this.units.get(cur)?.parent;
    }
    return false;
  }

  render(report, locale) {
    if (!report) return el('p', { class: 'message' }, t('noData', locale));
    const unit = this.unit ?? report.results.find((r) => r.headline && r.level === 'city')?.unit ?? null;
    const mine = report.results.filter((r) => (unit ? r.unit === unit : r.headline));
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

    const sort = this.sort;
    const sortBox = el('fieldset', { class: 'sort' }, el('legend', {}, `${t('sortBy', locale)}:`));
    for (const key of SORTS) {
      sortBox.append(el('button', { type: 'button', 'data-sort': key, 'data-action': 'sort', 'data-value': key, 'aria-pressed': String(key === sort) }, t(SORT_LABEL[key], locale)));
    }
    section.append(sortBox);

    const order = new Map(report.results.map((r, i) => [r, i]));
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
        el('div', { class: 'area-head' }, el(h2, { id: areaId, class: 'subheading' }, `${area.titles[locale]} `, el('span', { class: 'muted' }, `(${t('clause', locale, area.clause)})`)), el('p', { class: 'muted' }, t('targets', locale, rows.length))),
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
            el('th', { scope: 'row' }, titleIn(r), el('br'), el('span', { class: 'muted' }, t('clause', locale, r.clause))),
            el('td', { class: 'num', 'data-label': t('value', locale) }, value),
            el('td', { class: 'num', 'data-label': t('requirement', locale) }, requirementText(r, locale)),
            el('td', { 'data-label': t('gap', locale) }, r.value === null || r.value === undefined ? '—' : gapText(r, locale)),
            el('td', {}, badge(r.status, locale)),
          ),
        );
      }
      table.append(body);
      box.append(table);
      section.append(box);
    }

    // Units beneath this one that miss a level requirement.
    const short = report.levelSummaries.filter(
      (s) => s.level !== 'city' && s.unitsShort.length && (!unit || this.units.size === 0 || s.unitsShort.some((u) => this.#within(u, unit))),
    );
    const shortId = uid('cchc-short', 'units');
    const shortBox = el('section', { class: 'short', 'aria-labelledby': shortId }, el(h2, { id: shortId, class: 'subheading' }, t('shortTitle', locale)));
    if (!short.length) shortBox.append(el('p', {}, t('shortNone', locale)));
    const titleOf = new Map(report.results.map((r) => [r.indicator, titleIn(r)]));
    for (const s of short) {
      const ids = this.units.size && unit ? s.unitsShort.filter((u) => this.#within(u, unit)) : s.unitsShort;
      const details = el(
        'details',
        { 'data-indicator': s.indicator, 'data-level': s.level, 'data-key': `${s.indicator}/${s.level}` },
        el('summary', {}, el('strong', {}, `${titleOf.get(s.indicator) ?? s.indicator} · ${levelLabel(s.level, locale)}: `), s.sentence ? sentence(s.sentence[locale], this.dataStrings()) : `${s.unitsMet}/${s.unitsTotal}`),
        el('ul', { class: 'names' }, ids.map((u) => el('li', { 'data-unit': u }, data(this.unitName(u))))),
      );
      if (s.unitsNoData.length) details.append(el('p', { class: 'muted' }, t('noDataUnits', locale, s.unitsNoData.length)));
      shortBox.append(details);
    }
    section.append(shortBox);
    return section;
  }
}
