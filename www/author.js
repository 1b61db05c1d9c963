// "Write a plan": a plan owner writes a rule pack in a form (areas, phases, ramps, targets,
// both languages' titles), sees the engine's own validation beside the field it concerns,
// previews the three widgets on the demo's sample data (or a file of their own), and saves or
// loads the pack as a file. The form edits the pack object in place: every field it does not
// show (documents, sources, methods, anything unknown) stays as it was, so a pack loaded and
// saved unchanged evaluates exactly as before. The draft is kept in localStorage.

import { initEngine } from '/pkg/elements/index.js';
import { LABELS, TEXT } from './author-text.js';

const DRAFT_KEY = 'cchc-progress.author.draft';
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_CARDS = 12;
const LEVELS = ['city', 'district', 'commune', 'department'];

const both = (key) => [[`${key}.vi`, 'text'], [`${key}.en`, 'text']];
const perLevel = (key) => LEVELS.map((l) => [`${key}.${l}`, 'number']);

/** The fields of each part of a pack: [path below the item, kind, options]. */
const PLAN_FIELDS = [
  ['formatVersion', 'select', { options: [1, 2], numeric: true, labels: 'formatVersion' }],
  ['plan.id', 'text'],
  ['plan.version', 'text'],
  ...both('plan.title'),
  ...both('plan.issuer'),
  ['plan.decision.number', 'text'],
  ['plan.decision.date', 'date'],
  ['plan.period.from', 'number'],
  ['plan.period.to', 'number'],
  ['plan.sample', 'bool'],
];
const LISTS = {
  areas: { heading: 'areasHeading', item: 'area', add: 'addArea', fields: [['id', 'text'], ['clause', 'text'], ...both('title')], blank: () => ({}) },
  phases: { heading: 'phasesHeading', item: 'phase', add: 'addPhase', fields: [['id', 'text'], ['from', 'number'], ['to', 'number'], ...both('title')], blank: () => ({}) },
  ramps: {
    heading: 'rampsHeading',
    item: 'ramp',
    add: 'addRamp',
    fields: [
      ['id', 'text'], ['clause', 'text'], ...both('title'), ['quote', 'text'], ['firstYear', 'number'], ['lastYear', 'number'],
      ...perLevel('firstFloors'), ['step', 'number'], ['relativeFactor', 'number'], ['cap', 'number'],
      ['defaultReading', 'select', { options: ['schedule', 'increment', 'relative'], optional: true }],
      ['afterLastYear', 'select', { options: ['continue', 'error'] }],
    ],
    blank: () => ({ firstFloors: {}, step: 0, relativeFactor: 1, cap: 100, afterLastYear: 'error' }),
  },
  indicators: {
    heading: 'indicatorsHeading',
    item: 'indicator',
    add: 'addIndicator',
    fields: [
      ['id', 'text'], ['area', 'select', { ref: 'areas' }], ['clause', 'text'], ...both('title'),
      ['measure', 'select', { options: ['percentage', 'rank', 'reduction', 'milestone'] }],
      ['direction', 'select', { options: ['higher_is_better', 'lower_is_better'] }],
      ['comparator', 'select', { options: ['gte', 'lte'] }],
      ['target', 'number'], ...perLevel('levelTargets'), ['levels', 'levels'],
      ['aggregation', 'select', { options: ['hierarchy', 'level', 'none'] }],
      ['deadline', 'number'], ['phase', 'select', { ref: 'phases', optional: true }],
      ['parent', 'text'], ['denominatorFrom', 'select', { options: ['parent_numerator', 'own'], optional: true }],
      ['baselineYear', 'number'], ['ramp', 'select', { ref: 'ramps', optional: true }], ['rankOutOf', 'number'],
      ...both('counted'), ...both('note'), ...both('scope'),
    ],
    blank: () => ({ measure: 'percentage', direction: 'higher_is_better', comparator: 'gte', levels: ['city'], aggregation: 'hierarchy' }),
  },
};
const SHOWN_TOP = new Set(['formatVersion', 'plan', 'areas', 'phases', 'ramps', 'indicators']);
const SHOWN_PLAN = new Set(['id', 'version', 'title', 'issuer', 'decision', 'period', 'sample']);

