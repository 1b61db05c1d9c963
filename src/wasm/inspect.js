// The look at a JavaScript value before it is converted (see `src/wasm/depth.rs`): an
// iterative walk, one call from WebAssembly, that finds the first thing the conversion would
// change silently, could not survive, or that is too large.

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

/**
 * Returns `[kind, path, detail]`: kind `ok` (detail: the length of every string and key
 * together), `too_deep`, `not_finite`, `broken_text`, `not_data` (a function, a symbol, a
 * BigInt, or an object `notData` names; detail: which), `too_long` (an array longer than
 * `maxItems`; detail: its length), `too_many` (more than `maxValues` values in all),
 * `unreadable` (reading threw; detail: the message). Paths are built only when `paths` is
 * true: the second walk, after a problem was found.
 */
export function inspect(root, maxDepth, maxItems, maxValues, paths) {
  const values = [root], depths = [0], names = [paths ? '$' : ''];
  let size = 0, count = 0, p = '$', at = '$';
  try {
    while (values.length > 0) {
      const v = values.pop(), d = depths.pop();
      p = at = names.pop();
      if (++count > maxValues) return ['too_many', '$', count];
      const t = typeof v;
      if (t === 'number') {
        if (!Number.isFinite(v)) return ['not_finite', p, 0];
        continue;
      }
      if (t === 'string') {
        if (broken(v)) return ['broken_text', p, 0];
        size += v.length;
        continue;
      }
      if (t === 'function' || t === 'symbol') return ['not_data', p, t];
      if (t === 'bigint') return ['not_data', p, 'BigInt'];
      if (v === null || t !== 'object') continue;
      if (d >= maxDepth) return ['too_deep', p, 0];
      if (Array.isArray(v)) {
        if (v.length > maxItems) return ['too_long', p, v.length];
        if (Object.getPrototypeOf(v) !== Array.prototype || typeof v.toJSON === 'function') {
          const kind = notData(v);
          if (kind) return ['not_data', p, kind];
        }
        for (let i = v.length - 1; i >= 0; i--) {
          if (paths) at = p + '[' + i + ']';
          values.push(v[i]); depths.push(d + 1); names.push(at);
        }
        continue;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        const kind = notData(v);
        if (kind) return ['not_data', p, kind];
      }
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i];
        if (broken(k)) return ['broken_text', p, 0];
        size += k.length;
        if (paths) at = p + '.' + clip(k);
        values.push(v[k]); depths.push(d + 1); names.push(at);
      }
    }
  } catch (e) {
    let message = '';
    try {
      message = String((e && e.message) || e);
    } catch (_) {
      // A thrown value that cannot even be written as text: nothing to quote.
    }
    return ['unreadable', paths ? at : '$', message];
  }
  return ['ok', '$', size];
}
