// What reading the data portals hold costs (issue 20), from the built package in Node:
//
//   node tests/js/bench/sources.mjs [--runs 7] [--smoke]
//
// - a province's year of the national portal's 766 answers: every endpoint, the year, its
//   quarters and its months (17 periods × 6 endpoints = 102 answers), 120 units (the province,
//   20 departments, 99 communes), invented by a seeded generator with every metric of
//   NATIONAL_PORTAL.md; `evaluatePortal766` from objects and from text, and one period alone;
// - a 10 000-row `.xlsx` (834 communes × 12 months, Vietnamese headings, a totals row),
//   written by `cchc-progress/xlsx`'s `writeXlsx`, read by `readXlsx`, then `readSheet` and
//   `evaluateSheet` with a mapping;
// - the bytes Excel support adds to a page that uses it (the `xlsx` module, gzipped), and to
//   one that does not (nothing: it is imported only when a file is read or written).
// Medians of `--runs` (7); `--smoke` (make test) runs each door once on a twelfth of the data
// and judges nothing but that it runs.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({ options: { runs: { type: 'string', default: '7' }, smoke: { type: 'boolean', default: false } } });
const runs = opt.smoke ? 1 : Number(opt.runs);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const pkg = join(root, 'pkg');
const { Engine } = createRequire(import.meta.url)(join(pkg, 'cchc_progress_node.cjs'));
const { readXlsx, writeXlsx } = await import(pathToFileURL(join(pkg, 'xlsx/index.js')).href);

