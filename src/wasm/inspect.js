// The one reading of a JavaScript value before it is converted (see `src/wasm/depth.rs`): an
// iterative walk, one call from WebAssembly, that reads every value exactly once, copies it
// into plain data (objects, arrays, strings, numbers, booleans, null), and finds on the way
// the first thing the conversion would change silently, could not survive, or that is too
// large. What is converted afterwards is the copy, never the caller's value again: a getter,
// a Proxy or a reactive framework's computed value that answers differently the second time
// (MobX, Vue, a lazy loader) is read once, and what it answered then is what is checked.

import { columnsForRust, observationAt, readObservations } from './columns.js';

const clip = (k) => (k.length > 80 ? k.slice(0, 80) + '…' : k);
const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const broken = (s) => (typeof s.isWellFormed === 'function' ? !s.isWellFormed() : lone.test(s));

/**
 * Why an object that is not a plain object or array is not JSON data (`JSON.stringify`
 * would write something else: `{}` for a `Map`, an index object for a typed array, the
 * number inside a `Number` object, whatever `toJSON` returns): its kind, or `''` when it is
 * data (an instance of a class with only data fields).
 */
function notData(v) {
  if (v instanceof Map || v instanceof Set) return v instanceof Map ? 'Map' : 'Set';
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return (v.constructor && v.constructor.name) || 'ArrayBuffer';
  if (typeof v.toJSON === 'function') return v instanceof Date ? 'Date' : 'toJSON';
  const tag = Object.prototype.toString.call(v);
  if (tag !== '[object Object]' && tag !== '[object Array]') return tag.slice(8, -1);
  return '';
}

/** `copy[key] = value`, also for the key `__proto__` (an own property, as JSON.parse makes). */
function put(copy, key, value) {
  if (key === '__proto__') Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
  else copy[key] = value;
}

/**
 * The JSON path of the value at `key` in the container at `c` of the trail (the trail holds,
 * for each container copied, its own container's place in the trail and its key there; place
 * 0 is the top, whose value has no key).
 */
function pathOf(trailParent, trailKey, c, key) {
  const keys = key === undefined ? [] : [key];
  for (; c > 0; c = trailParent[c]) if (trailKey[c] !== undefined) keys.push(trailKey[c]);
  let p = '$';
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i];
    p += typeof k === 'number' ? '[' + k + ']' : '.' + clip(k);
  }
  return p;
}

/**
 * Reads `root` once. Returns `[kind, path, detail, copy]`: kind `ok` (detail: the length of
 * every string and key together; copy: the value as plain data, which nothing else can
 * reach), `too_deep`, `not_finite`, `broken_text`, `not_data` (a function, a symbol, a
 * BigInt, or an object `notData` names; detail: which), `too_long` (an array longer than
 * `maxItems`; detail: its length), `too_many` (more than `maxValues` values in all),
 * `unreadable` (reading threw; detail: the message); `path` is where the walk stopped (a
 * value that contains itself is too deep: its copy would be endless). Values are read depth
 * first, each container's in order, so the first problem found is the first in the text
 * `JSON.stringify` would write. With `columns` (an evaluation input), the observations of
 * the input are read into columns (`columns.js`) as far as they are ordinary: then `ok`
 * comes with two more items, the columns as WebAssembly reads them and as `columns.js`
 * does, and the copy's `observations` is `undefined` (`restoreObservations` puts the list
 * back in its place).
 */
