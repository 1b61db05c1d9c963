// <cchc-ramp-chart unit="nk">, <cchc-ramp-chart level="district">, <cchc-ramp-chart>:
// the digitization ramp (clause II.2.c.2) as inline SVG — the yearly floors against the
// actual values of a unit, of every unit of a level, or the floors of all levels when no
// unit or level is set. The same figures are in a table for screen readers and print.

import { CchcElement, Types, el, svg, uid, data } from './base.js';
import { levelLabel, num, pct, t } from './i18n.js';

// The plot is drawn at the width it is shown (one SVG unit = one CSS pixel), so its labels
// keep their 12 px and its markers their size on a 360 px phone as on a desktop.
const MIN_W = 260;
const PAD = { left: 48, right: 12, top: 14, bottom: 30 };
const LEVELS = ['city', 'district', 'commune'];

function scale(years, W, H) {
  const span = (W - PAD.left - PAD.right) / years.length;
  return {
    x: (i) => PAD.left + (i + 0.5) * span,
    y: (v) => PAD.top + ((100 - Math.max(0, Math.min(100, v))) / 100) * (H - PAD.top - PAD.bottom),
    span,
    W,
    H,
  };
}

function frame(years, s, locale) {
  const g = svg('g', { 'aria-hidden': 'true' });
  for (const v of [0, 25, 50, 75, 100]) {
    g.append(svg('line', { class: 'grid', x1: PAD.left, x2: s.W - PAD.right, y1: s.y(v), y2: s.y(v) }));
    g.append(svg('text', { class: 'axis', x: PAD.left - 6, y: s.y(v) + 4, 'text-anchor': 'end' }, pct(v, locale, 0)));
  }
  years.forEach((y, i) => g.append(svg('text', { class: 'axis', x: s.x(i), y: s.H - 9, 'text-anchor': 'middle' }, String(y))));
  return g;
}

/** One tap target per year (the whole column, at least 24 px wide): shows that year's figures below the plot. */
function hits(years, s, selected) {
  const g = svg('g', { class: 'hits' });
  years.forEach((y, i) => {
    g.append(svg('rect', { class: 'hit', x: s.x(i) - s.span / 2, y: PAD.top - 8, width: s.span, height: s.H - PAD.top - PAD.bottom + 16, 'data-action': 'year', 'data-value': y, 'data-selected': String(selected === y) }));
  });
  return g;
}

function line(points, cls) {
  const d = points.filter(Boolean).map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  return d ? svg('path', { class: cls, d }) : null;
}

function square(x, y, cls = 'floor-mark') {
  return svg('rect', { class: cls, x: x - 5, y: y - 5, width: 10, height: 10 });
}

function triangle(x, y, cls = 'below') {
  return svg('path', { class: cls, d: `M${x - 5.5},${y - 4} L${x + 5.5},${y - 4} L${x},${y + 5} Z` });
}

function swatch(...shapes) {
  return svg('svg', { class: 'plot swatch', viewBox: '0 0 28 12', 'aria-hidden': 'true', focusable: 'false' }, ...shapes);
}

/**
 * The digitization ramp (clause II.2.c.2): the yearly floors against the actual values of a
 * unit (`unit`), of every unit of a level (`level`), or the floors of all levels.
 *
 * @element cchc-ramp-chart
 * @summary The digitization floors 2022–2025 against the actual values, as SVG with a text alternative and a data table.
 *
 * @csspart frame - The widget's box (border, background, padding).
 * @csspart error - The message shown when the figures cannot be shown.
 * @cssproperty --cchc-font - Font family of the widget (the plot's labels too).
 * @cssproperty --cchc-accent - The actual values (line and markers).
 * @cssproperty --cchc-floor - The floors (dashed line, square markers).
 * @cssproperty --cchc-grid - The plot's grid lines.
 * @cssproperty --cchc-status-missed - Markers of values below the floor.
 * @event cchc-render - After each render; `detail.state` is `ready` or `error`.
 * @event cchc-error - When the widget shows an error; `detail.code` is stable.
 */
export class CchcRampChart extends CchcElement {
  static defaultHeadingLevel = 3;
  /** The chart asks the engine for the plan's ramp and each year's floor, report or not. */
  static needsEngine = true;
  static properties = {
    ...CchcElement.properties,
    level: { attribute: 'level', type: Types.oneOf(LEVELS), effect: 'paint', doc: '`city`, `district` or `commune`: every unit of that level against its floors (when `unit` is unset).' },
  };

  #width = 0;
  #selected = null;
  #resize = null;

  connectedCallback() {
    super.connectedCallback();
    // Repaint when the box changes width by more than a few pixels (the plot is drawn to it).
    this.#resize ??= typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.#measure()) : null;
    this.#resize?.observe(this);
  }

