// One engine per page (per rule pack), one fetch per URL, one evaluation per data source and
// as-of date: several widgets given the same data share the same promise. Nothing here ever
// requests a URL outside the page's own origin.
//
// The engine (the WebAssembly module and its glue) is loaded only when a widget must
// evaluate: a page that gives the widgets a report made ahead of time (`report`,
// `report-src`) downloads none of it. When it is needed, the glue and the `.wasm` are
// requested at once, and the module compiles while it downloads.
//
// Two builds of the engine ship (`load.js`): the widgets load the smaller `lite` one (no 766
// answers, no sheets, no rule-pack reader: only the embedded plans), and the `full` one only
// for a page that gives them 766 answers or a rule pack by URL (`plan`), or that loads it
// anyway (`import { Engine } from 'cchc-progress'`: one `.wasm` per page).
// `getEngine(plan, { full: true })` is the full engine (`evaluatePortal766`, `evaluateSheet`).
// Each glue, its `.wasm` and its spare are named literally, so that bundlers resolve them.
// The reader of plain reports is part of the widgets' module: a page given a report made
// ahead of time (the lightest first view) then needs no other script. Fetching it on demand
// instead saved 2.6 KiB and cost that page a round trip (firstview.mjs: 839 ms on the phone
// profile, 3 requests).
import { ProgressReport } from '../report.js';

const BUILDS = {
  lite: {
    wasm: new URL('../cchc_progress_lite_bg.wasm', import.meta.url),
    glue: () => import('../cchc_progress_lite.js'),
    spare: () => import('../cchc_progress_lite_spare.js'),
  },
  full: {
    wasm: new URL('../cchc_progress_bg.wasm', import.meta.url),
    glue: () => import('../cchc_progress.js'),
    spare: () => import('../cchc_progress_spare.js'),
  },
};
// Per build: its loading (`ready`), how many times its module was instantiated (`loads`),
// the API it resolved to (`mod`), the compiled module and the spare glue (see `loadModule`).
for (const b of Object.values(BUILDS)) Object.assign(b, { ready: undefined, loads: 0, mod: undefined, compiled: undefined, spareLoad: undefined });

/**
 * The build for a call: the full one when asked for, for a rule pack given by URL (the lite
 * build reads only the embedded plans: Cargo.toml's `rule-packs`), or when this page loads it
 * already (`load.js`).
 */
function buildFor(full, plan = '') {
  const pack = plan !== '' && !plan.startsWith('embedded:');
  return full || pack || globalThis[Symbol.for('cchc-progress.builds')]?.has('full') ? 'full' : 'lite';
}

const engines = new Map();
const texts = new Map();
// Evaluations keyed by the identity of their data: an object (input, csv options) or a string (URL).
const byObject = new WeakMap();
const byString = new Map();

/** An error the widgets show as a message in the reader's language. */
export class WidgetError extends Error {
  constructor(code, messageVi, messageEn, { neutral = false } = {}) {
    super(messageEn);
    this.name = 'WidgetError';
    this.code = code;
    this.messageVi = messageVi;
    this.messageEn = messageEn;
    /** Shown to citizens as a plain sentence; the details went to the console. */
    this.neutral = neutral;
  }
}

// A policy that blocks WebAssembly says so in the browser's message (Chromium: "'unsafe-eval'
// is not an allowed source", Firefox: "blocked by CSP", WebKit: "Refused to create a
// WebAssembly object because 'unsafe-eval' or 'wasm-unsafe-eval' ...").
const CSP_BLOCKED = /wasm-unsafe-eval|unsafe-eval|\bCSP\b|Content.Security.Policy|Refused to (compile|create)/i;
let told = false;

