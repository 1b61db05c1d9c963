// The widgets after the plan's deadline and across the 2025 reorganisation, in Chromium on a
// portal's static site (the package where npm puts it, the demo's strict CSP): cards that say
// a deadline-year figure is missing or that a unit ended (never as a verdict), ranks out of a
// changing field, figures after the deadline, the ramp chart's years summed from predecessors
// and series breaks, reused official codes, the overview's final review, its CSV download (the
// bytes Excel reads) and its print layout. Expected values come from the package run natively
// on the same files. Run on its own or through page.test.mjs.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, serveDir } from './browser.mjs';
import { checkReviewCsv } from './review-csv-check.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const read = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const merged = read('www/data/can-tho-merged-sample.json');
const reused = read('tests/fixtures/eval/reused_code_one_id_two_units.json');
const { Engine } = createRequire(import.meta.url)(join(root, 'pkg/cchc_progress_node.cjs'));
const engine = new Engine();
const M = engine.evaluate(merged);
const row = (report, indicator, unit, pick = () => true) => report.results.find((r) => r.indicator === indicator && r.unit === unit && pick(r));

/** Titles a spreadsheet would run as formulas, given to a rule pack's targets. */
const HOSTILE_TITLES = ['=HYPERLINK("http://example.invalid","x")', '+1+1', '-1+1', '@SUM(A1)', '\tcmd', 'An "ordinary", title'];

