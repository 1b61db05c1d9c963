// The guard of `src/wasm/engine.js` on a class of its own making, the one way to meet what a
// real engine never shows on purpose: a trap, the RuntimeError the browser's WebAssembly
// throws when it stops a call ("memory access out of bounds", "unreachable"). WebKitGTK
// 2.50's JIT does it now and then on the demo page (the README's "WebKitGTK's traps"). After one,
// every method of every engine of that instance must refuse with `ENGINE_TRAPPED` and the
// instance is never called again, `free()` included. And an engine inside a Proxy (Vue's
// `reactive()`, MobX) is the engine it stands for, while copies stay refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CchcError, expectPointer, guard, trappedBy } from '../../src/wasm/engine.js';

const texts = {
  freed: ['ENGINE_FREED', 'freed {method}', 'freed {method}'],
  detached: ['ENGINE_DETACHED_METHOD', 'detached {method}', 'detached {method}'],
  notEngine: ['ENGINE_NOT_AN_ENGINE', 'not an engine {method}', 'not an engine {method}'],
  trapped: ['ENGINE_TRAPPED', 'dừng `{method}` ({cause})', 'stopped `{method}` ({cause})'],
};

// What the instance was asked, as the generated class would ask WebAssembly.
const calls = [];

class Fake {
  static make(ptr) {
    expectPointer();
    const o = Object.create(Fake.prototype);
    o.__wbg_ptr = ptr;
    return o;
  }
  __destroy_into_raw() {
    const ptr = this.__wbg_ptr;
    this.__wbg_ptr = 0;
    return ptr;
  }
  free() {
    calls.push(['free', this.__destroy_into_raw()]);
  }
  evaluate(input) {
    calls.push(['evaluate', this.__wbg_ptr, input]);
    if (input === 'trap') throw new WebAssembly.RuntimeError("Out of bounds memory access (evaluating 'wasm.engine_evaluate(this.__wbg_ptr,input)')");
    if (input === 'bad') throw new CchcError('INPUT_NOT_OBJECT', '$', 'vi', 'en', []);
    return `report of ${this.__wbg_ptr}`;
  }
  version() {
    calls.push(['version', this.__wbg_ptr]);
    return '1';
  }
  static fromPlan(pack) {
    calls.push(['fromPlan', pack]);
    if (pack === 'trap') throw new WebAssembly.RuntimeError('unreachable');
    return Fake.make(40);
  }
}

const sample = Object.create(Fake.prototype);
sample.__wbg_ptr = 8;
assert.equal(guard(sample, texts), true);
const a = Fake.make(16);
const b = Fake.make(24);

test('before a trap: methods reach the instance, errors of the input stay what they are', () => {
  assert.equal(a.evaluate({}), 'report of 16');
  assert.equal(b.version(), '1');
  assert.throws(() => a.evaluate('bad'), { code: 'INPUT_NOT_OBJECT' });
  assert.equal(a.evaluate({}), 'report of 16', 'an error of the input leaves the engine working');
  assert.equal(trappedBy(), undefined);
});

// What Vue's `reactive()` does: a Proxy that wraps every object it hands out in a Proxy too.
const reactive = (target) =>
  new Proxy(target, {
    get(t, k, r) {
      const v = Reflect.get(t, k, r);
      return v !== null && typeof v === 'object' && Object.isExtensible(v) ? reactive(v) : v;
    },
  });

test('an engine inside a Proxy is that engine, for every method, free() included', () => {
  const c = Fake.make(48);
  const start = calls.length;
  for (const p of [new Proxy(a, {}), reactive(a), reactive(reactive(a)), Object.freeze(new Proxy(a, {}))]) {
    const before = calls.length;
    assert.equal(p.evaluate({}), 'report of 16');
    assert.equal(p.version(), '1');
    assert.deepEqual(calls.slice(before).map((c) => c[1]), [16, 16], 'the instance was called with the engine itself');
  }
  const fromPlan = Fake.fromPlan('pack');
  assert.equal(reactive(fromPlan).evaluate({}), 'report of 40', 'an engine of Engine.fromPlan too');
  const p = reactive(c);
  p.free();
  assert.throws(() => c.version(), { code: 'ENGINE_FREED' }, 'freed through its Proxy');
  assert.throws(() => p.version(), { code: 'ENGINE_FREED' });
  p.free();
  assert.deepEqual(calls.slice(start).filter((x) => x[0] === 'free').map((x) => x[1]), [48], 'freed once');
});