export function inspect(root, maxDepth, maxItems, maxValues, columns) {
  // The containers being read, innermost last: the caller's container, its copy, its keys
  // (an array's length), the next one to read, its place in the trail.
  const sources = [], copies = [], names = [], next = [], places = [];
  const trailParent = [0], trailKey = [undefined];
  const top = [undefined];
  let size = 0, count = 0;
  let fast;
  // Where the value being read is: its container's copy and place in the trail, its key.
  let copy = top, place = 0, key = 0, at;
  const where = (k) => pathOf(trailParent, trailKey, place, k);
  try {
    // The one read of each value: the root here, every other one from its container below.
    let v = root;
    for (;;) {
      if (++count > maxValues) return ['too_many', '$', count, undefined];
      const t = typeof v;
      if (t === 'string') {
        if (broken(v)) return ['broken_text', where(at), 0, undefined];
        size += v.length;
        if (key === '__proto__') put(copy, key, v);
        else copy[key] = v;
      } else if (t === 'number') {
        if (!Number.isFinite(v)) return ['not_finite', where(at), 0, undefined];
        if (key === '__proto__') put(copy, key, v);
        else copy[key] = v;
      } else if (t === 'function' || t === 'symbol') {
        return ['not_data', where(at), t, undefined];
      } else if (t === 'bigint') {
        return ['not_data', where(at), 'BigInt', undefined];
      } else if (v === null || t !== 'object') {
        if (key === '__proto__') put(copy, key, v);
        else copy[key] = v;
      } else {
        if (sources.length >= maxDepth) return ['too_deep', where(at), 0, undefined];
        let inner, keys;
        let resume;
        if (Array.isArray(v)) {
          const n = v.length;
          if (n > maxItems) return ['too_long', where(at), n, undefined];
          if (Object.getPrototypeOf(v) !== Array.prototype || typeof v.toJSON === 'function') {
            const kind = notData(v);
            if (kind) return ['not_data', where(at), kind, undefined];
          }
          inner = [];
          keys = n;
          if (columns && n > 0 && at === 'observations' && sources.length === 1 && !Array.isArray(sources[0])) {
            // The input's observations: into columns, each value read once.
            const read = readObservations(v, n);
            count += read.columns.values;
            if (read.at === n) {
              fast = read.columns;
              // Its place among the input's keys, for `restoreObservations`.
              copy[key] = undefined;
              v = undefined;
              inner = undefined;
            } else {
              // Stopped at observation `read.at`: those before it as objects again, and the
              // walk goes on from what was read.
              for (let i = 0; i < read.at; i++) inner.push(observationAt(read.columns, i));
              resume = read;
            }
          }
        } else {
          const proto = Object.getPrototypeOf(v);
          if (proto !== Object.prototype && proto !== null) {
            const kind = notData(v);
            if (kind) return ['not_data', where(at), kind, undefined];
          }
          keys = Object.keys(v);
          for (let i = 0; i < keys.length; i++) {
            const k = keys[i];
            if (broken(k)) return ['broken_text', where(at), 0, undefined];
            size += k.length;
          }
          inner = {};
        }
        if (inner !== undefined) {
          if (key === '__proto__') put(copy, key, inner);
          else copy[key] = inner;
          // This container's place in the trail, for the paths of what it holds.
          trailParent.push(place);
          trailKey.push(at);
          sources.push(v);
          copies.push(inner);
          names.push(keys);
          next.push(resume === undefined ? 0 : resume.at + 1);
          places.push(trailParent.length - 1);
        }
        if (resume !== undefined) {
          // Observation `resume.at`, as it answered: read on as any value is.
          copy = inner;
          place = trailParent.length - 1;
          key = at = resume.at;
          v = resume.element;
          if (resume.rest !== undefined) {
            // A plain object: opened with its keys from the first not taken, holding what was
            // read of it before; `resume.value` is what the first of them answered, if read.
            const rest = resume.rest;
            for (let i = 0; i < rest.length; i++) {
              if (broken(rest[i])) return ['broken_text', where(at), 0, undefined];
              size += rest[i].length;
            }
            const partial = observationAt(resume.columns, resume.at);
            inner.push(partial);
            trailParent.push(place);
            trailKey.push(at);
            sources.push(v);
            copies.push(partial);
            names.push(rest);
            next.push(resume.read ? 1 : 0);
            places.push(trailParent.length - 1);
            if (resume.read) {
              copy = partial;
              place = trailParent.length - 1;
              key = at = rest[0];
              v = resume.value;
              continue;
            }
          } else {
            continue;
          }
        }
      }
      // The next value: the next key of the innermost container not read to its end.
      let depth = sources.length;
      for (;;) {
        if (depth === 0) return fast === undefined ? ['ok', '$', size, top[0]] : ['ok', '$', size, top[0], columnsForRust(fast), fast];
        const keys = names[depth - 1];
        const i = next[depth - 1];
        if (i < (typeof keys === 'number' ? keys : keys.length)) break;
        sources.pop(); copies.pop(); names.pop(); next.pop(); places.pop();
        depth--;
      }
      const d = depth - 1;
      const keys = names[d];
      const i = next[d]++;
      copy = copies[d];
      place = places[d];
      key = at = typeof keys === 'number' ? i : keys[i];
      v = sources[d][key];
    }
  } catch (e) {
    return ['unreadable', where(at), thrownMessage(e), undefined];
  }
}

/** What a getter or proxy threw, as text to quote ('' when even that cannot be written). */
function thrownMessage(e) {
  try {
    return String((e && e.message) || e);
  } catch (_) {
    return '';
  }
}
