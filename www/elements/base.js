// What every widget shares: its attributes, where its data comes from, loading and error
// states, and small DOM builders. Every string from data reaches the page through
// textContent or setAttribute, never as HTML.

import { evaluateShared, fetchJson, getEngine } from './engine.js';
import { adoptStyles } from './styles.js';
import { pickLocale, t } from './i18n.js';

/** `el('p', { class: 'x' }, 'text', child)`: attributes by setAttribute, strings as text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element built with createElementNS. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== undefined && c !== null) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

let ids = 0;
/** A document-unique id for aria references inside a shadow root. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

export class CchcElement extends HTMLElement {
  static observedAttributes = ['plan', 'unit', 'indicator', 'level', 'as-of', 'locale', 'src', 'csv-options', 'heading-level'];

  #source = null; // data given by property: { report } | { input } | { csv }
  #csvOptions = null;
  #state = null; // { report, units, engine } once loaded
  #error = null;
  #token = 0;
  #scheduled = false;
  #loading = false;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.root);
    this.frame = el('div', { class: 'frame', part: 'frame' });
    this.root.append(this.frame);
  }

  connectedCallback() {
    this.#schedule();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'locale' || name === 'heading-level' || name === 'unit' || name === 'indicator' || name === 'level') {
      this.#paint();
    } else {
      if (name === 'src') this.#source = null;
      this.#schedule();
    }
  }

  get locale() {
    return pickLocale(this.getAttribute('locale'));
  }
  set locale(v) {
    this.setAttribute('locale', pickLocale(v));
  }
  get unit() {
    return this.getAttribute('unit');
  }
  set unit(v) {
    this.#reflect('unit', v);
  }
  get indicator() {
    return this.getAttribute('indicator');
  }
  set indicator(v) {
    this.#reflect('indicator', v);
  }
  get asOf() {
    return this.getAttribute('as-of');
  }
  set asOf(v) {
    this.#reflect('as-of', v);
  }
  get plan() {
    return this.getAttribute('plan');
  }
  set plan(v) {
    this.#reflect('plan', v);
  }
  get src() {
    return this.getAttribute('src');
  }
  set src(v) {
    this.#reflect('src', v);
  }

  /** The report shown, once loaded (or the one given). Setting it shows that report as is. */
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

  /** Units of the input by id (names, levels, parents), when the data gave them. */
  get units() {
    return this.#state?.unitMap ?? new Map();
  }
  get engine() {
    return this.#state?.engine ?? null;
  }

  headingLevel(offset = 0) {
    const n = Number(this.getAttribute('heading-level')) || this.constructor.defaultHeadingLevel || 3;
    return `h${Math.min(6, Math.max(2, n + offset))}`;
  }

  unitName(id) {
    return this.units.get(id)?.name ?? this.#state?.names.get(id) ?? id;
  }

  #reflect(name, v) {
    if (v === null || v === undefined || v === '') this.removeAttribute(name);
    else this.setAttribute(name, String(v));
  }

  #schedule() {
    if (!this.#done) this.#done = new Promise((ok) => (this.#resolveDone = ok));
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) void this.#load();
    });
  }

  async #load() {
    const token = ++this.#token;
    this.#loading = true;
    this.setAttribute('data-state', 'loading');
    this.setAttribute('aria-busy', 'true');
    if (!this.#state && !this.#error) this.#message(t('loading', this.locale));
    try {
      const plan = this.getAttribute('plan') ?? '';
      const asOf = this.getAttribute('as-of') ?? '';
      let source = this.#source;
      const src = this.getAttribute('src');
      const optionsUrl = this.getAttribute('csv-options');
      const csvOptions = this.#csvOptions ?? (optionsUrl ? await fetchJson(optionsUrl) : null);
      if (!source && src) source = { src };
      if (source && csvOptions) source = { ...source, csvOptions };
      const [engine, evaluated] = await Promise.all([getEngine(plan), source ? evaluateShared(source, { plan, asOf }) : null]);
      if (token !== this.#token) return;
      const units = evaluated?.units ?? null;
      const report = evaluated?.report ?? null;
      const unitMap = new Map((units ?? []).map((u) => [u.id, u]));
      const names = new Map();
      for (const r of report?.results ?? []) if (r.unit && r.unitName) names.set(r.unit, r.unitName);
      this.#state = { engine, report, unitMap, names, indicators: new Map(engine.indicators().map((i) => [i.id, i])) };
      this.#error = null;
    } catch (error) {
      if (token !== this.#token) return;
      this.#state = null;
      this.#error = error;
    }
    this.#loading = false;
    this.#paint();
  }

  /** Renders again from the data already loaded (after a change that needs no evaluation). */
  repaint() {
    this.#paint();
  }

  /** The plan's indicator by id (from the engine the widget uses). */
  indicatorInfo(id) {
    return this.#state?.indicators.get(id) ?? null;
  }

  #paint() {
    if (this.#scheduled || this.#loading || this.getAttribute('data-state') === null) return;
    const locale = this.locale;
    try {
      if (this.#error) {
        this.#showError(this.#error, locale);
        this.setAttribute('data-state', 'error');
      } else if (this.#state) {
        const content = this.render(this.#state.report, locale);
        content.setAttribute('lang', locale);
        this.frame.replaceChildren(content);
        this.setAttribute('data-state', 'ready');
      } else {
        return;
      }
    } catch (error) {
      this.#showError(error, locale);
      this.setAttribute('data-state', 'error');
    }
    this.removeAttribute('aria-busy');
    const resolve = this.#resolveDone;
    this.#done = null;
    this.#resolveDone = null;
    resolve?.();
    this.dispatchEvent(new CustomEvent('cchc-render', { bubbles: true, composed: true, detail: { state: this.getAttribute('data-state') } }));
  }

  #message(text) {
    this.frame.replaceChildren(el('p', { class: 'message muted', lang: this.locale }, text));
  }

  #showError(error, locale) {
    const message = locale === 'en' ? error.messageEn ?? error.message : error.messageVi ?? error.message;
    const box = el(
      'div',
      { class: 'error', role: 'alert', lang: locale },
      el('p', {}, el('strong', {}, t('errorTitle', locale))),
      el('p', {}, String(message ?? error)),
    );
    if (error.code) box.append(el('p', { class: 'muted' }, el('code', {}, String(error.code)), error.path ? ` · ${error.path}` : ''));
    this.frame.replaceChildren(box);
  }

  /** Builds the widget's content for `report` (null when no data was given). */
  render() {
    return el('p', {}, t('noData', this.locale));
  }
}
