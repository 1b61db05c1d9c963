// What must hold in every browser engine a citizen may use: Chromium, Firefox (ESR) and
// WebKitGTK (the Safari family), each driven through W3C WebDriver (./webdriver.mjs).
// One engine per run: `ENGINE=firefox node tests/js/engines.test.mjs` (`make test-engines`
// runs all three, each into its own log, and the summary fails an engine that ran none).
//
// The demo page as `make demo` serves it, and the widgets alone on a portal's static site:
// statuses as the native engine computes them, no value split from its unit, the ramp chart
// readable on a phone, data text that cannot reorder the text around it, a policy without
// 'wasm-unsafe-eval', long names, and screenshots at 1280 and 360 px (target/screenshots/).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CSP, serve } from '../../www/serve.mjs';
import { serveDir } from './static.mjs';
import { MIN_WINDOW_WIDTH, startSession } from './webdriver.mjs';
import { checkReviewCsv } from './review-csv-check.mjs';

const ENGINE = process.env.ENGINE ?? 'chromium';
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const shots = join(root, 'target', 'screenshots');
const sample = JSON.parse(readFileSync(join(root, 'www/data/can-tho-sample.json'), 'utf8'));
const { Engine } = createRequire(import.meta.url)(join(root, 'pkg/cchc_progress_node.cjs'));
const native = new Engine().evaluate(sample);
const merged = JSON.parse(readFileSync(join(root, 'www/data/can-tho-merged-sample.json'), 'utf8'));
const nativeMerged = new Engine().evaluate(merged);
/** A4's printable width at 12 mm margins (186 mm) in CSS px. */
const A4_WIDTH = 703;

// The narrow-window iframe needs the page to allow being framed by its own origin.
const FRAMEABLE = CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'");
const NO_WASM_EVAL = CSP.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self'");

/** Page-side helpers, defined once per document: every check below measures what is drawn. */
const HELPERS = `
window.__cchc ??= {
  widgets() { return [...document.querySelectorAll('cchc-progress-card, cchc-ramp-chart, cchc-overview')]; },
  allReady() { const ws = this.widgets(); return ws.length > 0 && ws.every((w) => w.dataset.state === 'ready' || w.dataset.state === 'error'); },
  textNodes(root) {
    const out = [];
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === 3) out.push(child);
        else if (child.nodeType === 1 && child.localName !== 'style' && child.localName !== 'desc' && child.localName !== 'title') walk(child);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    };
    walk(root);
    return out;
  },
  rects(node, start, end) {
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(node, end);
    return [...r.getClientRects()].filter((x) => x.width > 0 || x.height > 0);
  },
  visible(el) { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; },
  /**
   * Pairs of consecutive visible characters of \`root\`'s text, in logical order and on the
   * same line, that are drawn right to left. Characters of the strings in \`skip\` (the data
   * under test) and the pairs that touch them are left out: only the text around them counts.
   */
  reversedPairs(root, skip) {
    const chars = [];
    for (const node of this.textNodes(root)) {
      const text = node.data;
      for (let i = 0; i < text.length; i += 1) chars.push({ node, i, ch: text[i] });
    }
    const logical = chars.map((c) => c.ch).join('');
    const excluded = new Uint8Array(chars.length);
    for (const s of skip) {
      for (let at = logical.indexOf(s); at >= 0; at = logical.indexOf(s, at + 1)) excluded.fill(1, Math.max(0, at - 1), Math.min(chars.length, at + s.length + 1));
    }
    const bad = [];
    let prev = null;
    for (let k = 0; k < chars.length; k += 1) {
      const c = chars[k];
      if (excluded[k] || /[\\s\\u2066-\\u2069\\u202a-\\u202e\\u200e\\u200f]/.test(c.ch) || (c.ch >= '\\udc00' && c.ch <= '\\udfff')) { if (excluded[k]) prev = null; continue; }
      const el = c.node.parentElement;
      // SVG text (axis numbers and years: no data) is left out: WebKit gives its characters no usable boxes.
      if (!el || !this.visible(el) || el.closest('.vh, svg')) { prev = null; continue; }
      const [r] = this.rects(c.node, c.i, c.i + 1);
      if (!r) continue;
      if (prev && Math.abs(prev.r.top - r.top) < 2 && r.left < prev.r.left - 0.5) bad.push(logical.slice(Math.max(0, k - 12), k + 12));
      prev = { node: c.node, r };
    }
    return bad;
  },
};
`;

