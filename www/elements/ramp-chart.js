// <cchc-ramp-chart unit="nk">, <cchc-ramp-chart level="district">, <cchc-ramp-chart>:
// the digitization ramp (clause II.2.c.2) as inline SVG — the yearly floors against the
// actual values of a unit, of every unit of a level, or the floors of all levels when no
// unit or level is set. The same figures are in a table for screen readers and print.

import { CchcElement, el, svg, uid } from './base.js';
import { levelLabel, num, pct, t } from './i18n.js';

const W = 360;
const H = 210;
const PAD = { left: 40, right: 14, top: 12, bottom: 28 };
const LEVELS = ['city', 'district', 'commune'];

function scale(years) {
  const span = (W - PAD.left - PAD.right) / years.length;
  return {
    x: (i) => PAD.left + (i + 0.5) * span,
    y: (v) => PAD.top + ((100 - Math.max(0, Math.min(100, v))) / 100) * (H - PAD.top - PAD.bottom),
    span,
  };
}

function frame(years, s, locale) {
  const g = svg('g', { 'aria-hidden': 'true' });
  for (const v of [0, 25, 50, 75, 100]) {
    g.append(svg('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: s.y(v), y2: s.y(v) }));
    g.append(svg('text', { class: 'axis', x: PAD.left - 6, y: s.y(v) + 4, 'text-anchor': 'end' }, pct(v, locale, 0)));
  }
  years.forEach((y, i) => g.append(svg('text', { class: 'axis', x: s.x(i), y: H - 8, 'text-anchor': 'middle' }, String(y))));
  return g;
}

function line(points, cls) {
  const d = points.filter(Boolean).map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  return d ? svg('path', { class: cls, d }) : null;
}

function square(x, y, cls = 'floor-mark') {
  return svg('rect', { class: cls, x: x - 4, y: y - 4, width: 8, height: 8 });
}

function triangle(x, y, cls = 'below') {
  return svg('path', { class: cls, d: `M${x - 5.5},${y - 4} L${x + 5.5},${y - 4} L${x},${y + 5} Z` });
}

function swatch(...shapes) {
  return svg('svg', { class: 'plot swatch', viewBox: '0 0 28 12', 'aria-hidden': 'true', focusable: 'false' }, ...shapes);
}

export class CchcRampChart extends CchcElement {
  static defaultHeadingLevel = 3;

  get level() {
    return this.getAttribute('level');
  }
  set level(v) {
    if (v) this.setAttribute('level', v);
    else this.removeAttribute('level');
  }

  #ramp() {
    const plan = this.engine.plan();
    const ind = this.indicator ? plan.indicators.find((i) => i.id === this.indicator) : plan.indicators.find((i) => i.ramp);
    const ramp = plan.ramps.find((r) => r.id === ind?.ramp) ?? plan.ramps[0];
    if (!ramp) return null;
    const years = [];
    for (let y = ramp.firstYear; y <= ramp.lastYear; y += 1) years.push(y);
    return { ramp, indicator: ind, years };
  }

  #floor(level, year, reading) {
    try {
      return this.engine.ramp(level, year, reading).floor;
    } catch {
      return null;
    }
  }

  render(report, locale) {
    const found = this.#ramp();
    if (!found) return el('p', { class: 'message' }, t('noData', locale));
    const { ramp, indicator, years } = found;
    const reading = report?.options?.rampReading;
    const titleId = uid('cchc-ramp');
    const descId = uid('cchc-ramp-desc');
    const s = scale(years);
    const plot = svg('svg', { class: 'plot main', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, focusable: 'false' });
    plot.append(frame(years, s, locale));
    const fig = el('figure', { class: 'chart' });
    const wrap = el('section', { class: 'ramp' });
    const heading = el(this.headingLevel(), { class: 'heading', id: titleId });
    wrap.append(heading);
    const legend = el('ul', { class: 'legend' });
    const table = el('table');
    let description = '';

    const unit = this.unit;
    const level = LEVELS.includes(this.level) ? this.level : null;
    if (unit) {
      const result = report?.results.find((r) => r.indicator === indicator?.id && r.unit === unit) ?? null;
      const unitLevel = result?.level ?? this.units.get(unit)?.level ?? null;
      const name = result?.unitName ?? this.unitName(unit);
      heading.textContent = `${t('rampTitle', locale)} – ${name}`;
      const byYear = new Map((result?.rampYears ?? []).map((r) => [r.year, r]));
      const rows = years.map((year) => {
        const r = byYear.get(year);
        const floor = r ? r.floor : unitLevel ? this.#floor(unitLevel, year, reading) : null;
        return { year, floor, value: r?.value ?? null, met: r?.met ?? null };
      });
      plot.append(line(rows.map((r, i) => (r.floor === null ? null : [s.x(i), s.y(r.floor)])), 'floor') ?? '');
      plot.append(line(rows.map((r, i) => (r.value === null ? null : [s.x(i), s.y(r.value)])), 'actual') ?? '');
      rows.forEach((r, i) => {
        if (r.floor !== null) plot.append(square(s.x(i), s.y(r.floor)));
        if (r.value !== null) plot.append(r.met === false ? triangle(s.x(i), s.y(r.value)) : svg('circle', { class: 'actual-mark', cx: s.x(i), cy: s.y(r.value), r: 4.5 }));
      });
      const parts = rows.map((r) =>
        t('chartYear', locale, r.year, r.floor === null ? '—' : pct(r.floor, locale), r.value === null ? t('noValue', locale) : pct(r.value, locale), r.met === null ? '' : t(r.met ? 'atOrAbove' : 'belowFloor', locale)),
      );
      description = t('chartSummaryUnit', locale, name, parts.join('; '));
      table.append(
        el('caption', {}, `${t('dataTable', locale)}: ${name}`),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('year', locale)), el('th', { scope: 'col', class: 'num' }, t('floor', locale)), el('th', { scope: 'col', class: 'num' }, t('actual', locale)))),
        el(
          'tbody',
          {},
          rows.map((r) =>
            el(
              'tr',
              { 'data-year': r.year },
              el('th', { scope: 'row' }, String(r.year)),
              el('td', { class: 'num' }, r.floor === null ? '—' : pct(r.floor, locale)),
              el('td', { class: 'num' }, r.value === null ? '—' : `${pct(r.value, locale)}${r.met === false ? ` (${t('belowFloor', locale)})` : ''}`),
            ),
          ),
        ),
      );
      legend.append(
        el('li', {}, swatch(svg('line', { class: 'floor', x1: 0, x2: 28, y1: 6, y2: 6 }), square(14, 6)), t('floor', locale)),
        el('li', {}, swatch(svg('line', { class: 'actual', x1: 0, x2: 28, y1: 6, y2: 6 }), svg('circle', { class: 'actual-mark', cx: 14, cy: 6, r: 4 })), t('actual', locale)),
        el('li', {}, swatch(triangle(14, 6)), `${t('actual', locale)}: ${t('belowFloor', locale)}`),
      );
    } else if (level) {
      heading.textContent = `${t('rampTitle', locale)} – ${levelLabel(level, locale)}`;
      const floors = years.map((y) => this.#floor(level, y, reading));
      plot.append(line(floors.map((f, i) => (f === null ? null : [s.x(i), s.y(f)])), 'floor') ?? '');
      floors.forEach((f, i) => f !== null && plot.append(square(s.x(i), s.y(f))));
      const results = (report?.results ?? []).filter((r) => r.indicator === indicator?.id && r.level === level);
      const spread = Math.min(s.span * 0.6, 40);
      results.forEach((r, k) => {
        const dx = results.length > 1 ? (k / (results.length - 1) - 0.5) * spread : 0;
        for (const ry of r.rampYears ?? []) {
          const i = years.indexOf(ry.year);
          if (i < 0 || ry.value === null || ry.value === undefined) continue;
          plot.append(svg('circle', { class: ry.met === false ? 'unit-below' : 'unit-dot', cx: s.x(i) + dx, cy: s.y(ry.value), r: 3 }));
        }
      });
      const summaries = (report?.levelSummaries ?? []).filter((x) => x.indicator === indicator?.id && x.level === level);
      description = summaries.length && summaries.every((x) => x.sentence) ? summaries.map((x) => x.sentence[locale]).join('; ') : years.map((y, i) => `${y}: ${floors[i] === null ? '—' : pct(floors[i], locale)}`).join('; ');
      const head = el('tr', {}, el('th', { scope: 'col' }, t('unitCol', locale)), years.map((y) => el('th', { scope: 'col', class: 'num' }, String(y))));
      const body = el('tbody', {}, el('tr', { 'data-row': 'floor' }, el('th', { scope: 'row' }, t('floor', locale)), floors.map((f) => el('td', { class: 'num' }, f === null ? '—' : pct(f, locale)))));
      for (const r of results) {
        const by = new Map((r.rampYears ?? []).map((x) => [x.year, x]));
        body.append(
          el(
            'tr',
            { 'data-unit': r.unit },
            el('th', { scope: 'row' }, r.unitName ?? r.unit),
            years.map((y) => {
              const x = by.get(y);
              if (!x || x.value === null || x.value === undefined) return el('td', { class: 'num' }, '—');
              return el('td', { class: 'num' }, `${pct(x.value, locale)}${x.met === false ? ` (${t('belowFloor', locale)})` : ''}`);
            }),
          ),
        );
      }
      table.append(el('caption', {}, `${t('dataTable', locale)}: ${levelLabel(level, locale)}`), el('thead', {}, head), body);
      legend.append(el('li', {}, swatch(svg('line', { class: 'floor', x1: 0, x2: 28, y1: 6, y2: 6 }), square(14, 6)), t('floor', locale)));
      if (results.length) {
        legend.append(
          el('li', {}, swatch(svg('circle', { class: 'unit-dot', cx: 14, cy: 6, r: 3.5 })), `${t('actual', locale)} (${num(results.length, locale, 0)} ${t('unitCol', locale).toLowerCase()})`),
          el('li', {}, swatch(svg('circle', { class: 'unit-below', cx: 14, cy: 6, r: 3.5 })), `${t('actual', locale)}: ${t('belowFloor', locale)}`),
        );
      }
    } else {
      heading.textContent = t('rampSchedule', locale);
      const head = el('tr', {}, el('th', { scope: 'col' }, t('level', locale)), years.map((y) => el('th', { scope: 'col', class: 'num' }, String(y))));
      const body = el('tbody');
      const parts = [];
      for (const lv of LEVELS) {
        if (!(lv in ramp.firstFloors)) continue;
        const floors = years.map((y) => this.#floor(lv, y, reading));
        plot.append(line(floors.map((f, i) => (f === null ? null : [s.x(i), s.y(f)])), `floor level-${lv}`) ?? '');
        floors.forEach((f, i) => f !== null && plot.append(square(s.x(i), s.y(f))));
        body.append(el('tr', { 'data-level': lv }, el('th', { scope: 'row' }, levelLabel(lv, locale)), floors.map((f, i) => el('td', { class: 'num', 'data-year': years[i] }, f === null ? '—' : num(f, locale)))));
        legend.append(el('li', {}, swatch(svg('line', { class: `floor level-${lv}`, x1: 0, x2: 28, y1: 6, y2: 6 })), levelLabel(lv, locale)));
        parts.push(`${levelLabel(lv, locale)}: ${floors.map((f, i) => `${years[i]} ${f === null ? '—' : pct(f, locale)}`).join(', ')}`);
      }
      description = parts.join('; ');
      table.append(el('caption', {}, `${t('dataTable', locale)} (%)`), el('thead', {}, head), body);
    }
    plot.prepend(svg('desc', { id: descId }, description));
    const clause = el('p', { class: 'muted' }, `${t('clause', locale, ramp.clause)} · ${ramp.title[locale]}`);
    fig.append(plot, el('figcaption', {}, legend));
    wrap.append(clause, fig, el('div', { class: 'vh print' }, table));
    return wrap;
  }
}