describe('widgets after the deadline and across the 2025 reorganisation', () => {
  let site;
  let server;
  let browser;
  let base;

  before(async () => {
    site = mkdtempSync(join(tmpdir(), 'cchc-review-'));
    cpSync(join(root, 'pkg'), join(site, 'node_modules/cchc-progress'), { recursive: true });
    mkdirSync(join(site, 'data'));
    cpSync(join(root, 'www/data/can-tho-merged-sample.json'), join(site, 'data/merged.json'));
    cpSync(join(root, 'www/data/can-tho-sample.json'), join(site, 'data/can-tho-sample.json'));
    writeFileSync(join(site, 'data/reused.json'), JSON.stringify(reused));
    const pack = read('tests/fixtures/packs/sample_province.json');
    pack.indicators.forEach((ind, i) => {
      ind.title = { vi: HOSTILE_TITLES[i % HOSTILE_TITLES.length], en: HOSTILE_TITLES[i % HOSTILE_TITLES.length] };
    });
    writeFileSync(join(site, 'data/hostile-pack.json'), JSON.stringify(pack));
    cpSync(join(here, 'fixtures/bare.html'), join(site, 'index.html'));
    server = await serveDir(site);
    base = `http://127.0.0.1:${server.address().port}`;
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  /** Opens the one-tag page, then adds `widgets` ([tag, attributes, input?]) and waits for them; returns the page. */
  async function mount(widgets, options = {}) {
    const { page, problems } = await openPage(browser, `${base}/`, options);
    await page.waitForSelector('cchc-progress-card[data-state="ready"]', { timeout: 20000 });
    await page.evaluate(async (list) => {
      document.querySelector('cchc-progress-card').remove();
      const made = list.map(([tag, attrs, input]) => {
        const el = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        if (input) el.input = input;
        document.body.append(el);
        return el;
      });
      await Promise.all(made.map((el) => el.updateComplete));
    }, widgets);
    return { page, problems };
  }

  /** What a card shows, by the parts a reader sees. */
  const readCard = (page, n = 0) =>
    page.evaluate((n) => {
      const c = document.querySelectorAll('cchc-progress-card')[n];
      const r = c.shadowRoot;
      const note = (k) => r.querySelector(`[data-note="${k}"]`);
      return {
        state: c.dataset.state,
        name: r.querySelector('.unit-name')?.textContent ?? null,
        status: r.querySelector('.badge')?.dataset.status ?? null,
        badges: [...r.querySelectorAll('.badge')].map((b) => b.dataset.status),
        trend: r.querySelector('.trend')?.textContent ?? null,
        figures: [...r.querySelectorAll('.figures > div')].map((d) => [d.querySelector('dt').textContent, d.querySelector('dd').textContent]),
        yearVerdict: r.querySelector('.verdict')?.textContent ?? null,
        notes: Object.fromEntries([...r.querySelectorAll('[data-note]')].map((p) => [p.dataset.note, p.textContent])),
        provisional: note('provisional')?.dataset.status ?? null,
        successors: [...(note('ended')?.querySelectorAll('bdi[data-unit]') ?? [])].map((b) => [b.dataset.unit, b.textContent]),
        period: r.querySelector('.period')?.textContent ?? null,
      };
    }, n);

  test('a reused official code: card, chart and overview show the unit valid at the as-of date, else the latest', async () => {
    const newer = row(engine.evaluate(reused), 'egov.work_records_online', '31150', (r) => r.validFrom === '2025-07-01');
    const atMay = engine.evaluate({ ...reused, asOf: '2025-05-31' });
    const older = row(atMay, 'egov.work_records_online', '31150', (r) => r.validTo === '2025-06-30');
    assert.ok(newer && older, 'the fixture has a row for each unit of the code');
    const { page, problems } = await mount([
      ['cchc-progress-card', { indicator: 'egov.work_records_online', unit: '31150', src: '/data/reused.json' }],
      ['cchc-progress-card', { indicator: 'egov.work_records_online', unit: '31150', src: '/data/reused.json', 'as-of': '2025-05-31' }],
      ['cchc-ramp-chart', { unit: '31150', indicator: 'egov.work_records_online', src: '/data/reused.json' }],
      ['cchc-overview', { unit: '31150', src: '/data/reused.json' }],
    ]);
    const [now, may] = [await readCard(page, 0), await readCard(page, 1)];
    assert.equal(now.name, 'Phường Ninh Kiều (mới)', 'after 1 July 2025 the code names the new ward');
    assert.equal(now.status, newer.status);
    assert.equal(now.figures[0][1], newer.display.vi);
    assert.equal(may.name, 'Phường Tân An', 'before, the old ward');
    assert.equal(may.status, older.status);
    const other = await page.evaluate(() => {
      const chart = document.querySelector('cchc-ramp-chart');
      const o = document.querySelector('cchc-overview');
      return {
        chart: chart.shadowRoot.querySelector('.heading').textContent,
        rows: [...o.shadowRoot.querySelectorAll('tr[data-indicator]')].map((tr) => [tr.dataset.indicator, tr.dataset.status]),
        heading: o.shadowRoot.querySelector('.heading').textContent,
        units: [o.units.get('31150').name, o.units.at('31150', '2025-06-30').name, o.units.at('31150', '2025-07-01').name, o.unitName('31150', '2024-12-31')],
      };
    });
    assert.match(other.chart, /Phường Ninh Kiều \(mới\)$/);
    assert.match(other.heading, /Phường Ninh Kiều \(mới\)$/);
    const expected = engine.evaluate(reused).results.filter((r) => r.unit === '31150' && r.validFrom === '2025-07-01').map((r) => [r.indicator, r.status]);
    assert.deepEqual(other.rows, expected, 'one row per target, the new ward’s, never both');
    assert.deepEqual(other.units, ['Phường Ninh Kiều (mới)', 'Phường Tân An', 'Phường Ninh Kiều (mới)', 'Phường Tân An']);
    // The district's overview in 2024 lists its wards short of the 2024 target: the code then
    // named the old ward (under the district), not the new one (under the city).
    const in2024 = { ...reused, asOf: '2024-12-31', observations: reused.observations.map((o) => (o.unit === '31150' && o.period === '2024' ? { ...o, numerator: 200 } : o)) };
    const summary = engine.evaluate(in2024).levelSummaries.find((x) => x.indicator === 'egov.work_records_online' && x.level === 'commune');
    assert.deepEqual([summary.year, summary.unitsShort], [2024, ['31150', '31153']]);
    const short = await page.evaluate(async (input) => {
      const o = document.createElement('cchc-overview');
      o.setAttribute('unit', 'nk');
      o.input = input;
      document.body.append(o);
      await o.updateComplete;
      return [...o.shadowRoot.querySelectorAll('details[data-indicator="egov.work_records_online"][data-level="commune"] li')].map((li) => [li.dataset.unit, li.textContent]);
    }, in2024);
    assert.deepEqual(short, [
      ['31150', 'Phường Tân An'],
      ['31153', 'Phường Thới Bình'],
    ]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('no figure of the deadline year: the card says so, shows the last figure and its year, and the provisional trend never as a verdict', async () => {
    const online = row(M, 'proc.online_l34', 'ct');
    const papi = row(M, 'rank.papi', 'ct');
    assert.equal(online.status, 'not_reported');
    assert.equal(online.provisional, 'on_track');
    assert.equal(papi.afterDeadline?.year, 2026);
    const { page, problems } = await mount([
      ['cchc-progress-card', { indicator: 'proc.online_l34', unit: 'ct', src: '/data/merged.json' }],
      ['cchc-progress-card', { indicator: 'rank.papi', unit: 'ct', src: '/data/merged.json' }],
      ['cchc-progress-card', { indicator: 'proc.online_l34', unit: 'ct', src: '/data/merged.json', locale: 'en' }],
    ]);
    const [vi, rank, en] = [await readCard(page, 0), await readCard(page, 1), await readCard(page, 2)];
    assert.equal(vi.status, 'not_reported');
    assert.deepEqual(vi.badges, ['not_reported'], 'the provisional trend is no badge');
    assert.equal(vi.trend, 'Chỉ tiêu năm 2025: ∅Chưa có số liệu năm hạn');
    assert.deepEqual(vi.figures.slice(0, 2), [
      ['Số liệu gần nhất (năm 2024)', '75,5\u00a0%'],
      ['Chỉ tiêu đến năm 2025', '≥ 80\u00a0%'],
    ]);
    assert.equal(vi.yearVerdict, null, 'an earlier figure is not judged met or not met');
    assert.equal(vi.notes['not-reported'], 'Chưa có số liệu năm 2025: không kết luận được là đạt hay không đạt.');
    assert.equal(vi.provisional, online.provisional);
    assert.equal(vi.notes.provisional, 'Xu hướng tạm tính theo số liệu năm 2024, không phải kết luận: ↗ Đúng tiến độ');
    assert.equal(en.notes.provisional, 'Provisional trend from the 2024 figure, not a verdict: ↗ On track');
    assert.equal(en.trend, '2025 target: ∅Not reported');
    // A figure after the deadline is shown as such, and the verdict stays not_reported.
    assert.equal(rank.status, 'not_reported');
    assert.equal(rank.notes['after-deadline'], 'Sau thời hạn (năm 2026): hạng 14/34 (đạt chỉ tiêu) — không tính vào kết quả đánh giá.');
    assert.match(rank.period, /^Số liệu được xét: kỳ năm 2024/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a unit that ended: its last figure and period, the requirement of that period, its last day and its successors', async () => {
    const ward = row(M, 'egov.work_records_online', 'nk.an_hoa');
    const district = row(M, 'proc.digitized_results', 'nk');
    assert.deepEqual([ward.status, ward.validTo, ward.successors], ['discontinued', '2025-06-30', ['nk.tan_an']]);
    assert.deepEqual([district.status, district.period, district.requirementYear], ['discontinued', '2025-H1', 2024]);
    const { page, problems } = await mount([
      ['cchc-progress-card', { indicator: 'egov.work_records_online', unit: 'nk.an_hoa', src: '/data/merged.json' }],
      ['cchc-progress-card', { indicator: 'proc.digitized_results', unit: 'nk', src: '/data/merged.json', locale: 'en' }],
    ]);
    const [w, d] = [await readCard(page, 0), await readCard(page, 1)];
    assert.equal(w.status, 'discontinued');
    assert.equal(w.trend, 'Chỉ tiêu năm 2025: ⊘Đơn vị đã ngừng hoạt động');
    assert.deepEqual(w.figures.slice(0, 2), [
      ['Số liệu cuối cùng (năm 2024)', ward.display.vi],
      ['Yêu cầu năm 2024', '≥ 60\u00a0% ✗ chưa đạt'],
    ]);
    assert.equal(w.figures.length, 3, 'no deadline target beside it: the unit never reached the deadline');
    // The successor took the old ward's (reused) code: named as the unit that began on 1 July 2025.
    assert.deepEqual(w.successors, [['nk.tan_an', 'Phường mới NK-1 (tên mẫu)']]);
    assert.equal(w.notes.ended, 'Đơn vị tồn tại đến hết ngày 30/06/2025. Đơn vị kế thừa: Phường mới NK-1 (tên mẫu).');
    // A district's first half of 2025 is held to the 2024 floor, and the card says which.
    assert.equal(d.status, 'discontinued');
    assert.deepEqual(d.figures.slice(0, 2), [
      ['Last figure (H1 2025)', district.display.en],
      ['2024 floor', '≥ 80% ✓ met'],
    ]);
    assert.equal(d.notes.ended, 'The unit existed until 30 June 2025.');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('ranks say what they were out of: hạng 17/34', async () => {
    const pci = row(M, 'rank.pci', 'ct');
    assert.equal(pci.outOf, 34);
    const { page, problems } = await mount([
      ['cchc-progress-card', { indicator: 'rank.pci', unit: 'ct', src: '/data/merged.json' }],
      ['cchc-progress-card', { indicator: 'rank.pci', unit: 'ct', src: '/data/merged.json', locale: 'en' }],
      ['cchc-overview', { unit: 'ct', src: '/data/merged.json' }],
    ]);
    assert.equal((await readCard(page, 0)).figures[0][1], 'hạng 17/34');
    assert.equal((await readCard(page, 1)).figures[0][1], 'rank 17/34');
    const cell = await page.evaluate(() => document.querySelector('cchc-overview').shadowRoot.querySelector('.review-rows tr[data-indicator="rank.pci"] td.num').firstChild.textContent);
    assert.equal(cell, 'hạng 17/34');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the ramp chart draws years summed from predecessors apart, says so in its legend and table, and marks a series break', async () => {
    const ward = row(M, 'proc.digitized_results', 'nk.tan_an', (r) => r.validFrom === '2025-07-01');
    const city = row(M, 'proc.digitized_results', 'ct');
    assert.deepEqual(city.method.seriesBreak, { before: 2024, after: 2025 });
    const pred = new Set(ward.series.filter((p) => p.basis === 'predecessors').map((p) => p.year));
    assert.deepEqual([...pred], [2022, 2023, 2024]);
    const { page, problems } = await mount([
      ['cchc-ramp-chart', { unit: 'nk.tan_an', src: '/data/merged.json' }],
      ['cchc-ramp-chart', { unit: 'ct', src: '/data/merged.json' }],
      ['cchc-ramp-chart', { level: 'commune', src: '/data/merged.json' }],
    ]);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('cchc-ramp-chart')].map((c) => {
        const r = c.shadowRoot;
        const plot = r.querySelector('svg.main');
        return {
          bands: plot.querySelectorAll('.pred-band').length,
          hollow: plot.querySelectorAll('.pred-mark').length,
          hollowBelow: plot.querySelectorAll('.below.pred').length,
          estimated: plot.querySelectorAll('.pred-mark.estimated, .below.pred.estimated').length,
          dashed: plot.querySelectorAll('path.pred-line').length,
          unitPred: plot.querySelectorAll('.unit-pred').length,
          solid: plot.querySelectorAll('.actual-mark').length,
          breaks: [...plot.querySelectorAll('.series-break')].map((g) => [Number(g.dataset.before), Number(g.dataset.after)]),
          legend: Object.fromEntries([...r.querySelectorAll('.legend li[data-legend]')].map((li) => [li.dataset.legend, li.textContent])),
          basis: [...r.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td.basis')?.textContent ?? null),
          desc: plot.querySelector('desc').textContent,
        };
      }),
    );
    const [w, c, level] = shown;
    const years = ward.rampYears.filter((y) => y.year <= 2025);
    assert.equal(w.bands, 1, 'one shaded band over 2022–2024');
    assert.equal(w.hollow, years.filter((y) => pred.has(y.year) && y.met !== false).length);
    assert.equal(w.hollowBelow, years.filter((y) => pred.has(y.year) && y.met === false).length);
    assert.equal(w.solid, 0, '2025 is below its floor: a triangle');
    assert.equal(w.dashed, 1);
    const estimated = new Set(ward.series.filter((p) => p.estimated).map((p) => p.year));
    assert.equal(w.estimated, years.filter((y) => estimated.has(y.year)).length, 'points estimated from a share have a dotted outline');
    assert.equal(w.legend.estimated, 'Thực tế: cộng từ các đơn vị trước sắp xếp, ước tính theo tỷ lệ');
    assert.equal(w.legend.predecessors, undefined, 'every summed year of this ward is estimated: one legend entry');
    assert.deepEqual(w.basis, ['cộng từ các đơn vị trước sắp xếp, ước tính theo tỷ lệ', 'cộng từ các đơn vị trước sắp xếp, ước tính theo tỷ lệ', 'cộng từ các đơn vị trước sắp xếp, ước tính theo tỷ lệ', '—']);
    assert.match(w.desc, /năm 2022 mức sàn 35\u00a0%, thực tế 33,2\u00a0% \(dưới mức sàn; cộng từ các đơn vị trước sắp xếp, ước tính theo tỷ lệ\)/);
    // The city: no predecessors, a break between 2024 and 2025.
    assert.equal(c.bands, 0);
    assert.deepEqual(c.breaks, [[2024, 2025]]);
    assert.equal(c.legend['series-break'], 'Địa bàn thay đổi (2024 → 2025)');
    assert.ok(c.desc.endsWith('Địa bàn thay đổi giữa năm 2024 và năm 2025: xu hướng so sánh hai địa bàn khác nhau.'), c.desc);
    assert.deepEqual(c.basis, [null, null, null, null], 'no source column without predecessors');
    // Every unit of a level: a new commune's years before it existed are hollow and not counted twice.
    const communes = M.results.filter((r) => r.indicator === 'proc.digitized_results' && r.level === 'commune');
    const hollowDots = communes.reduce((n, r) => n + (r.rampYears ?? []).filter((y) => y.year <= 2025 && y.value !== undefined && r.series.some((p) => p.year === y.year && p.basis === 'predecessors')).length, 0);
    assert.ok(hollowDots > 0);
    assert.equal(level.unitPred, hollowDots);
    assert.equal(level.legend.predecessors, 'Thực tế: cộng từ các đơn vị trước sắp xếp');
    const readout = await page.evaluate(async () => {
      const chart = document.querySelectorAll('cchc-ramp-chart')[2];
      chart.shadowRoot.querySelector('.hit[data-value="2024"]').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await chart.updateComplete;
      return chart.shadowRoot.querySelector('.readout').textContent;
    });
    const own2024 = communes.filter((r) => r.rampYears.some((y) => y.year === 2024 && y.value !== undefined) && !r.series.some((p) => p.year === 2024 && p.basis === 'predecessors'));
    const met2024 = own2024.filter((r) => r.rampYears.find((y) => y.year === 2024).met !== false).length;
    assert.equal(readout, `2024: mức sàn 75\u00a0% · Cấp xã: ${met2024}/${own2024.length} đơn vị đạt mức sàn năm 2024`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the overview shows the final review: each target and level with its clause, figure, requirement, verdict and units by verdict', async () => {
    const { page, problems } = await mount([
      ['cchc-overview', { unit: 'ct', src: '/data/merged.json' }],
      ['cchc-overview', { unit: 'ct', src: '/data/can-tho-sample.json' }],
      ['cchc-overview', { unit: 'nk.tan_an', src: '/data/merged.json' }],
      ['cchc-overview', { src: '/data/merged.json' }],
    ]);
    const [review, none, ward, unset] = await page.evaluate(() =>
      [...document.querySelectorAll('cchc-overview')].map((o) => {
        const box = o.shadowRoot.querySelector('section.review');
        if (!box) return null;
        return {
          heading: box.querySelector('.subheading').textContent,
          labelledBy: box.getAttribute('aria-labelledby') === box.querySelector('.subheading').id,
          cols: [...box.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent),
          rows: [...box.querySelectorAll('tbody tr')].map((tr) => ({
            key: [tr.dataset.indicator, tr.dataset.level, tr.dataset.verdict],
            head: tr.querySelector('th[scope="row"]').textContent,
            badge: tr.querySelector('.badge').dataset.status,
            cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
            rule: tr.querySelector('td.verdict .rule')?.textContent ?? null,
          })),
          counts: [...box.querySelectorAll('.counts li')].map((li) => [li.dataset.status, Number(li.dataset.count)]),
          button: box.querySelector('button[data-action="download-review"]')?.textContent ?? null,
        };
      }),
    );
    assert.equal(none, null, 'no review before the end of the plan’s period (the sample is as of 30 June 2025)');
    assert.equal(ward, null, 'the city’s review is not a ward’s overview');
    assert.deepEqual(unset?.rows.map((r) => r.key), review.rows.map((r) => r.key), 'without a unit, the overview is the city’s');
    assert.equal(review.heading, 'Tổng kết kế hoạch 2021–2025');
    assert.ok(review.labelledBy);
    assert.deepEqual(review.cols, ['Chỉ tiêu', 'Cấp', 'Số liệu năm hạn', 'Yêu cầu', 'Kết luận', 'Số đơn vị']);
    assert.deepEqual(
      review.rows.map((r) => r.key),
      M.review.rows.map((r) => [r.indicator, r.level, r.verdict]),
    );
    for (const [i, r] of review.rows.entries()) {
      assert.ok(r.head.endsWith(`Khoản ${M.review.rows[i].clause}`), r.head);
      assert.equal(r.badge, M.review.rows[i].verdict);
    }
    // Each row says the rule its verdict follows and who did not meet it, in the engine's words
    // (issue 25.4: "96,4 % ≥ 95 % ✗ Không đạt" read as a contradiction).
    for (const [i, r] of review.rows.entries()) assert.equal(r.rule, M.review.rows[i].rule.vi, r.key.join(' '));
    const communes = review.rows.find((r) => r.key[0] === 'proc.digitized_results' && r.key[1] === 'commune');
    assert.ok(communes.rule.startsWith('cần mọi đơn vị cấp xã đạt; 6/22 đơn vị cấp xã chưa đạt: '), communes.rule);
    assert.ok(communes.rule.endsWith(' và 1 đơn vị khác (không tính 36 đơn vị cấp xã đã chấm dứt trước thời hạn)'), communes.rule);
    assert.deepEqual(communes.cells, ['Xã', '96,4\u00a0%2025', '≥ 95\u00a0%', `✗Không đạt${communes.rule}`, '16 đạt, 6 không đạt, 36 đã ngừng trên 58 đơn vị']);
    const districts = review.rows.find((r) => r.key[0] === 'proc.digitized_results' && r.key[1] === 'district');
    assert.equal(districts.rule, 'Cấp huyện chấm dứt trước thời hạn (ngày 30/06/2025); số liệu cuối cùng: 9/9 đơn vị cấp huyện đạt');
    assert.deepEqual(districts.cells, ['Huyện', '97,3\u00a0%đến 30/06/2025', '≥ 80\u00a0%mức sàn năm 2024', `⊘Đơn vị đã ngừng hoạt động${districts.rule}`, '9 đã ngừng trên 9 đơn vị']);
    const c = M.review.counts;
    assert.deepEqual(
      review.counts,
      [
        ['missed', c.missed],
        ['not_reported', c.notReported],
        ['no_data', c.noData],
        ['discontinued', c.discontinued],
        ['met', c.met],
      ].filter(([, n]) => n > 0),
    );
    assert.equal(review.button, 'Tải bảng tổng kết (CSV)');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the review downloads as a CSV Excel opens: UTF-8 with BOM, CRLF, commas, quoted text, plain numbers, headers in the page’s language', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForSelector('cchc-progress-card[data-state="ready"]', { timeout: 20000 });
    await page.evaluate(async () => {
      for (const locale of ['vi', 'en']) {
        const o = document.createElement('cchc-overview');
        o.setAttribute('src', '/data/merged.json');
        o.setAttribute('unit', 'ct');
        o.setAttribute('locale', locale);
        document.body.append(o);
        await o.updateComplete;
      }
    });
    const files = {};
    for (const [n, locale] of [
      [0, 'vi'],
      [1, 'en'],
    ]) {
      const button = page.locator('cchc-overview').nth(n).locator('button[data-action="download-review"]');
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      files[locale] = { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
    }
    assert.equal(files.vi.name, 'tong-ket-cchc-2021-2025-2026-06-30.csv');
    assert.equal(files.en.name, 'cchc-review-2021-2025-2026-06-30.csv');
    const vi = checkReviewCsv(files.vi.bytes, 'vi');
    const en = checkReviewCsv(files.en.bytes, 'en');
    assert.equal(vi.length - 1, M.review.rows.length);
    assert.deepEqual(
      vi.slice(1).map((r) => [r[0].value, r[3].value, r[13].value]),
      M.review.rows.map((r) => [r.indicator, { city: 'Cấp thành phố', district: 'Cấp huyện', commune: 'Cấp xã' }[r.level], r.verdict]),
    );
    const find = (records, ind, level) => records.find((r) => r[0].value === ind && r[3].value === level).map((f) => f.value);
    assert.deepEqual(find(vi, 'proc.digitized_results', 'Cấp thành phố'), ['proc.digitized_results', 'II.2.c.2', 'Số hóa kết quả giải quyết TTHC còn hiệu lực', 'Cấp thành phố', '2025', '2025', '', '98,1', '%', '≥', '100', '', 'Không đạt', 'missed', '1', '0', '1', '0', '0', '0', 'Thành phố Cần Thơ chưa đạt']);
    // The last column says the rule and who did not meet it, in the file's language.
    assert.deepEqual(
      en.slice(1).map((r) => r[20].value),
      M.review.rows.map((r) => r.rule.en),
    );
    assert.ok(find(en, 'proc.digitized_results', 'Commune level')[20].startsWith('every commune must meet it; 6 of 22 communes did not: '));
    assert.deepEqual(find(en, 'proc.digitized_results', 'District level').slice(4, 14), ['2025', '2025', '2025-06-30', '97.32', '%', '≥', '80', '2024', 'Discontinued', 'discontinued']);
    assert.deepEqual(find(vi, 'rank.pci', 'Cấp thành phố').slice(7, 14), ['17', 'hạng', '≤', '15', '', 'Không đạt', 'missed']);
    assert.equal(find(en, 'proc.digitized_results', 'City level')[2], 'Valid procedure results digitized');
    // The decimal comma is inside quotes, so the comma delimiter never splits a number.
    assert.ok(vi.find((r) => r[7].value === '98,1')[7].quoted);
    // The widget's own method gives the same bytes.
    const text = await page.evaluate(() => document.querySelector('cchc-overview').reviewCsv());
    assert.deepEqual(Buffer.from(text, 'utf8'), files.vi.bytes);
    await context.close();
  });

  test('no cell of the review CSV runs as a formula, whatever the rule pack’s titles', async () => {
    const input = {
      asOf: '2031-03-31',
      units: [
        { id: 'p', name: 'Tỉnh Mẫu', level: 'city' },
        { id: 'x', name: 'Xã A', level: 'commune', parent: 'p' },
      ],
      observations: [
        { indicator: 'proc.online_full', unit: 'p', period: '2030', value: 80 },
        { indicator: 'digital.rank', unit: 'p', period: '2030', rank: 3 },
      ],
    };
    const { page, problems } = await mount([['cchc-overview', { unit: 'p', plan: '/data/hostile-pack.json', locale: 'en' }, input]]);
    const text = await page.evaluate(() => document.querySelector('cchc-overview').reviewCsv());
    const records = checkReviewCsv(Buffer.from(text, 'utf8'), 'en');
    const titles = new Set(records.slice(1).map((r) => r[2].value));
    const expected = new Set(HOSTILE_TITLES.map((t) => (/^[=+\-@\t]/.test(t) ? `'${t}` : t)));
    assert.deepEqual(titles, expected);
    assert.ok(text.includes('"\'=HYPERLINK(""http://example.invalid"",""x"")"'), 'quotes doubled inside the quoted, neutralized cell');
    assert.ok(text.includes('"An ""ordinary"", title"'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('printed, the overview has no controls, keeps its header (plan, as-of date, sample label) and lays the review out as a table at A4 width', async () => {
    const { page, problems } = await mount([['cchc-overview', { unit: 'ct', src: '/data/merged.json' }]], { viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ media: 'print' });
    // A4's printable width at 12 mm margins: 186 mm ≈ 703 CSS px.
    await page.setViewportSize({ width: 703, height: 1000 });
    const out = await page.evaluate(() => {
      const o = document.querySelector('cchc-overview');
      const r = o.shadowRoot;
      const shown = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
      const table = r.querySelector('.review-rows');
      const frame = r.querySelector('.frame').getBoundingClientRect();
      return {
        controls: [...r.querySelectorAll('button, .sort, .download')].filter(shown).length,
        heading: r.querySelector('.heading').textContent,
        meta: [...r.querySelectorAll('.overview > p.muted')].filter(shown).map((p) => p.textContent),
        table: getComputedStyle(table).display,
        thead: getComputedStyle(table.querySelector('thead')).display,
        widest: Math.max(...[...r.querySelectorAll('table, tr')].map((e) => e.getBoundingClientRect().right)) - frame.right,
        scroll: document.documentElement.scrollWidth,
      };
    });
    assert.equal(out.controls, 0, 'no button or sort control on paper');
    assert.equal(out.heading, 'Tiến độ cải cách hành chính – Thành phố Cần Thơ');
    assert.deepEqual(out.meta.slice(0, 2), ['Kế hoạch cải cách hành chính thành phố Cần Thơ giai đoạn 2021-2025 · Tính đến ngày 30/06/2026', merged.label]);
    assert.equal(out.table, 'table', 'a table, not the phone’s cards');
    assert.equal(out.thead, 'table-header-group', 'its header repeats on every page');
    assert.ok(out.widest <= 0.5, `the table fits the page (${out.widest.toFixed(1)} px over)`);
    assert.ok(out.scroll <= 703, `nothing wider than the page (${out.scroll} px)`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
