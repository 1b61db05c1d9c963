// What every widget shares: one declarative table of its attributes and properties (each
// element adds its own), where its data comes from, loading and error states, and a paint
// that updates the shadow tree in place. Every string from data reaches the page through
// textContent or setAttribute, never as HTML.
//
// Importing this module on a server (SSR: no `HTMLElement`) defines a harmless stand-in and
// nothing else, so `import 'cchc-progress/elements'` is a no-op there.

import { afterTrap, evaluateShared, fetchJson, getEngine, initEngine, WidgetError } from './engine.js';
import { adoptStyles } from './styles.js';
import { localeOf, t } from './i18n.js';
import { el, morph } from './dom.js';
import { UnitIndex } from './units.js';

export { el, svg, uid, data, sentence, unbroken } from './dom.js';

const Base = globalThis.HTMLElement ?? class {};

/** Attribute converters: attribute text → property value; `typeText` names the type for the docs. */
export const Types = {
  String: Object.assign((v) => (v === null ? null : v), { typeText: 'string' }),
  /** A number, or null when absent or not a number. */
  Number: Object.assign(
    (v) => {
      const n = v === null || v.trim() === '' ? NaN : Number(v);
      return Number.isFinite(n) ? n : null;
    },
    { typeText: 'number' },
  ),
  /** One of `values`; `fallback` otherwise. */
  oneOf: (values, fallback = null) => Object.assign((v) => (values.includes(v) ? v : fallback), { typeText: values.map((x) => `'${x}'`).join(' | '), values }),
};

/**
 * The properties every widget has, by property name. Each entry:
 * - `attribute`: the attribute it reflects (kebab-case), `type`: how its text is read,
 * - `effect`: `load` (the data or its evaluation change) or `paint` (only the view changes),
 * - `doc`: one line for the types, the README and `custom-elements.json`.
 * A subclass lists its own in `static properties = { ...CchcElement.properties, ... }`.
 */
const COMMON = {
  indicator: { attribute: 'indicator', type: Types.String, effect: 'paint', doc: 'Indicator id of the plan (`proc.online_l34`).' },
  unit: { attribute: 'unit', type: Types.String, effect: 'paint', doc: 'Unit id (`ct`, `nk`, ...).' },
  src: { attribute: 'src', type: Types.String, effect: 'load', doc: 'URL of a JSON input or CSV export on this origin (other origins are refused).' },
  reportSrc: {
    attribute: 'report-src',
    type: Types.String,
    effect: 'load',
    doc: 'A report made ahead of time (`npx cchc-progress report`): its URL on this origin, or `#id` of a `<script type="application/json">` in the page. Shown as it is; the page downloads no WebAssembly.',
  },
  plan: { attribute: 'plan', type: Types.String, effect: 'load', doc: 'URL of another rule pack (JSON) on this origin; the embedded Cần Thơ plan when unset.' },
  asOf: { attribute: 'as-of', type: Types.String, effect: 'load', doc: '`YYYY-MM-DD`: evaluates the data at this date (overrides the data’s own `asOf`).' },
  locale: {
    attribute: 'locale',
    type: Types.oneOf(['vi', 'en']),
    effect: 'paint',
    doc: '`vi` or `en`; when unset, the language of the page (`lang` of the nearest ancestor), Vietnamese unless it is English.',
    read: (el, v) => localeOf(v, el),
  },
  csvOptionsSrc: { attribute: 'csv-options', type: Types.String, effect: 'load', doc: 'URL of a JSON file with the options of CSV data (units, asOf, …); or set the `csvOptions` property.' },
  headingLevel: {
    attribute: 'heading-level',
    type: Types.Number,
    effect: 'paint',
    doc: 'Level (2–6) of the widget’s heading, to fit the page’s outline; its subheadings are one level below. Default 3 (2 for the overview).',
  },
};

/** Attributes that only a framework writes, from an object it turned into text. */
const OBJECT_PROPERTIES = ['input', 'report', 'csv', 'csvOptions'];

const finalized = new WeakSet();

/**
 * The plan's indicators as a report tells them (every indicator has a row there): what a
 * widget shows of an indicator when it has the report but not the engine.
 */
function indicatorsOf(report) {
  const out = new Map();
  // Every indicator has one headline row: the plan's indicators without reading the others.
  for (const r of report?.results({ headline: true }) ?? []) {
    if (out.has(r.indicator)) continue;
    const title = r.titles ?? { vi: r.title, en: r.title };
    out.set(r.indicator, { id: r.indicator, area: r.area, clause: r.clause, title, measure: r.measure, comparator: r.comparator, deadline: r.deadline });
  }
  return out;
}

