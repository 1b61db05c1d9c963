// The report read on demand (issue 22.1) against the full report of objects and the plain-JS
// core (peer.mjs), in Node, from the built package (pkg/, or --pkg DIR), on the S and M data of
// generate.mjs. Interleaved rounds, medians; never pass/fail on a time.
//
//   node tests/js/bench/report.mjs [--pkg DIR] [--scales S,M] [--runs N]
//
// What each contender does, from the caller's object to the numbers a page shows:
//   JS core            evaluatePeer(plan, input): one row per indicator × unit, no sentences
//   evaluate(obj)      the full report as objects (what 0.2 did), then the headline rows
//   report(obj)        engine.report(input) → results({ headline: true }) (every headline row)
//   report, one card   engine.report(input) → results({ indicator, unit: root }) (one card's rows)
//   report → toJSON    engine.report(input).toJSON(): the whole report as objects, the new way
//   JSON floor         JSON.stringify(input) + JSON.parse(the report's JSON): moving the data alone

import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { generate } from './generate.mjs';
import { evaluatePeer, preparePlan } from './peer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const PKG = resolve(option('--pkg', join(root, 'pkg')));
const require = createRequire(import.meta.url);
const { Engine } = require(join(PKG, 'cchc_progress_node.cjs'));
const scales = option('--scales', 'S,M').split(',');
const runsS = Number(option('--runs', '15'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const engine = new Engine();
const plan = preparePlan(engine.plan());

function contenders(input) {
  const root0 = input.units.find((u) => !u.parent)?.id;
  const indicator = 'proc.digitized_results';
  const reportJson = JSON.stringify(engine.evaluate(input));
  return {
    'JS core': () => evaluatePeer(plan, input).length,
    'evaluate(obj)': () => engine.evaluate(input).results.filter((r) => r.headline).map((r) => r.value).length,
    'report(obj)': () => engine.report(input).results({ headline: true }).map((r) => r.value).length,
    'report, one card': () => engine.report(input).results({ indicator, unit: root0 }).length,
    'report → toJSON': () => engine.report(input).toJSON().results.length,
    'JSON floor': () => JSON.parse(JSON.stringify(input)) && JSON.parse(reportJson).results.length,
  };
}

for (const scale of scales) {
  const input = generate(scale);
  const c = contenders(input);
  const names = Object.keys(c);
  const runs = scale === 'S' ? runsS : Math.max(3, Math.round(runsS / 3));
  for (const n of names) c[n](); // warm-up
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (const n of names) {
      const t = performance.now();
      c[n]();
      times[n].push(performance.now() - t);
    }
  }
  const ms = Object.fromEntries(names.map((n) => [n, median(times[n])]));
  const bytes = engine.report(input).buffer.byteLength;
  console.log(`\n${scale}: ${input.units.length} units, ${input.observations.length} observations; packed report ${(bytes / 1024).toFixed(0)} KiB; median of ${runs}`);
  console.log('| contender | ms | × JS core |');
  console.log('|---|---:|---:|');
  for (const n of names) console.log(`| ${n} | ${ms[n].toFixed(1)} | ${(ms[n] / ms['JS core']).toFixed(2)} |`);
}