/** What the widgets show when the WebAssembly module cannot be loaded, and one console line for the developer. */
function engineUnavailable(cause) {
  const text = String(cause?.message ?? cause);
  const csp = CSP_BLOCKED.test(text);
  if (!told) {
    told = true;
    console.error(
      csp
        ? `cchc-progress: this page's Content-Security-Policy blocks WebAssembly; add 'wasm-unsafe-eval' to script-src (for example: script-src 'self' 'wasm-unsafe-eval'). The browser said: ${text}`
        : `cchc-progress: the WebAssembly engine could not be loaded (is cchc_progress_bg.wasm served next to cchc_progress.js, as application/wasm?). The browser said: ${text}`,
    );
  }
  const error = new WidgetError(
    csp ? 'WASM_BLOCKED' : 'ENGINE_LOAD_FAILED',
    'Không hiển thị được số liệu tiến độ trên trang này lúc này.',
    'Progress figures cannot be shown on this page right now.',
    { neutral: true },
  );
  error.cause = cause;
  return error;
}

/**
 * Loads the WebAssembly module once per page: the one place the widgets load the engine.
 * Resolves to the module's API (`Engine`, `version`); rejects with a `WidgetError`
 * (`WASM_BLOCKED`, `ENGINE_LOAD_FAILED`) the widgets show plainly. `{ full: true }`: the
 * full build's (see `BUILDS`); `{ plan }`: the build that `getEngine(plan)` will use.
 */
export function initEngine({ full = false, plan = '' } = {}) {
  // `loads`: how many times the build's module has been instantiated on this page: once, and
  // once more after the browser's WebAssembly stopped a call of the first instance.
  const b = BUILDS[buildFor(full, plan)];
  b.ready ??= loadModule(b, b.loads++).then(
    (mod) => (b.mod = mod),
    (e) => {
      throw engineUnavailable(e);
    },
  );
  return b.ready;
}

// The module compiled on the first loading (`compiled`), and a second copy of the glue
// (`spareLoad`) imported as soon as the first is ready: after a trap, the widgets instantiate
// the compiled module there, synchronously. On a page where a trap had happened, WebKitGTK
// 2.50 (whose JIT is what traps) now and then never finished an import, a compilation or an
// instantiation it was asked for after it; so nothing after a trap waits for the network or
// for the browser. The copy is a file of the package (`cchc_progress_spare.js`,
// `cchc_progress_lite_spare.js`: a module of its own, so an instance of its own).
// The package as it ships (not bundled into a page's own chunks): there the `.wasm` is
// requested at once beside the glue, one round trip earlier. webpack keeps the module's own
// path, and resolves the URL to the same asset as the glue's.
const AS_SHIPPED = /\/elements\/(index|engine)\.js$/.test(new URL(import.meta.url).pathname);
const REQUESTS = Symbol.for('cchc-progress.wasm-requests');

async function loadModule(b, n) {
  if (n > 0) {
    const mod = await b.spareLoad;
    if (!mod || !b.compiled) throw new Error('the module cannot be loaded a second time here');
    mod.initSync({ module: b.compiled });
    return mod;
  }
  // The request, kept page-wide for `load()` (load.js), unless the package's entry made it.
  const requests = (globalThis[REQUESTS] ??= new Map());
  if (AS_SHIPPED && !requests.has(b.wasm.href)) {
    requests.set(
      b.wasm.href,
      fetch(b.wasm).then(
        (r) => (r.ok ? r : null),
        () => null,
      ),
    );
  }
  // One loading per page, shared with `import { Engine } from 'cchc-progress'`.
  const [mod, { load }] = await Promise.all([b.glue(), import('../load.js')]);
  b.compiled = await load(b === BUILDS.full ? 'full' : 'lite');
  if (b.compiled) b.spareLoad = b.spare().catch(() => null);
  return mod;
}

const modules = new WeakMap();
// The loading of the module whose WebAssembly stopped a call, once one has, and its error.
let trappedIn;
let firstTrap;

/**
 * `use(engine)` with the engine for `plan`. When the browser's WebAssembly stops the call
 * (`ENGINE_TRAPPED`: the engine's code is deterministic, so this is the browser's doing,
 * seen now and then in WebKitGTK), that instance is dropped, the compiled module is
 * instantiated again in the spare loading of the glue, and the call runs once more there:
 * once per page. A trap there is shown to citizens as a plain sentence, with one line for
 * the developer in the console.
 */
