// <cchc-ramp-chart unit="nk">, <cchc-ramp-chart level="district">, <cchc-ramp-chart>:
// the digitization ramp (clause II.2.c.2) as inline SVG — the yearly floors against the
// actual values of a unit, of every unit of a level, or the floors of all levels when no
// unit or level is set. The same figures are in a table for screen readers and print.

import { CchcElement, Types, el, svg, uid, data, unbroken } from './base.js';
import { levelLabel, num, pct, t } from './i18n.js';
import { pickResult } from './units.js';
import { downloadBar, downloadFailed, downloadFrom } from './card.js';

// The plot is drawn at the width it is shown (one SVG unit = one CSS pixel), so its labels
// keep their 12 px and its markers their size on a 360 px phone as on a desktop.
const MIN_W = 260;
const PAD = { left: 48, right: 12, top: 14, bottom: 30 };
const LEVELS = ['city', 'district', 'commune'];
/** Names longer than this are clamped to a few lines, as on the cards. */
const LONG_NAME = 80;

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

/**
 * The actual values as two paths: solid between a unit's own figures, dashed wherever a
 * segment touches a year summed from its predecessors (before the unit existed).
 */
function actualLines(rows, s) {
  const own = [];
  const pred = [];
  let prev = null;
  rows.forEach((r, i) => {
    if (r.value === null) {
      prev = null;
      return;
    }
    const p = [s.x(i), s.y(r.value)];
    if (prev) (prev.pred || r.pred ? pred : own).push(`M${prev.p[0].toFixed(1)},${prev.p[1].toFixed(1)} L${p[0].toFixed(1)},${p[1].toFixed(1)}`);
    else if (!rows.slice(i + 1).some((x) => x.value !== null)) own.push(`M${p[0].toFixed(1)},${p[1].toFixed(1)} L${p[0].toFixed(1)},${p[1].toFixed(1)}`);
    prev = { p, pred: r.pred };
  });
  return [own.length ? svg('path', { class: 'actual', d: own.join(' ') }) : null, pred.length ? svg('path', { class: 'actual pred-line', d: pred.join(' ') }) : null];
}

/** The years summed from predecessors, shaded with a label, as one band per run of years. */
function predecessorBands(rows, s, locale) {
  const g = svg('g', { class: 'pred-bands', 'aria-hidden': 'true' });
  for (let i = 0; i < rows.length; i += 1) {
    if (!rows[i].pred) continue;
    let j = i;
    while (j + 1 < rows.length && rows[j + 1].pred) j += 1;
    const x0 = s.x(i) - s.span / 2;
    const x1 = s.x(j) + s.span / 2;
    g.append(svg('rect', { class: 'pred-band', x: x0, y: PAD.top - 8, width: x1 - x0, height: s.H - PAD.top - PAD.bottom + 8 }));
    g.append(svg('text', { class: 'label band-label', x: (x0 + x1) / 2, y: PAD.top + 4, 'text-anchor': 'middle' }, t('predMark', locale)));
    i = j;
  }
  return g;
}

/** A vertical dashed line between the two years of a series break, with a label. */
function breakMark(brk, years, s, locale) {
  const a = years.indexOf(brk.before);
  const b = years.indexOf(brk.after);
  if (a < 0 || b < 0) return null;
  const x = (s.x(a) + s.x(b)) / 2;
  return svg(
    'g',
    { class: 'series-break', 'aria-hidden': 'true', 'data-before': brk.before, 'data-after': brk.after },
    svg('line', { class: 'break', x1: x, x2: x, y1: PAD.top - 8, y2: s.H - PAD.bottom }),
    svg('text', { class: 'label break-label', x: x - 4, y: s.H - PAD.bottom - 6, 'text-anchor': 'end' }, t('breakMark', locale)),
  );
}

