// "Write a plan" (www/author.html) in real headless Chromium, served as `make demo` serves it
// (strict CSP): a plan owner builds a three-target plan with a phase from scratch through the form, sees the
// engine's error beside the field it concerns (a percentage target of 120) and in the list at
// the top, fixes it, previews the widgets, saves the pack (the download is parsed), reloads
// (the draft is still there), loads the saved file and sees the same report as the package
// gives natively in Node. The embedded 2021–2025 plan loaded and saved unchanged evaluates to
// the same report byte for byte. No console error, CSP violation or off-origin request.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../www/serve.mjs';
import { launch, openPage } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const shots = join(root, 'target', 'screenshots');
const { Engine } = createRequire(import.meta.url)(join(root, 'pkg/cchc_progress_node.cjs'));
const sample = JSON.parse(readFileSync(join(root, 'www/data/can-tho-sample.json'), 'utf8'));

let server;
let browser;
let base;
let dir;

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'cchc-author-'));
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(query = '', options = {}) {
  const opened = await openPage(browser, `${base}/author.html${query}`, options);
  await opened.page.waitForSelector('body[data-ready="idle"]', { timeout: 30000 });
  return opened;
}

/** Waits for the validation of what was typed: `true` (valid) or `false`. */
async function settled(page, valid) {
  await page.waitForSelector(`body[data-valid="${valid}"]`, { timeout: 30000 });
}

/** Waits for the preview's widgets to be rendered. */
async function previewed(page) {
  await page.waitForSelector('body[data-valid="true"][data-preview="ready"]', { timeout: 30000 });
  return page.$$eval('#preview cchc-progress-card, #preview cchc-ramp-chart, #preview cchc-overview', (els) =>
    els.map((w) => ({ tag: w.localName, indicator: w.getAttribute('indicator'), state: w.dataset.state, status: w.shadowRoot.querySelector('.badge')?.dataset.status ?? null })),
  );
}

/** Saves through the page's button; the downloaded file, parsed, and where it is. */
async function saveFile(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename(), pack: JSON.parse(readFileSync(path, 'utf8')) };
}

async function fill(page, id, value) {
  await page.fill(`#${id}`, String(value));
}

/** Each card's status is its indicator's headline row (the city) in `report`. */
function sameStatuses(shown, report) {
  for (const w of shown.filter((x) => x.tag === 'cchc-progress-card')) {
    const row = report.results.find((r) => r.indicator === w.indicator && r.headline);
    assert.ok(row, `${w.indicator} has a headline row`);
    assert.equal(w.status, row.status, w.indicator);
  }
}

