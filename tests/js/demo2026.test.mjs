// The demo page's third data set, `?data=2026`, in headless Chromium: the merged city's 2026 so
// far (invented answers of the national portal's 766 index, labelled as sample figures) on the
// 2026–2027 targets of the embedded plan `can-tho-2026-2030`, beside the merged city's 2025
// final review under the 2021–2025 plan, each under a heading that names its plan. Expected
// statuses come from the package run natively in Node on the same files.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../www/serve.mjs';
import { launch, openPage } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const shots = join(root, 'target', 'screenshots');
const { Engine } = createRequire(import.meta.url)(join(root, 'pkg/cchc_progress_node.cjs'));
const data = (file) => readFileSync(join(root, 'www/data', file), 'utf8');

// The 2026 targets on the 766 sample, as the widgets evaluate the manifest.
const { answers, ...options } = JSON.parse(data('can-tho-766-2026.json'));
const list = answers.map(({ file, ...a }) => ({ name: file, ...a, answer: data(file) }));
const next = Engine.embedded('can-tho-2026-2030').evaluatePortal766(list, options);
// The 2025 final review of the merged sample under the 2021–2025 plan.
const merged = new Engine().evaluate(JSON.parse(data('can-tho-merged-sample.json')));

describe('demo page, ?data=2026', () => {
  let server;
  let browser;
  let base;

  before(async () => {
    server = await serve(0);
    base = `http://127.0.0.1:${server.address().port}`;
    browser = await launch();
    mkdirSync(shots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  test('the 2026–2027 targets on the 766 sample beside the 2025 final review, both plans named, labelled as sample figures', async () => {
    const { page, problems } = await openPage(browser, `${base}/?data=2026`, { viewport: { width: 360, height: 900 } });
    await page.waitForFunction(
      () => document.body.dataset.ready === 'true' && [...document.querySelectorAll('#next-plan cchc-progress-card, #next-plan cchc-overview')].every((w) => w.dataset.state === 'ready'),
      null,
      { timeout: 20000 },
    );
    assert.equal(await page.inputValue('#dataset'), '2026');
    // The 2026–2030 plan's cards: the engine's statuses, the mapping's sentence where judged.
    const shown = await page.$$eval('#next-plan cchc-progress-card', (els) =>
      els.map((c) => ({ indicator: c.getAttribute('indicator'), unit: c.getAttribute('unit'), plan: c.getAttribute('plan'), status: c.shadowRoot.querySelector('.badge')?.dataset.status ?? null, text: c.shadowRoot.textContent })),
    );
    assert.deepEqual(
      shown.map((c) => [c.indicator, c.unit, c.plan]),
      [
        ['qd282.proc.full_online', 'ct', 'embedded:can-tho-2026-2030'],
        ['qd282.satisfaction', 'ct', 'embedded:can-tho-2026-2030'],
        ['qd282.satisfaction', 'ct.ninh_kieu', 'embedded:can-tho-2026-2030'],
      ],
    );
    for (const c of shown) {
      const r = next.results.filter((x) => x.indicator === c.indicator && x.unit === c.unit).at(-1);
      // No result row: the engine has no figure for the target (the portal's answer has none).
      assert.equal(c.status, r?.status ?? 'no_data', `${c.indicator} / ${c.unit}`);
    }
    assert.deepEqual(shown.map((c) => c.status), ['no_data', 'insufficient_data', 'met']);
    assert.ok(shown[1].text.includes('DOSSIER_RECEIVING_SATISFACTION'), 'the mapping is named on the card');
    // 282's satisfaction target is set for 2028–2030: a 2026 figure is compared with the target
    // by 2030, never called a requirement of 2026, which no plan sets.
    for (const c of shown.slice(1)) {
      assert.ok(c.text.includes('Chỉ tiêu đến năm 2030'), `${c.unit}: the target by 2030`);
      assert.ok(!c.text.includes('Yêu cầu năm'), `${c.unit}: no year's requirement`);
    }
    // Both plans named: the section headings and each overview's plan line.
    assert.match(await page.textContent('#next-heading'), /2026–2027.*282\/QĐ-TTg.*219\/KH-UBND/);
    assert.match(await page.textContent('#cards-heading'), /2021–2025: đánh giá cuối kỳ/);
    // The page's title says both plans, not the 2021–2025 plan alone.
    assert.equal(await page.textContent('h1'), 'Cải cách hành chính: tổng kết 2021–2025 và chỉ tiêu 2026–2030');
    const nextOverview = await page.$eval('#next-plan cchc-overview', (o) => o.shadowRoot.textContent);
    assert.ok(nextOverview.includes(next.plan.titles.vi), 'the 2026–2030 overview names its plan');
    // Its table too: the 2028–2030 target against a 2026 figure is required by 2030.
    const cell = await page.$eval('#next-plan cchc-overview', (o) => o.shadowRoot.querySelector('tr[data-indicator="qd282.satisfaction"] td[data-label="Yêu cầu"]')?.textContent);
    assert.equal(cell, '≥ 95\u00a0%đến năm 2030');
    assert.ok(nextOverview.includes(next.label), 'and carries the sample label');
    assert.match(next.label, /^SỐ LIỆU MẪU/);
    assert.match(await page.textContent('#next-plan p'), /^SỐ LIỆU MẪU/);
    // The 2025 final review of the merged sample, under the 2021–2025 plan.
    const review = await page.$eval('main > cchc-overview', (o) => ({
      text: o.shadowRoot.textContent,
      rows: [...o.shadowRoot.querySelectorAll('section.review tbody tr')].map((tr) => [tr.dataset.indicator, tr.dataset.level, tr.dataset.verdict]),
    }));
    assert.ok(review.text.includes(merged.plan.titles.vi));
    assert.deepEqual(review.rows, merged.review.rows.map((r) => [r.indicator, r.level, r.verdict]));
    assert.ok(review.rows.length > 0);
    assert.match(await page.textContent('#data-badge'), /^Số liệu mẫu$/);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 360, `the page is ${scrollWidth} px wide at 360 px`);
    await page.screenshot({ path: join(shots, 'playwright-2026-360.png'), fullPage: true });
    // English too.
    await page.click('.lang-switch button[data-lang="en"]');
    assert.match(await page.textContent('#next-heading'), /^The 2026–2027 targets/);
    await page.screenshot({ path: join(shots, 'playwright-2026-360-en.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('axe-core finds no serious or critical accessibility violation on ?data=2026 (vi 360 px, en 1280 px)', async () => {
    // axe is injected as an inline script, which the page's CSP refuses: this context only
    // bypasses CSP for the scan (as page.test.mjs does).
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/?data=2026`);
    await page.waitForFunction(
      () => document.body.dataset.ready === 'true' && [...document.querySelectorAll('#next-plan cchc-progress-card, #next-plan cchc-overview')].every((w) => w.dataset.state === 'ready'),
      null,
      { timeout: 20000 },
    );
    await page.addScriptTag({ path: join(here, 'node_modules/axe-core/axe.min.js') });
    const scan = () =>
      page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
      });
    assert.deepEqual(await scan(), [], 'Vietnamese, 360 px');
    await page.click('.lang-switch button[data-lang="en"]');
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(await scan(), [], 'English, 1280 px');
    await context.close();
  });
});