const $ = (id) => document.getElementById(id);
const state = {
  lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : localStorage.getItem('cchc-progress.author.lang') === 'en' ? 'en' : 'vi',
  pack: null,
  mod: null,
  engine: null,
  errors: [],
  data: null,
  dataName: null,
  sample: null,
  timer: 0,
  open: new Set(),
  run: 0,
};
const tr = (key, ...args) => {
  const v = TEXT[state.lang][key];
  return typeof v === 'function' ? v(...args) : v;
};

// ---- paths ---------------------------------------------------------------------------------

/** `$.indicators[2].title.vi` → ['indicators', 2, 'title', 'vi']. */
function parsePath(path) {
  const out = [];
  for (const m of path.slice(1).matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}
const joinPath = (segments) => '$' + segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
const controlId = (path) => 'f-' + parsePath(path).join('-').replace(/[^A-Za-z0-9_-]/g, '_');

function getAt(object, segments) {
  let o = object;
  for (const s of segments) {
    if (o === null || typeof o !== 'object') return undefined;
    o = o[s];
  }
  return o;
}

/** Sets the value at `segments` (making the objects on the way), or deletes it when `undefined` (and a parent object left empty, but for list items). */
function setAt(object, segments, value) {
  const parents = [];
  let o = object;
  for (const s of segments.slice(0, -1)) {
    if (o[s] === null || typeof o[s] !== 'object') {
      if (value === undefined) return;
      o[s] = {};
    }
    parents.push([o, s]);
    o = o[s];
  }
  const last = segments[segments.length - 1];
  if (value === undefined) {
    delete o[last];
    for (let i = parents.length - 1; i >= 0; i -= 1) {
      const [p, s] = parents[i];
      const child = p[s];
      if (Array.isArray(p) || Array.isArray(child) || Object.keys(child).length > 0) break;
      // A list item stays, even empty; a nested object left empty goes.
      if (typeof s === 'number') break;
      delete p[s];
    }
  } else o[last] = value;
}

// ---- the form ------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function label(rel) {
  const i = state.lang === 'en' ? 1 : 0;
  return rel
    .split('.')
    .map((k) => LABELS[k]?.[i] ?? k)
    .join(' › ');
}

function optionLabel(field, value, opts) {
  const table = TEXT[state.lang][opts.labels ?? field];
  const name = table && typeof table === 'object' ? table[value] : null;
  if (!name) return String(value);
  return opts.labels ? name : `${name} (${value})`;
}

function refOptions(list) {
  return (state.pack?.[list] ?? []).map((x) => x?.id).filter((id) => typeof id === 'string' && id !== '');
}

function fillSelect(select, field, opts, current) {
  const values = opts.ref ? refOptions(opts.ref) : [...opts.options];
  select.replaceChildren();
  if (opts.optional || opts.ref || current === undefined) select.append(el('option', { value: '', text: tr('none') }));
  // A value the form does not know stays selectable, so it is kept as it is.
  if (current !== undefined && !values.some((v) => String(v) === String(current))) values.push(current);
  for (const v of values) select.append(el('option', { value: String(v), text: opts.ref ? String(v) : optionLabel(field, v, opts) }));
  select.value = current === undefined ? '' : String(current);
}

