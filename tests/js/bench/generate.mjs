// Deterministic benchmark data for cchc-progress: a portal's figures at three scales, from a
// seeded PRNG (never Math.random), so every run and every machine sees the same bytes.
//
//   S  one city: 1 city + 9 districts + 85 communes               ≈ 16 000 observations
//   M  a large province: 1 + 30 districts + 670 communes = 701     ≈ 118 000 observations
//   L  the country: 63 provinces × (1 + 11 + 163) = 11 025 units   ≈ 1.85 million observations
//
// Every unit reports every indicator of the embedded plan it can report: the hierarchy
// indicators as numerator/denominator (the city-level roots leave them to the roll-up), the
// level indicators where the plan covers the unit's level, ranks and milestones at the roots.
// Periods: each year 2021–2025, plus the first halves of 2024 and 2025. The L scale has 63
// roots of level `city` (the plan knows only city/district/commune; the input allows several
// roots).
//
// As a script it writes target/bench-data/{S,M}.json (whole inputs), {S,M,L}.csv (the
// observations) and {S,M,L}.options.json (the rest of the input, for evaluateCsv); the native
// Criterion benchmark reads those. `node tests/js/bench/generate.mjs [S M L chain flat]`
// (`chain` and `flat`, the 100 000-unit hierarchies, are written only when named).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DATA_DIR = join(root, 'target/bench-data');
export const SEED = 0x4168_2021; // Decision 4168, 2021

export const SCALES = {
  S: { roots: 1, districts: 9, communes: 85 },
  M: { roots: 1, districts: 30, communes: 670 },
  L: { roots: 63, districts: 11, communes: 163 },
};

const YEARS = [2021, 2022, 2023, 2024, 2025];
const HALVES = [2024, 2025];
export const AS_OF = '2025-12-31';
export const CSV_HEADER = 'indicator,unit,period,value,numerator,denominator,rank,count,done';

/** mulberry32: small, fast, and the same on every JS engine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The embedded plan's indicators (read from the rule pack, so new indicators are picked up). */
export function planIndicators() {
  const plan = JSON.parse(readFileSync(join(root, 'src/plan/can_tho_2021_2025.json'), 'utf8'));
  return plan.indicators;
}

const DISTRICT_NAMES = ['Ninh Kiều', 'Bình Thủy', 'Cái Răng', 'Ô Môn', 'Thốt Nốt', 'Phong Điền', 'Cờ Đỏ', 'Thới Lai', 'Vĩnh Thạnh'];

function units(scale) {
  const { roots, districts, communes } = SCALES[scale];
  const out = [];
  for (let p = 1; p <= roots; p++) {
    const pid = roots === 1 ? 'ct' : `p${String(p).padStart(2, '0')}`;
    out.push({ id: pid, name: roots === 1 ? 'Thành phố Cần Thơ' : `Tỉnh số ${p}`, level: 'city' });
    const dids = [];
    for (let d = 1; d <= districts; d++) {
      const did = `${pid}.d${String(d).padStart(2, '0')}`;
      dids.push(did);
      const base = DISTRICT_NAMES[(d - 1) % DISTRICT_NAMES.length];
      out.push({ id: did, name: `Quận ${base} ${d}`, level: 'district', parent: pid });
    }
    for (let c = 0; c < communes; c++) {
      const did = dids[c % districts];
      out.push({
        id: `${did}.c${String(c + 1).padStart(3, '0')}`,
        name: `Phường An Hòa ${c + 1}`,
        level: 'commune',
        parent: did,
      });
    }
  }
  return out;
}

/**
 * The observations of `scale`, as objects in the input's shape, in a stable order
 * (unit, indicator, period).
 */