describe(`${ENGINE}: the demo and the widgets through W3C WebDriver`, () => {
  let session;
  let demo;
  let demoBase;
  let site;
  let portal;
  let portalBase;
  let strict;
  let strictBase;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    demo = await serve(0, '127.0.0.1', { csp: FRAMEABLE, extra: { '/__test/': join(here, 'fixtures') } });
    demoBase = `http://127.0.0.1:${demo.address().port}`;
    // A portal's static site: the package where npm puts it, its data, a few pages.
    site = mkdtempSync(join(tmpdir(), 'cchc-engines-'));
    cpSync(join(root, 'pkg'), join(site, 'node_modules/cchc-progress'), { recursive: true });
    mkdirSync(join(site, 'data'));
    cpSync(join(root, 'www/data/can-tho-sample.json'), join(site, 'data/can-tho-sample.json'));
    for (const f of ['bare.html', 'frame.html', 'frame.css', 'frame.js', 'no-wasm-eval.html', 'no-wasm-eval.js']) cpSync(join(here, 'fixtures', f), join(site, f));
    writeFileSync(join(site, 'index.html'), readFileSync(join(here, 'fixtures/bare.html')));
    // The national portal's 766 answers as a portal keeps them: a manifest and the saved files.
    cpSync(join(root, 'www/data/can-tho-766-sample.json'), join(site, 'data/can-tho-766-sample.json'));
    cpSync(join(root, 'www/data/portal766'), join(site, 'data/portal766'), { recursive: true });
    writeFileSync(
      join(site, 'portal766.html'),
      readFileSync(join(here, 'fixtures/bare.html'), 'utf8').replace(
        '<cchc-progress-card indicator="proc.online_l34" unit="ct" src="/data/can-tho-sample.json"></cchc-progress-card>',
        ['proc.digitized_results', 'proc.satisfaction'].map((i) => `<cchc-progress-card indicator="${i}" unit="ct" src="/data/can-tho-766-sample.json"></cchc-progress-card>`).join('\n'),
      ),
    );
    portal = await serveDir(site, { csp: FRAMEABLE });
    portalBase = `http://127.0.0.1:${portal.address().port}`;
    strict = await serveDir(site, { csp: NO_WASM_EVAL });
    strictBase = `http://127.0.0.1:${strict.address().port}`;
    session = await startSession(ENGINE);
  });

  after(async () => {
    await session?.quit();
    demo?.close();
    portal?.close();
    strict?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  /** Waits until `expr` (a page expression) is truthy; on a timeout, says what the page was doing. */
  async function until(expr, what, timeout = 40000) {
    const ok = await session.run(`${HELPERS}; const t0 = Date.now(); while (Date.now() - t0 < ${timeout}) { if (${expr}) return true; await new Promise((r) => setTimeout(r, 50)); } return false;`);
    if (ok) return;
    const state = await session
      .execute(`return { url: location.href, readyState: document.readyState, ready: document.body?.dataset.ready ?? null, status: [document.getElementById('status')?.textContent, document.getElementById('errors')?.textContent].filter(Boolean).join(' | '), widgets: [...document.querySelectorAll('cchc-progress-card, cchc-ramp-chart, cchc-overview')].map((w) => w.localName + ':' + w.dataset.state) };`)
      .catch((e) => String(e));
    assert.fail(`${ENGINE}: timed out waiting for ${what}: ${JSON.stringify(state)}`);
  }

  /**
   * Opens `url` with a viewport `width` × `height` CSS px. Below the engine's narrowest
   * window, the page is shown in a same-origin iframe of that width and every later command
   * runs inside it.
   */
  async function open(url, width, height = 900) {
    const framed = width < MIN_WINDOW_WIDTH[ENGINE];
    if (!framed) {
      await session.setViewport(width, height);
      await session.get(url);
      return { framed };
    }
    const { origin, pathname, search } = new URL(url);
    await session.setViewport(Math.max(width + 40, MIN_WINDOW_WIDTH[ENGINE] + 40), height + 40);
    await session.get(`${origin}/${origin === demoBase ? '__test/' : ''}frame.html?w=${width}&h=${height}&src=${encodeURIComponent(pathname + search)}`);
    await until(`document.body.dataset.loaded === 'true'`, 'the iframe');
    await session.switchToFrame('#under-test');
    return { framed };
  }

  async function demoReady() {
    await until(`document.body.dataset.ready === 'true' && __cchc.allReady()`, 'the demo page');
  }

  /** A screenshot of the whole page (up to 4 000 px tall) at `width`, in `target/screenshots/`. */
  async function screenshot(url, width, name, prepare = '', viewport = 0) {
    const { framed } = await open(url, width, viewport || 900);
    await demoReady();
    if (prepare) {
      await session.run(prepare);
      await demoReady();
    }
    const height = viewport || Math.min(4000, await session.execute('return document.documentElement.scrollHeight;'));
    const file = join(shots, `${ENGINE}-${name}.png`);
    if (framed) {
      await session.switchToParent();
      await session.execute(`const f = document.getElementById('under-test'); f.height = String(${height});`);
      // The viewport, not the iframe element: WebKitWebDriver's element screenshots come out
      // shifted by the height of MiniBrowser's toolbar. The frame sits at the top left.
      await session.setViewport(Math.max(width + 40, MIN_WINDOW_WIDTH[ENGINE] + 40), height);
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(file, await session.screenshot());
    } else {
      await session.setViewport(width, height);
      if (prepare) await session.run(prepare);
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(file, await session.screenshot());
    }
    assert.ok(statSync(file).size > 10000, `${file} has a picture`);
    assertPictureSize(file, width, height);
  }

  /** A PNG of at least `width` × `height` px (its IHDR): a driver that shrank the window is caught. */
  function assertPictureSize(file, width, height) {
    const png = readFileSync(file);
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(w >= width && h >= height, `${file} is ${w} × ${h} px, not ${width} × ${height}`);
  }

  test('the demo shows every widget with the statuses the native engine computes', async () => {
    await open(`${demoBase}/`, 1280);
    await demoReady();
    const shown = await session.execute(`
      return [...document.querySelectorAll('cchc-progress-card')].map((c) => ({
        indicator: c.getAttribute('indicator'), unit: c.getAttribute('unit'), state: c.dataset.state,
        status: c.shadowRoot.querySelector('.badge[data-status]')?.dataset.status ?? null,
        value: c.shadowRoot.querySelector('.value')?.textContent ?? null,
      }));`);
    assert.equal(shown.length, 3);
    for (const c of shown) {
      const r = native.results.find((x) => x.indicator === c.indicator && x.unit === c.unit);
      assert.deepEqual([c.state, c.status, c.value], ['ready', r.status, r.display.vi], `${c.indicator} / ${c.unit}`);
    }
    const rows = await session.execute(`return [...document.querySelector('cchc-overview').shadowRoot.querySelectorAll('tr[data-indicator]')].map((tr) => [tr.dataset.indicator, tr.dataset.status]);`);
    assert.deepEqual(rows, native.results.filter((r) => r.unit === 'ct').map((r) => [r.indicator, r.status]));
  });

  for (const [width, path] of [
    [1280, '/'],
    [360, '/'],
    [1280, '/?data=merged'],
    [360, '/?data=merged'],
  ]) {
    test(`at ${width} px no value is split from its unit, no word of a header is broken, nothing overflows (${path})`, async () => {
      await open(`${demoBase}${path}`, width);
      await demoReady();
      const found = await session.execute(`${HELPERS}
        const o = document.querySelector('cchc-overview').shadowRoot;
        const split = [];
        let checked = 0;
        // Values and requirements: one line each. Header cells and labels: words whole.
        for (const cell of o.querySelectorAll('td.num, .badge, .counts li')) {
          for (const node of __cchc.textNodes(cell)) {
            if (!node.data.trim()) continue;
            checked += 1;
            const lines = new Set(__cchc.rects(node, 0, node.data.length).map((r) => Math.round(r.top)));
            if (lines.size > 1) split.push(node.data);
          }
        }
        // Words, and the parts of a word joined by a slash ("chuyển đổi/tự chủ"): a line may
        // end after the slash, as it may after a space, never inside a word.
        for (const cell of o.querySelectorAll('thead th, tbody th, td[data-label], .area-head, legend, button')) {
          for (const node of __cchc.textNodes(cell)) {
            for (const m of node.data.matchAll(/[^\\s/]+/g)) {
              checked += 1;
              const lines = new Set(__cchc.rects(node, m.index, m.index + m[0].length).map((r) => Math.round(r.top)));
              if (lines.size > 1) split.push(m[0]);
            }
          }
        }
        return { split, checked, scroll: document.documentElement.scrollWidth, inner: window.innerWidth };`);
      assert.ok(found.checked > 100, `${found.checked} texts checked`);
      assert.deepEqual(found.split, [], 'texts drawn on more than one line');
      assert.ok(found.scroll <= found.inner, `the page is ${found.scroll} px wide in a ${found.inner} px viewport`);
    });
  }

  test('at 360 px the ramp chart fills its box, its labels are at least 11 px, its markers can be seen and touched', async () => {
    await open(`${demoBase}/`, 360);
    await demoReady();
    const m = await session.execute(`
      const out = [];
      for (const chart of document.querySelectorAll('cchc-ramp-chart')) {
        const r = chart.shadowRoot;
        const plot = r.querySelector('svg.main');
        const box = chart.getBoundingClientRect().width;
        const sizes = [...plot.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height);
        const font = [...plot.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * plot.getScreenCTM().a);
        const marks = [...plot.querySelectorAll('.actual-mark, .below, .unit-dot, .unit-below, .floor-mark')].map((m) => Math.min(m.getBoundingClientRect().width, m.getBoundingClientRect().height));
        const targets = [...plot.querySelectorAll('.hit')].map((h) => Math.min(h.getBoundingClientRect().width, h.getBoundingClientRect().height));
        out.push({ box, plot: plot.getBoundingClientRect().width, font: Math.min(...font), texts: sizes.length, mark: Math.min(...marks), marks: marks.length, target: Math.min(...targets), targets: targets.length });
      }
      return out;`);
    assert.equal(m.length, 2);
    // A tap on a year's column shows that year's figures under the plot.
    const readout = await session.run(`
      const chart = document.querySelector('cchc-ramp-chart');
      chart.shadowRoot.querySelector('.hit[data-value="2024"]').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await chart.updateComplete;
      return chart.shadowRoot.querySelector('.readout').textContent;`);
    assert.match(readout, /^năm 2024 mức sàn 90\u00a0%, thực tế/);
    for (const c of m) {
      assert.ok(c.plot >= c.box - 40, `the plot is ${c.plot} px wide in a ${c.box} px box`);
      assert.ok(c.texts >= 9 && c.font >= 11, `axis labels drawn at ${c.font.toFixed(1)} px`);
      assert.ok(c.marks >= 4 && c.mark >= 8, `markers at least 8 px (${c.mark.toFixed(1)} px)`);
      assert.ok(c.targets >= 4 && c.target >= 24, `touch targets at least 24 px (${c.target.toFixed(1)} px, ${c.targets})`);
    }
  });

  test('markers, lines and the progress track contrast at least 3:1 with the widget background', async () => {
    await open(`${demoBase}/`, 1280);
    await demoReady();
    const low = await session.execute(`
      const rgb = (c) => (c.match(/[\\d.]+/g) ?? []).slice(0, 4).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const out = [];
      let n = 0;
      for (const w of document.querySelectorAll('cchc-progress-card, cchc-ramp-chart')) {
        const r = w.shadowRoot;
        const bg = rgb(getComputedStyle(r.querySelector('.frame')).backgroundColor);
        const check = (sel, which) => {
          for (const e of r.querySelectorAll(sel)) {
            const prop = typeof which === 'function' ? which(e) : which;
            const cs = getComputedStyle(e);
            const c = rgb(cs[prop]);
            if (!c.length || cs[prop] === 'none') continue;
            n += 1;
            const opacity = prop === 'fill' ? Number(cs.fillOpacity) : prop === 'stroke' ? Number(cs.strokeOpacity) : 1;
            const k = ratio(c, bg);
            if (k < 3 || opacity < 1) out.push(sel + ' ' + prop + ' ' + cs[prop] + ' ' + k.toFixed(2) + ':1' + (opacity < 1 ? ' opacity ' + opacity : ''));
          }
        };
        // The track's edge: its border, or its fill where it has none.
        check('.bar', (e) => (parseFloat(getComputedStyle(e).borderTopWidth) > 0 ? 'borderTopColor' : 'backgroundColor'));
        check('.bar .fill', 'fill');
        check('.plot .actual-mark, .plot .unit-dot', 'fill');
        check('.plot .floor-mark, .plot .below, .plot .unit-below, .plot path.floor, .plot path.actual', 'stroke');
      }
      return { out, n };`);
    assert.ok(low.n > 20, `${low.n} colours checked`);
    assert.deepEqual(low.out, []);
  });

  test('data text with bidi overrides leaves the text around it in order (closed and unclosed U+202E)', async () => {
    await open(`${portalBase}/`, 1280);
    await until(`__cchc.allReady()`, 'the one-tag page');
    const closed = 'Huyện Cờ Đỏ \u202E% 001 tạđ\u202C';
    const unclosed = 'Quận \u202EỀIK HNIN';
    const input = {
      asOf: '2024-12-31',
      label: `Nhãn \u202Eabc`,
      units: [
        { id: 'ct', name: unclosed, level: 'city' },
        { id: 'cd', name: closed, level: 'district', parent: 'ct' },
      ],
      observations: [
        { indicator: 'proc.online_l34', unit: 'ct', period: '2022', numerator: 1500, denominator: 3000 },
        { indicator: 'proc.online_l34', unit: 'ct', period: '2024', numerator: 2300, denominator: 3000 },
        { indicator: 'proc.digitized_results', unit: 'cd', period: '2023', numerator: 1150, denominator: 2000 },
        { indicator: 'proc.digitized_results', unit: 'cd', period: '2024', numerator: 1480, denominator: 2000 },
      ],
    };
    const bad = await session.run(
      `${HELPERS}
      const [input, skip] = args;
      const make = (tag, attrs) => {
        const el = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        el.input = input;
        document.body.append(el);
        return el;
      };
      const ws = [
        make('cchc-progress-card', { indicator: 'proc.online_l34', unit: 'ct' }),
        make('cchc-progress-card', { indicator: 'proc.digitized_results', unit: 'cd' }),
        make('cchc-progress-card', { indicator: 'proc.digitized_results', unit: 'cd', locale: 'en' }),
        make('cchc-ramp-chart', { unit: 'cd' }),
        make('cchc-ramp-chart', { level: 'district' }),
        make('cchc-overview', { unit: 'ct' }),
      ];
      await Promise.all(ws.map((w) => w.updateComplete));
      const out = {};
      ws.forEach((w, i) => {
        const pairs = __cchc.reversedPairs(w.shadowRoot, skip);
        if (w.dataset.state !== 'ready') out[i] = 'state ' + w.dataset.state;
        else if (pairs.length) out[i + ' ' + w.localName] = pairs;
      });
      return out;`,
      input,
      [closed, unclosed, input.label],
    );
    assert.deepEqual(bad, {}, 'text drawn right to left outside the data strings');
  });

  test('bidi controls in data are shown as visible marks, also in a report made elsewhere (issue 25.5)', async () => {
    await open(`${portalBase}/`, 1280);
    await until(`__cchc.allReady()`, 'the one-tag page');
    // "Quận Ninh Kiều đạt 100%" written backwards behind a right-to-left override, over 93 %.
    const reversed = '\u202E%001 tạđ uềiK hniN nậuQ';
    const input = {
      asOf: '2024-12-31',
      units: [{ id: 'nk', name: reversed, level: 'district' }],
      observations: [{ indicator: 'proc.online_l34', unit: 'nk', period: '2024', value: 93 }],
    };
    const out = await session.run(
      `const [input, reversed] = args;
      const card = (props) => {
        const c = document.createElement('cchc-progress-card');
        c.setAttribute('indicator', 'proc.online_l34');
        c.setAttribute('unit', 'nk');
        Object.assign(c, props);
        document.body.append(c);
        return c;
      };
      const a = card({ input });
      await a.updateComplete;
      // The same report as an engine that kept the controls would have made it (a report made
      // elsewhere): the raw override in the name, and an unclosed isolate in the sentences.
      const made = JSON.parse(JSON.stringify(a.report).replaceAll('[U+202E]', '\\u202E'));
      for (const r of made.results) if (r.explanation) r.explanation.vi = '\u2068' + reversed + '\u2067 ' + r.explanation.vi;
      const b = card({ report: made });
      await b.updateComplete;
      const controls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
      return [a, b].map((w) => {
        const text = w.shadowRoot.textContent;
        const labels = [...w.shadowRoot.querySelectorAll('[aria-label], [title]')].map((e) => (e.getAttribute('aria-label') ?? '') + (e.getAttribute('title') ?? '')).join(' ');
        return {
          state: w.dataset.state,
          marked: text.includes('[U+202E]%001 tạđ uềiK hniN nậuQ'),
          raw: controls.test(text.replace(/\u2068[^\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*\u2069/g, '')) || controls.test(labels),
          findings: (w.report?.findings() ?? []).map((f) => f.code).filter((c) => c === 'bidi_control_in_text'),
        };
      });`,
      input,
      reversed,
    );
    assert.deepEqual(out, [
      { state: 'ready', marked: true, raw: false, findings: ['bidi_control_in_text'] },
      { state: 'ready', marked: true, raw: false, findings: ['bidi_control_in_text'] },
    ]);
  });

  test('a 5 000-character name is clamped, with the full text a tap away', async () => {
    await open(`${portalBase}/`, 360);
    await until(`__cchc.allReady()`, 'the one-tag page');
    const long = 'Phường Rất Dài '.repeat(334).slice(0, 5000);
    const out = await session.run(
      `const [long] = args;
      const card = document.createElement('cchc-progress-card');
      card.setAttribute('indicator', 'proc.online_l34');
      card.setAttribute('unit', 'ct');
      card.input = { asOf: '2024-12-31', units: [{ id: 'ct', name: long, level: 'city' }], observations: [{ indicator: 'proc.online_l34', unit: 'ct', period: '2024', value: 70 }] };
      document.body.append(card);
      await card.updateComplete;
      const before = card.getBoundingClientRect().height;
      const name = card.shadowRoot.querySelector('.unit-name');
      const toggle = card.shadowRoot.querySelector('.unit-name-toggle');
      toggle?.click();
      await card.updateComplete;
      const after = card.getBoundingClientRect().height;
      return { before, after, full: name.textContent.includes(long), expanded: toggle?.getAttribute('aria-expanded') ?? null };`,
      long,
    );
    assert.ok(out.before < 900, `the card is ${out.before} px tall`);
    assert.ok(out.full, 'the whole name is in the card (screen readers read it)');
    assert.equal(out.expanded, 'true');
    assert.ok(out.after > out.before + 1000, `expanded, the name shows in full (${out.after} px)`);
  });

  test('a 5 000-character name in the ramp chart is clamped as on the cards: the chart stays a phone screen tall', async () => {
    await open(`${portalBase}/`, 360);
    await until(`__cchc.allReady()`, 'the one-tag page');
    const long = 'Phường Rất Dài '.repeat(334).slice(0, 5000);
    const out = await session.run(
      `const [long] = args;
      const chart = document.createElement('cchc-ramp-chart');
      chart.setAttribute('unit', 'ct');
      chart.input = { asOf: '2024-12-31', units: [{ id: 'ct', name: long, level: 'city' }], observations: [{ indicator: 'proc.digitized_results', unit: 'ct', period: '2024', value: 70 }] };
      document.body.append(chart);
      await chart.updateComplete;
      await new Promise((r) => setTimeout(r, 300));
      return { state: chart.dataset.state, height: chart.getBoundingClientRect().height, heading: chart.shadowRoot.querySelector('.heading').getBoundingClientRect().height, full: chart.shadowRoot.querySelector('.heading').textContent.includes(long) };`,
      long,
    );
    assert.equal(out.state, 'ready');
    assert.ok(out.heading < 120, `the heading is ${out.heading} px tall`);
    assert.ok(out.height < 1400, `the chart is ${out.height} px tall`);
    assert.ok(out.full, 'the whole name is in the heading (screen readers read it)');
  });

  test('a page with a ramp chart raises no window error over several loads (no ResizeObserver loop)', async () => {
    const errors = [];
    for (const [i, width] of [360, 1280, 361, 800, 360, 1024, 375, 1280, 414, 360].entries()) {
      await open(`${demoBase}/__test/ramp-errors.html?load=${i}`, width, 700);
      await until(`__cchc.allReady()`, 'the ramp charts');
      // A width change once painted, as a phone turned or a window dragged.
      await session.setViewport(width === 1280 ? 700 : width + 200, 700);
      await session.run('await new Promise((r) => setTimeout(r, 400));');
      errors.push(...(await session.execute('return window.__errors;')));
    }
    assert.deepEqual(errors, []);
  });

  test('at 360 px a count never splits from its noun ("1 | đơn vị"), in the widgets of the demo and of the merged city\'s final review', async () => {
    const split = [];
    for (const [query, locale] of [['', 'vi'], ['?data=merged', 'vi'], ['?data=merged&lang=en', 'en']]) {
      await open(`${demoBase}/${query}`, 360);
      await demoReady();
      if (locale === 'en') {
        await session.run(`for (const w of __cchc.widgets()) w.setAttribute('locale', 'en'); await Promise.all(__cchc.widgets().map((w) => w.updateComplete));`);
      }
      split.push(
        ...(await session.execute(`${HELPERS}
          const out = [];
          let seen = 0;
          for (const node of __cchc.widgets().flatMap((w) => __cchc.textNodes(w))) {
            for (const m of node.data.matchAll(/\\d+(?:\\/\\d+)?[ \\u00a0](?:đơn vị|units?\\b|đạt|không đạt|met|missed)/g)) {
              seen += 1;
              const tops = new Set(__cchc.rects(node, m.index, m.index + m[0].length).map((r) => Math.round(r.top)));
              if (tops.size > 1) out.push(m[0] + " in " + (node.parentElement?.localName ?? "") + "." + (node.parentElement?.className ?? "") + ": " + node.data.slice(0, 80));
            }
          }
          if (seen === 0) out.push('no count found on ' + location.search);
          return out;`)),
      );
    }
    assert.deepEqual(split, []);
  });

  test("a card whose src is a manifest of the national portal's 766 answers shows the engine's figures and the mapping's sentence, at 360 px (issue 20)", async () => {
    const { answers, ...options } = JSON.parse(readFileSync(join(root, 'www/data/can-tho-766-sample.json'), 'utf8'));
    const list = answers.map(({ file, ...a }) => ({ name: file, ...a, answer: readFileSync(join(root, 'www/data', file), 'utf8') }));
    const report = new Engine().evaluatePortal766(list, options);
    const want = ['proc.digitized_results', 'proc.satisfaction'].map((i) => report.results.find((r) => r.indicator === i && r.unit === 'ct'));
    await open(`${portalBase}/portal766.html`, 360);
    await until(`__cchc.allReady()`, 'the 766 page');
    const shown = await session.execute(`return [...document.querySelectorAll('cchc-progress-card')].map((c) => ({
      state: c.dataset.state,
      status: c.shadowRoot.querySelector('.badge[data-status]')?.dataset.status ?? null,
      value: c.shadowRoot.querySelector('.value')?.textContent ?? null,
      explanation: c.shadowRoot.querySelector('.explanation')?.textContent ?? '',
      overflow: c.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
    }));`);
    for (const [i, w] of want.entries()) {
      assert.ok(w && w.value !== null, `the sample has a figure for ${w?.indicator}`);
      assert.equal(shown[i].state, 'ready');
      assert.deepEqual([shown[i].status, shown[i].value], [w.status, w.display.vi], w.indicator);
      assert.equal(shown[i].overflow, false, 'the card fits the phone');
    }
    assert.match(shown[0].explanation, /ORIGINAL_RESULT_AVAILABLE/, "the mapping's sentence where the figure is judged");
    writeFileSync(join(shots, `${ENGINE}-portal766-360.png`), await session.screenshot());
  });

  test('pages built by webpack 5, Vite and esbuild from the packed tarball show their cards', async () => {
    const { buildPages, projectWith, tarball, EXPECTED_CARDS, READ_CARDS } = await import('./bundled-pages.mjs');
    const project = projectWith(tarball(root), mkdtempSync(join(tmpdir(), 'cchc-bundled-')));
    try {
      const pages = await buildPages(project, root);
      for (const [bundler, dist] of Object.entries(pages)) {
        const server = await serveDir(dist, { csp: FRAMEABLE });
        try {
          await open(`http://127.0.0.1:${server.address().port}/`, 1280);
          // Both cards showing a status: the one given a report is `ready` before its report arrives.
          await until(`__cchc.allReady() && [...document.querySelectorAll('cchc-progress-card')].filter((c) => c.shadowRoot.querySelector('.badge[data-status]')).length === 2`, `the ${bundler} page`);
          assert.deepEqual(await session.execute(`return ${READ_CARDS};`), EXPECTED_CARDS, bundler);
        } finally {
          server.close();
        }
      }
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  test("without 'wasm-unsafe-eval' the card shows a short message in its language and fires `cchc-error`", async () => {
    await open(`${strictBase}/no-wasm-eval.html`, 1280);
    await until(`__cchc.allReady()`, 'the page without wasm-unsafe-eval');
    const out = await session.execute(`return {
      states: [...document.querySelectorAll('cchc-progress-card')].map((c) => c.dataset.state),
      texts: [...document.querySelectorAll('cchc-progress-card')].map((c) => c.shadowRoot.textContent.trim()),
      codes: [...document.querySelectorAll('cchc-progress-card')].map((c) => c.shadowRoot.querySelector('[data-code]')?.dataset.code ?? null),
      events: window.cchcErrors,
    };`);
    assert.deepEqual(out.states, ['error', 'error']);
    assert.deepEqual(out.codes, ['WASM_BLOCKED', 'WASM_BLOCKED']);
    assert.match(out.texts[0], /^Không hiển thị được số liệu tiến độ/);
    assert.match(out.texts[1], /^Progress figures cannot be shown/);
    for (const text of out.texts) assert.doesNotMatch(text, /WebAssembly|CompileError|unsafe-eval|instantiate|CSP/i, 'no browser exception shown to citizens');
    assert.deepEqual(out.events, [
      { code: 'WASM_BLOCKED', tag: 'cchc-progress-card' },
      { code: 'WASM_BLOCKED', tag: 'cchc-progress-card' },
    ]);
  });

  test("a trap of the browser's WebAssembly: the module is instantiated again and the figures shown; a second trap is a plain sentence", async () => {
    const widgets = `return [...document.querySelectorAll('cchc-progress-card, cchc-ramp-chart')].map((w) => ({
      tag: w.localName, state: w.dataset.state, text: w.shadowRoot.textContent.trim(),
      status: w.shadowRoot.querySelector('.badge[data-status]')?.dataset.status ?? null,
      value: w.shadowRoot.querySelector('.value')?.textContent ?? null,
      code: w.shadowRoot.querySelector('[data-code]')?.dataset.code ?? null,
    }));`;
    const r = native.results.find((x) => x.indicator === 'proc.online_l34' && x.unit === 'ct');
    await open(`${demoBase}/__test/trap.html?traps=1`, 1280);
    await until(`__cchc.allReady()`, 'the page whose first evaluation traps');
    const once = await session.execute(widgets);
    const logOnce = await session.execute('return window.__trap;');
    assert.deepEqual(once.map((w) => [w.tag, w.state]), [['cchc-progress-card', 'ready'], ['cchc-ramp-chart', 'ready']]);
    assert.deepEqual([once[0].status, once[0].value], [r.status, r.display.vi], 'the figures of the module instantiated again');
    assert.equal(logOnce.calls, 1, 'the trapped instance is not called again');
    assert.equal(logOnce.warnings.length, 1);
    assert.match(logOnce.warnings[0], /^cchc-progress: .*`report`.*\(Out of bounds memory access\).*Loading the module again/);
    assert.deepEqual([logOnce.errors, logOnce.events], [[], []]);
    await open(`${demoBase}/__test/trap.html?traps=2`, 1280);
    await until(`__cchc.allReady()`, 'the page whose two evaluations trap');
    const twice = await session.execute(widgets);
    const logTwice = await session.execute('return window.__trap;');
    assert.deepEqual(twice.map((w) => [w.state, w.code]), [['error', 'ENGINE_TRAPPED'], ['error', 'ENGINE_TRAPPED']]);
    for (const w of twice) {
      assert.match(w.text, /^Không hiển thị được số liệu tiến độ trên trang này lúc này\./);
      assert.doesNotMatch(w.text, /WebAssembly|RuntimeError|memory|evaluating/i, 'no browser exception shown to citizens');
    }
    assert.deepEqual(logTwice.events, ['ENGINE_TRAPPED', 'ENGINE_TRAPPED']);
    assert.equal(logTwice.errors.length, 1, 'one line for the developer');
    assert.match(logTwice.errors[0], /^cchc-progress: .*`report`.*The figures are not shown; reloading the page usually helps/);
  });

  test('the merged city (as of 30 June 2026): cards, charts and the final review as the native engine computes them', async () => {
    await open(`${demoBase}/?data=merged`, 1280);
    await demoReady();
    const shown = await session.execute(`
      const o = document.querySelector('cchc-overview').shadowRoot;
      return {
        cards: [...document.querySelectorAll('cchc-progress-card')].map((c) => {
          const r = c.shadowRoot;
          return { indicator: c.getAttribute('indicator'), unit: c.getAttribute('unit'), status: r.querySelector('.badge')?.dataset.status ?? null, value: r.querySelector('.value')?.textContent ?? null, notes: [...r.querySelectorAll('[data-note]')].map((p) => p.dataset.note), name: r.querySelector('.unit-name')?.textContent ?? null };
        }),
        charts: [...document.querySelectorAll('cchc-ramp-chart')].map((c) => [c.getAttribute('unit'), c.shadowRoot.querySelectorAll('svg.main .pred-band').length, c.shadowRoot.querySelectorAll('svg.main .pred-mark, svg.main .below.pred').length, c.shadowRoot.querySelectorAll('svg.main .series-break').length]),
        review: [...o.querySelectorAll('section.review tbody tr')].map((tr) => [tr.dataset.indicator, tr.dataset.level, tr.dataset.verdict, tr.querySelector('.badge').dataset.status]),
        banner: document.getElementById('data-banner').textContent,
      };`);
    const latest = (ind, unit) => nativeMerged.results.filter((r) => r.indicator === ind && r.unit === unit).at(-1);
    assert.equal(shown.cards.length, 4);
    for (const c of shown.cards) {
      const r = latest(c.indicator, c.unit);
      const value = r.measure === 'rank' ? (r.outOf ? `hạng ${r.value}/${r.outOf}` : `hạng ${r.value}`) : r.display.vi;
      assert.deepEqual([c.status, c.value, c.name], [r.status, value, r.unitName], `${c.indicator} / ${c.unit}`);
    }
    assert.deepEqual(shown.cards.map((c) => c.notes), [['not-reported', 'provisional'], ['not-reported', 'provisional', 'after-deadline'], [], ['ended']]);
    assert.deepEqual(shown.charts, [
      ['ct', 0, 0, 1],
      ['nk.tan_an', 1, 3, 0],
    ]);
    assert.deepEqual(shown.review, nativeMerged.review.rows.map((r) => [r.indicator, r.level, r.verdict, r.verdict]));
    assert.match(shown.banner, /Số liệu mẫu/);
  });

  test('the review downloads as CSV bytes Excel opens (BOM, CRLF, commas, quoted text, plain numbers)', async () => {
    await open(`${demoBase}/?data=merged`, 1280);
    await demoReady();
    // The bytes of the Blob the download button hands the browser (WebDriver cannot read a download).
    const files = await session.run(`
      const saved = [];
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob) => { saved.push(blob); return create.call(URL, blob); };
      const o = document.querySelector('cchc-overview');
      const out = {};
      for (const locale of ['vi', 'en']) {
        o.setAttribute('locale', locale);
        await o.updateComplete;
        const before = saved.length;
        const names = [];
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () { names.push(this.download); };
        try { o.shadowRoot.querySelector('button[data-action="download-review"]').click(); } finally { HTMLAnchorElement.prototype.click = click; }
        const blob = saved[before];
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let bin = '';
        for (const b of bytes) bin += String.fromCharCode(b);
        out[locale] = { name: names[0], type: blob.type, base64: btoa(bin) };
      }
      URL.createObjectURL = create;
      o.setAttribute('locale', 'vi');
      return out;`);
    for (const locale of ['vi', 'en']) {
      const f = files[locale];
      assert.equal(f.name, locale === 'vi' ? 'tong-ket-cchc-2021-2025-2026-06-30.csv' : 'cchc-review-2021-2025-2026-06-30.csv');
      assert.equal(f.type, 'text/csv;charset=utf-8');
      const records = checkReviewCsv(Buffer.from(f.base64, 'base64'), locale);
      assert.deepEqual(records.slice(1).map((r) => [r[0].value, r[13].value, r[20].value]), nativeMerged.review.rows.map((r) => [r.indicator, r.verdict, r.rule[locale]]));
    }
  });

  test('printed at A4 width: no controls, the plan and the as-of date under the title, the sample label, the review a table that fits', async () => {
    await open(`${demoBase}/?data=merged`, A4_WIDTH, 1000);
    await demoReady();
    // The engine lays the page out with its print rules: every stylesheet (the page's and the
    // widgets' shared one) replaced by its print view, @media print unwrapped, @media screen
    // dropped. WebDriver has no print-media emulation; this is what each engine draws on paper,
    // short of cutting it into pages.
    const out = await session.run(`
      const view = (rules) => {
        let css = '';
        for (const r of rules) {
          if (r.constructor.name === 'CSSMediaRule') {
            const m = r.media.mediaText;
            if (/\\bprint\\b/.test(m)) css += view(r.cssRules);
            else if (!/\\bscreen\\b/.test(m)) css += r.cssText + '\\n';
          } else if (r.constructor.name !== 'CSSPageRule') css += r.cssText + '\\n';
        }
        return css;
      };
      const page = [...document.styleSheets].find((x) => x.href && x.href.endsWith('/demo.css'));
      const printed = new CSSStyleSheet();
      printed.replaceSync(view(page.cssRules));
      page.disabled = true;
      document.adoptedStyleSheets = [printed];
      const widgets = [...document.querySelectorAll('cchc-progress-card, cchc-ramp-chart, cchc-overview')];
      const shared = new CSSStyleSheet();
      shared.replaceSync(view(widgets[0].shadowRoot.adoptedStyleSheets[0].cssRules));
      for (const w of widgets) w.shadowRoot.adoptedStyleSheets = [shared];
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const shown = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
      const controls = [];
      const walk = (root) => {
        for (const e of root.querySelectorAll('button, select, input, fieldset.sort, .controls, .lang-switch')) if (shown(e)) controls.push(e.localName);
        for (const e of root.querySelectorAll('*')) if (e.shadowRoot) walk(e.shadowRoot);
      };
      walk(document);
      const o = document.querySelector('cchc-overview').shadowRoot;
      const table = o.querySelector('.review-rows');
      const pageRule = [...page.cssRules].find((r) => r.constructor.name === 'CSSPageRule');
      return {
        controls,
        meta: shown(document.getElementById('print-meta')) ? document.getElementById('print-meta').textContent : null,
        banner: shown(document.getElementById('data-banner')),
        table: getComputedStyle(table).display,
        over: table.getBoundingClientRect().right - o.querySelector('.frame').getBoundingClientRect().right,
        scroll: document.documentElement.scrollWidth,
        cards: new Set([...document.querySelectorAll('cchc-progress-card')].map((c) => Math.round(c.getBoundingClientRect().left))).size,
        page: pageRule ? pageRule.style.getPropertyValue('size') : null,
      };`);
    assert.deepEqual(out.controls, [], 'nothing to press on paper');
    assert.equal(out.meta, 'Kế hoạch cải cách hành chính thành phố Cần Thơ giai đoạn 2021-2025 · Tính đến ngày 30/06/2026');
    assert.ok(out.banner, 'the sample label is printed');
    assert.equal(out.table, 'table');
    assert.ok(out.over <= 0.5, `the review fits the page (${out.over.toFixed(1)} px over)`);
    assert.ok(out.scroll <= A4_WIDTH, `nothing wider than the page (${out.scroll} px)`);
    assert.equal(out.cards, 2, 'cards two by two');
    assert.equal(out.page?.toLowerCase(), 'a4', 'the engine reads the @page size');
    const height = Math.min(4000, await session.execute('return document.documentElement.scrollHeight;'));
    await session.setViewport(A4_WIDTH, height);
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(join(shots, `${ENGINE}-merged-print-layout.png`), await session.screenshot());
    assertPictureSize(join(shots, `${ENGINE}-merged-print-layout.png`), A4_WIDTH, height);
    // Where the driver prints (chromedriver, geckodriver; WebKitWebDriver has no Print command),
    // the PDF itself: A4 pages, kept for looking at.
    if (ENGINE === 'webkit') return;
    await open(`${demoBase}/?data=merged`, 1280);
    await demoReady();
    const pdf = Buffer.from(await session.cmd('POST', '/print', { page: { width: 21.0, height: 29.7 }, margin: { top: 1.4, bottom: 1.6, left: 1.2, right: 1.2 }, background: false }), 'base64');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const file = join(shots, `${ENGINE}-merged-print.pdf`);
    writeFileSync(file, pdf);
    if (existsSync('/usr/bin/pdfinfo')) {
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
      assert.ok(pages >= 2 && pages < 40, `${pages} pages`);
      assert.match(info, /Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '6', file, join(shots, `${ENGINE}-merged-print`)]);
    }
  });

  for (const width of [1280, 360]) {
    test(`screenshots of the demo at ${width} px (Vietnamese, English, the overview)`, async () => {
      await screenshot(`${demoBase}/`, width, `demo-${width}`);
      await screenshot(`${demoBase}/`, width, `demo-${width}-en`, `document.querySelector('.lang-switch button[data-lang="en"]').click(); await new Promise((r) => setTimeout(r, 200));`);
      // The page is taller than 4 000 px at 360: the overview gets a picture of its own.
      await screenshot(`${demoBase}/`, width, `overview-${width}`, `document.querySelector('cchc-overview').scrollIntoView();`, 1800);
      // The merged city: its cards and charts, and the review at the top of the overview.
      await screenshot(`${demoBase}/?data=merged`, width, `merged-${width}`);
      await screenshot(`${demoBase}/?data=merged`, width, `merged-review-${width}`, `document.querySelector('cchc-overview').scrollIntoView();`, 1800);
    });
  }
});