/**
 * Resolves in a later task: `scheduler.yield()` where there is one, else a message to itself
 * (not clamped nor throttled as a timer is).
 */
function nextTask() {
  if (typeof globalThis.scheduler?.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((ok) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      ok();
    };
    port2.postMessage(null);
  });
}

/**
 * Resolves at once for the first widget to paint in a task, and in a later task for each
 * other: the widgets of a page share one evaluation and would all paint in the task that
 * resolved it, one long task on a phone (issue 22.4). A lone widget (a card given a report
 * made ahead of time) paints at once: a yield would let the browser draw its "loading" line
 * first, +45–100 ms to the precomputed first view on the phone profile.
 */
let painterInTask = false;
function turnToPaint() {
  if (!painterInTask) {
    painterInTask = true;
    void nextTask().then(() => {
      painterInTask = false;
    });
    return Promise.resolve();
  }
  return nextTask();
}

const NO_NAMES = new UnitIndex();
const namesByReport = new WeakMap();

/** The units' names a report's rows give, by id and day; read once per report. */
function reportNames(report) {
  let names = namesByReport.get(report);
  if (!names) {
    const rows = report.results().filter((r) => r.unit && r.unitName);
    names = new UnitIndex(
      rows.map((r) => ({ id: r.unit, name: r.unitName, validFrom: r.validFrom, validTo: r.validTo })),
      report.asOf,
    );
    namesByReport.set(report, names);
  }
  return names;
}

export class CchcElement extends Base {
  static properties = COMMON;

  /**
   * Whether the widget needs the engine even when it is given a report (the ramp chart asks
   * it for the floors of every year). The others load it only to evaluate.
   */
  static needsEngine = false;

  /** Builds the accessors of this class's table once, and observes its attributes. */
  static get observedAttributes() {
    this.finalize();
    return [...new Set([...Object.values(this.properties).map((p) => p.attribute), ...OBJECT_PROPERTIES.map(kebab)])];
  }