function observations(scale, unitList, indicators, rand) {
  const obs = [];
  const numerators = new Map(); // `indicator unit period` → numerator, for nested indicators
  const periods = [...YEARS.map((y) => ({ year: y, code: String(y), part: 1 })), ...HALVES.map((y) => ({ year: y, code: `${y}-H1`, part: 0.5 }))];
  for (const u of unitList) {
    const isRoot = !u.parent;
    for (const ind of indicators) {
      const covered = ind.levels.includes(u.level);
      let kind;
      if (ind.aggregation === 'hierarchy') {
        if (isRoot) continue; // the roots' figure is rolled up from their units
        kind = ind.measure === 'reduction' ? 'count' : 'fraction';
      } else if (!covered) {
        continue;
      } else if (ind.measure === 'rank') kind = 'rank';
      else if (ind.measure === 'milestone') kind = 'done';
      else kind = 'fraction';
      // Per series: a size, a starting rate and a yearly gain, so statuses vary across units.
      const size = 40 + Math.floor(rand() * 4000);
      const start = 0.25 + rand() * 0.5;
      const gain = rand() * 0.15;
      const rank0 = 10 + Math.floor(rand() * 40);
      for (const p of periods) {
        const t = p.year - 2021 + (p.part === 1 ? 1 : 0.5);
        const o = { indicator: ind.id, unit: u.id, period: p.code };
        if (kind === 'fraction') {
          const denominator = Math.max(1, Math.round(size * p.part));
          const rate = Math.min(1, start + gain * t + (rand() - 0.5) * 0.04);
          if (ind.denominatorFrom === 'parent_numerator') {
            // Its population is the parent's numerator: it gives only its own numerator.
            const parent = numerators.get(`${ind.parent} ${u.id} ${p.code}`) ?? 0;
            o.numerator = Math.round(parent * rate);
          } else {
            o.numerator = Math.round(denominator * rate);
            o.denominator = denominator;
            numerators.set(`${ind.id} ${u.id} ${p.code}`, o.numerator);
          }
        } else if (kind === 'count') {
          o.count = Math.max(0, Math.round(size * (1 - 0.03 * t)));
        } else if (kind === 'rank') {
          o.rank = Math.max(1, Math.min(63, rank0 - Math.round(t * 3 * rand())));
        } else {
          const share = Math.min(100, Math.round((start + gain * t) * 1000) / 10);
          o.done = share >= 100;
          if (!o.done) o.value = share;
        }
        obs.push(o);
      }
    }
  }
  return obs;
}

/** The whole input of `scale`: `{ asOf, locale, label, units, observations }`. */
export function generate(scale, { seed = SEED } = {}) {
  if (!SCALES[scale]) throw new Error(`unknown scale ${scale}`);
  const rand = prng(seed ^ scale.charCodeAt(0));
  const unitList = units(scale);
  return {
    asOf: AS_OF,
    locale: 'vi',
    label: `SAMPLE FIGURES – benchmark scale ${scale}, seed ${seed}`,
    units: unitList,
    observations: observations(scale, unitList, planIndicators(), rand),
  };
}

/** The observations as a portal's CSV export, and the rest of the input for `evaluateCsv`. */
export function toCsv(input) {
  const lines = [CSV_HEADER];
  const cell = (v) => (v === undefined ? '' : String(v));
  for (const o of input.observations) {
    lines.push(
      `${o.indicator},${o.unit},${o.period},${cell(o.value)},${cell(o.numerator)},${cell(o.denominator)},${cell(o.rank)},${cell(o.count)},${cell(o.done)}`,
    );
  }
  const { observations, ...options } = input;
  return { csv: `${lines.join('\n')}\n`, options };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const scales = process.argv.slice(2).length ? process.argv.slice(2) : ['S', 'M', 'L'];
  mkdirSync(DATA_DIR, { recursive: true });
  for (const scale of scales) {
    if (scale === 'chain' || scale === 'flat') {
      // The 100 000-unit hierarchies below, as whole inputs (`chain.json`, `flat.json`).
      const input = hierarchyInput(scale);
      writeFileSync(join(DATA_DIR, `${scale}.json`), JSON.stringify(input));
      console.log(`${scale}: ${input.units.length} units, ${input.observations.length} observations`);
      continue;
    }
    const input = generate(scale);
    const { csv, options } = toCsv(input);
    if (scale !== 'L') writeFileSync(join(DATA_DIR, `${scale}.json`), JSON.stringify(input));
    writeFileSync(join(DATA_DIR, `${scale}.csv`), csv);
    writeFileSync(join(DATA_DIR, `${scale}.options.json`), JSON.stringify(options));
    console.log(`${scale}: ${input.units.length} units, ${input.observations.length} observations, CSV ${(csv.length / 1e6).toFixed(1)} MB`);
  }
}

/**
 * The two hierarchies of issue 13.11 at the unit limit (100 000 units): `chain`, each
 * city-level unit under the one before (only city-level units may nest), the deepest one
 * reporting; `flat`, one city and its communes, each commune reporting. Either way every
 * other unit's figure is rolled up, for two years.
 */
export function hierarchyInput(shape, n = 100_000) {
  const id = (i) => `u${String(i).padStart(6, '0')}`;
  const units = [{ id: id(0), name: 'Gốc', level: 'city' }];
  for (let i = 1; i < n; i++) {
    units.push({ id: id(i), name: `Đơn vị ${i}`, level: shape === 'chain' ? 'city' : 'commune', parent: shape === 'chain' ? id(i - 1) : id(0) });
  }
  const reporting = shape === 'chain' ? [id(n - 1)] : units.slice(1).map((u) => u.id);
  const observations = [];
  for (const unit of reporting) {
    observations.push({ indicator: 'proc.online_l34', unit, period: '2024', numerator: 60, denominator: 100 });
    observations.push({ indicator: 'proc.online_l34', unit, period: '2025', numerator: 75, denominator: 100 });
  }
  return { asOf: AS_OF, locale: 'vi', label: `SAMPLE FIGURES – ${n} units, ${shape}`, options: { text: 'none' }, units, observations };
}