async function withEngine(plan, use, { full = false } = {}) {
  const engine = await getEngine(plan, { full });
  try {
    return use(engine);
  } catch (e) {
    if (e?.code !== 'ENGINE_TRAPPED') throw e;
    const mod = modules.get(engine);
    if (trappedIn === undefined) {
      trappedIn = mod;
      firstTrap = e;
      console.warn(`cchc-progress: ${e.messageEn}. Loading the module again and evaluating once more.`);
      for (const b of Object.values(BUILDS)) if (b.mod === mod) b.ready = undefined;
      engines.clear();
    } else if (trappedIn !== mod) {
      throw afterTrap(e);
    }
  }
  let again;
  try {
    again = await getEngine(plan, { full });
  } catch (e) {
    throw afterTrap(firstTrap ?? e);
  }
  try {
    return use(again);
  } catch (e) {
    throw e?.code === 'ENGINE_TRAPPED' ? afterTrap(e) : e;
  }
}

/** What citizens are shown after a trap (`ENGINE_TRAPPED`), and one console line. */
export function afterTrap(cause) {
  console.error(`cchc-progress: ${cause?.messageEn ?? cause}. The figures are not shown; reloading the page usually helps. Please report it with the browser's name and version.`);
  const error = new WidgetError(
    'ENGINE_TRAPPED',
    'Không hiển thị được số liệu tiến độ trên trang này lúc này.',
    'Progress figures cannot be shown on this page right now.',
    { neutral: true },
  );
  error.cause = cause;
  return error;
}

/** The absolute URL of `url` when it is on the page's own origin; throws otherwise. */
export function sameOrigin(url) {
  let absolute;
  try {
    absolute = new URL(url, document.baseURI);
  } catch {
    throw new WidgetError('BAD_URL', `địa chỉ \`${url}\` không hợp lệ`, `\`${url}\` is not a valid address`);
  }
  if (absolute.origin !== location.origin) {
    throw new WidgetError(
      'OFF_ORIGIN',
      `không tải dữ liệu từ \`${absolute.origin}\`: tiện ích chỉ đọc tệp trên cùng trang web`,
      `will not load data from \`${absolute.origin}\`: the widget only reads files from this site`,
    );
  }
  return absolute.href;
}

/** The text of a same-origin URL, fetched once per page. */
export function fetchText(url) {
  const href = sameOrigin(url);
  if (!texts.has(href)) {
    const p = fetch(href, { credentials: 'same-origin', redirect: 'error' }).then(async (res) => {
      if (!res.ok) {
        throw new WidgetError(
          'FETCH_FAILED',
          `không tải được \`${url}\` (HTTP ${res.status})`,
          `could not load \`${url}\` (HTTP ${res.status})`,
        );
      }
      return { text: await res.text(), type: res.headers.get('content-type') ?? '' };
    });
    p.catch(() => texts.delete(href));
    texts.set(href, p);
  }
  return texts.get(href);
}

const jsons = new Map();

/** A same-origin JSON file, parsed once per page (so widgets share one object and its evaluation). */
export function fetchJson(url) {
  const href = sameOrigin(url);
  if (!jsons.has(href)) {
    const p = fetchText(href).then(({ text }) => {
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new WidgetError('BAD_JSON', `tệp \`${url}\` không phải JSON hợp lệ: ${e.message}`, `\`${url}\` is not valid JSON: ${e.message}`);
      }
    });
    p.catch(() => jsons.delete(href));
    jsons.set(href, p);
  }
  return jsons.get(href);
}