describe('write a plan', () => {
  test('a three-target plan from scratch: a field error beside its field, fixed, previewed, saved, kept over a reload, loaded again', async () => {
    const { page, problems } = await open('', { viewport: { width: 1280, height: 900 } });
    await page.click('#start-new');
    await fill(page, 'f-plan-id', 'thu-nghiem-2021-2025');
    await fill(page, 'f-plan-title-vi', 'Kế hoạch thử nghiệm');
    await fill(page, 'f-plan-title-en', 'A trial plan');
    await fill(page, 'f-plan-issuer-vi', 'UBND thành phố thử nghiệm');
    await fill(page, 'f-plan-issuer-en', 'Trial city People’s Committee');
    await fill(page, 'f-plan-decision-number', '1/KH-UBND');
    await fill(page, 'f-plan-decision-date', '2021-01-15');
    await fill(page, 'f-plan-period-from', 2021);
    await fill(page, 'f-plan-period-to', 2025);
    await page.click('#add-areas');
    await fill(page, 'f-areas-0-id', 'tthc');
    await fill(page, 'f-areas-0-clause', 'II.1');
    await fill(page, 'f-areas-0-title-vi', 'Thủ tục hành chính');
    await fill(page, 'f-areas-0-title-en', 'Administrative procedures');
    // One phase (format 2): the third target falls due at its last year.
    await page.click('#add-phases');
    await fill(page, 'f-phases-0-id', 'gd-2021-2025');
    await fill(page, 'f-phases-0-from', 2021);
    await fill(page, 'f-phases-0-to', 2025);
    await fill(page, 'f-phases-0-title-vi', 'Giai đoạn 2021–2025');
    await fill(page, 'f-phases-0-title-en', '2021–2025');
    const targets = [
      { id: 'proc.online_l34', vi: 'Hồ sơ trực tuyến mức 3, 4', en: 'Dossiers online, levels 3 and 4', target: 120, levels: ['city', 'district', 'commune'] },
      { id: 'rank.pci', vi: 'Xếp hạng PCI', en: 'PCI ranking', target: 15, rank: true },
      { id: 'proc.satisfaction', vi: 'Mức độ hài lòng', en: 'Satisfaction', target: 90, levels: ['city', 'district', 'commune'], phase: 'gd-2021-2025' },
    ];
    for (const [i, t] of targets.entries()) {
      await page.click('#add-indicators');
      const f = `f-indicators-${i}`;
      await fill(page, `${f}-id`, t.id);
      await page.selectOption(`#${f}-area`, 'tthc');
      await fill(page, `${f}-clause`, `II.1.${i + 1}`);
      await fill(page, `${f}-title-vi`, t.vi);
      await fill(page, `${f}-title-en`, t.en);
      if (t.rank) {
        await page.selectOption(`#${f}-measure`, 'rank');
        await page.selectOption(`#${f}-direction`, 'lower_is_better');
        await page.selectOption(`#${f}-comparator`, 'lte');
        await page.selectOption(`#${f}-aggregation`, 'none');
        await fill(page, `${f}-rankOutOf`, 63);
      }
      for (const level of t.levels ?? []) await page.check(`#${f}-levels-${level}`);
      await fill(page, `${f}-target`, t.target);
      if (t.phase) await page.selectOption(`#${f}-phase`, t.phase);
      else await fill(page, `${f}-deadline`, 2025);
    }
    // The percentage target of 120: the engine's error beside "Mục tiêu" of target 1, and in the list.
    await settled(page, 'false');
    const error = page.locator('#f-indicators-0-target-error');
    await error.waitFor({ state: 'visible' });
    assert.equal(await error.locator('.message').getAttribute('data-code'), 'RULE_PACK_TARGET_OUT_OF_RANGE');
    assert.match(await error.textContent(), /chỉ tiêu thứ 1, ô «Mục tiêu»/u);
    assert.equal(await page.getAttribute('#f-indicators-0-target', 'aria-invalid'), 'true');
    const listed = await page.$$eval('#problem-list li', (lis) => lis.map((li) => [li.dataset.code, li.dataset.path, li.querySelector('a')?.getAttribute('href')]));
    assert.deepEqual(listed, [['RULE_PACK_TARGET_OUT_OF_RANGE', '$.indicators[0].target', '#f-indicators-0-target']]);
    assert.equal(await page.isVisible('#problems'), true);
    // In English, the same error in English beside the same field.
    await page.click('.lang-switch button[data-lang="en"]');
    await settled(page, 'false');
    assert.match(await page.textContent('#f-indicators-0-target-error'), /target 1, field “Target”/u);
    assert.equal(await page.textContent('label[for="f-indicators-0-target"]'), 'Target');
    await page.screenshot({ path: join(shots, 'author-error-en-1280.png'), fullPage: true });
    await page.click('.lang-switch button[data-lang="vi"]');

    // Fixed: no error left, the preview's widgets are ready.
    await fill(page, 'f-indicators-0-target', 95);
    await settled(page, 'true');
    assert.equal(await page.isVisible('#f-indicators-0-target-error'), false);
    assert.equal(await page.isVisible('#problems'), false);
    const shown = await previewed(page);
    assert.deepEqual(shown.map((w) => [w.tag, w.indicator]), [...targets.map((t) => ['cchc-progress-card', t.id]), ['cchc-overview', null]]);
    for (const w of shown) assert.equal(w.state, 'ready', `${w.tag} ${w.indicator ?? ''}`);

    // Saved: the file is the pack the form shows, and the engine reads it back.
    const saved = await saveFile(page);
    assert.equal(saved.name, 'thu-nghiem-2021-2025.json');
    assert.deepEqual(saved.pack, JSON.parse(await page.textContent('#json')));
    assert.deepEqual(saved.pack.indicators.map((i) => [i.id, i.target, i.levels]), [
      ['proc.online_l34', 95, ['city', 'district', 'commune']],
      ['rank.pci', 15, ['city']],
      ['proc.satisfaction', 90, ['city', 'district', 'commune']],
    ]);
    assert.equal(saved.pack.indicators[2].phase, 'gd-2021-2025');
    assert.equal(saved.pack.indicators[2].deadline, undefined);
    assert.equal(Engine.fromPlan(saved.pack).indicators()[2].deadline, 2025);
    const report = Engine.fromPlan(saved.pack).evaluate({ ...sample, locale: 'vi' });
    sameStatuses(shown, report);
    await page.screenshot({ path: join(shots, 'author-vi-1280.png'), fullPage: true });

    // A reload keeps the draft.
    await page.reload();
    await page.waitForSelector('body[data-ready="idle"]');
    assert.equal(await page.inputValue('#f-plan-id'), 'thu-nghiem-2021-2025');
    assert.equal(await page.inputValue('#f-indicators-2-id'), 'proc.satisfaction');
    assert.equal(await page.inputValue('#f-indicators-0-target'), '95');
    await previewed(page);

    // Another start, then the saved file loaded: the same pack, the same report.
    await page.click('#start-2021');
    await settled(page, 'true');
    assert.equal(await page.inputValue('#f-plan-id'), 'vn-cantho-cchc-2021-2025');
    await page.setInputFiles('#load', saved.path);
    await page.waitForFunction(() => document.getElementById('f-plan-id')?.value === 'thu-nghiem-2021-2025');
    assert.deepEqual(JSON.parse(await page.textContent('#json')), saved.pack);
    sameStatuses(await previewed(page), report);

    // A data file dropped on the preview: the widgets on its figures.
    const mine = {
      asOf: '2026-03-31',
      units: [{ id: 'ct', name: 'Thành phố thử nghiệm', level: 'city' }],
      observations: [
        { indicator: 'proc.online_l34', unit: 'ct', period: '2025', value: 97 },
        { indicator: 'rank.pci', unit: 'ct', period: '2025', rank: 20, outOf: 63 },
      ],
    };
    await page.evaluate(() => {
      document.body.dataset.preview = 'stale';
    });
    const dropped = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'so-lieu-cua-toi.json', { type: 'application/json' }));
      return dt;
    }, JSON.stringify(mine));
    await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: dropped });
    const onMine = await previewed(page);
    assert.match(await page.textContent('#data-status'), /so-lieu-cua-toi\.json/);
    const mineReport = Engine.fromPlan(saved.pack).evaluate({ ...mine, locale: 'vi' });
    sameStatuses(onMine, mineReport);
    assert.deepEqual(onMine.filter((w) => w.tag === 'cchc-progress-card').map((w) => w.status), ['met', 'missed', 'no_data']);

    // On a phone nothing runs out of the page.
    await page.setViewportSize({ width: 360, height: 780 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scroll at 360 px');
    await page.screenshot({ path: join(shots, 'author-vi-360.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the embedded 2021–2025 plan, loaded and saved unchanged, evaluates to the same report byte for byte', async () => {
    const { page, problems } = await open();
    await page.click('#start-2021');
    const shown = await previewed(page);
    // The plan has a ramp: the chart is shown, on this pack's floors.
    assert.ok(shown.some((w) => w.tag === 'cchc-ramp-chart' && w.state === 'ready'));
    for (const w of shown) assert.equal(w.state, 'ready', `${w.tag} ${w.indicator ?? ''}`);
    const { pack } = await saveFile(page);
    const embedded = JSON.stringify(new Engine().evaluate(sample));
    assert.equal(JSON.stringify(Engine.fromPlan(pack).evaluate(sample)), embedded);
    assert.equal(JSON.stringify(Engine.fromPlan(JSON.stringify(pack)).evaluate(sample)), embedded);

    // The 2026–2030 pack too: the engine reads the saved file back as the same plan.
    await page.click('#start-2026');
    await previewed(page);
    const next = await saveFile(page);
    const original = Engine.embedded('can-tho-2026-2030');
    assert.equal(JSON.stringify(Engine.fromPlan(next.pack).evaluate(sample)), JSON.stringify(original.evaluate(sample)));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a pack's own ramp: the chart draws this pack's floors, not the embedded plan's", async () => {
    const { page, problems } = await open();
    const pack = {
      formatVersion: 2,
      plan: { id: 'thu-lo-trinh', version: '0.1.0', title: { vi: 'Thử', en: 'Trial' }, issuer: { vi: 'Thử', en: 'Trial' }, decision: { number: '1/KH', date: '2021-01-15' }, period: { from: 2021, to: 2025 }, sample: true },
      areas: [{ id: 'a', clause: 'I', title: { vi: 'Thủ tục', en: 'Procedures' } }],
      ramps: [{ id: 'r', clause: 'I.1', title: { vi: 'Lộ trình thử', en: 'Trial ramp' }, firstYear: 2022, lastYear: 2025, firstFloors: { city: 40 }, step: 15, relativeFactor: 1.3, cap: 100, afterLastYear: 'error' }],
      indicators: [{ id: 'x.new', area: 'a', clause: 'I.1', title: { vi: 'Chỉ tiêu mới', en: 'New target' }, measure: 'percentage', direction: 'higher_is_better', comparator: 'gte', target: 100, levels: ['city'], aggregation: 'level', deadline: 2025, ramp: 'r' }],
    };
    await page.evaluate((p) => localStorage.setItem('cchc-progress.author.draft', JSON.stringify(p)), pack);
    await page.reload();
    await page.waitForSelector('body[data-ready="idle"]');
    const shown = await previewed(page);
    assert.deepEqual(shown.map((w) => [w.tag, w.state]), [['cchc-progress-card', 'ready'], ['cchc-ramp-chart', 'ready'], ['cchc-overview', 'ready']]);
    const engine = Engine.fromPlan(pack);
    const floors = [2022, 2023, 2024, 2025].map((y) => engine.ramp('city', y).floor);
    assert.deepEqual(floors, [40, 55, 70, 85]);
    const chart = await page.$eval('cchc-ramp-chart', (c) => c.shadowRoot.textContent);
    assert.ok(chart.includes('Lộ trình thử'), chart.slice(0, 200));
    assert.ok(chart.includes(floors.join('')), 'the table of the chart lists the floors 40, 55, 70, 85');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a pack that is not JSON, and a field of a kind the form does not know, are said and kept', async () => {
    const { page, problems } = await open('?lang=en');
    await page.click('#start-2021');
    await settled(page, 'true');
    assert.equal(await page.textContent('h1'), 'Write a plan’s rule pack');
    // A long list shows its items closed: one is opened to be written.
    assert.equal(await page.isVisible('#f-indicators-2-deadline'), false);
    await page.click('#f-indicators-2 > summary');
    // A deadline typed as words: the engine's error names the field, the draft keeps the words.
    await fill(page, 'f-indicators-2-deadline', 'năm sau');
    await settled(page, 'false');
    assert.match(await page.textContent('#f-indicators-2-deadline-error'), /\S/u);
    await page.reload();
    await page.waitForSelector('body[data-ready="idle"]');
    assert.equal(await page.inputValue('#f-indicators-2-deadline'), 'năm sau');
    await settled(page, 'false');
    // The item at fault is open after the reload, its error beside the field.
    assert.equal(await page.isVisible('#f-indicators-2-deadline-error'), true);
    await page.setInputFiles('#load', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion": 2,') });
    await page.waitForFunction(() => /broken\.json/.test(document.getElementById('status').textContent));
    assert.match(await page.textContent('#status'), /not valid JSON/);
    // The draft was not replaced by the broken file.
    assert.equal(await page.inputValue('#f-indicators-2-deadline'), 'năm sau');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
