// Writes can-tho-sample.csv, the CSV twin of can-tho-sample.json (its observations, in the
// column layout a portal exports), so the demo's file picker can be tried with a CSV:
//   node www/data/make-csv.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const input = JSON.parse(readFileSync(join(here, 'can-tho-sample.json'), 'utf8'));
const columns = ['indicator', 'unit', 'period', 'value', 'numerator', 'denominator', 'rank', 'count', 'done', 'source'];
const cell = (v) => {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const lines = [columns.join(','), ...input.observations.map((o) => columns.map((c) => cell(o[c])).join(','))];
writeFileSync(join(here, 'can-tho-sample.csv'), lines.join('\n') + '\n');
console.log(`wrote ${input.observations.length} rows`);