/**
 * The engine for a rule pack URL, for an embedded plan named `embedded:NAME`
 * (`embedded:can-tho-2026-2030`; an unknown name is the engine's `UNKNOWN_PLAN`), or for the
 * embedded Cần Thơ plan when `plan` is empty. `{ full: true }`: an engine of the full build
 * (`evaluatePortal766`, `evaluateSheet`, `readSheet`); otherwise the widgets' smaller one,
 * except for a rule pack URL, which only the full build reads (`fromPlan`).
 */
export function getEngine(plan = '', { full = false } = {}) {
  const name = plan.startsWith('embedded:') ? plan.slice('embedded:'.length) : null;
  const build = buildFor(full, plan);
  const key = `${build}\u0000${name !== null ? plan : plan ? sameOrigin(plan) : ''}`;
  if (!engines.has(key)) {
    const p = initEngine({ full: build === 'full' }).then(async (mod) => {
      if (name !== null) {
        const engine = mod.Engine.embedded(name);
        modules.set(engine, mod);
        return engine;
      }
      const { text } = plan && name === null ? await fetchText(sameOrigin(plan)) : { text: null };
      const engine = text === null ? new mod.Engine() : mod.Engine.fromPlan(text);
      modules.set(engine, mod);
      return engine;
    });
    p.catch(() => engines.delete(key));
    engines.set(key, p);
  }
  return engines.get(key);
}

function memo(identity, key, compute) {
  let table;
  if (typeof identity === 'string') {
    table = byString.get(identity);
    if (!table) byString.set(identity, (table = new Map()));
  } else {
    table = byObject.get(identity);
    if (!table) byObject.set(identity, (table = new Map()));
  }
  if (!table.has(key)) {
    const p = compute();
    p.catch(() => table.delete(key));
    table.set(key, p);
  }
  return table.get(key);
}

function isCsv(url, type) {
  return /\.csv$/i.test(new URL(url, document.baseURI).pathname) || /\bcsv\b/i.test(type);
}

function withAsOf(object, asOf) {
  return asOf ? { ...object, asOf } : object;
}

// What a `ProgressReport` of any copy of the package carries (`report.js`).
const REPORT_BRAND = Symbol.for('cchc-progress.report');

/**
 * A report the widgets read: a `ProgressReport` as it is (`engine.report`), or a plain report
 * (`npx cchc-progress report`, `engine.evaluate`, `report.toJSON()`) read through the same
 * accessors. Anything else is `NOT_A_REPORT`.
 */
export async function readable(report) {
  if (report?.[REPORT_BRAND] === true) return report;
  if (!isReport(report)) {
    throw new WidgetError(
      'NOT_A_REPORT',
      'giá trị gán cho `report` không phải báo cáo (cần kết quả của `engine.report`, `engine.evaluate` hoặc `npx cchc-progress report`); dữ liệu đầu vào thì gán cho `input`',
      'the value set as `report` is not a report (expected what `engine.report`, `engine.evaluate` or `npx cchc-progress report` makes); set input data as `input`',
    );
  }
  return ProgressReport.fromJSON(report);
}

/**
 * Evaluates a data source once per page, plan and as-of date. `source` is one of
 * `{ report }`, `{ reportSrc }`, `{ input }`, `{ csv, csvOptions }` or `{ src, csvOptions? }`
 * (a JSON or CSV URL on this origin). Resolves to `{ report, units }`: `report` is a
 * `ProgressReport` (`engine.report`: its rows are read when a widget shows them; a report
 * given as plain objects is read through the same accessors) and `units` are the input's
 * units when known (for names and parents); or rejects with a `CchcError` or `WidgetError`.
 */
