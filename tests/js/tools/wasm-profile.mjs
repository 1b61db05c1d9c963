// Where the time of a call into WebAssembly goes, step by step, from a V8 CPU profile (issue
// 22.2). Make a Node build that keeps the name section (as the package's, but `wasm-bindgen
// --target nodejs --keep-debug` and wasm-opt with Cargo.toml's flags plus `-g`, as
// size-profile.mjs does for the web build), run the calls under `node --cpu-prof` with each
// call inside a function named RUN_0, RUN_1, … (so that calls are told apart), e.g.
//
//   const input = hierarchyInput('chain');   // tests/js/bench/generate.mjs
//   const runs = [function RUN_0() { engine.report(input).results({ headline: true }); }, …];
//   for (const run of runs) run();
//
// then:
//
//   node tests/js/tools/wasm-profile.mjs FILE.cpuprofile
//
// prints, per call, the milliseconds of each step: a sample counts for the first step of
// STEPS any frame of its stack matches (so list the specific before the general). GC samples
// between two samples of one call count for that call. Used for the README's table "The
// 100 000 units in WebAssembly, profiled".
import { readFileSync } from 'node:fs';

const STEPS = [
  ['JS garbage collection', /garbage collector/],
  ['JS: inspect walk and copy', /^inspect$|readObservations|columnsForRust/],
  ['JS: JSON.stringify of the copy', /snapshot_text|stringify/],
  ['units: serde_json parse', /serde_json::de::from_str/],
  ['units: checked and read', /RowReader::new/],
  ['observations from the columns', /RowReader|columns::input/],
  ['hierarchy', /UnitIndex|units::Hierarchy/],
  ['packing rows (pack::Streamer)', /report::pack|Packer|Streamer/],
  ['report.js (ProgressReport)', /report\.js|fromPacked|ProgressReport/],
  ['objects (tape::ReportTape, JS builder)', /ReportTape|wasm::to_js|tape::|tapeFeed/],
  ['result rows', /rows_of/],
  ['level summaries', /levels::summarize/],
  ['roll-up', /rollup::/],
  ['screening', /screen::/],
  ['lineage', /lineage::/],
  ['the rest of the evaluation', /evaluate_owned|cchc_progress::evaluate::report|Ctx::new/],
  ['copy out', /new_from_slice/],
];

const file = process.argv[2];
if (!file) {
  console.error('usage: node tests/js/tools/wasm-profile.mjs FILE.cpuprofile');
  process.exit(2);
}
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
const name = (n) => n.callFrame.functionName || `(anonymous ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
const calls = [];
let current = -1;
for (let i = 0; i < p.samples.length; i++) {
  const ms = (p.timeDeltas[i + 1] || 0) / 1000;
  const stack = [];
  for (let x = p.samples[i]; x !== undefined; x = parent.get(x)) stack.push(name(byId.get(x)));
  const run = stack.find((s) => /^RUN_\d+$/.test(s));
  if (run) current = Number(run.slice(4));
  else if (!stack.includes('(garbage collector)')) current = -1;
  if (current < 0) continue;
  calls[current] ??= { total: 0, steps: new Map() };
  const call = calls[current];
  call.total += ms;
  const step = STEPS.find(([, re]) => stack.some((s) => re.test(s)))?.[0] ?? 'other';
  call.steps.set(step, (call.steps.get(step) || 0) + ms);
}
const cell = (x) => (x === undefined ? '' : x.toFixed(0)).padStart(8);
console.log('step'.padEnd(42) + calls.map((_, i) => `call ${i}`.padStart(8)).join(''));
for (const step of [...STEPS.map(([s]) => s), 'other']) {
  if (calls.every((c) => !c.steps.get(step))) continue;
  console.log(step.padEnd(42) + calls.map((c) => cell(c.steps.get(step) || 0)).join(''));
}
console.log('the call'.padEnd(42) + calls.map((c) => cell(c.total)).join(''));