/** A small seeded generator (mulberry32): the same data every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(f) {
  const t = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    out = f();
    t.push(performance.now() - s);
  }
  return { ms: median(t), out };
}
async function timeAsync(f) {
  const t = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    out = await f();
    t.push(performance.now() - s);
  }
  return { ms: median(t), out };
}
const ms = (x) => `${x.toFixed(0)} ms`;

// ---- 766 answers -----------------------------------------------------------------------
function province766({ months }) {
  const random = rng(766);
  const int = (n) => Math.floor(random() * (n + 1));
  const uid = (n) => `3c0a9e11-2026-4766-9000-${String(n).padStart(12, '0')}`;
  const units = [{ departmentId: uid(1), departmentName: 'UBND thành phố (mẫu)', departmentCode: 'H92', departmentType: 'PROVINCE', departmentLevel: 'PROVINCE' }];
  for (let i = 0; i < 20; i++) units.push({ departmentId: uid(10 + i), departmentName: `Sở ${i} (mẫu)`, departmentCode: `H92.${10 + i}`, departmentType: 'PROVINCIAL_DEPARTMENT', departmentLevel: 'PROVINCE' });
  for (let i = 0; i < 99; i++) units.push({ departmentId: uid(100 + i), departmentName: `UBND xã ${i} (mẫu)`, departmentCode: `H92.${100 + i}`, departmentType: 'COMMUNE_PEOPLE_COMMITTEE', departmentLevel: 'COMMUNE' });
  const metric = (code, max) => {
    const d = int(3000);
    const n = d ? int(d) : 0;
    return { code, name: code, numerator: n, denominator: d, ratio: d ? Math.round((n / d) * 10000) / 100 : 0, score: max ? Math.round(max * random() * 100) / 100 : null, maxScore: max };
  };
  const codes = {
    'dossier-digitized': [['ORIGINAL_RESULT_AVAILABLE', 6], ['SO_HOA_GIAY_TO_GIAI_QUYET', 4], ['REUSED_DIGITIZED_DATA', 3], ['SYNCED_WITH_DVCQG_PERSONAL_STORAGE', 2], ['CITIZEN_DATA_CONNECTED_DOSSIER', 3], ['CITIZEN_DATA_CONNECTED_FORMALITY', 2], ['ELECTRONIC_CERTIFIED_COPY', 2]],
    'handling-satisfaction': [['DOSSIER_RECEIVING_SATISFACTION', 6], ['PETITION_PROCESSING_ON_TIME', 6], ['PETITION_HANDLING_SATISFACTION', 6], ['SATISFACTION_CLASS_A', 0], ['SATISFACTION_CLASS_B', 0]],
    transparency: [['PUBLISH_ON_TIME', 5], ['PUBLIC_UPDATE_ON_TIME', 5], ['PUBLIC_CONTENT_FULL', 4], ['DOSSIER_SYNC', 4]],
  };
  const row = (u, metrics, stt) => ({ stt, ...u, totalScore: 1, totalMaxScore: 22, ratio: 4.55, metrics });
  const tree = (u, fields) => ({ departmentId: u.departmentId, departmentName: u.departmentName, level: u.departmentLevel, ...fields });
  const periods = ['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', ...Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`)].slice(0, months ? 1 + months : undefined);
  const answers = [];
  for (const period of periods) {
    for (const [endpoint, cs] of Object.entries(codes)) {
      const metrics = () => cs.map(([c, s]) => metric(c, s));
      answers.push({ endpoint, period, answer: { code: 'OK', data: { overview: row(units[0], metrics(), 1), evaluation: units.slice(1).map((u, i) => row(u, metrics(), i + 2)), pagination: { total: units.length - 1, currentPage: 1, pageSize: 200 } } } });
    }
    const a = () => int(100);
    answers.push({ endpoint: 'dvc-progress-tree', period, answer: { code: 'OK', data: { parent: tree(units[0], { totalReceived: 1000, totalOnTime: 900, score: 18, maxScore: 20 }), children: units.slice(1).map((u) => tree(u, { totalReceived: 100, totalOnTime: 90, totalOverdue: 10, avgProcessingDays: 3, score: 18, maxScore: 20 })) } } });
    answers.push({ endpoint: 'provide-online-tree', period, answer: { code: 'OK', data: { parent: tree(units[0], { totalScore: 9, totalMaxScore: 12, ratio: 75 }), children: units.slice(1).map((u) => tree(u, { totalScore: 9, totalMaxScore: 12, ratio: 75 })) } } });
    answers.push({ endpoint: 'formality-online-payment-tree', period, answer: { code: 'OK', data: { parent: tree(units[0], { totalDossierOnlinePaymentSuccess: 3000, totalDossierFinancialObligation: 9000, score: 5, maxScore: 10 }), children: units.slice(1).map((u) => { const x = a(); return tree(u, { totalDossierOnlinePaymentSuccess: x, totalDossierFinancialObligation: x + int(200), score: 5, maxScore: 10 }); }) } } });
  }
  return { answers, options: { asOf: '2026-12-07', unitMap: { H92: 'ct' } } };
}

const engine = new Engine();
const p = province766({ months: opt.smoke ? 1 : 0 });
const text = JSON.stringify(p.answers);
const fromObjects = time(() => engine.evaluatePortal766(p.answers, p.options));
const fromText = time(() => engine.evaluatePortal766(text, p.options));
const onePeriod = p.answers.filter((a) => a.period === '2026');
const one = time(() => engine.evaluatePortal766(onePeriod, p.options));
const r = fromText.out;
console.log(`766: ${p.answers.length} answers, 120 units, ${(text.length / 1e6).toFixed(1)} MB of JSON → ${r.results.length} rows, ${r.findings.length} findings, report ${(JSON.stringify(r).length / 1e6).toFixed(1)} MB`);
console.log(`  evaluatePortal766 from objects ${ms(fromObjects.ms)}, from text ${ms(fromText.ms)}; one period's ${onePeriod.length} answers ${ms(one.ms)} (median of ${runs})`);

// ---- a 10 000-row .xlsx ------------------------------------------------------------------
const communes = opt.smoke ? 70 : 834;
const random = rng(10000);
const units = [{ id: 'ct', name: 'Thành phố (mẫu)', level: 'city' }];
const names = {};
for (let i = 0; i < communes; i++) {
  const id = `x${i}`;
  const name = `Xã mẫu ${String(i).padStart(4, '0')}`;
  units.push({ id, name, level: 'commune', parent: 'ct', validFrom: '2025-07-01' });
  names[name] = id;
}
const rows = [['STT', 'Tên đơn vị', 'Kỳ báo cáo', 'Số hồ sơ tiếp nhận', 'Số hồ sơ trực tuyến', 'Tỷ lệ hồ sơ không yêu cầu bổ sung (%)']];
let n = 0;
for (let m = 1; m <= 12; m++) {
  for (let i = 0; i < communes; i++) {
    const received = 20 + Math.floor(random() * 500);
    rows.push([++n, `Xã mẫu ${String(i).padStart(4, '0')}`, `Tháng ${m}/2026`, received, Math.floor(received * (0.5 + random() / 2)), Math.round(800 + random() * 200) / 10]);
  }
}
rows.push(['', 'Tổng cộng', '', '', '', '']);
const mapping = {
  unit: { column: 'Tên đơn vị', names },
  period: { column: 'Kỳ báo cáo' },
  totals: {},
  indicators: [
    { indicator: 'proc.online_dossiers', numerator: 'Số hồ sơ trực tuyến', denominator: 'Số hồ sơ tiếp nhận' },
    { indicator: 'proc.no_resubmission', value: 'Tỷ lệ hồ sơ không yêu cầu bổ sung (%)' },
  ],
};
const bytes = writeXlsx([{ name: 'Báo cáo', rows }]);
const read = await timeAsync(() => readXlsx(bytes));
const sheetRead = time(() => engine.readSheet(read.out, mapping));
const sheetEval = time(() => engine.evaluateSheet(read.out, mapping, { asOf: '2026-12-07', units, options: { text: 'none' } }));
console.log(`xlsx: ${rows.length - 1} rows (${communes} communes × 12 months and a totals row), ${(bytes.length / 1024).toFixed(0)} KiB`);
console.log(`  readXlsx ${ms(read.ms)}, readSheet ${ms(sheetRead.ms)} (${sheetRead.out.observations?.length ?? '?'} observations), evaluateSheet ${ms(sheetEval.ms)} (median of ${runs})`);

// ---- what Excel support adds to a page -----------------------------------------------------
const gz = (f) => gzipSync(readFileSync(join(pkg, f)), { level: 9 }).length;
console.log(`bytes: cchc-progress/xlsx ${(gz('xlsx/index.js') / 1024).toFixed(1)} KiB gzipped, downloaded only by a page that reads or writes an .xlsx (a page that does not: 0 B); the sheet mapping itself is inside the .wasm every evaluating page downloads (README, Performance)`);
