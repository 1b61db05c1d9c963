// The demo portal page. It loads the engine from the assembled package (served at /pkg/)
// and renders with DOM text nodes only: nothing from data is ever parsed as HTML.

import init, { Engine } from '/pkg/cchc_progress.js';

const LEVELS = [
  ['city', 'Cấp thành phố'],
  ['district', 'Cấp huyện'],
  ['commune', 'Cấp xã'],
];
const YEARS = [2022, 2023, 2024, 2025];

function cell(tag, text, attrs = {}) {
  const el = document.createElement(tag);
  el.textContent = text;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

async function main() {
  await init();
  const engine = new Engine();
  const table = document.getElementById('ramp-table');
  const headRow = table.querySelector('thead tr');
  for (const year of YEARS) headRow.append(cell('th', String(year), { scope: 'col' }));
  const body = table.querySelector('tbody');
  for (const [level, name] of LEVELS) {
    const row = document.createElement('tr');
    row.dataset.level = level;
    row.append(cell('th', name, { scope: 'row' }));
    for (const year of YEARS) {
      const floor = engine.ramp(level, year);
      const td = cell('td', new Intl.NumberFormat('vi-VN').format(floor.floor));
      td.dataset.year = String(year);
      td.title = floor.explanation.vi;
      row.append(td);
    }
    body.append(row);
  }
  document.getElementById('status').textContent = '';
  document.body.dataset.ready = 'true';
}

main().catch((err) => {
  document.getElementById('status').textContent = `Không tải được công cụ: ${err.message}`;
  document.body.dataset.ready = 'error';
});