/** One control for the value at `base` + `rel`. */
function control(base, rel, kind, opts = {}, shownAs = rel) {
  const path = base + '.' + rel;
  const id = controlId(path);
  const segments = parsePath(path);
  const value = getAt(state.pack, segments);
  const field = rel.split('.').pop();
  const wrap = el('div', { class: `field kind-${kind}`, 'data-field': path });
  const err = el('p', { class: 'field-error', id: `${id}-error`, hidden: true, 'aria-live': 'polite' });
  if (kind === 'levels') {
    const set = el('fieldset', { class: 'levels', id, 'data-path': path, 'aria-describedby': `${id}-error` });
    set.append(el('legend', { text: label(shownAs) }));
    const current = Array.isArray(value) ? value : [];
    for (const level of [...LEVELS, ...current.filter((l) => !LEVELS.includes(l))]) {
      const box = el('input', { type: 'checkbox', id: `${id}-${level}`, value: level, 'data-levels': path, checked: current.includes(level) });
      set.append(el('label', { for: `${id}-${level}`, class: 'check' }, box, ' ' + (LABELS[level]?.[state.lang === 'en' ? 1 : 0] ?? level)));
    }
    wrap.append(set, err);
    return wrap;
  }
  let input;
  if (kind === 'select') {
    input = el('select', { id, 'data-path': path, 'data-kind': opts.numeric ? 'number' : 'text' });
    fillSelect(input, field, opts, value);
    if (opts.ref) input.dataset.ref = opts.ref;
  } else if (kind === 'bool') {
    input = el('input', { type: 'checkbox', id, 'data-path': path, 'data-kind': 'bool', checked: value === true });
  } else {
    input = el('input', {
      type: 'text',
      id,
      'data-path': path,
      'data-kind': kind,
      inputmode: kind === 'number' ? 'decimal' : undefined,
      placeholder: kind === 'date' ? 'YYYY-MM-DD' : undefined,
      spellcheck: 'false',
      autocomplete: 'off',
    });
    input.value = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  input.setAttribute('aria-describedby', `${id}-error`);
  wrap.append(el('label', { for: id, text: label(shownAs) }), input, err);
  if (kind === 'bool') wrap.classList.add('check-field');
  return wrap;
}

const present = (...nodes) => nodes.filter((n) => n !== null && n !== undefined);

function keptNote(object, shown) {
  const keys = Object.keys(object ?? {}).filter((k) => !shown.has(k));
  return keys.length ? el('p', { class: 'help kept', text: tr('kept', keys.join(', ')) }) : null;
}

function renderForm() {
  const form = $('pack-form');
  const pack = state.pack;
  const plan = el('fieldset', { class: 'part', id: 'part-plan', 'data-item': '$.plan' }, el('legend', { text: tr('planHeading') }));
  const grid = el('div', { class: 'fields' });
  for (const [rel, kind, opts] of PLAN_FIELDS) grid.append(control('$', rel, kind, opts, rel.replace(/^plan\./, '')));
  plan.append(...present(grid, keptNote(pack, SHOWN_TOP), keptNote(pack.plan, SHOWN_PLAN)));
  const parts = [plan];
  for (const [list, spec] of Object.entries(LISTS)) {
    if (list === 'phases' && pack.formatVersion !== 2 && !pack.phases) continue;
    const section = el('section', { class: 'part list', id: `part-${list}` }, el('h2', { text: tr(spec.heading) }));
    const items = Array.isArray(pack[list]) ? pack[list] : [];
    items.forEach((item, i) => {
      const base = `$.${list}[${i}]`;
      // A long list shows each item closed but for those being written or at fault.
      const open = items.length <= 3 || state.open.has(base);
      const set = el('details', { class: 'item', id: controlId(base), 'data-item': base, open });
      const name = tr(spec.item, i + 1) + (item?.id ? ` · ${item.id}` : '');
      set.append(el('summary', { text: name }));
      const fields = el('div', { class: 'fields' });
      for (const [rel, kind, opts] of spec.fields) {
        if (rel.startsWith('scope') && pack.formatVersion !== 2 && !item?.scope) continue;
        if (rel === 'phase' && pack.formatVersion !== 2 && !item?.phase) continue;
        fields.append(control(base, rel, kind, opts));
      }
      const shown = new Set(spec.fields.map(([rel]) => rel.split('.')[0]));
      set.append(...present(fields, keptNote(item, shown)));
      const err = el('p', { class: 'field-error', id: `${controlId(base)}-error`, hidden: true });
      set.append(err, el('button', { type: 'button', class: 'link-button remove', 'data-remove': base, text: `${tr('remove')}: ${name}` }));
      section.append(set);
    });
    section.append(el('button', { type: 'button', class: 'action secondary', 'data-add': list, id: `add-${list}`, text: tr(spec.add) }));
    parts.push(section);
  }
  form.replaceChildren(...parts);
  showErrors();
}

// ---- editing -------------------------------------------------------------------------------

function readControl(input) {
  const kind = input.dataset.kind;
  if (kind === 'bool') return input.checked ? true : undefined;
  const raw = input.value.trim();
  if (raw === '') return undefined;
  if (kind === 'number') {
    const n = Number(raw.replace(',', '.'));
    // Not a number: kept as typed, so the engine names the field.
    return Number.isFinite(n) ? n : raw;
  }
  return raw;
}

function onInput(event) {
  const t = event.target;
  if (t.dataset.levels) {
    const path = t.dataset.levels;
    const boxes = [...document.querySelectorAll(`input[data-levels="${CSS.escape(path)}"]`)];
    setAt(state.pack, parsePath(path), boxes.filter((b) => b.checked).map((b) => b.value));
  } else if (t.dataset.path) {
    setAt(state.pack, parsePath(t.dataset.path), readControl(t));
    // Format 2 has fields of its own (phases, a target's phase and scope): shown once chosen.
    if (t.dataset.path === '$.formatVersion') {
      renderForm();
      $(controlId('$.formatVersion'))?.focus();
    }
    if (/\.id$/.test(t.dataset.path)) {
      const legend = t.closest('details.item')?.querySelector('summary');
      const m = /^\$\.(\w+)\[(\d+)\]\.id$/.exec(t.dataset.path);
      if (legend && m) legend.textContent = tr(LISTS[m[1]].item, Number(m[2]) + 1) + (t.value.trim() ? ` · ${t.value.trim()}` : '');
    }
  } else return;
  changed();
}

function changed({ now = false } = {}) {
  saveDraft();
  clearTimeout(state.timer);
  document.body.dataset.valid = 'pending';
  if (now) check();
  else state.timer = setTimeout(check, 250);
}

function saveDraft() {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(state.pack));
  } catch {
    // A full or disabled storage: the page keeps working, the draft is not kept.
  }
}

