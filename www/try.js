// "Try it on your own file" (issue 20.4): a person picks or drops a CSV or an .xlsx, edits the
// mapping, and sees the three widgets on their figures, with every skipped row and every
// guess listed. Everything happens in this page: the file is read with `File` APIs and the
// engine; nothing is sent anywhere. The Excel reader is imported only when an .xlsx is given.

import { getEngine } from '/pkg/elements/index.js';

const $ = (id) => document.getElementById(id);

/** The mapping of the npm README's example, for an export like tests/fixtures/sheets/bao_cao_quy_3.xlsx. */
const MAPPING = {
  headingRows: 2,
  unit: { column: 'Tên đơn vị', names: { 'Phường Ninh Kiều': 'nk', 'Phường Tân An': 'ta', 'Xã Hòa An': 'ha' } },
  period: { column: 'Kỳ báo cáo' },
  totals: { unit: 'ct' },
  indicators: [
    { indicator: 'proc.online_dossiers', numerator: ['Số hồ sơ', 'Đúng hạn'], denominator: ['Số hồ sơ', 'Tiếp nhận'] },
    { indicator: 'proc.no_resubmission', value: 'Tỷ lệ (%)' },
  ],
};
const OPTIONS = {
  asOf: '2026-12-07',
  units: [
    { id: 'ct', name: 'Thành phố Cần Thơ', level: 'city' },
    { id: 'nk', name: 'Phường Ninh Kiều', level: 'commune', parent: 'ct' },
    { id: 'ta', name: 'Phường Tân An', level: 'commune', parent: 'ct' },
    { id: 'ha', name: 'Xã Hòa An', level: 'commune', parent: 'ct' },
  ],
};

$('mapping').value = JSON.stringify(MAPPING, null, 2);
$('options').value = JSON.stringify(OPTIONS, null, 2);

/** The file given: `{ name, grid }`, the grid being CSV text or a workbook. */
let given = null;

async function take(file) {
  $('file-name').textContent = file.name;
  if (/\.xlsx$/i.test(file.name)) {
    const { readXlsx } = await import('/pkg/xlsx/index.js');
    given = { name: file.name, grid: await readXlsx(file) };
  } else {
    given = { name: file.name, grid: await file.text() };
  }
  await run();
}

function list(ul, findings) {
  ul.replaceChildren(
    ...findings.map((f) => {
      const li = document.createElement('li');
      const at = document.createElement('code');
      at.textContent = f.at;
      li.dataset.code = f.code;
      li.append(at, ' ', f.message.vi);
      return li;
    }),
  );
}

async function run() {
  if (!given) return;
  const status = $('status');
  try {
    const engine = await getEngine();
    const { report, sheet } = engine.evaluateSheet(given.grid, JSON.parse($('mapping').value), JSON.parse($('options').value));
    list($('skipped'), sheet.skipped);
    list($('guesses'), sheet.guesses);
    for (const el of [$('card'), $('chart'), $('overview')]) el.report = report;
    status.textContent = `${given.name}: ${sheet.observations} số liệu từ ${sheet.rows} dòng.`;
    document.body.dataset.state = 'ready';
  } catch (e) {
    status.textContent = `${e.code ?? 'ERROR'}: ${e.messageVi ?? e.message}`;
    list($('skipped'), []);
    list($('guesses'), []);
    document.body.dataset.state = 'error';
  }
}

$('file').addEventListener('change', () => {
  const file = $('file').files?.[0];
  if (file) take(file);
});
const drop = $('drop');
drop.addEventListener('dragover', (e) => e.preventDefault());
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  const file = e.dataTransfer?.files?.[0];
  if (file) take(file);
});
$('evaluate').addEventListener('click', run);