export function evaluateShared(source, { plan = '', asOf = '' } = {}) {
  const key = `${plan}\u0000${asOf}`;
  if (source.report) return readable(source.report).then((report) => ({ report, units: source.units ?? null }));
  if (source.reportSrc) {
    return memo(`report:${source.reportSrc.startsWith('#') ? source.reportSrc : sameOrigin(source.reportSrc)}`, '', () =>
      reportFrom(source.reportSrc).then((report) => {
        if (!isReport(report)) throw notAReport(source.reportSrc);
        return readable(report).then((r) => ({ report: r, units: null }));
      }),
    );
  }
  if (source.input) {
    return memo(source.input, key, async () => {
      const input = withAsOf(source.input, asOf);
      return { report: await evaluateLarge(plan, input, (input.observations?.length ?? 0) >= WORKER_OBSERVATIONS), units: input.units ?? null };
    });
  }
  if (typeof source.csv === 'string') {
    const options = source.csvOptions;
    if (!options) throw missingCsvOptions();
    return memo(options, `${key}\u0000${source.csv}`, async () => {
      const opts = withAsOf(options, asOf);
      return { report: await evaluateLarge(plan, { csv: source.csv, options: opts }, source.csv.length >= WORKER_CSV_CHARS), units: opts.units ?? null };
    });
  }
  if (source.src) {
    const href = sameOrigin(source.src);
    const identity = source.csvOptions ?? `src:${href}`;
    return memo(identity, `${key}\u0000${href}`, async () => {
      const [, { text, type }] = await Promise.all([getEngine(plan), fetchText(href)]);
      if (isCsv(href, type)) {
        if (!source.csvOptions) throw missingCsvOptions();
        const opts = withAsOf(source.csvOptions, asOf);
        return { report: await evaluateLarge(plan, { csv: text, options: opts }, text.length >= WORKER_CSV_CHARS), units: opts.units ?? null };
      }
      let input;
      try {
        input = JSON.parse(text);
      } catch (e) {
        throw new WidgetError('BAD_JSON', `tệp \`${source.src}\` không phải JSON hợp lệ: ${e.message}`, `\`${source.src}\` is not valid JSON: ${e.message}`);
      }
      if (asOf && input && typeof input === 'object' && !Array.isArray(input)) input = withAsOf(input, asOf);
      const portal = await portal766Source(input, href, plan);
      if (portal) return portal;
      const large = Array.isArray(input?.observations) && input.observations.length >= WORKER_OBSERVATIONS;
      return { report: await evaluateLarge(plan, input, large), units: Array.isArray(input?.units) ? input.units : null };
    });
  }
  return Promise.resolve(null);
}

// From how many observations (or characters of CSV) the widgets evaluate in a Worker
// (`cchc-progress/worker`) instead of on the page's main thread (issue 22.4). On the phone
// profile (the CPU slowed 4×) the engine takes about 20 ms per thousand observations on the
// main thread, so 10 000 is about the 200 ms a task may last; below that, a Worker's start
// (its own `.wasm`, the full build, compiled there) costs more than it saves.
const WORKER_OBSERVATIONS = 10000;
const WORKER_CSV_CHARS = 600000;
let workerFailed = false;

/**
 * `engine.report(source)` for the widgets: in a Worker when the data is `large` and the page
 * can start one, else on the main thread (with the retry of `withEngine`). A Worker that
 * cannot start (a Content-Security-Policy without `worker-src 'self'`, a browser without
 * module Workers) or whose WebAssembly stopped: the main thread, and one console line. The
 * engine's own errors (bad data) are the same either way and are not retried.
 */
async function evaluateLarge(plan, source, large) {
  const onMain = () => withEngine(plan, (engine) => engine.report(source));
  if (!large || workerFailed || typeof Worker !== 'function') return onMain();
  let plans;
  if (plan.startsWith('embedded:')) plans = [plan.slice('embedded:'.length)];
  else if (plan) plans = [(await fetchText(sameOrigin(plan))).text];
  try {
    const { evaluateInWorker } = await import('../worker/index.js');
    return await evaluateInWorker(source, plans ? { plans } : {});
  } catch (e) {
    if (e?.name === 'CchcError' && e.code !== 'ENGINE_TRAPPED') throw e;
    workerFailed = true;
    console.warn(`cchc-progress: evaluating on the page's main thread, as a Worker could not (${e?.messageEn ?? e?.message ?? e}).`);
    return onMain();
  }
}

