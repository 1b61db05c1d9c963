// The fast way in for `engine.evaluate(object)` (see `src/wasm/columns.rs`): the observations
// of a plain input, read in one loop into columns (each distinct text once, numbers in a
// typed array), instead of being copied object by object, written as JSON and read back. It
// is part of the one reading of the input (`inspect.js`), which calls it for the input's
// `observations` list: each value is read once, here, and what it answered is all that is
// used. Anything out of the ordinary stops the loop where it is, and the walk of
// `inspect.js` goes on from there with what was read, which it checks and copies as it
// checks everything else.

const encoder = new TextEncoder();
const NONE = 0xffffffff;
// Without a prototype: `constructor` or `toString` is no field. Texts 0–3, numbers 4–9, done 10.
const FIELDS = ['indicator', 'unit', 'period', 'source', 'value', 'numerator', 'denominator', 'rank', 'count', 'outOf', 'done'];
const FIELD = Object.create(null);
FIELDS.forEach((k, i) => (FIELD[k] = i));

/** UTF-8 bytes of a well-formed string (a surrogate pair is 4 bytes, as 2 units of 2). */
function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2;
  }
  return n;
}

const broken = (s) => (typeof s.isWellFormed === 'function' ? !s.isWellFormed() : /[\uD800-\uDFFF]/.test(s));

/**
 * Reads the `n` observations of `list` (a plain array) once, into columns, while each is a
 * plain object of known fields holding strings, finite numbers, booleans (`done`), `null`
 * or `undefined`. Returns `{ at, columns }`: `at` is `n` when every one was read so;
 * otherwise the loop stopped at observation `at`, and `element` is what `list[at]` answered;
 * when it is a plain object, `rest` lists its keys from the first not taken (an unknown
 * field, or one whose `value` did not fit: `read` says whether `value` holds what it
 * answered). `columns` are those of the observations read whole, and of the fields before
 * the stop: per observation, `texts` 4 string indexes (indicator, unit, period, source;
 * 0xffffffff absent), `numbers` 6 (value, numerator, denominator, rank, count, outOf; NaN
 * absent), `done` 0 absent, 1 false, 2 true, and, to make the observation again exactly as
 * JSON would write it, `shapes` (its fields in order, base 12) and `nulls` (which were
 * `null`); `values`, how many values were read. (`for…in` and `o[k]` is the loop V8 makes
 * fastest: on a plain object it lists the own keys, as `Object.keys` does.)
 */
export function readObservations(list, n) {
  const strings = [];
  const index = new Map();
  const texts = new Uint32Array(n * 4).fill(NONE);
  const numbers = new Float64Array(n * 6).fill(NaN);
  const done = new Uint8Array(n);
  const shapes = new Float64Array(n);
  const nulls = new Uint16Array(n);
  // `values`: how many values were read, for the walk's count of them.
  const columns = { strings, texts, numbers, done, shapes, nulls, values: 0 };
  for (let i = 0; i < n; i++) {
    const o = list[i];
    columns.values += 1;
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return { at: i, columns, element: o };
    const p = Object.getPrototypeOf(o);
    if (p !== Object.prototype && p !== null) return { at: i, columns, element: o };
    let shape = 0, nulled = 0;
    let stopAt, value, read = false;
    for (const k in o) {
      if (stopAt !== undefined) {
        stopAt.push(k);
        continue;
      }
      const x = FIELD[k];
      if (x === undefined) {
        stopAt = [k];
        continue;
      }
      const v = o[k];
      columns.values += 1;
      if (v === undefined) continue;
      if (v === null) {
        nulled |= 1 << x;
      } else if (x < 4) {
        let s = typeof v === 'string' ? index.get(v) : -1;
        if (s === undefined) {
          if (broken(v)) s = -1;
          else {
            s = strings.length;
            strings.push(v);
            index.set(v, s);
          }
        }
        if (s < 0) {
          stopAt = [k];
          value = v;
          read = true;
          continue;
        }
        texts[i * 4 + x] = s;
      } else if (x < 10) {
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          stopAt = [k];
          value = v;
          read = true;
          continue;
        }
        numbers[i * 6 + x - 4] = v === 0 ? 0 : v; // -0 as JSON writes it
      } else {
        if (typeof v !== 'boolean') {
          stopAt = [k];
          value = v;
          read = true;
          continue;
        }
        done[i] = v ? 2 : 1;
      }
      shape = shape * 12 + x + 1;
    }
    shapes[i] = shape;
    nulls[i] = nulled;
    if (stopAt !== undefined) return { at: i, columns, element: o, rest: stopAt, value, read };
  }
  return { at: n, columns };
}

/** Observation `i` again, as a plain object JSON would write as it was read. */
export function observationAt(columns, i) {
  const { strings, texts, numbers, done, shapes, nulls } = columns;
  const fields = [];
  for (let shape = shapes[i]; shape > 0; shape = Math.floor(shape / 12)) fields.push((shape % 12) - 1);
  const o = {};
  for (let f = fields.length - 1; f >= 0; f--) {
    const x = fields[f];
    const k = FIELDS[x];
    if (nulls[i] & (1 << x)) o[k] = null;
    else if (x < 4) o[k] = strings[texts[i * 4 + x]];
    else if (x < 10) o[k] = numbers[i * 6 + x - 4];
    else o[k] = done[i] === 2;
  }
  return o;
}

/**
 * The columns as WebAssembly reads them (`columns.rs`): `[text, ends, texts, numbers, done]`,
 * `text` the distinct strings as UTF-8, `ends` where each ends.
 */
export function columnsForRust(columns) {
  const { strings } = columns;
  const ends = new Uint32Array(strings.length);
  let end = 0;
  for (let i = 0; i < strings.length; i++) {
    end += utf8Length(strings[i]);
    ends[i] = end;
  }
  return [encoder.encode(strings.join('')), ends, columns.texts, columns.numbers, columns.done];
}

/**
 * The input copy with its observations as objects again (`inspect.js` leaves the list out
 * when it read it into columns): for the JSON way, which words every error.
 */
export function restoreObservations(copy, columns) {
  const n = columns.done.length;
  const list = new Array(n);
  for (let i = 0; i < n; i++) list[i] = observationAt(columns, i);
  copy.observations = list;
  return copy;
}