// ---- validation ----------------------------------------------------------------------------

function check() {
  // Not freed: the ramp chart of the last preview may still ask the previous engine (the
  // garbage collector frees it).
  state.engine = null;
  $('json').textContent = JSON.stringify(state.pack, null, 2);
  try {
    state.engine = state.mod.Engine.fromPlan(state.pack);
    state.errors = [];
  } catch (e) {
    state.errors = Array.isArray(e?.errors) && e.errors.length ? e.errors : [{ code: e?.code ?? 'ERROR', path: e?.path ?? '$', message: { vi: e?.messageVi ?? String(e?.message ?? e), en: e?.messageEn ?? String(e?.message ?? e) } }];
  }
  document.body.dataset.valid = String(state.errors.length === 0);
  showErrors();
  void preview();
}

/** The control an error's path concerns: the field itself, the first field inside it, or the nearest enclosing one. */
function controlFor(path) {
  let segments = parsePath(path);
  while (segments.length) {
    const p = joinPath(segments);
    const exact = document.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (exact) return exact;
    const inside = [...document.querySelectorAll('[data-path]')].find((c) => c.dataset.path.startsWith(p + '.') || c.dataset.path.startsWith(p + '['));
    if (inside) return inside;
    const item = document.querySelector(`[data-item="${CSS.escape(p)}"]`);
    if (item) return item;
    segments = segments.slice(0, -1);
  }
  return null;
}

function showErrors() {
  for (const p of document.querySelectorAll('.field-error')) {
    p.hidden = true;
    p.replaceChildren();
  }
  for (const c of document.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  const list = $('problem-list');
  list.replaceChildren();
  for (const error of state.errors) {
    const message = error.message?.[state.lang] ?? error.message?.vi ?? '';
    // A field left out is reported at its object ("missing field `en`" at `…title`): shown at that field.
    const missing = /missing field `([^`]+)`/.exec(error.message?.en ?? '');
    const path = error.path ?? '$';
    const target = controlFor(missing ? `${path}.${missing[1]}` : path);
    const li = el('li', { 'data-code': error.code, 'data-path': error.path });
    if (target) {
      const id = target.id;
      const box = $(`${id}-error`);
      if (box) {
        box.hidden = false;
        box.append(el('span', { class: 'message', 'data-code': error.code, text: message }));
      }
      target.setAttribute('aria-invalid', 'true');
      const details = target.closest('details.item');
      if (details && !details.open) {
        details.open = true;
        state.open.add(details.dataset.item);
      }
      li.append(el('a', { href: `#${id}`, text: message }));
    } else li.append(message);
    li.append(' ', el('code', { text: error.code }));
    list.append(li);
  }
  $('problems').hidden = state.errors.length === 0;
  $('problems-heading').textContent = tr('problems', state.errors.length);
}