/** What a year's figure is made of, in words (`cộng từ các đơn vị trước sắp xếp, ước tính theo tỷ lệ`). */
function basisText(row, locale) {
  if (!row.pred) return '';
  return row.estimated ? `${t('fromPredecessors', locale)}, ${t('estimated', locale)}` : t('fromPredecessors', locale);
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
 * @cssproperty --cchc-pred-band - Background of the years a unit's figures are summed from its predecessors (before a 2025 merger).
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
  #pending = 0;
  /** What the last paint drew, for the download: `{ kind: 'unit' | 'level' | 'levels', … }`. */
  #drawn = null;

  connectedCallback() {
    super.connectedCallback();
    // Repaint when the box changes width by more than a few pixels (the plot is drawn to it).
    this.#resize ??= typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.#measure()) : null;
    this.#resize?.observe(this);
  }

  disconnectedCallback() {
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#pending);
    this.#pending = 0;
  }

  // Measured and painted in the next frame, not inside the observer's callback: a paint there
  // changes the observed box again, which Firefox reports as a window error ("ResizeObserver
  // loop completed with undelivered notifications").
  #measure() {
    if (this.#pending) return;
    this.#pending = requestAnimationFrame(() => {
      this.#pending = 0;
      const w = this.#plotWidth();
      if (Math.abs(w - this.#width) >= 4 && this.dataset.state === 'ready') this.repaint();
    });
  }

  #plotWidth() {
    const box = this.frame.clientWidth;
    const cs = box ? getComputedStyle(this.frame) : null;
    const inner = cs ? box - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) : 0;
    return Math.max(MIN_W, Math.floor(inner || 360));
  }

  action(name, value) {
    if (name === 'download') {
      this.downloadTable(value).catch((e) => downloadFailed(this, e));
      return;
    }
    if (name !== 'year') return;
    const year = Number(value);
    this.#selected = this.#selected === year ? null : year;
    this.repaint();
  }

  /**
   * Saves the chart's data table as `format` (`xlsx`, the default, or `csv`), headings in the
   * widget's language: a unit's floors and figures by year, a level's units by year (a year
   * summed from predecessors left empty, as the chart does not count it), or every level's
   * floors. Loads the table module (and, for .xlsx, `cchc-progress/xlsx`) on first use.
   * Resolves to the file name, or null before the chart is drawn.
   */
  downloadTable(format = 'xlsx') {
    const drawn = this.#drawn;
    if (!drawn) return Promise.resolve(null);
    return downloadFrom(
      this,
      format,
      (tables, locale) => tables.rampRows(drawn, locale),
      (locale) => [locale === 'en' ? 'digitization-ramp' : 'lo-trinh-so-hoa', drawn.unit ?? drawn.level ?? (locale === 'en' ? 'levels' : 'cac-cap')],
      (locale) => (locale === 'en' ? 'Ramp' : 'Lộ trình'),
    );
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
    this.#drawn = null;
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

    const unit = this.unit;
    const level = LEVELS.includes(this.level) ? this.level : null;
    const c = { report, locale, reading, years, s, plot, readouts, heading, legend, table, indicator, ramp, description: '', tableNote: null };
    if (unit) this.#drawUnit(c, unit);
    else if (level) this.#drawLevel(c, level);
    else this.#drawLevels(c);
    const { description, tableNote } = c;
    plot.prepend(svg('desc', { id: descId }, description));
    const selected = years.includes(this.#selected) ? this.#selected : null;
    plot.append(hits(years, s, selected));
    const clause = el('p', { class: 'muted' }, `${t('clause', locale, ramp.clause)} · ${ramp.title[locale]}`);
    // The figures of the year tapped (the table below holds them all for screen readers).
    const readout = el('p', { class: 'readout', 'aria-live': 'polite' }, selected === null ? t('touchHint', locale) : unbroken(readouts[years.indexOf(selected)]));
    fig.append(plot, readout, el('figcaption', {}, legend));
    wrap.append(clause, fig, downloadBar(locale, 'cchc-ramp'), el('div', { class: 'vh print' }, table, tableNote));
    return wrap;
  }

  /** The chart of one unit: its floors and figures by year (`unit`). */
  #drawUnit(c, unit) {
    const { report, locale, reading, years, s, plot, readouts, heading, legend, table, indicator } = c;
    // A reused official code may have a row for the old and the new unit: the one valid at the as-of date.
    const result = report && indicator ? pickResult(report.results({ indicator: indicator.id, unit }), indicator.id, unit, report.asOf) : null;
    const unitLevel = result?.level ?? this.units.get(unit)?.level ?? null;
    const name = result?.unitName ?? this.unitName(unit);
    heading.append(`${t('rampTitle', locale)} – `, data(name));
    // A long name is clamped to a few lines, as on the cards (whole in the text alternative).
    if (name.length > LONG_NAME) heading.classList.add('clamped');
    const byYear = new Map((result?.rampYears ?? []).map((r) => [r.year, r]));
    // Years before the unit existed are summed from its predecessors: the series says so.
    const points = new Map((result?.series ?? []).map((p) => [p.year, p]));
    const rows = years.map((year) => {
      const r = byYear.get(year);
      const floor = r ? r.floor : unitLevel ? this.#floor(unitLevel, year, reading) : null;
      const point = points.get(year);
      const value = r?.value ?? null;
      return { year, floor, value, met: r?.met ?? null, pred: value !== null && point?.basis === 'predecessors', estimated: value !== null && point?.estimated === true };
    });
    this.#drawn = { kind: 'unit', unit, name, rows };
    const anyPred = rows.some((r) => r.pred);
    const anyEstimated = rows.some((r) => r.estimated);
    const brk = result?.method?.seriesBreak ?? null;
    if (anyPred) plot.append(predecessorBands(rows, s, locale));
    plot.append(line(rows.map((r, i) => (r.floor === null ? null : [s.x(i), s.y(r.floor)])), 'floor') ?? '');
    plot.append(...actualLines(rows, s).filter(Boolean));
    rows.forEach((r, i) => {
      if (r.floor !== null) plot.append(square(s.x(i), s.y(r.floor)));
      if (r.value === null) return;
      const x = s.x(i);
      const y = s.y(r.value);
      // Shape: the floor met or not; hollow: summed from predecessors; dotted outline: estimated from a share.
      const est = r.estimated ? ' estimated' : '';
      if (r.met === false) plot.append(triangle(x, y, r.pred ? `below pred${est}` : 'below'));
      else plot.append(svg('circle', { class: r.pred ? `pred-mark${est}` : 'actual-mark', cx: x, cy: y, r: 5 }));
    });
    if (brk) plot.append(breakMark(brk, years, s, locale) ?? '');
    const yearText = (r) => {
      const state = [r.met === null ? '' : t(r.met ? 'atOrAbove' : 'belowFloor', locale), basisText(r, locale)].filter(Boolean).join('; ');
      return t('chartYear', locale, r.year, r.floor === null ? '—' : pct(r.floor, locale), r.value === null ? t('noValue', locale) : pct(r.value, locale), state);
    };
    rows.forEach((r, i) => {
      readouts[i] = yearText(r);
    });
    c.description = t('chartSummaryUnit', locale, name, rows.map(yearText).join('; '));
    if (brk) c.description += `. ${t('seriesBreak', locale, brk.before, brk.after)}`;
    table.append(
      el('caption', {}, `${t('dataTable', locale)}: `, data(name, name.length > LONG_NAME ? { class: 'data clamp-inline' } : {})),
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
            el('td', { class: 'num' }, r.value === null ? '—' : pct(r.value, locale), r.met === false ? ` (${t('belowFloor', locale)})` : ''),
            el('td', { class: 'basis' }, basisText(r, locale) || '—'),
          ),
        ),
      ),
    );
    if (anyPred) {
      table.querySelector('thead tr').append(el('th', { scope: 'col' }, t('basisCol', locale)));
    } else {
      for (const cell of table.querySelectorAll('td.basis')) cell.remove();
    }
    if (brk) c.tableNote = el('p', { class: 'muted', 'data-note': 'series-break' }, t('seriesBreak', locale, brk.before, brk.after));
    legend.append(
      el('li', {}, swatch(svg('line', { class: 'floor', x1: 0, x2: 28, y1: 6, y2: 6 }), square(14, 6)), t('floor', locale)),
      el('li', {}, swatch(svg('line', { class: 'actual', x1: 0, x2: 28, y1: 6, y2: 6 }), svg('circle', { class: 'actual-mark', cx: 14, cy: 6, r: 4 })), t('actual', locale)),
      el('li', {}, swatch(triangle(14, 6)), `${t('actual', locale)}: ${t('belowFloor', locale)}`),
    );
    if (rows.some((r) => r.pred && !r.estimated)) {
      legend.append(
        el(
          'li',
          { 'data-legend': 'predecessors' },
          swatch(svg('rect', { class: 'pred-band', x: 0, y: 0, width: 28, height: 12 }), svg('line', { class: 'actual pred-line', x1: 0, x2: 28, y1: 6, y2: 6 }), svg('circle', { class: 'pred-mark', cx: 14, cy: 6, r: 4 })),
          `${t('actual', locale)}: ${t('fromPredecessors', locale)}`,
        ),
      );
    }
    if (anyEstimated) {
      legend.append(
        el(
          'li',
          { 'data-legend': 'estimated' },
          swatch(svg('rect', { class: 'pred-band', x: 0, y: 0, width: 28, height: 12 }), svg('line', { class: 'actual pred-line', x1: 0, x2: 28, y1: 6, y2: 6 }), svg('circle', { class: 'pred-mark estimated', cx: 14, cy: 6, r: 4 })),
          `${t('actual', locale)}: ${t('fromPredecessors', locale)}, ${t('estimated', locale)}`,
        ),
      );
    }
    if (brk) legend.append(el('li', { 'data-legend': 'series-break' }, swatch(svg('line', { class: 'break', x1: 14, x2: 14, y1: 0, y2: 12 })), t('breakLegend', locale, brk.before, brk.after)));
  }

  /** The chart of a level: its floor and each of its units' figures by year (`level`). */
  #drawLevel(c, level) {
    const { report, locale, reading, years, s, plot, readouts, heading, legend, table, indicator } = c;
    heading.textContent = `${t('rampTitle', locale)} – ${levelLabel(level, locale)}`;
    const floors = years.map((y) => this.#floor(level, y, reading));
    plot.append(line(floors.map((f, i) => (f === null ? null : [s.x(i), s.y(f)])), 'floor') ?? '');
    floors.forEach((f, i) => f !== null && plot.append(square(s.x(i), s.y(f))));
    const results = report && indicator ? report.results({ indicator: indicator.id, level }) : [];
    // A year a unit did not exist in, summed from its predecessors, is drawn hollow and not
    // counted: its predecessors' own figures are already there.
    const predYears = new Map(results.map((r) => [r, new Set((r.series ?? []).filter((p) => p.basis === 'predecessors').map((p) => p.year))]));
    const isPred = (r, year) => predYears.get(r)?.has(year) ?? false;
    let anyPred = false;
    const spread = Math.min(s.span * 0.6, 40);
    results.forEach((r, k) => {
      const dx = results.length > 1 ? (k / (results.length - 1) - 0.5) * spread : 0;
      for (const ry of r.rampYears ?? []) {
        const i = years.indexOf(ry.year);
        if (i < 0 || ry.value === null || ry.value === undefined) continue;
        const pred = isPred(r, ry.year);
        anyPred ||= pred;
        plot.append(svg('circle', { class: pred ? 'unit-pred' : ry.met === false ? 'unit-below' : 'unit-dot', cx: s.x(i) + dx, cy: s.y(ry.value), r: 4.5 }));
      }
    });
    years.forEach((y, i) => {
      const of = results
        .filter((r) => !isPred(r, y))
        .map((r) => (r.rampYears ?? []).find((x) => x.year === y))
        .filter((x) => x && x.value !== null && x.value !== undefined);
      const met = of.filter((x) => x.met !== false).length;
      readouts[i] = `${y}: ${t('floor', locale).toLowerCase()} ${floors[i] === null ? '—' : pct(floors[i], locale)}${of.length ? ` · ${t('chartLevel', locale, levelLabel(level, locale), num(met, locale, 0), num(of.length, locale, 0), y)}` : ''}`;
    });
    const summaries = report && indicator ? report.levelSummaries({ indicator: indicator.id, level }) : [];
    c.description = summaries.length && summaries.every((x) => x.sentence) ? summaries.map((x) => x.sentence[locale]).join('; ') : years.map((y, i) => `${y}: ${floors[i] === null ? '—' : pct(floors[i], locale)}`).join('; ');
    this.#drawn = {
      kind: 'level',
      level,
      years,
      floors,
      units: results.map((r) => {
        const by = new Map((r.rampYears ?? []).map((x) => [x.year, x]));
        return { unit: r.unit, name: r.unitName ?? r.unit, values: years.map((y) => by.get(y)?.value ?? null), pred: years.map((y) => isPred(r, y)) };
      }),
    };
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
            const note = isPred(r, y) ? t('predMark', locale) : x.met === false ? t('belowFloor', locale) : '';
            return el('td', { class: 'num' }, pct(x.value, locale), note ? ` (${note})` : '');
          }),
        ),
      );
    }
    table.append(el('caption', {}, `${t('dataTable', locale)}: ${levelLabel(level, locale)}`), el('thead', {}, head), body);
    legend.append(el('li', {}, swatch(svg('line', { class: 'floor', x1: 0, x2: 28, y1: 6, y2: 6 }), square(14, 6)), t('floor', locale)));
    if (results.length) {
      legend.append(
        el('li', {}, swatch(svg('circle', { class: 'unit-dot', cx: 14, cy: 6, r: 4 })), `${t('actual', locale)} (`, el('span', { class: 'nowrap' }, t('nUnits', locale, num(results.length, locale, 0))), ')'),
        el('li', {}, swatch(svg('circle', { class: 'unit-below', cx: 14, cy: 6, r: 4 })), `${t('actual', locale)}: ${t('belowFloor', locale)}`),
      );
      if (anyPred) legend.append(el('li', { 'data-legend': 'predecessors' }, swatch(svg('circle', { class: 'unit-pred', cx: 14, cy: 6, r: 4 })), `${t('actual', locale)}: ${t('fromPredecessors', locale)}`));
    }
  }

  /** The schedule: every level's floors by year. */
  #drawLevels(c) {
    const { locale, reading, years, s, plot, readouts, heading, legend, table, ramp } = c;
    heading.textContent = t('rampSchedule', locale);
    const head = el('tr', {}, el('th', { scope: 'col' }, t('level', locale)), years.map((y) => el('th', { scope: 'col', class: 'num' }, String(y))));
    const body = el('tbody');
    const parts = [];
    this.#drawn = { kind: 'levels', years, levels: [] };
    for (const lv of LEVELS) {
      if (!(lv in ramp.firstFloors)) continue;
      const floors = years.map((y) => this.#floor(lv, y, reading));
      this.#drawn.levels.push({ level: lv, floors });
      plot.append(line(floors.map((f, i) => (f === null ? null : [s.x(i), s.y(f)])), `floor level-${lv}`) ?? '');
      floors.forEach((f, i) => f !== null && plot.append(square(s.x(i), s.y(f))));
      body.append(el('tr', { 'data-level': lv }, el('th', { scope: 'row' }, levelLabel(lv, locale)), floors.map((f, i) => el('td', { class: 'num', 'data-year': years[i] }, f === null ? '—' : num(f, locale)))));
      legend.append(el('li', {}, swatch(svg('line', { class: `floor level-${lv}`, x1: 0, x2: 28, y1: 6, y2: 6 })), levelLabel(lv, locale)));
      parts.push(`${levelLabel(lv, locale)}: ${floors.map((f, i) => `${years[i]} ${f === null ? '—' : pct(f, locale)}`).join(', ')}`);
      floors.forEach((f, i) => {
        readouts[i] += `${readouts[i] ? '; ' : `${years[i]}: `}${levelLabel(lv, locale)} ${f === null ? '—' : pct(f, locale)}`;
      });
    }
    c.description = parts.join('; ');
    table.append(el('caption', {}, `${t('dataTable', locale)} (%)`), el('thead', {}, head), body);
  }
}