  disconnectedCallback() {
    this.#resize?.disconnect();
  }

  #measure() {
    const w = this.#plotWidth();
    if (Math.abs(w - this.#width) >= 4 && this.dataset.state === 'ready') this.repaint();
  }

  #plotWidth() {
    const box = this.frame.clientWidth;
    const cs = box ? getComputedStyle(this.frame) : null;
    const inner = cs ? box - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) : 0;
    return Math.max(MIN_W, Math.floor(inner || 360));
  }

  action(name, value) {
    if (name !== 'year') return;
    const year = Number(value);
    this.#selected = this.#selected === year ? null : year;
    this.repaint();
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
    const titleId = uid('cchc-ramp', 'title');
    const descId = uid('cchc-ramp', 'desc');
    this.#width = this.#plotWidth();
    const W = this.#width;
    const H = Math.round(Math.min(300, Math.max(220, W * 0.5)));
    const s = scale(years, W, H);
    const plot = svg('svg', { class: 'plot main', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, focusable: 'false' });
    plot.append(frame(years, s, locale));
    const readouts = years.map(() => '');
    const fig = el('figure', { class: 'chart' });
    const wrap = el('section', { class: 'ramp' });
    const heading = el(this.headingTag(), { class: 'heading', id: titleId });
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
      heading.append(`${t('rampTitle', locale)} – `, data(name));
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
        if (r.value !== null) plot.append(r.met === false ? triangle(s.x(i), s.y(r.value)) : svg('circle', { class: 'actual-mark', cx: s.x(i), cy: s.y(r.value), r: 5 }));
      });
      rows.forEach((r, i) => {
        readouts[i] = t('chartYear', locale, r.year, r.floor === null ? '—' : pct(r.floor, locale), r.value === null ? t('noValue', locale) : pct(r.value, locale), r.met === null ? '' : t(r.met ? 'atOrAbove' : 'belowFloor', locale));
      });
      const parts = rows.map((r) =>
        t('chartYear', locale, r.year, r.floor === null ? '—' : pct(r.floor, locale), r.value === null ? t('noValue', locale) : pct(r.value, locale), r.met === null ? '' : t(r.met ? 'atOrAbove' : 'belowFloor', locale)),
      );
      description = t('chartSummaryUnit', locale, name, parts.join('; '));
      table.append(
        el('caption', {}, `${t('dataTable', locale)}: `, data(name)),
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
          plot.append(svg('circle', { class: ry.met === false ? 'unit-below' : 'unit-dot', cx: s.x(i) + dx, cy: s.y(ry.value), r: 4.5 }));
        }
      });
      years.forEach((y, i) => {
        const of = results.map((r) => (r.rampYears ?? []).find((x) => x.year === y)).filter((x) => x && x.value !== null && x.value !== undefined);
        const met = of.filter((x) => x.met !== false).length;
        readouts[i] = `${y}: ${t('floor', locale).toLowerCase()} ${floors[i] === null ? '—' : pct(floors[i], locale)}${of.length ? ` · ${t('chartLevel', locale, levelLabel(level, locale), num(met, locale, 0), num(of.length, locale, 0), y)}` : ''}`;
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
            el('th', { scope: 'row' }, data(r.unitName ?? r.unit)),
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
          el('li', {}, swatch(svg('circle', { class: 'unit-dot', cx: 14, cy: 6, r: 4 })), `${t('actual', locale)} (${t('nUnits', locale, num(results.length, locale, 0))})`),
          el('li', {}, swatch(svg('circle', { class: 'unit-below', cx: 14, cy: 6, r: 4 })), `${t('actual', locale)}: ${t('belowFloor', locale)}`),
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
        floors.forEach((f, i) => {
          readouts[i] += `${readouts[i] ? '; ' : `${years[i]}: `}${levelLabel(lv, locale)} ${f === null ? '—' : pct(f, locale)}`;
        });
      }
      description = parts.join('; ');
      table.append(el('caption', {}, `${t('dataTable', locale)} (%)`), el('thead', {}, head), body);
    }
    plot.prepend(svg('desc', { id: descId }, description));
    const selected = years.includes(this.#selected) ? this.#selected : null;
    plot.append(hits(years, s, selected));
    const clause = el('p', { class: 'muted' }, `${t('clause', locale, ramp.clause)} · ${ramp.title[locale]}`);
    // The figures of the year tapped (the table below holds them all for screen readers).
    const readout = el('p', { class: 'readout', 'aria-live': 'polite' }, selected === null ? t('touchHint', locale) : readouts[years.indexOf(selected)]);
    fig.append(plot, readout, el('figcaption', {}, legend));
    wrap.append(clause, fig, el('div', { class: 'vh print' }, table));
    return wrap;
  }
}