  static finalize() {
    if (finalized.has(this)) return;
    finalized.add(this);
    const byAttribute = new Map();
    for (const [name, p] of Object.entries(this.properties)) {
      byAttribute.set(p.attribute, { name, ...p });
      if (Object.prototype.hasOwnProperty.call(this.prototype, name)) continue;
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        enumerable: true,
        get() {
          const v = p.type(this.getAttribute(p.attribute));
          return p.read ? p.read(this, v) : v;
        },
        set(v) {
          if (v === null || v === undefined || v === '' || v === false) this.removeAttribute(p.attribute);
          else this.setAttribute(p.attribute, String(v));
        },
      });
    }
    this.attributeTable = byAttribute;
  }

  #source = null; // data given by property: { report } | { input } | { csv }
  #csvOptions = null;
  #state = null; // { report, units, engine } once loaded
  #error = null;
  #token = 0;
  #scheduled = false;
  #loading = false;

  constructor() {
    super();
    this.constructor.finalize();
    this.root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.root);
    this.frame = el('div', { class: 'frame', part: 'frame' });
    this.root.append(this.frame);
    // One listener for every control the widget draws (`data-action`): the paint keeps the
    // controls themselves, so no listener is lost or doubled.
    this.root.addEventListener('click', (e) => {
      const control = e.target instanceof Element ? e.target.closest('[data-action]') : null;
      if (control && this.root.contains(control)) this.action(control.dataset.action, control.dataset.value ?? null, e);
    });
  }

  connectedCallback() {
    // A widget that will evaluate starts loading the engine now, beside its data.
    if (this.constructor.needsEngine || (!this.#source?.report && !this.reportSrc && (this.#source || this.src))) void initEngine({ plan: this.plan ?? '' }).catch(() => {});
    this.#schedule();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    const prop = this.constructor.attributeTable?.get(name);
    if (!prop) {
      // `input`, `report`, `csv`, `csv-options-...`: only a framework that stringified an object writes these.
      if (this.isConnected) this.#schedule();
      return;
    }
    if (!this.isConnected) return;
    if (prop.effect === 'paint') this.#paint();
    else {
      if (name === 'src') this.#source = null;
      this.#schedule();
    }
  }

  /**
   * The report shown, once loaded: a `ProgressReport` (read its rows with `results(filter)`,
   * the whole report with `toJSON()`). Setting it shows that report as is: a
   * `ProgressReport`, or a plain report (`npx cchc-progress report`, `engine.evaluate`).
   */
  get report() {
    return this.#state?.report ?? null;
  }
  set report(report) {
    this.#source = report ? { report } : null;
    this.#schedule();
  }
  /** Evaluation input (`EvaluateInput`); the `as-of` attribute overrides its `asOf`. */
  get input() {
    return this.#source?.input ?? null;
  }
  set input(input) {
    this.#source = input ? { input } : null;
    this.#schedule();
  }
  /** CSV text of observations, evaluated with `csvOptions` (units, asOf...). */
  get csv() {
    return this.#source?.csv ?? null;
  }
  set csv(text) {
    this.#source = typeof text === 'string' ? { csv: text } : null;
    this.#schedule();
  }
  get csvOptions() {
    return this.#csvOptions;
  }
  set csvOptions(options) {
    this.#csvOptions = options ?? null;
    this.#schedule();
  }

  /** Resolves when the widget has rendered (or shown an error) for its current data. */
  get updateComplete() {
    return this.#done ?? Promise.resolve();
  }
  #done = null;
  #resolveDone = null;

  /**
   * Units of the input by id (names, levels, parents), when the data gave them: `get(id)` is
   * the unit of that id valid at the as-of date, `at(id, day)` the one valid on `day` (one
   * official code may name an old and a new unit).
   */
  get units() {
    return this.#state?.unitMap ?? new UnitIndex();
  }
  get engine() {
    return this.#state?.engine ?? null;
  }

  /** The heading element name: `heading-level`, or the element's default (+ `offset` for subheadings). */
  headingTag(offset = 0) {
    const n = this.headingLevel ?? this.constructor.defaultHeadingLevel ?? 3;
    return `h${Math.min(6, Math.max(2, Math.round(n) + offset))}`;
  }

  /** The name of unit `id` as it stood on `day` (default: the as-of date). */
  unitName(id, day) {
    return this.units.at(id, day)?.name ?? this.#state?.namesOf().at(id, day)?.name ?? id;
  }

  /** Every data string the widget may quote inside a sentence of the engine (to isolate them). */
  dataStrings() {
    const out = [];
    for (const u of this.units.values()) if (u?.name) out.push(u.name);
    for (const u of this.#state?.namesOf().values() ?? []) out.push(u.name);
    if (this.#state?.report?.label) out.push(this.#state.report.label);
    return [...new Set(out)];
  }

  /** A control of the widget was used (`data-action` / `data-value` of the element clicked). */
  action() {}

  #schedule() {
    if (!this.#done) this.#done = new Promise((ok) => (this.#resolveDone = ok));
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) void this.#load();
    });
  }

  /** An object written as an attribute by a framework that knows no properties (React 18). */
  #stringifiedObject() {
    for (const name of OBJECT_PROPERTIES) {
      const v = this.getAttribute(kebab(name));
      if (v !== null && /^\[object \w+\]$/.test(v)) return name;
    }
    return null;
  }

  async #load() {
    const token = ++this.#token;
    this.#loading = true;
    this.setAttribute('data-state', 'loading');
    this.setAttribute('aria-busy', 'true');
    if (!this.#state && !this.#error) this.#message(t('loading', this.locale));
    try {
      const stringified = this.#stringifiedObject();
      if (stringified) throw objectAsAttribute(stringified, this.getAttribute(kebab(stringified)));
      const plan = this.plan ?? '';
      const asOf = this.asOf ?? '';
      let source = this.#source;
      const src = this.src;
      const reportSrc = this.reportSrc;
      const optionsUrl = this.csvOptionsSrc;
      if (!source && reportSrc) source = { reportSrc };
      if (!source && src) source = { src };
      const given = Boolean(source?.report || source?.reportSrc);
      const csvOptions = given ? null : this.#csvOptions ?? (optionsUrl ? await fetchJson(optionsUrl) : null);
      if (source && csvOptions) source = { ...source, csvOptions };
      // A report given as it is needs no engine (but for a widget that asks it more), and
      // neither does a widget given no data yet (its report may be set in a moment).
      const needsEngine = this.constructor.needsEngine || (Boolean(source) && !given);
      const [, evaluated] = await Promise.all([needsEngine ? getEngine(plan) : null, source ? evaluateShared(source, { plan, asOf }) : null]);
      // Asked again: after a trap the evaluation ran on the module loaded again, and so must the widget.
      const engine = needsEngine ? await getEngine(plan) : null;
      if (token !== this.#token) return;
      const units = evaluated?.units ?? null;
      const report = evaluated?.report ?? null;
      // By id and day: a reused official code names two units, and the report has a row for each.
      const unitMap = new UnitIndex(units ?? [], report?.asOf);
      // The units' names as the report tells them, when the data did not give its units (a
      // report made ahead of time): read from its rows the first time one is needed, once per
      // report for every widget showing it.
      const namesOf = () => (unitMap.size || !report ? NO_NAMES : reportNames(report));
      // Without an engine (a report made ahead of time) the titles come from the report.
      const indicators = engine ? new Map(engine.indicators().map((i) => [i.id, i])) : indicatorsOf(report);
      this.#state = { engine, report, unitMap, namesOf, indicators };
      this.#error = null;
    } catch (error) {
      if (token !== this.#token) return;
      this.#state = null;
      this.#error = error;
    }
    // Each widget paints in a task of its own (`turnToPaint`).
    await turnToPaint();
    if (token !== this.#token) return;
    this.#loading = false;
    this.#paint();
  }

  /** Renders again from the data already loaded (after a change that needs no evaluation). */
  repaint() {
    this.#paint();
  }

  /** The plan's indicator by id (from the engine the widget uses, or from the report it was given). */
  indicatorInfo(id) {
    return this.#state?.indicators.get(id) ?? null;
  }

  #paint() {
    if (this.#scheduled || this.#loading || this.getAttribute('data-state') === null) return;
    const locale = this.locale;
    let state = 'ready';
    try {
      if (this.#error) {
        this.#showError(this.#error, locale);
        state = 'error';
      } else if (this.#state) {
        const content = this.render(this.#state.report, locale);
        content.setAttribute('lang', locale);
        const next = this.frame.cloneNode(false);
        next.append(content);
        morph(this.frame, next);
      } else {
        return;
      }
    } catch (error) {
      this.#showError(error, locale);
      state = 'error';
    }
    this.setAttribute('data-state', state);
    this.removeAttribute('aria-busy');
    const resolve = this.#resolveDone;
    this.#done = null;
    this.#resolveDone = null;
    resolve?.();
    if (state === 'error') {
      const e = this.#error ?? {};
      this.dispatchEvent(new CustomEvent('cchc-error', { bubbles: true, composed: true, detail: { code: e.code ?? 'RENDER_FAILED', path: e.path ?? null, message: { vi: e.messageVi ?? e.message ?? '', en: e.messageEn ?? e.message ?? '' } } }));
    }
    this.dispatchEvent(new CustomEvent('cchc-render', { bubbles: true, composed: true, detail: { state } }));
  }

  #message(text) {
    this.frame.replaceChildren(el('p', { class: 'message muted', lang: this.locale }, text));
  }

  #showError(error, locale) {
    if (!this.#error) this.#error = error;
    // A trap in a widget's own call: the same plain sentence as in an evaluation.
    if (error.code === 'ENGINE_TRAPPED' && !error.neutral) this.#error = error = afterTrap(error);
    const code = error.code ?? 'RENDER_FAILED';
    const box = el('div', { class: 'error', role: 'alert', lang: locale, part: 'error', 'data-code': code });
    if (error.neutral) {
      // The page cannot run the engine: the reader gets a plain sentence, the developer the console.
      box.append(el('p', {}, locale === 'en' ? error.messageEn : error.messageVi));
    } else {
      const message = locale === 'en' ? error.messageEn ?? error.message : error.messageVi ?? error.message;
      box.append(el('p', {}, el('strong', {}, t('errorTitle', locale))), el('p', {}, String(message ?? error)));
    }
    box.append(el('p', { class: 'muted' }, el('code', {}, String(code)), error.path ? ` · ${error.path}` : ''));
    this.frame.replaceChildren(box);
  }

  /** Builds the widget's content for `report` (null when no data was given). */
  render() {
    return el('p', {}, t('noData', this.locale));
  }
}

function kebab(name) {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function objectAsAttribute(property, value) {
  const attr = kebab(property);
  return new WidgetError(
    'OBJECT_AS_ATTRIBUTE',
    `thuộc tính HTML \`${attr}\` chứa \`${value}\`: một đối tượng đã bị đổi thành chữ; hãy gán thuộc tính JavaScript \`${property}\` (trong React 18: qua \`ref\`)`,
    `the \`${attr}\` attribute holds \`${value}\`: an object was turned into text; set the \`${property}\` property instead (in React 18: through a \`ref\`)`,
  );
}
