// The report read on demand (issue 22.1), as a portal uses it, from the packed tarball in a
// bare project: `engine.report(source)` from ESM and CommonJS, `cchc-progress/report` alone
// (no WebAssembly), the bytes sent to a Worker and read there, a report that outlives its
// engine, a report made elsewhere read with the same accessors, and TypeScript's view of it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
let project;
let pkg;

const INPUT = JSON.parse(readFileSync(join(root, 'tests/fixtures/eval/merged_city_final_review.json'), 'utf8'));
const CSV = readFileSync(join(root, 'tests/fixtures/eval/csv/rollup_across_commune_merger_2024.csv'), 'utf8');
const CSV_OPTIONS = JSON.parse(readFileSync(join(root, 'tests/fixtures/eval/csv/rollup_across_commune_merger_2024.options.json'), 'utf8'));

before(async () => {
  const found = readdirSync(join(root, 'target')).filter((f) => /^cchc-progress-.*\.tgz$/.test(f));
  assert.equal(found.length, 1, `expected one packed tarball in target/ (make package), found ${found.join(', ') || 'none'}`);
  project = mkdtempSync(join(tmpdir(), 'cchc-report-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'report-check', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', join(root, 'target', found[0])], { cwd: project, stdio: 'pipe' });
  pkg = createRequire(join(project, 'x.js'))('cchc-progress');
});

test('engine.report gives the full report, byte for byte, and rows on demand', () => {
  const engine = new pkg.Engine();
  const report = engine.report(INPUT);
  assert.ok(report instanceof pkg.ProgressReport);
  const full = engine.evaluate(INPUT);
  assert.equal(JSON.stringify(report), JSON.stringify(full), 'JSON.stringify(report) is the full report');
  assert.equal(report.resultCount, full.results.length);
  assert.deepEqual(report.result(3), full.results[3]);
  const root = INPUT.units.find((u) => !u.parent).id;
  const card = report.results({ indicator: 'proc.digitized_results', unit: root });
  assert.deepEqual(card, full.results.filter((r) => r.indicator === 'proc.digitized_results' && r.unit === root));
  assert.ok(card.length >= 1);
  assert.deepEqual(report.review, full.review);
  assert.deepEqual(report.reviewRows({ level: 'commune' }), full.review.rows.filter((r) => r.level === 'commune'));
  assert.deepEqual(report.summary, full.summary);
  // The engine freed: the report is JavaScript's own bytes and still reads.
  engine.free();
  assert.deepEqual(report.result(0), full.results[0]);
  assert.throws(() => engine.report(INPUT), { code: 'ENGINE_FREED' });
});

test('each kind of data is named by its key; bad sources are structured errors and the engine keeps working', () => {
  const engine = new pkg.Engine();
  const fromCsv = engine.report({ csv: CSV, options: CSV_OPTIONS });
  assert.equal(JSON.stringify(fromCsv), JSON.stringify(engine.evaluateCsv(CSV, CSV_OPTIONS)));
  const fromText = engine.report({ json: JSON.stringify(INPUT) });
  assert.equal(fromText.text(), JSON.stringify(engine.evaluate(INPUT)));
  assert.throws(() => engine.report({ csv: CSV, json: '{}' }), { code: 'INPUT_INVALID' });
  assert.throws(() => engine.report({ csv: CSV, units: [] }), { code: 'INPUT_UNKNOWN_FIELD', path: '$.units' });
  assert.throws(() => engine.report(INPUT, { plan: 'can-tho-2040' }), { code: 'UNKNOWN_PLAN' });
  assert.throws(() => engine.report(INPUT, { plans: [] }), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => fromCsv.result(fromCsv.resultCount), { code: 'REPORT_INDEX_OUT_OF_RANGE' });
  assert.throws(() => fromCsv.results({ district: 'x' }), { code: 'INVALID_ARGUMENT', path: '$.district' });
  assert.equal(engine.report(INPUT).resultCount, engine.evaluate(INPUT).results.length);
});

