// The fast way in for `engine.evaluate(object)` (see `src/wasm/columns.rs`): the observations
// of a plain input, read in one loop into columns (each distinct text once, numbers in a
// typed array), instead of walking the object, writing it as JSON and reading the JSON back.
// Anything out of the ordinary answers `undefined`, and the caller takes the JSON way, which
// says what is wrong exactly as before.

const encoder = new TextEncoder();
const NONE = 0xffffffff;
// Without a prototype: `constructor` or `toString` is no field.
const TEXTS = Object.assign(Object.create(null), { indicator: 0, unit: 1, period: 2, source: 3 });
const NUMBERS = Object.assign(Object.create(null), { value: 0, numerator: 1, denominator: 2, rank: 3, count: 4, outOf: 5 });

const plain = (o) => {
  const p = Object.getPrototypeOf(o);
  return (p === Object.prototype || p === null) && o.toJSON === undefined;
};

/** UTF-8 bytes of a well-formed string (a surrogate pair is 4 bytes, as 2 units of 2). */
function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2;
  }
  return n;
}

/**
 * `[rest, text, ends, texts, numbers, done]` for a plain input whose observations are plain
 * objects of known fields holding strings, finite numbers, booleans, `null` or `undefined`:
 * `rest` the input without its observations; `text` the distinct strings as UTF-8, `ends`
 * where each ends; per observation, `texts` 4 string indexes (indicator, unit, period,
 * source; 0xffffffff absent), `numbers` 6 (value, numerator, denominator, rank, count,
 * outOf; NaN absent), `done` 0 absent, 1 false, 2 true. Otherwise `undefined`.
 */
export function observationColumns(input, maxObservations) {
  try {
    if (input === null || typeof input !== 'object' || Array.isArray(input) || !plain(input)) return undefined;
    const list = input.observations;
    if (!Array.isArray(list) || Object.getPrototypeOf(list) !== Array.prototype || list.toJSON !== undefined) return undefined;
    const n = list.length;
    if (n === 0 || n > maxObservations) return undefined;
    // Every element a plain object before anything is allocated: a refused input (a million
    // `null`s) costs no columns.
    for (let i = 0; i < n; i++) {
      const o = list[i];
      if (o === null || typeof o !== 'object' || !plain(o)) return undefined;
    }
    const rest = {};
    for (const k of Object.keys(input)) if (k !== 'observations') rest[k] = input[k];
    const strings = [];
    const index = new Map();
    const texts = new Uint32Array(n * 4).fill(NONE);
    const numbers = new Float64Array(n * 6).fill(NaN);
    const done = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const o = list[i];
      for (const k in o) {
        const v = o[k];
        if (v === null || v === undefined) continue;
        const t = TEXTS[k];
        if (t !== undefined) {
          if (typeof v !== 'string') return undefined;
          let at = index.get(v);
          if (at === undefined) {
            at = strings.length;
            strings.push(v);
            index.set(v, at);
          }
          texts[i * 4 + t] = at;
          continue;
        }
        const m = NUMBERS[k];
        if (m !== undefined) {
          if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
          numbers[i * 6 + m] = v === 0 ? 0 : v; // -0 as JSON writes it
          continue;
        }
        if (k === 'done' && typeof v === 'boolean') {
          done[i] = v ? 2 : 1;
          continue;
        }
        return undefined;
      }
    }
    const ends = new Uint32Array(strings.length);
    let end = 0;
    for (let i = 0; i < strings.length; i++) {
      const s = strings[i];
      if (typeof s.isWellFormed === 'function' ? !s.isWellFormed() : /[\uD800-\uDFFF]/.test(s)) return undefined;
      end += utf8Length(s);
      ends[i] = end;
    }
    return [rest, encoder.encode(strings.join('')), ends, texts, numbers, done];
  } catch {
    // A getter that throws, a revoked proxy: the JSON way reports it.
    return undefined;
  }
}
