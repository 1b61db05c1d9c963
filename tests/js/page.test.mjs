// The demo portal page in real headless Chromium, served exactly as `make demo` serves it
// (strict CSP included): the widgets on the Cần Thơ sample, the language switch, an editor's
// CSV and JSON files, hostile data, accessibility, and screenshots for review
// (target/screenshots/, git-ignored). Expected statuses come from the package itself,
// run natively in Node on the same sample file the page shows.
//
// The widget tests (widgets.test.mjs) are imported at the end, so `node tests/js/page.test.mjs`
// runs both; each file also runs on its own.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../www/serve.mjs';
import { launch, openPage } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const shots = join(root, 'target', 'screenshots');
const sample = JSON.parse(readFileSync(join(root, 'www/data/can-tho-sample.json'), 'utf8'));
const { Engine } = createRequire(import.meta.url)(join(root, 'pkg/cchc_progress_node.cjs'));
const engine = new Engine();
const native = engine.evaluate(sample);
// The second data set: the merged city as of 30 June 2026, past the plan's period (the review).
const merged = JSON.parse(readFileSync(join(root, 'www/data/can-tho-merged-sample.json'), 'utf8'));
const nativeMerged = engine.evaluate(merged);
// The widgets' one status table (most urgent first).
const { STATUS_ORDER } = await import(join(root, 'pkg/elements/i18n.js'));

/** What the cards show: indicator, unit, status code and status words. */
async function cards(page) {
  return page.$$eval('cchc-progress-card', (els) =>
    els.map((c) => ({
      indicator: c.getAttribute('indicator'),
      unit: c.getAttribute('unit'),
      state: c.dataset.state,
      status: c.shadowRoot.querySelector('.badge')?.dataset.status ?? null,
      label: c.shadowRoot.querySelector('.badge .label')?.textContent ?? null,
      value: c.shadowRoot.querySelector('.value')?.textContent ?? null,
      text: c.shadowRoot.textContent,
    })),
  );
}

async function ready(page, state = 'true') {
  await page.waitForSelector(`body[data-ready="${state}"]`, { timeout: 20000 });
}

