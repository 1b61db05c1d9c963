// The demo portal page in real headless Chromium, served exactly as `make demo` serves it
// (strict CSP included).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../www/serve.mjs';
import { launch, openPage } from './browser.mjs';

let server;
let browser;
let base;

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the ramp table renders the schedule floors for every level and year', async () => {
  const { page, problems } = await openPage(browser, `${base}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  const rows = await page.$$eval('#ramp-table tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.level, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]),
  );
  assert.deepEqual(rows, [
    ['city', '50', '70', '90', '100'],
    ['district', '40', '60', '80', '100'],
    ['commune', '35', '55', '75', '95'],
  ]);
  assert.deepEqual(problems, []);
  await page.close();
});