const inPage = new Map();

/**
 * The report a `report-src` names: a same-origin URL, or `#id` of a
 * `<script type="application/json">` in the page (a page made with its report inside, which
 * then needs no request at all). Read once per page.
 */
function reportFrom(ref) {
  if (!ref.startsWith('#')) return fetchJson(ref);
  if (!inPage.has(ref)) {
    const p = Promise.resolve().then(() => {
      const node = document.getElementById(ref.slice(1));
      if (!node || node.localName !== 'script' || !/^application\/(ld\+)?json$/i.test(node.type)) {
        throw new WidgetError(
          'REPORT_NOT_FOUND',
          `trang không có \`<script type="application/json" id="${ref.slice(1)}">\` chứa báo cáo`,
          `the page has no \`<script type="application/json" id="${ref.slice(1)}">\` holding the report`,
        );
      }
      try {
        return JSON.parse(node.textContent);
      } catch (e) {
        throw new WidgetError('BAD_JSON', `báo cáo \`${ref}\` không phải JSON hợp lệ: ${e.message}`, `the report \`${ref}\` is not valid JSON: ${e.message}`);
      }
    });
    p.catch(() => inPage.delete(ref));
    inPage.set(ref, p);
  }
  return inPage.get(ref);
}

/** Whether `value` looks like a report (`npx cchc-progress report`, `engine.evaluate`). */
export function isReport(value) {
  return value !== null && typeof value === 'object' && Array.isArray(value.results) && typeof value.plan === 'object' && value.plan !== null;
}

function notAReport(url) {
  return new WidgetError(
    'NOT_A_REPORT',
    `tệp \`${url}\` không phải báo cáo (cần kết quả của \`npx cchc-progress report\` hoặc \`engine.evaluate\`); dữ liệu đầu vào thì đặt ở \`src\``,
    `\`${url}\` is not a report (expected what \`npx cchc-progress report\` or \`engine.evaluate\` makes); give input data as \`src\``,
  );
}

function missingCsvOptions() {
  return new WidgetError(
    'CSV_NEEDS_OPTIONS',
    'dữ liệu CSV cần danh sách đơn vị: đặt thuộc tính `csv-options` hoặc `csvOptions`',
    'CSV data needs the list of units: set the `csv-options` attribute or the `csvOptions` property',
  );
}

/**
 * The national portal's 766 answers named by `src`: a manifest `{ asOf, unitMap, …, answers:
 * [{ endpoint, period, file }] }` whose files (on this origin, relative to the manifest) are
 * the answers as saved; evaluated with `evaluatePortal766`. `null` when `value` is not one. A
 * single saved answer (`{ code, data }`) does not say its endpoint and period: refused.
 */
async function portal766Source(value, href, plan) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  if (!Array.isArray(value.answers)) {
    if ('code' in value && value.data && typeof value.data === 'object') {
      throw new WidgetError(
        'PORTAL766_NEEDS_MANIFEST',
        'tệp là một câu trả lời của Cổng Dịch vụ công quốc gia, không nói endpoint và kỳ: hãy trỏ `src` vào một tệp kê `{"asOf", "answers": [{"endpoint", "period", "file"}]}`',
        'the file is one answer of the National Public Service Portal, which does not say its endpoint and period: point `src` at a manifest `{"asOf", "answers": [{"endpoint", "period", "file"}]}`',
      );
    }
    return null;
  }
  const { answers, ...options } = value;
  const list = await Promise.all(
    answers.map(async (a) => {
      if (!a || typeof a !== 'object' || typeof a.file !== 'string') return a; // the engine says what is wrong
      const { file, ...entry } = a;
      const { text } = await fetchText(new URL(file, href).href);
      return { name: file, ...entry, answer: text };
    }),
  );
  const report = await withEngine(plan, (engine) => engine.report({ portal766: list, options }), { full: true });
  return { report, units: Array.isArray(options.units) ? options.units : null };
}