describe('demo page', () => {
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

  test('the ramp table renders the schedule floors for every level and year', async () => {
    const { page, problems } = await openPage(browser, `${base}/`);
    await ready(page);
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

  test('the widgets show the statuses of the native report of the sample, marked as sample figures', async () => {
    const { page, problems } = await openPage(browser, `${base}/`);
    await ready(page);
    const shown = await cards(page);
    assert.equal(shown.length, 3);
    for (const c of shown) {
      const expected = native.results.find((r) => r.indicator === c.indicator && r.unit === c.unit);
      assert.ok(expected, `the sample has a result for ${c.indicator} / ${c.unit}`);
      assert.equal(c.state, 'ready');
      assert.equal(c.status, expected.status, `${c.indicator} / ${c.unit}`);
      assert.equal(c.value, expected.display.vi);
      assert.ok(c.text.includes(expected.explanation.vi), 'the card quotes the explanation with its clause');
    }
    // Known points of the sample, so a silent change in the engine or the sample is noticed.
    assert.deepEqual(
      shown.map((c) => c.status),
      ['on_track', 'needs_acceleration', 'met'],
    );
    assert.deepEqual(
      shown.map((c) => c.label),
      ['Đúng tiến độ', 'Cần đẩy nhanh', 'Đã đạt'],
    );
    // The overview lists every city result with its native status, grouped by area.
    const rows = await page.$eval('cchc-overview', (o) =>
      [...o.shadowRoot.querySelectorAll('tr[data-indicator]')].map((tr) => [tr.dataset.indicator, tr.dataset.status, tr.closest('[data-area]').dataset.area]),
    );
    const expected = native.results.filter((r) => r.unit === 'ct').map((r) => [r.indicator, r.status, r.area]);
    assert.deepEqual(rows, expected);
    // Districts short of a level requirement are listed by name.
    const short = native.levelSummaries.find((s) => s.indicator === 'egov.work_records_online' && s.level === 'district');
    const names = await page.$eval('cchc-overview', (o) =>
      [...o.shadowRoot.querySelectorAll('details[data-indicator="egov.work_records_online"][data-level="district"] li')].map((li) => li.textContent),
    );
    assert.deepEqual(names, short.unitsShort.map((id) => sample.units.find((u) => u.id === id).name));
    assert.match(await page.textContent('#data-banner'), /Số liệu mẫu/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const [path, what] of [
    ['/', 'the sample'],
    ['/?data=merged', 'the merged city and its review'],
  ]) test(`switching the language changes every label (${what})`, async () => {
    const { page, problems } = await openPage(browser, `${base}${path}`);
    await ready(page);
    // Labels: the page's translated texts and the widgets' own words (not the data's).
    const LABELS = '[data-i18n], dt, thead th, legend, button, .badge .label, caption, figcaption li, .period, .heading, summary > strong, #findings-summary';
    const gather = () =>
      page.evaluate((LABELS) => {
        const out = [];
        const walk = (node) => {
          for (const e of node.querySelectorAll('*')) {
            // The language buttons name each language in itself, in both modes.
            if (e.matches(LABELS) && !e.closest('.lang-switch')) out.push(e.textContent.trim());
            if (e.shadowRoot) walk(e.shadowRoot);
          }
        };
        walk(document);
        return out.filter((s) => s && !/^[\d\s.,%–-]+$/.test(s));
      }, LABELS);
    const vi = await gather();
    await page.click('.lang-switch button[data-lang="en"]');
    await page.waitForFunction(() => [...document.querySelectorAll('cchc-progress-card, cchc-ramp-chart, cchc-overview')].every((w) => w.shadowRoot.querySelector('[lang="en"]')));
    const en = await gather();
    assert.equal(en.length, vi.length);
    assert.ok(vi.length > 100, `enough labels checked (${vi.length})`);
    const unchanged = vi.filter((text, i) => en[i] === text);
    assert.deepEqual(unchanged, [], 'every label changes');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), 'Administrative reform progress – Cần Thơ');
    if (path === '/') assert.deepEqual((await cards(page)).map((c) => c.label), ['On track', 'Needs acceleration', 'Met']);
    else assert.deepEqual((await cards(page)).map((c) => c.label), ['Not reported', 'Not reported', 'Missed', 'Discontinued']);
    assert.equal(await page.getAttribute('.lang-switch button[data-lang="en"]', 'aria-pressed'), 'true');
    // And back.
    await page.click('.lang-switch button[data-lang="vi"]');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    assert.deepEqual(await gather(), vi);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the as-of selector re-evaluates every widget at that date', async () => {
    const { page, problems } = await openPage(browser, `${base}/`);
    await ready(page);
    await page.selectOption('#as-of', '2023-12-31');
    await page.waitForFunction(() => [...document.querySelectorAll('cchc-progress-card')].every((c) => c.getAttribute('as-of') === '2023-12-31' && c.dataset.state === 'ready'));
    await ready(page);
    const at2023 = engine.evaluate({ ...sample, asOf: '2023-12-31' });
    for (const c of await cards(page)) {
      const expected = at2023.results.find((r) => r.indicator === c.indicator && r.unit === c.unit);
      assert.equal(c.status, expected.status, `${c.indicator} / ${c.unit} at 2023-12-31`);
      assert.equal(c.value, expected.display.vi);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('loading a CSV export updates the widgets and lists the data-quality findings', async () => {
    const { page, problems } = await openPage(browser, `${base}/`);
    await ready(page);
    const csvPath = join(here, 'fixtures/editor-export.csv');
    await page.setInputFiles('#file', csvPath);
    await page.waitForFunction(() => document.getElementById('data-banner').dataset.source === 'file' && document.body.dataset.ready === 'true');
    const { observations, ...options } = sample;
    void observations;
    const expected = engine.evaluateCsv(readFileSync(csvPath, 'utf8'), { asOf: sample.asOf, label: 'editor-export.csv', units: options.units });
    for (const c of await cards(page)) {
      const r = expected.results.find((x) => x.indicator === c.indicator && x.unit === c.unit);
      assert.equal(c.status, r.status, `${c.indicator} / ${c.unit} from the CSV`);
      assert.equal(c.value, r.display.vi);
    }
    assert.equal((await cards(page))[0].value, '87,5\u00a0%');
    const findings = await page.$$eval('#findings-list li[data-code]', (lis) => lis.map((li) => li.dataset.code));
    assert.deepEqual(findings, expected.findings.map((f) => f.code));
    assert.ok(findings.includes('numerator_above_denominator'));
    assert.match(await page.textContent('#data-banner'), /editor-export\.csv/);
    // Back to the sample.
    await page.click('#reset');
    await page.waitForFunction(() => document.getElementById('data-banner').dataset.source === 'sample' && document.body.dataset.ready === 'true');
    await page.waitForFunction(() => document.querySelector('cchc-progress-card').dataset.state === 'ready');
    assert.equal((await cards(page))[0].status, native.results.find((r) => r.indicator === 'proc.online_l34' && r.unit === 'ct').status);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a JSON file with structural errors shows every structured error, and the page recovers', async () => {
    const { page, problems } = await openPage(browser, `${base}/`);
    await ready(page);
    const bad = readFileSync(join(root, 'tests/fixtures/eval/errors/every_structural_problem_at_once.json'));
    let thrown;
    try {
      engine.evaluate(JSON.parse(bad.toString()));
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown?.errors?.length > 1, 'the fixture has several structural errors');
    await page.setInputFiles('#file', { name: 'broken.json', mimeType: 'application/json', buffer: bad });
    await ready(page, 'error');
    const codes = await page.$$eval('#errors li', (lis) => lis.map((li) => li.dataset.code));
    assert.deepEqual(codes, thrown.errors.map((e) => e.code));
    assert.equal(await page.isVisible('#errors'), true);
    assert.equal(await page.getAttribute('#errors', 'role'), 'alert');
    const states = await page.$$eval('cchc-progress-card, cchc-ramp-chart, cchc-overview', (ws) => ws.map((w) => w.dataset.state));
    assert.ok(states.every((s) => s === 'error'), `widgets show the error (${states})`);
    // The messages follow the language.
    await page.click('.lang-switch button[data-lang="en"]');
    assert.ok((await page.textContent('#errors')).includes(thrown.errors[0].message.en));
    await page.click('#reset');
    await ready(page);
    assert.equal(await page.isVisible('#errors'), false);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('hostile data renders as inert text and the page stays usable', async () => {
    const { page, problems } = await openPage(browser, `${base}/`);
    await ready(page);
    const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const long = 'Dài'.repeat(3334).slice(0, 10000);
    const hostile = {
      asOf: '2024-12-31',
      label: long,
      units: [
        { id: 'ct', name: attack, level: 'city' },
        { id: 'nk', name: long, level: 'district', parent: 'ct' },
      ],
      observations: [
        { indicator: 'proc.online_l34', unit: 'ct', period: '2022', numerator: 1500, denominator: 3000 },
        { indicator: 'proc.online_l34', unit: 'ct', period: '2024', numerator: 2300, denominator: 3000 },
        { indicator: 'egov.work_records_online', unit: 'nk', period: '2024', numerator: 900, denominator: 1000 },
        { indicator: attack, unit: attack, period: '2024', value: 50 },
      ],
    };
    await page.setInputFiles('#file', { name: `${attack}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
    await page.waitForFunction(() => document.getElementById('data-banner').dataset.source === 'file' && document.body.dataset.ready === 'true');
    const result = await page.evaluate(() => {
      const imgs = [];
      const scripts = [];
      const walk = (node) => {
        for (const e of node.querySelectorAll('*')) {
          if (e.tagName === 'IMG') imgs.push(e);
          if (e.tagName === 'SCRIPT' && !e.src) scripts.push(e);
          if (e.shadowRoot) walk(e.shadowRoot);
        }
      };
      walk(document);
      const card = document.querySelector('cchc-progress-card');
      return {
        imgs: imgs.length,
        inlineScripts: scripts.length,
        pwned: window.__pwned ?? null,
        cardUnit: card.shadowRoot.querySelector('.unit-name')?.textContent,
        findings: document.getElementById('findings-list').textContent,
        banner: document.getElementById('data-banner').textContent,
        width: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      };
    });
    assert.equal(result.imgs, 0, 'no img element was created');
    assert.equal(result.inlineScripts, 0, 'no script element was created');
    assert.equal(result.pwned, null, 'no injected script ran');
    assert.equal(result.cardUnit, attack, 'the unit name is shown literally');
    assert.ok(result.findings.includes(attack), 'the finding quotes the bad indicator as text');
    assert.ok(result.banner.includes(`${attack}.json`), 'the file name is shown as text');
    assert.ok(result.width <= result.viewport, `the 10 000-character name wraps (page ${result.width} px wide)`);
    const third = (await cards(page))[2];
    assert.ok(third.text.includes(long), 'the 10 000-character unit name is there in full');
    // Still usable: the language switch and the sort work.
    await page.click('.lang-switch button[data-lang="en"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.locator('cchc-overview button[data-sort="status"]').click();
    assert.equal(await page.locator('cchc-overview button[data-sort="status"]').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the page runs under the strict CSP: no violation, no inline style, no request off the origin', async () => {
    const { page, problems } = await openPage(browser, `${base}/`);
    await ready(page);
    const csp = (await page.request.get(`${base}/`)).headers()['content-security-policy'];
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /style-src 'self'(;|$)/);
    const inline = await page.evaluate(() => {
      let n = 0;
      const walk = (node) => {
        for (const e of node.querySelectorAll('*')) {
          if (e.hasAttribute('style') || e.tagName === 'STYLE' || [...e.attributes].some((a) => a.name.startsWith('on'))) n += 1;
          if (e.shadowRoot) walk(e.shadowRoot);
        }
      };
      walk(document);
      return n;
    });
    assert.equal(inline, 0);
    // Switch language and sort, so the checks cover re-rendering too.
    await page.click('.lang-switch button[data-lang="en"]');
    await page.locator('cchc-overview button[data-sort="gap"]').click();
    await page.waitForTimeout(100);
    assert.deepEqual(problems, [], 'console errors, CSP violations, failed or off-origin requests');
    await page.close();
  });

  test('the sort buttons work from the keyboard and keep the focus', async () => {
    const { page, problems } = await openPage(browser, `${base}/`);
    await ready(page);
    const button = page.locator('cchc-overview button[data-sort="status"]');
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.querySelector('cchc-overview').shadowRoot.activeElement?.dataset.sort), 'status');
    const order = STATUS_ORDER;
    const areas = await page.$eval('cchc-overview', (o) =>
      [...o.shadowRoot.querySelectorAll('[data-area]')].map((a) => [...a.querySelectorAll('tr[data-status]')].map((tr) => tr.dataset.status)),
    );
    for (const statuses of areas) {
      const ranks = statuses.map((s) => order.indexOf(s));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `sorted worst first: ${statuses}`);
    }
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('cchc-overview').shadowRoot.activeElement?.dataset.sort), 'gap');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('axe-core finds no serious or critical accessibility violation (vi and en, desktop and 360 px)', async () => {
    // axe is injected as an inline script, which the page's CSP rightly refuses: this one
    // context bypasses CSP for the scan only (the CSP test above runs without it).
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await ready(page);
    await page.addScriptTag({ path: join(here, 'node_modules/axe-core/axe.min.js') });
    const scan = () =>
      page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
      });
    assert.deepEqual(await scan(), [], 'Vietnamese, 1280 px');
    await page.click('.lang-switch button[data-lang="en"]');
    await page.setViewportSize({ width: 360, height: 800 });
    assert.deepEqual(await scan(), [], 'English, 360 px');
    // The merged city: the review's table and cards, the notes of the cards, the chart's bands.
    await page.selectOption('#dataset', 'merged');
    await page.waitForFunction(() => document.querySelector('cchc-overview').shadowRoot.querySelector('section.review') && document.body.dataset.ready === 'true');
    assert.deepEqual(await scan(), [], 'merged city, English, 360 px');
    await page.click('.lang-switch button[data-lang="vi"]');
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(await scan(), [], 'merged city, Vietnamese, 1280 px');
    await context.close();
  });

  test('a control switches to the merged city (as of 30 June 2026), labelled as sample figures; its cards, charts and review are the native report', async () => {
    const { page, problems } = await openPage(browser, `${base}/`);
    await ready(page);
    assert.equal(await page.inputValue('#dataset'), 'sample');
    assert.equal(await page.textContent('label[for="dataset"]'), 'Bộ số liệu mẫu');
    await page.selectOption('#dataset', 'merged');
    await page.waitForFunction(() => document.querySelectorAll('cchc-progress-card').length === 4 && document.body.dataset.ready === 'true');
    assert.match(page.url(), /\?data=merged$/, 'the address says which data set (shareable)');
    const shown = await cards(page);
    assert.deepEqual(
      shown.map((c) => [c.indicator, c.unit, c.state, c.status]),
      [
        ['proc.online_l34', 'ct', 'ready', 'not_reported'],
        ['rank.papi', 'ct', 'ready', 'not_reported'],
        ['proc.digitized_results', 'nk.tan_an', 'ready', 'missed'],
        ['egov.work_records_online', 'nk.an_hoa', 'ready', 'discontinued'],
      ],
    );
    for (const c of shown) {
      // nk.tan_an is a reused code: the card shows the new ward's row (valid at the as-of date).
      const r = nativeMerged.results.filter((x) => x.indicator === c.indicator && x.unit === c.unit).at(-1);
      assert.equal(c.status, r.status, `${c.indicator} / ${c.unit}`);
      assert.ok(c.text.includes(r.explanation.vi), `${c.indicator} / ${c.unit}: the explanation`);
    }
    // Labelled as sample figures, the new units' names as invented.
    assert.match(await page.textContent('#data-badge'), /^Số liệu mẫu$/);
    assert.match(await page.textContent('#data-note'), /tên các đơn vị mới là tên mẫu, không phải tên chính thức/);
    const overview = await page.$eval('cchc-overview', (o) => ({
      label: o.shadowRoot.querySelector('.label-line')?.textContent,
      review: [...o.shadowRoot.querySelectorAll('section.review tbody tr')].map((tr) => [tr.dataset.indicator, tr.dataset.level, tr.dataset.verdict]),
      rules: [...o.shadowRoot.querySelectorAll('section.review tbody tr')].map((tr) => tr.querySelector('td.verdict .rule')?.textContent ?? null),
      rows: [...o.shadowRoot.querySelectorAll('tr[data-status]')].map((tr) => [tr.dataset.indicator, tr.dataset.status]),
    }));
    assert.equal(overview.label, merged.label);
    assert.match(merged.label, /^SAMPLE FIGURES/);
    assert.deepEqual(overview.review, nativeMerged.review.rows.map((r) => [r.indicator, r.level, r.verdict]));
    // Each review row says, beside its verdict, the rule and who did not meet it (issue 25.4).
    assert.deepEqual(overview.rules, nativeMerged.review.rows.map((r) => r.rule.vi));
    assert.ok(overview.rules.some((t) => /^cần mọi đơn vị cấp xã đạt; \d+\/22 đơn vị cấp xã chưa đạt: /.test(t)));
    assert.deepEqual(overview.rows, nativeMerged.results.filter((r) => r.unit === 'ct').map((r) => [r.indicator, r.status]));
    const charts = await page.$$eval('cchc-ramp-chart', (cs) => cs.map((c) => [c.getAttribute('unit'), c.shadowRoot.querySelectorAll('svg.main .pred-band').length, c.shadowRoot.querySelectorAll('svg.main .series-break').length]));
    assert.deepEqual(charts, [
      ['ct', 0, 1],
      ['nk.tan_an', 1, 0],
    ]);
    // The as-of selector names the data's own date; the findings are the merged report's.
    assert.match(await page.textContent('#as-of option[value=""]'), /30\/06\/2026/);
    assert.deepEqual(await page.$$eval('#findings-list li[data-code]', (lis) => lis.map((li) => li.dataset.code)), nativeMerged.findings.slice(0, 200).map((f) => f.code));
    // Opened by its address, and back.
    const again = await openPage(browser, `${base}/?data=merged`);
    await ready(again.page);
    assert.equal(await again.page.inputValue('#dataset'), 'merged');
    assert.equal((await cards(again.page)).length, 4);
    assert.deepEqual(again.problems, []);
    await again.page.close();
    await page.selectOption('#dataset', 'sample');
    await page.waitForFunction(() => document.querySelectorAll('cchc-progress-card').length === 3 && document.body.dataset.ready === 'true');
    assert.deepEqual((await cards(page)).map((c) => c.status), ['on_track', 'needs_acceleration', 'met']);
    assert.equal(await page.$eval('cchc-overview', (o) => o.shadowRoot.querySelector('section.review')), null);
    assert.match(page.url(), /\/$/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('printed (A4): the plan and the as-of date under the title, the sample label, no controls; the PDF is A4 from the page’s own @page rule', async () => {
    const { page, problems } = await openPage(browser, `${base}/?data=merged`, { viewport: { width: 1280, height: 900 } });
    await ready(page);
    await page.emulateMedia({ media: 'print' });
    const out = await page.evaluate(() => {
      const shown = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
      const controls = [];
      const walk = (root) => {
        for (const e of root.querySelectorAll('button, select, input, fieldset.sort, .lang-switch, .controls')) if (shown(e)) controls.push(e.localName + (e.className ? `.${e.className}` : ''));
        for (const e of root.querySelectorAll('*')) if (e.shadowRoot) walk(e.shadowRoot);
      };
      walk(document);
      return {
        controls,
        meta: shown(document.getElementById('print-meta')) ? document.getElementById('print-meta').textContent : null,
        banner: shown(document.getElementById('data-banner')) ? document.getElementById('data-banner').textContent.trim() : null,
        overviewFirst: getComputedStyle(document.querySelector('cchc-overview')).breakBefore,
      };
    });
    assert.deepEqual(out.controls, [], 'nothing to press on paper');
    assert.equal(out.meta, 'Kế hoạch cải cách hành chính thành phố Cần Thơ giai đoạn 2021-2025 · Tính đến ngày 30/06/2026');
    assert.match(out.banner, /^Số liệu mẫu/);
    assert.equal(out.overviewFirst, 'page', 'the overview and its review start on a page of their own');
    // The PDF Chromium prints: A4 because the page asks for it (`preferCSSPageSize`; the
    // default would be US Letter, 612 × 792 pt).
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const text = pdf.toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.ok(boxes.length >= 2 && boxes.length < 40, `${boxes.length} pages`);
    for (const [w, h] of boxes) assert.ok(Math.abs(w - 595.3) < 1.5 && Math.abs(h - 841.9) < 1.5, `A4 page (${w} × ${h} pt)`);
    const file = join(shots, 'playwright-merged-print.pdf');
    writeFileSync(file, pdf);
    // For looking at it: each page as a picture, where poppler's pdftoppm is installed.
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('pdftoppm', ['-r', '60', '-png', file, join(shots, 'playwright-merged-print')]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('screenshots at 1280 and 360 px; nothing overflows the 360 px screen', async () => {
    for (const [width, name, path] of [
      [1280, 'playwright-demo-1280', '/'],
      [360, 'playwright-demo-360', '/'],
      [1280, 'playwright-merged-1280', '/?data=merged'],
      [360, 'playwright-merged-360', '/?data=merged'],
    ]) {
      const { page, problems } = await openPage(browser, `${base}${path}`, { viewport: { width, height: 900 } });
      await ready(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `${name}: page is ${scrollWidth} px wide`);
      for (const file of [`${name}.png`]) await page.screenshot({ path: join(shots, file), fullPage: true });
      await page.click('.lang-switch button[data-lang="en"]');
      await page.screenshot({ path: join(shots, `${name}-en.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(shots, `${name}-print.png`), fullPage: true });
      assert.ok(statSync(join(shots, `${name}.png`)).size > 10000);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });
});

await import('./widgets.test.mjs');
await import('./review.test.mjs');
await import('./xlsx-page.test.mjs');
await import('./table-downloads.test.mjs');
