// The JavaScript side of the `Engine` class (see `src/wasm/mod.rs`): the error class every
// method throws, text handed to WebAssembly, and the guard that keeps every call on a
// live engine. Each message is written in Rust and handed here; nothing here is a sentence.

// What every method throws (see `CchcError` in the package's types): one class for the engine,
// the reports and the Worker door, in the module that needs no WebAssembly.
import { CchcError } from './report.js';

export { CchcError };

export function makeError(code, path, vi, en, errors) {
  return new CchcError(code, path, vi, en, errors);
}

const encoder = new TextEncoder();
const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What WebAssembly needs to read a text argument: `undefined` when it is not a string; for a
 * string with an unpaired UTF-16 surrogate, which is not Unicode (its UTF-8 would have U+FFFD,
 * and two different ids could become one), `[line, column]` of the first one (1-based, column
 * in UTF-16 units); otherwise its length in UTF-16 units.
 */
export function textInfo(s) {
  if (typeof s !== 'string') return undefined;
  if (typeof s.isWellFormed === 'function' ? !s.isWellFormed() : lone.test(s)) {
    const at = s.search(lone);
    const before = s.slice(0, at);
    const line = before.split('\n').length;
    return [line, at - before.lastIndexOf('\n')];
  }
  return s.length;
}

/**
 * Writes `s`, from its UTF-16 unit `from`, as UTF-8 into `view` (WebAssembly's memory, where
 * the text is read: one pass, no copy); `[read, written]`, in UTF-16 units and bytes.
 */
export function encodeInto(s, from, view) {
  const r = encoder.encodeInto(from > 0 ? s.slice(from) : s, view);
  return [r.read, r.written];
}

// The engine a wasm-bindgen object stands for is the number in its `__wbg_ptr`, which the
// generated class reads before every call into WebAssembly and writes when it makes or frees
// one. Kept as an own property, it is copied by `{...engine}` (a copy that outlives the
// engine reads freed memory: a trap), cannot be cleared on a frozen engine (its `free()`
// throws and leaks), and is read from `undefined` by a detached method (a `TypeError`). So
// the property becomes an accessor on the prototype, over a WeakMap that only the objects
// the class made appear in, and every method checks its `this` first.
const pointers = new WeakMap();
let guarded = false;

// An engine inside a Proxy (Vue's `reactive()` and `ref()`, MobX, any framework's store) is
// called with the Proxy as `this`: not an object the class made, and the Proxy's target
// cannot be asked of it. So each engine the class makes carries its token, an own property
// under a symbol nothing else holds: not enumerable (a copy such as `{...engine}` or
// `structuredClone` does not take it), frozen and without a prototype (Vue does not wrap what
// cannot be extended), found through the Proxy's own-property lookup, which a Proxy passes to
// its target (a prototype chain, `Object.create(engine)`, does not). The token leads to the
// engine itself, whose own pointer is then checked as before: one freed is freed through
// every Proxy of it, and a token put on another object makes it no more than another name
// of that engine. It stays configurable: MobX's `makeAutoObservable(engine)` redefines every
// own property (and then calls the engine itself, not a Proxy).
const TOKEN = Symbol('cchc-progress engine');
const engines = new WeakMap();

function mark(engine) {
  const token = Object.freeze(Object.create(null));
  engines.set(token, engine);
  Object.defineProperty(engine, TOKEN, { value: token, enumerable: false, writable: false, configurable: true });
}

/** The engine `self` is, or stands for (a Proxy of it), or `undefined`. */
function engineOf(self) {
  if (pointers.has(self)) return self;
  let token;
  try {
    const own = Object.getOwnPropertyDescriptor(self, TOKEN);
    token = own && own.value;
  } catch {
    // A revoked Proxy, a trap that throws: not an engine.
    return undefined;
  }
  const engine = token !== null && typeof token === 'object' ? engines.get(token) : undefined;
  return engine !== undefined && pointers.has(engine) ? engine : undefined;
}
// How many engines WebAssembly has made whose object has not received its pointer yet: the
// class sets one right after each is made, and nothing else may set one (a pointer written
// by hand onto an object of the class would reach whatever memory it names).
let expected = 0;

// What the browser said when its WebAssembly stopped a call of this module instance (a trap:
// "memory access out of bounds", "unreachable"), or `undefined`. A trap ends a call midway:
// what the call had borrowed stays borrowed and what it was writing stays half written, so
// no engine of the instance is called again; the module must be loaded again.
let trap;

const isTrap = (e) => typeof WebAssembly === 'object' && typeof WebAssembly.RuntimeError === 'function' && e instanceof WebAssembly.RuntimeError;

function describeTrap(e) {
  let text = '';
  try {
    text = String(e.message);
  } catch {
    // nothing to add
  }
  // JavaScriptCore adds the expression it was evaluating: glue, not the browser's words.
  text = text.replace(/\s*\(evaluating '.*'\)\s*$/s, '').trim();
  return (text || 'RuntimeError').slice(0, 200);
}