// ---- preview -------------------------------------------------------------------------------

async function sampleData() {
  if (!state.sample) {
    const res = await fetch('./data/can-tho-sample.json');
    if (!res.ok) throw new Error(`can-tho-sample.json: HTTP ${res.status}`);
    state.sample = await res.json();
  }
  return state.sample;
}

async function preview() {
  const run = ++state.run;
  const engine = state.engine;
  const status = $('preview-status');
  if (!engine) {
    status.textContent = tr('previewWaiting');
    document.body.dataset.preview = 'waiting';
    return;
  }
  document.body.dataset.preview = 'loading';
  let data;
  try {
    data = state.data ?? (await sampleData());
  } catch (e) {
    status.textContent = tr('previewError', String(e?.message ?? e));
    document.body.dataset.preview = 'error';
    return;
  }
  if (run !== state.run || engine !== state.engine) return;
  let report;
  try {
    report = engine.report({ ...data, locale: state.lang });
  } catch (e) {
    status.textContent = tr('previewError', (state.lang === 'en' ? e?.messageEn : e?.messageVi) ?? String(e?.message ?? e));
    for (const slot of ['cards', 'charts', 'overview-slot']) $(slot).replaceChildren();
    document.body.dataset.preview = 'error';
    return;
  }
  const plan = engine.plan();
  const cards = plan.indicators.slice(0, MAX_CARDS).map((ind) => {
    const card = document.createElement('cchc-progress-card');
    card.setAttribute('indicator', ind.id);
    card.setAttribute('locale', state.lang);
    card.report = report;
    return card;
  });
  $('cards').replaceChildren(...cards);
  const widgets = [...cards];
  if (plan.ramps.length > 0) {
    const chart = document.createElement('cchc-ramp-chart');
    const withRamp = plan.indicators.find((i) => i.ramp);
    if (withRamp) chart.setAttribute('indicator', withRamp.id);
    chart.setAttribute('locale', state.lang);
    // The chart asks its engine for the plan and the floors; its `plan` attribute only takes a
    // URL on this site (a blob: URL is refused by the page's connect-src), so it is given this
    // pack's engine on the instance.
    Object.defineProperty(chart, 'engine', { configurable: true, get: () => engine });
    chart.report = report;
    $('charts').replaceChildren(chart);
    widgets.push(chart);
  } else $('charts').replaceChildren();
  const overview = document.createElement('cchc-overview');
  overview.setAttribute('locale', state.lang);
  overview.report = report;
  $('overview-slot').replaceChildren(overview);
  widgets.push(overview);
  await Promise.all(widgets.map((w) => w.updateComplete));
  if (run !== state.run) return;
  status.textContent = tr('previewReady', report.resultCount);
  document.body.dataset.preview = 'ready';
}

// ---- files ---------------------------------------------------------------------------------

async function readJsonFile(file) {
  if (file.size > MAX_BYTES) throw new Error(tr('tooLarge', file.name));
  const text = await file.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(tr('notJson', file.name, e.message));
  }
}

function setPack(pack, message) {
  state.open.clear();
  state.pack = pack && typeof pack === 'object' && !Array.isArray(pack) ? pack : {};
  renderForm();
  $('status').textContent = message;
  changed({ now: true });
}

/** What `engine.plan()` gives, as a pack the engine reads back: the fields it adds for readers dropped. */
function packOf(plan) {
  const pack = structuredClone(plan);
  for (const ind of pack.indicators ?? []) {
    if (ind.source) delete ind.source.documentName;
  }
  return pack;
}

function save() {
  const text = JSON.stringify(state.pack, null, 2) + '\n';
  const id = typeof state.pack.plan?.id === 'string' && /^[a-z0-9._-]+$/.test(state.pack.plan.id) ? state.pack.plan.id : 'rule-pack';
  const name = `${id}.json`;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  $('status').textContent = tr('saved', name);
}

async function useData(file) {
  try {
    state.data = await readJsonFile(file);
    state.dataName = file.name;
  } catch (e) {
    $('data-status').textContent = e.message;
    return;
  }
  $('data-status').textContent = tr('dataFile', file.name);
  void preview();
}