test('copies, inheritors and detached methods stay refused, through a Proxy too', () => {
  const before = calls.length;
  for (const copy of [{ ...a }, Object.assign({}, a), Object.create(a), structuredClone({ ...a }), reactive({ ...a }), new Proxy(Object.create(a), {})]) {
    assert.throws(() => Fake.prototype.evaluate.call(copy, {}), { code: 'ENGINE_NOT_AN_ENGINE' });
    assert.throws(() => copy.version(), (e) => e.code === 'ENGINE_NOT_AN_ENGINE' || e instanceof TypeError);
  }
  const f = reactive(a).evaluate;
  assert.throws(() => f({}), { code: 'ENGINE_DETACHED_METHOD' });
  // A Proxy that answers its own token (a forged descriptor) reaches no engine.
  const forged = new Proxy({}, { getOwnPropertyDescriptor: () => ({ value: Object.freeze(Object.create(null)), configurable: true }) });
  assert.throws(() => Fake.prototype.version.call(forged), { code: 'ENGINE_NOT_AN_ENGINE' });
  const revoked = Proxy.revocable(a, {});
  revoked.revoke();
  assert.throws(() => Fake.prototype.version.call(revoked.proxy), { code: 'ENGINE_NOT_AN_ENGINE' });
  assert.deepEqual(calls.slice(before), [], 'nothing reached the instance');
});

test("a trap is ENGINE_TRAPPED with the browser's words, without the glue's expression", () => {
  let e;
  try {
    a.evaluate('trap');
  } catch (caught) {
    e = caught;
  }
  assert.ok(e instanceof CchcError, String(e));
  assert.deepEqual([e.code, e.path, e.messageEn, e.messageVi], ['ENGINE_TRAPPED', '$', 'stopped `evaluate` (Out of bounds memory access)', 'dừng `evaluate` (Out of bounds memory access)']);
  assert.deepEqual(e.errors, [{ code: 'ENGINE_TRAPPED', path: '$', message: { vi: e.messageVi, en: e.messageEn } }]);
  assert.equal(trappedBy(), 'Out of bounds memory access');
});

test('after a trap no engine of the instance is called again, free() included', () => {
  const before = calls.length;
  assert.throws(() => a.evaluate({}), { code: 'ENGINE_TRAPPED', messageEn: 'stopped `evaluate` (Out of bounds memory access)' });
  assert.throws(() => b.version(), { code: 'ENGINE_TRAPPED', messageEn: 'stopped `version` (Out of bounds memory access)' });
  a.free();
  assert.throws(() => a.version(), { code: 'ENGINE_FREED' }, 'a freed engine says so first');
  b.free();
  b.free();
  assert.throws(() => Fake.fromPlan('pack'), { code: 'ENGINE_TRAPPED', messageEn: 'stopped `Engine.fromPlan` (Out of bounds memory access)' });
  assert.deepEqual(calls.slice(before), [], 'nothing reached the instance');
});

test('a trap of Engine.fromPlan is recorded as a method\'s is', async () => {
  // A second loading of the module, with a class of its own: its own record of traps.
  const second = await import('../../src/wasm/engine.js?second');
  class Other {
    __destroy_into_raw() {
      const ptr = this.__wbg_ptr;
      this.__wbg_ptr = 0;
      return ptr;
    }
    free() {
      this.__destroy_into_raw();
    }
    version() {
      return '1';
    }
    static fromPlan(pack) {
      if (pack === 'trap') throw new WebAssembly.RuntimeError('unreachable');
      second.expectPointer();
      const o = Object.create(Other.prototype);
      o.__wbg_ptr = 8;
      return o;
    }
  }
  const sample = Object.create(Other.prototype);
  sample.__wbg_ptr = 8;
  assert.equal(second.guard(sample, texts), true);
  const c = Other.fromPlan('pack');
  assert.equal(reactive(c).version(), '1');
  assert.throws(() => Other.fromPlan('trap'), { code: 'ENGINE_TRAPPED', messageEn: 'stopped `Engine.fromPlan` (unreachable)' });
  assert.equal(second.trappedBy(), 'unreachable');
  assert.throws(() => c.version(), { code: 'ENGINE_TRAPPED' });
  assert.throws(() => Other.fromPlan('pack'), { code: 'ENGINE_TRAPPED' });
});