/** What stopped this instance's WebAssembly (`undefined` while nothing has). */
export function trappedBy() {
  return trap;
}

/** Called by WebAssembly for each engine it makes, just before the class receives it. */
export function expectPointer() {
  expected++;
}

/**
 * Guards the class of `sample` (an object the class made, whose pointer is an own property;
 * it is freed here) with the texts of its four errors: `freed`, `detached`, `notEngine` and
 * `trapped`, each `[code, vi, en]`, where `{method}` stands for the method's name (and
 * `{cause}` for the browser's words of a trap). Returns whether the class is guarded (false
 * when the generated class no longer looks as expected).
 */
export function guard(sample, texts) {
  if (guarded) return true;
  const proto = Object.getPrototypeOf(sample);
  const own = Object.getOwnPropertyDescriptor(sample, '__wbg_ptr');
  if (!own || typeof own.value !== 'number' || Object.getOwnPropertyDescriptor(proto, '__wbg_ptr')) return false;
  const fail = (kind, method, cause = '') => {
    const [code, vi, en] = texts[kind].map((t) => t.replaceAll('{method}', method).replaceAll('{cause}', cause));
    return makeError(code, '$', vi, en, [{ code, path: '$', message: { vi, en } }]);
  };
  Object.defineProperty(proto, '__wbg_ptr', {
    configurable: false,
    enumerable: false,
    get() {
      const p = pointers.get(this);
      if (p === undefined) throw fail('notEngine', 'this');
      if (p === 0) throw fail('freed', 'this');
      return p;
    },
    // The class sets a pointer once, when it makes an object, and 0 when it frees it.
    set(p) {
      if (p === 0) {
        if (pointers.has(this)) pointers.set(this, 0);
      } else if (expected > 0 && !pointers.has(this) && Object.isExtensible(this)) {
        expected--;
        pointers.set(this, p);
        mark(this);
      }
    },
  });
  // The engine a method is called on (`self` itself, or the engine a Proxy stands for).
  const check = (self, method) => {
    // A pointer is set right after its engine is made, before any method runs: what is still
    // expected now never came (an engine made in Rust and never handed over).
    expected = 0;
    if (self === null || (typeof self !== 'object' && typeof self !== 'function')) throw fail('detached', method);
    const engine = engineOf(self);
    if (engine === undefined) throw fail('notEngine', method);
    return engine;
  };
  for (const name of Object.getOwnPropertyNames(proto)) {
    const raw = Object.getOwnPropertyDescriptor(proto, name).value;
    if (name === 'constructor' || name === '__wbg_ptr' || typeof raw !== 'function') continue;
    if (name === 'free' || name === '__destroy_into_raw') continue;
    const wrapped = {
      [name](...args) {
        const engine = check(this, name);
        if (pointers.get(engine) === 0) throw fail('freed', name);
        if (trap !== undefined) throw fail('trapped', name, trap);
        try {
          return raw.apply(engine, args);
        } catch (e) {
          if (!isTrap(e)) throw e;
          trap = describeTrap(e);
          throw fail('trapped', name, trap);
        }
      },
    }[name];
    Object.defineProperty(proto, name, { value: wrapped, writable: true, configurable: true });
  }
  const rawFree = proto.free;
  // Freeing twice, or a frozen engine, is fine; the engine is freed once.
  // After a trap the instance is not called again: the engine is only marked as freed.
  const free = {
    free() {
      const engine = check(this, 'free');
      if (pointers.get(engine) === 0) return;
      if (trap === undefined) rawFree.call(engine);
      else pointers.set(engine, 0);
    },
  }.free;
  Object.defineProperty(proto, 'free', { value: free, writable: true, configurable: true });
  if (typeof Symbol.dispose === 'symbol') {
    Object.defineProperty(proto, Symbol.dispose, { value: free, writable: true, configurable: true });
  }
  // `Engine.fromPlan` makes an engine as `new Engine()` does: after a trap it is refused
  // before it reaches the instance, and a trap of its own is recorded as a method's is.
  const cls = proto.constructor;
  const rawFromPlan = typeof cls === 'function' ? cls.fromPlan : undefined;
  if (typeof rawFromPlan === 'function') {
    const fromPlan = {
      fromPlan(...args) {
        if (trap !== undefined) throw fail('trapped', 'Engine.fromPlan', trap);
        try {
          return rawFromPlan.apply(cls, args);
        } catch (e) {
          if (!isTrap(e)) throw e;
          trap = describeTrap(e);
          throw fail('trapped', 'Engine.fromPlan', trap);
        }
      },
    }.fromPlan;
    Object.defineProperty(cls, 'fromPlan', { value: fromPlan, writable: true, configurable: true });
  }
  // The sample's own pointer moves behind the accessor too, and the sample is freed.
  delete sample.__wbg_ptr;
  pointers.set(sample, own.value);
  mark(sample);
  guarded = true;
  free.call(sample);
  return true;
}
