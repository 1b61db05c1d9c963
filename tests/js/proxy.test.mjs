// An engine kept in a framework's state (issue 24, point 5), with the real Vue 3 and MobX from
// the registry (tests/js/package.json) and the package from its packed tarball: Vue's
// `reactive()` and `ref()` hand out the engine inside a Proxy, and every method, of an
// engine of `new Engine()` or of `Engine.fromPlan()`, must answer as the engine itself does;
// copies and detached methods stay refused. Inputs held in reactive state are read once, as
// any other. And after a trap (the browser's WebAssembly stopping a call), `new Engine()` and
// `Engine.fromPlan()` throw the documented `ENGINE_TRAPPED`, never a raw `RuntimeError`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reactive, readonly, ref, markRaw, toRaw } from 'vue';
import { observable, makeAutoObservable, toJS } from 'mobx';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
let project;
let Engine;

const INPUT = JSON.parse(readFileSync(join(root, 'tests/fixtures/eval/rollup_across_commune_merger_2024.json'), 'utf8'));
const CSV = readFileSync(join(root, 'tests/fixtures/eval/csv/rollup_across_commune_merger_2024.csv'), 'utf8');
const CSV_OPTIONS = JSON.parse(readFileSync(join(root, 'tests/fixtures/eval/csv/rollup_across_commune_merger_2024.options.json'), 'utf8'));
const PACK = JSON.parse(readFileSync(join(root, 'tests/fixtures/packs/sample_province.json'), 'utf8'));

before(() => {
  const found = readdirSync(join(root, 'target')).filter((f) => /^cchc-progress-.*\.tgz$/.test(f));
  assert.equal(found.length, 1, `expected one packed tarball in target/ (make package), found ${found.join(', ') || 'none'}`);
  project = mkdtempSync(join(tmpdir(), 'cchc-proxy-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'proxy-check', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', join(root, 'target', found[0])], { cwd: project, stdio: 'pipe' });
  ({ Engine } = createRequire(join(project, 'index.js'))('cchc-progress'));
});

/** Every method of an engine, called on `e` (the engine, or what stands for it). */
function everyMethod(e) {
  return {
    plan: e.plan().plan.id,
    indicators: e.indicators().length,
    ramp: e.ramp('commune', 2024).floor,
    version: e.version().planId,
    evaluate: JSON.stringify(e.evaluate(INPUT)),
    evaluateJson: JSON.stringify(e.evaluateJson(JSON.stringify(INPUT))),
    evaluateCsv: JSON.stringify(e.evaluateCsv(CSV, CSV_OPTIONS)),
    validate: e.validate(INPUT).valid,
  };
}

const wrappers = {
  'Vue reactive()': (e) => reactive(e),
  'Vue ref().value': (e) => ref(e).value,
  'Vue reactive({ engine }).engine': (e) => reactive({ engine: e }).engine,
  'Vue readonly(reactive())': (e) => readonly(reactive(e)),
  'MobX observable({ engine }).engine': (e) => observable({ engine: e }).engine,
  'MobX observable.box().get()': (e) => observable.box(e).get(),
  'MobX makeAutoObservable()': (e) => makeAutoObservable(e),
};

test('Vue and MobX wrap the engine as expected (a Proxy from Vue)', () => {
  const e = new Engine();
  assert.notEqual(reactive(e), e, 'Vue hands out a Proxy');
  assert.equal(toRaw(reactive(e)), e);
  e.free();
});

for (const [name, wrap] of Object.entries(wrappers)) {
  test(`${name}: every method answers as the engine itself, for new Engine() and Engine.fromPlan()`, () => {
    const plain = new Engine();
    const want = everyMethod(plain);
    const wrapped = wrap(new Engine());
    assert.deepEqual(everyMethod(wrapped), want);
    const fromPlan = wrap(Engine.fromPlan(PACK));
    assert.equal(fromPlan.plan().plan.sample, true);
    assert.equal(fromPlan.ramp('commune', 2028).floor, 70);
    assert.equal(fromPlan.indicators().length, 6);
    // Freed through the wrapper: freed, and said so, through the wrapper and without it.
    wrapped.free();
    assert.throws(() => wrapped.version(), { code: 'ENGINE_FREED' });
    wrapped.free();
    fromPlan[Symbol.dispose]();
    assert.throws(() => fromPlan.plan(), { code: 'ENGINE_FREED' });
    plain.free();
  });
}