test('several plans: reports keyed by plan id, as evaluatePlans', () => {
  const engine = pkg.Engine.fromPlans(['can-tho-2021-2025', 'can-tho-2026-2030']);
  const all = engine.reports(INPUT);
  assert.deepEqual(all.plans, engine.planIds());
  assert.equal(JSON.stringify(all), JSON.stringify(engine.evaluatePlans(INPUT)));
  const next = engine.report(INPUT, { plan: 'can-tho-2026-2030' });
  assert.equal(next.plan.id, 'can-tho-2026-2030');
});

test('the bytes go to a Worker, which reads them with cchc-progress/report alone', async () => {
  const engine = new pkg.Engine();
  const report = engine.report(INPUT);
  const want = report.results({ headline: true }).map((r) => [r.indicator, r.status]);
  const copy = report.buffer.slice();
  writeFileSync(
    join(project, 'reader.mjs'),
    `import { ProgressReport } from 'cchc-progress/report';
     import { parentPort } from 'node:worker_threads';
     parentPort.on('message', (bytes) => {
       const r = ProgressReport.fromBuffer(bytes);
       parentPort.postMessage({ rows: r.results({ headline: true }).map((x) => [x.indicator, x.status]) });
     });`,
  );
  const worker = new Worker(join(project, 'reader.mjs'), { name: 'report-reader' }  ).on('error', (e) => {
    throw e;
  });
  const got = await new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage(copy, [copy.buffer]);
  });
  await worker.terminate();
  assert.deepEqual(got.rows, want);
  assert.equal(copy.byteLength, 0, 'the buffer was transferred, not copied');
});

test('a report made elsewhere (the command, toJSON) reads through the same accessors', async () => {
  const { ProgressReport } = await import(pathToFileURL(join(project, 'node_modules/cchc-progress/report.js')).href);
  const engine = new pkg.Engine();
  const full = engine.evaluate(INPUT);
  for (const made of [ProgressReport.fromJSON(full), ProgressReport.fromJSON(JSON.stringify(full))]) {
    assert.ok(ProgressReport.isReport(made));
    assert.equal(made.buffer, undefined);
    assert.equal(made.resultCount, full.results.length);
    assert.deepEqual(made.results({ headline: true }), full.results.filter((r) => r.headline));
    assert.deepEqual(made.findings({ unit: null }), full.findings.filter((f) => f.unit === undefined));
    assert.deepEqual(made.toJSON(), full);
  }
  // The two copies of the class (the glue's and the module's) know each other's reports.
  assert.ok(ProgressReport.isReport(engine.report(INPUT)));
  assert.throws(() => ProgressReport.fromJSON('{"results": 3}'), { code: 'REPORT_INVALID' });
  assert.throws(() => ProgressReport.fromBuffer(new Uint8Array(200)), { code: 'REPORT_INVALID' });
});

test('TypeScript sees every accessor', () => {
  writeFileSync(
    join(project, 'check.ts'),
    `import { Engine, ProgressReport, type IndicatorResult, type Report } from 'cchc-progress';
     const engine = new Engine();
     const r: ProgressReport = engine.report({ csv: 'a', options: { asOf: '2025-12-31', units: [] } }, { plan: 'x' });
     const rows: IndicatorResult[] = r.results({ indicator: 'a', unit: null, headline: true });
     const n: number = r.resultCount + r.findingCount + r.levelSummaryCount + r.reviewRowCount;
     const whole: Report = r.toJSON();
     const bytes: Uint8Array | undefined = r.buffer;
     const again: ProgressReport = ProgressReport.fromBuffer(bytes!);
     const all = engine.reports({ json: '{}' });
     const one: ProgressReport | undefined = all.reports[all.plans[0]];
     // @ts-expect-error: a filter has no such field
     r.results({ district: 'x' });
     export { rows, n, whole, again, one };`,
  );
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'] }, files: ['check.ts'] }));
  const tsc = join(root, 'pkg-config/node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'pipe' });
});
