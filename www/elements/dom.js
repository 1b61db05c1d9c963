// Small DOM builders of the widgets, the paint that updates a shadow tree in place, and the
// isolation of data text. Every string reaches the page through text nodes or setAttribute,
// never as HTML.

// The bidi controls of the Unicode bidi algorithm (UAX #9): embeddings, overrides and their
// pop, isolates and their pop, the implicit marks.
const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const HAS_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// The only controls a sentence may keep: the engine's own U+2068 … U+2069 around a text that
// holds no other control (it isolates right-to-left letters and closes what it opens).
const ENGINE_ISOLATE = /\u2068[^\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*\u2069/g;

const mark = (c) => `[U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}]`;

/**
 * Text from data with each bidi control shown as a visible mark, `[U+202E]`, the marks the
 * engine's report uses (`bidi_control_in_text`): a name written backwards behind an override
 * reads backwards, in plain sight, and cannot pass for a verdict. Also for a report made
 * elsewhere, or by an engine that kept the controls.
 */
export function visible(text) {
  const s = String(text ?? '');
  return HAS_CONTROL.test(s) ? s.replace(CONTROLS, mark) : s;
}

/** A whole text shown by a widget: every control visible but the engine's balanced isolates. */
export function visibleText(text) {
  const s = String(text ?? '');
  if (!HAS_CONTROL.test(s)) return s;
  let out = '';
  let last = 0;
  for (const m of s.matchAll(ENGINE_ISOLATE)) {
    out += visible(s.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + visible(s.slice(last));
}

// Attributes that are read (by people or their screen readers) rather than matched.
const READ = new Set(['aria-label', 'title', 'alt', 'aria-description', 'aria-roledescription']);

const text = (c) => (typeof c === 'string' ? document.createTextNode(visibleText(c)) : c);
const attr = (k, v) => (READ.has(k) ? visibleText(v) : String(v));

/**
 * `el('p', { class: 'x' }, 'text', child)`: attributes by setAttribute, strings as text nodes.
 * Strings and read attributes show any bidi control as a visible mark (see `visible`).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, attr(k, v));
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false && c !== '') node.append(text(c));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element built with createElementNS. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, attr(k, v));
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== '') node.append(text(c));
  return node;
}

let ids = 0;
/** An id for aria references inside a shadow root; stable per `key` so a repaint keeps it. */
export function uid(prefix, key) {
  if (key !== undefined) return `${prefix}-${String(key).replace(/[^\w-]/g, '_')}`;
  ids += 1;
  return `${prefix}-${ids}`;
}

/**
 * A string from data (a unit's name, a label), isolated, its bidi controls shown as visible
 * marks (`[U+202E]`, see `visible`): it cannot reorder the text around it, nor hide that it
 * tried. `<bdi dir="auto">` is `unicode-bidi: isolate` in every engine; the class lets a
 * widget style data text.
 */
export function data(text, attrs = {}) {
  const node = el('bdi', { dir: 'auto', class: 'data', ...attrs });
  const shown = visible(text);
  if (shown) node.append(document.createTextNode(shown));
  return node;
}

/**
 * A sentence of the engine with the data strings it quotes (`names`) isolated, for an engine
 * that does not wrap them in U+2068 … U+2069 itself (and harmless when it does: the isolate
 * then holds the isolate). Longest names first, so a name inside another is not split.
 */
export function sentence(text, names, { clampLonger = Infinity } = {}) {
  // Names and sentence with their controls visible (a report made elsewhere may keep them):
  // a name is found in the sentence as it is shown.
  const list = [...new Set(names.filter((n) => typeof n === 'string' && n.length > 0).map(visible))].sort((a, b) => b.length - a.length);
  const parts = [];
  let rest = visibleText(text);
  while (rest) {
    let best = null;
    for (const n of list) {
      const at = rest.indexOf(n);
      if (at >= 0 && (best === null || at < best.at)) best = { at, n };
    }
    // Text nodes, not strings: the engine's U+2068 and its U+2069 may fall in two parts.
    if (!best) {
      parts.push(...unbroken(rest));
      break;
    }
    if (best.at > 0) parts.push(...unbroken(rest.slice(0, best.at)));
    // A very long name is drawn on one shortened line inside the sentence (its text stays whole).
    parts.push(data(best.n, best.n.length > clampLonger ? { class: 'data clamp-inline' } : {}));
    rest = rest.slice(best.at + best.n.length);
  }
  return parts;
}

// A count of units and its noun ("15 đơn vị", "4/9 units"), which a narrow screen must not
// split across two lines. Only these short ones: a longer phrase kept whole ("4,5 điểm phần
// trăm") overflows a narrow column instead.
const COUNT = /\d[\d.,]*(?:\/\d[\d.,]*)?[ \u00a0](?:đơn vị|units?\b)/g;

/** `text` with each count and its noun in a span that does not wrap (the text itself unchanged). */
export function unbroken(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(COUNT)) {
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    out.push(el('span', { class: 'nowrap' }, m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(document.createTextNode(text.slice(last)));
  return out;
}

/** Attributes the reader changes in place and a repaint must not undo. */
const LIVE = { details: ['open'] };

function sameKind(a, b) {
  if (a.nodeType !== b.nodeType) return false;
  if (a.nodeType !== 1) return true;
  return a.namespaceURI === b.namespaceURI && a.localName === b.localName && a.getAttribute('data-key') === b.getAttribute('data-key');
}

/**
 * Makes `target`'s children equal to `source`'s, keeping every node that is still there (an
 * element of the same tag and `data-key` at the same place): the focused button, an open
 * `<details>` and the reader's scroll stay as they were, with nothing repaired by hand.
 */
export function morph(target, source) {
  const keep = LIVE[target.localName] ?? [];
  if (target.nodeType === 1) {
    for (const a of [...target.attributes]) if (!source.hasAttribute(a.name) && !keep.includes(a.name)) target.removeAttribute(a.name);
    for (const a of source.attributes) if (target.getAttribute(a.name) !== a.value && !keep.includes(a.name)) target.setAttribute(a.name, a.value);
  }
  const next = [...source.childNodes];
  let cur = target.firstChild;
  for (const want of next) {
    if (cur && sameKind(cur, want)) {
      if (cur.nodeType === 1) morph(cur, want);
      else if (cur.nodeValue !== want.nodeValue) cur.nodeValue = want.nodeValue;
      cur = cur.nextSibling;
    } else {
      target.insertBefore(want, cur);
    }
  }
  while (cur) {
    const gone = cur;
    cur = cur.nextSibling;
    gone.remove();
  }
}