test('markRaw keeps Vue off the engine, as before', () => {
  const e = markRaw(new Engine());
  const state = reactive({ engine: e });
  assert.equal(state.engine, e);
  assert.equal(state.engine.version().planId, 'vn-cantho-cchc-2021-2025');
  e.free();
});

test('copies and detached methods of a wrapped engine stay refused', () => {
  const e = new Engine();
  const r = reactive(e);
  for (const copy of [{ ...r }, { ...e }, Object.assign({}, r), Object.create(e), reactive(Object.create(e)), toJS(observable({ ...e }))]) {
    assert.throws(() => Engine.prototype.evaluate.call(copy, INPUT), { code: 'ENGINE_NOT_AN_ENGINE' });
  }
  const detached = r.evaluate;
  assert.throws(() => detached(INPUT), { code: 'ENGINE_DETACHED_METHOD' });
  const bound = r.evaluate.bind(r);
  assert.equal(bound(INPUT).results.length, e.evaluate(INPUT).results.length, 'bound to the Proxy, it works');
  e.free();
  assert.throws(() => bound(INPUT), { code: 'ENGINE_FREED' });
});

test('inputs, CSV options and rule packs held in Vue state are read as plain data', () => {
  const e = new Engine();
  const want = JSON.stringify(e.evaluate(INPUT));
  for (const state of [reactive(structuredClone(INPUT)), readonly(reactive(structuredClone(INPUT))), ref(structuredClone(INPUT)).value]) {
    assert.equal(JSON.stringify(e.evaluate(state)), want);
    assert.equal(e.validate(state).valid, true);
  }
  const csv = JSON.stringify(e.evaluateCsv(CSV, CSV_OPTIONS));
  assert.equal(JSON.stringify(e.evaluateCsv(CSV, reactive(structuredClone(CSV_OPTIONS)))), csv);
  assert.equal(Engine.fromPlan(reactive(structuredClone(PACK))).indicators().length, 6);
  // MobX's observable arrays answer a `toJSON` of their own, which the engine refuses as it
  // refuses any `toJSON` (what JSON would write is not the data): `toJS(state)` first.
  assert.throws(() => e.evaluate(observable(structuredClone(INPUT))), { code: 'INPUT_INVALID_TYPE' });
  assert.equal(JSON.stringify(e.evaluate(toJS(observable(structuredClone(INPUT))))), want);
  e.free();
});

test('a computed value that changes at each read is read once', () => {
  const e = new Engine();
  const want = JSON.stringify(e.evaluate(INPUT));
  // A MobX computed that answers the label first, then a Map; a Vue computed likewise.
  let reads = 0;
  const store = observable({
    base: structuredClone(INPUT),
    get label() {
      reads++;
      return reads === 1 ? INPUT.label : new Map([[1, 2]]);
    },
  });
  const input = { ...toJS(store.base) };
  Object.defineProperty(input, 'label', { enumerable: true, get: () => store.label });
  assert.equal(JSON.stringify(e.evaluate(input)), want);
  assert.equal(reads, 1);
  e.free();
});

test('after a trap, new Engine() and Engine.fromPlan() throw ENGINE_TRAPPED, never a RuntimeError', () => {
  // In a process of its own: a trap ends every engine of the module's instance. The trap is
  // made as the browser's WebAssembly makes one: a RuntimeError thrown inside a call (here by
  // the memory's \`buffer\`, which the engine reads to receive a text), in a method and in
  // Engine.fromPlan.
  const pack = JSON.stringify(JSON.stringify(PACK));
  for (const first of [`e.evaluateJson('{}')`, `Engine.fromPlan(${pack})`]) {
    const script = `
      const { Engine } = require('cchc-progress');
      const out = [];
      const e = new Engine();
      const buffer = Object.getOwnPropertyDescriptor(WebAssembly.Memory.prototype, 'buffer');
      let armed = true;
      Object.defineProperty(WebAssembly.Memory.prototype, 'buffer', { configurable: true, get() {
        if (armed) { armed = false; throw new WebAssembly.RuntimeError('memory access out of bounds'); }
        return buffer.get.call(this);
      } });
      const outcome = (f) => { try { f(); return 'ok'; } catch (err) { return err.constructor.name + ' ' + err.code; } };
      out.push(outcome(() => ${first}));
      out.push(outcome(() => new Engine()));
      out.push(outcome(() => Engine.fromPlan(${pack})));
      out.push(outcome(() => e.version()));
      console.log(JSON.stringify(out));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), Array(4).fill('CchcError ENGINE_TRAPPED'), `after a trap in ${first.slice(0, 20)}`);
  }
});