// ---- language ------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = tr('pageTitle');
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = tr(e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-i18n-aria]')) e.setAttribute('aria-label', tr(e.dataset.i18nAria));
  for (const b of document.querySelectorAll('.lang-switch button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  const url = new URL(location.href);
  if (state.lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(null, '', url);
  if (!state.dataName) $('data-status').textContent = tr('dataSample');
}

// ---- start ---------------------------------------------------------------------------------

async function main() {
  applyLanguage();
  // The full build: the widgets' own reads no rule pack (`Engine.fromPlan`).
  state.mod = await initEngine({ full: true });
  const { Engine } = state.mod;
  const form = $('pack-form');
  form.addEventListener('input', onInput);
  form.addEventListener('change', (e) => {
    if (e.target.type === 'checkbox') onInput(e);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener(
    'toggle',
    (e) => {
      const d = e.target;
      if (!d.matches?.('details.item')) return;
      if (d.open) state.open.add(d.dataset.item);
      else state.open.delete(d.dataset.item);
    },
    true,
  );
  // The lists an id is chosen from are read when the select is opened (ids change as one types).
  form.addEventListener('focusin', (e) => {
    const s = e.target;
    if (s.tagName === 'SELECT' && s.dataset.ref) {
      const current = getAt(state.pack, parsePath(s.dataset.path));
      fillSelect(s, s.dataset.path.split('.').pop(), { ref: s.dataset.ref }, current);
    }
  });
  form.addEventListener('click', (e) => {
    const add = e.target.closest('[data-add]');
    const remove = e.target.closest('[data-remove]');
    if (add) {
      const list = add.dataset.add;
      if (!Array.isArray(state.pack[list])) state.pack[list] = [];
      state.pack[list].push(LISTS[list].blank());
      state.open.add(`$.${list}[${state.pack[list].length - 1}]`);
      renderForm();
      changed({ now: true });
      const n = state.pack[list].length - 1;
      $(controlId(`$.${list}[${n}].id`))?.focus();
    } else if (remove) {
      const segments = parsePath(remove.dataset.remove);
      const [list, i] = segments;
      state.pack[list].splice(i, 1);
      state.open.clear();
      renderForm();
      changed({ now: true });
    }
  });
  $('start-2021').addEventListener('click', () => {
    const engine = new Engine();
    setPack(packOf(engine.plan()), tr('started', tr('name2021')));
    engine.free();
  });
  $('start-2026').addEventListener('click', () => {
    const engine = Engine.embedded('can-tho-2026-2030');
    setPack(packOf(engine.plan()), tr('started', tr('name2026')));
    engine.free();
  });
  $('start-new').addEventListener('click', () => {
    const year = new Date().getFullYear();
    setPack(
      {
        formatVersion: 2,
        plan: { id: '', version: '0.1.0', title: { vi: '', en: '' }, issuer: { vi: '', en: '' }, period: { from: year, to: year + 4 }, sample: true },
        areas: [],
        indicators: [],
      },
      tr('started', tr('nameNew')),
    );
  });
  $('save').addEventListener('click', save);
  $('load').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      setPack(await readJsonFile(file), tr('loaded', file.name));
    } catch (err) {
      $('status').textContent = err.message;
    }
    e.target.value = '';
  });
  $('data').addEventListener('change', (e) => {
    const file = e.target.files?.[0];
    if (file) void useData(file);
  });
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) void useData(file);
  });
  for (const b of document.querySelectorAll('.lang-switch button')) {
    b.addEventListener('click', () => {
      state.lang = b.dataset.lang === 'en' ? 'en' : 'vi';
      localStorage.setItem('cchc-progress.author.lang', state.lang);
      applyLanguage();
      renderForm();
      void preview();
    });
  }

  let draft = null;
  try {
    draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
  } catch {
    draft = null;
  }
  if (draft && typeof draft === 'object') setPack(draft, tr('draftRestored'));
  else {
    const engine = new Engine();
    setPack(packOf(engine.plan()), tr('started', tr('name2021')));
    engine.free();
  }
  document.body.dataset.ready = 'idle';
}

main().catch((e) => {
  $('status').textContent = String(e?.message ?? e);
  document.body.dataset.ready = 'error';
});
