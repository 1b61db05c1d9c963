// Two builds of the package side by side in one Node process: `engine.evaluate(obj)` of each,
// run in turn within each round (interleaved medians, so that a busy moment of the shared
// machine falls on both), and the bytes of their `.wasm` files (raw and gzip -9). For a change
// that only one build has (issue 23.5: the tape against serde-wasm-bindgen's serializer).
// Fails when the two builds' reports differ (`JSON.stringify`); never on a time.
//
//   node tests/js/bench/ab.mjs --pkg DIR_A --pkg DIR_B [--scales S,M] [--text both,none] [--runs N]
//
// Each DIR is an assembled package (`make package` writes pkg/).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { generate } from './generate.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const pkgs = args.flatMap((a, i) => (a === '--pkg' && args[i + 1] ? [resolve(args[i + 1])] : []));
if (pkgs.length !== 2) {
  console.error('ab: give two packages, --pkg DIR_A --pkg DIR_B');
  process.exit(1);
}
const scales = option('--scales', 'S,M').split(',');
const texts = option('--text', 'both,none').split(',');
const runs = Number(option('--runs', 15));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median milliseconds of each contender, run in turn: `warm` rounds, then `runs`. */
function interleaved(contenders, { warm, runs }) {
  const times = contenders.map(() => []);
  for (let i = 0; i < warm + runs; i++) {
    contenders.forEach((f, at) => {
      const t = performance.now();
      f();
      if (i >= warm) times[at].push(performance.now() - t);
    });
  }
  return times.map(median);
}

const names = pkgs.map((p) => basename(p));
const engines = pkgs.map((p) => new (require(join(p, 'cchc_progress_node.cjs')).Engine)());

console.log('| .wasm | ' + names.join(' raw / gzip B | ') + ' raw / gzip B | B − A |');
console.log('|---|---:|---:|---:|');
for (const file of ['cchc_progress_bg.wasm', 'cchc_progress_lite_bg.wasm']) {
  const s = pkgs.map((p) => {
    const bytes = readFileSync(join(p, file));
    return [bytes.length, gzipSync(bytes, { level: 9 }).length];
  });
  console.log(`| ${file} | ${s[0].join(' / ')} | ${s[1].join(' / ')} | ${s[1][0] - s[0][0]} / ${s[1][1] - s[0][1]} |`);
}

console.log('\n| evaluate(obj) | ' + names.join(' ms | ') + ' ms | B ÷ A |');
console.log('|---|---:|---:|---:|');
for (const scale of scales) {
  for (const text of texts) {
    const base = generate(scale);
    const input = text === 'both' ? base : { ...base, options: { ...base.options, text } };
    const reports = engines.map((e) => JSON.stringify(e.evaluate(input)));
    if (reports[0] !== reports[1]) {
      console.error(`ab: the two builds' ${scale} reports differ (text ${text})`);
      process.exit(1);
    }
    const n = scale === 'S' ? runs : Math.max(5, Math.round(runs / 3));
    const ms = interleaved(
      engines.map((e) => () => e.evaluate(input)),
      { warm: 2, runs: n },
    );
    console.log(`| ${scale}, text ${text} (${n} runs) | ${ms.map((m) => m.toFixed(1)).join(' | ')} | ${(ms[1] / ms[0]).toFixed(3)} |`);
  }
}
