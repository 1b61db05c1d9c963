// The guard of `src/wasm/engine.js` on a class of its own making, the one way to meet what a
// real engine never shows on purpose: a trap, the RuntimeError the browser's WebAssembly
// throws when it stops a call ("memory access out of bounds", "unreachable"). WebKitGTK
// 2.50's JIT does it now and then on the demo page (the README's "WebKitGTK's traps"). After one,
// every method of every engine of that instance must refuse with `ENGINE_TRAPPED` and the
// instance is never called again, `free()` included.
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
  assert.deepEqual(calls.slice(before), [], 'nothing reached the instance');
});
