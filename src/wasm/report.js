// A report read on demand (issue 22): what `engine.report(source)` returns. The engine writes
// the whole report once, as the exact bytes of its JSON behind an index (`src/report/pack.rs`
// documents the layout); this class decodes only the members and rows that are asked for.
// The bytes are JavaScript's own (one copy out of WebAssembly): no `free()`, nothing tied to
// the engine that made them, and they can be cloned or sent to a Worker (`report.buffer`,
// `ProgressReport.fromBuffer`). A report made elsewhere (the command's JSON) is read through the
// same accessors with `ProgressReport.fromJSON`.
//
// This file needs no WebAssembly: a Worker or a page given a report imports it alone.

const MAGIC = 0x31505243; // "CRP1", little-endian
const FORMAT = 1;
const NONE = 0xffffffff;
const MEMBERS = ['plan', 'label', 'asOf', 'locale', 'options', 'results', 'levelSummaries', 'areas', 'summary', 'review', 'findings', 'portal766'];
const LISTS = ['results', 'levelSummaries', 'areas', 'findings', 'reviewRows'];
// The keys of each list's rows, in the index's order; `#` marks a number, not a text.
const KEYS = {
  results: ['indicator', 'unit', 'level', '#headline'],
  levelSummaries: ['indicator', 'level', '#year'],
  areas: ['id'],
  findings: ['indicator', 'unit', 'code'],
  reviewRows: ['indicator', 'level'],
};
const NAMES = {
  results: ['result', 'resultCount'],
  levelSummaries: ['levelSummary', 'levelSummaryCount'],
  areas: ['area', 'areaCount'],
  findings: ['finding', 'findingCount'],
  reviewRows: ['reviewRow', 'reviewRowCount'],
};

const decoder = new TextDecoder('utf-8', { fatal: true });
const BRAND = Symbol.for('cchc-progress.report');

/**
 * What every method of the package throws (see `CchcError` in its types): defined here, in the
 * module that needs no WebAssembly, so that the engine (`engine.js`), the reports and the
 * Worker door throw one class.
 */
export class CchcError extends Error {
  constructor(code, path, messageVi, messageEn, errors) {
    super(messageEn);
    this.name = 'CchcError';
    this.code = code;
    this.path = path;
    this.messageVi = messageVi;
    this.messageEn = messageEn;
    this.errors = errors;
  }
}

class ReportError extends CchcError {
  constructor(code, path, messageVi, messageEn) {
    super(code, path, messageVi, messageEn, [{ code, path, message: { vi: messageVi, en: messageEn } }]);
  }
}

function invalid(vi, en) {
  return new ReportError('REPORT_INVALID', '$', `không đọc được báo cáo đã gói: ${vi}`, `the packed report cannot be read: ${en}`);
}

function bytesOf(value) {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
    return new Uint8Array(value);
  }
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

/** The index of a packed buffer, checked so that no span points outside it. */
function readIndex(bytes) {
  if (bytes.byteLength < 35 * 4) throw invalid('quá ngắn', 'too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const word = (i) => view.getUint32(i * 4, true);
  if (word(0) !== MAGIC) throw invalid('không phải báo cáo của `engine.report`', 'not a report made by `engine.report`');
  if (word(1) !== FORMAT) {
    throw invalid(`dạng gói ${word(1)}, bản này đọc dạng ${FORMAT}`, `packed in layout ${word(1)}; this version reads layout ${FORMAT}`);
  }
  const count = word(2);
  const jsonLength = word(3);
  const extraLength = word(4);
  const stringsLength = word(5);
  const start = count * 4;
  if (count < 35 || start + jsonLength + extraLength + stringsLength !== bytes.byteLength) {
    throw invalid('độ dài các phần không khớp', 'the lengths of its parts do not add up');
  }
  const words = new Uint32Array(count);
  for (let i = 0; i < count; i++) words[i] = word(i);
  const lists = {};
  let at = 35;
  for (const name of LISTS) {
    if (at + 2 > count) throw invalid('mục lục bị cắt', 'its index is cut short');
    const n = words[at];
    const width = words[at + 1];
    if (width !== KEYS[name].length || at + 2 + n * (2 + width) > count) throw invalid('mục lục bị cắt', 'its index is cut short');
    lists[name] = { n, width, at: at + 2 };
    at += 2 + n * (2 + width);
  }
  const inJson = (a, b) => (a === NONE && b === NONE) || (a <= b && b <= jsonLength);
  for (let i = 7; i < 31; i += 2) if (!inJson(words[i], words[i + 1])) throw invalid('một phần nằm ngoài báo cáo', 'a part lies outside the report');
  for (const name of LISTS) {
    const { n, width, at: from } = lists[name];
    for (let i = 0; i < n; i++) {
      const p = from + i * (2 + width);
      if (!inJson(words[p], words[p + 1])) throw invalid('một dòng nằm ngoài báo cáo', 'a row lies outside the report');
    }
  }
  let strings;
  try {
    strings = JSON.parse(decoder.decode(bytes.subarray(start + jsonLength + extraLength)));
  } catch {
    throw invalid('bảng chữ hỏng', 'its table of texts is broken');
  }
  if (!Array.isArray(strings)) throw invalid('bảng chữ hỏng', 'its table of texts is broken');
  return { words, lists, start, jsonLength, extraLength, strings, kind: words[6] };
}

function parse(bytes, a, b) {
  try {
    return JSON.parse(decoder.decode(bytes.subarray(a, b)));
  } catch {
    throw invalid('một phần không phải JSON', 'a part is not JSON');
  }
}

function checkIndex(list, i, n) {
  if (Number.isInteger(i) && i >= 0 && i < n) return;
  const shown = typeof i === 'number' ? String(i) : typeof i;
  const [method] = NAMES[list];
  throw new ReportError(
    'REPORT_INDEX_OUT_OF_RANGE',
    `$.${list}[${shown}]`,
    `\`${method}(${shown})\` ngoài phạm vi: báo cáo có ${n} mục (chỉ số từ 0 đến ${n - 1})`,
    `\`${method}(${shown})\` is out of range: the report has ${n} (indexes 0 to ${n - 1})`,
  );
}

function checkFilter(filter, list) {
  if (filter === undefined) return {};
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new ReportError('INVALID_ARGUMENT', '$', `bộ lọc phải là một đối tượng, ví dụ \`{ indicator: "…" }\``, `a filter must be an object, such as \`{ indicator: "…" }\``);
  }
  const allowed = KEYS[list].map((k) => k.replace('#', ''));
  for (const key of Object.keys(filter)) {
    if (!allowed.includes(key)) {
      throw new ReportError(
        'INVALID_ARGUMENT',
        `$.${key}`,
        `bộ lọc của ${list} không có trường \`${key}\`; chỉ có ${allowed.map((k) => `\`${k}\``).join(', ')}`,
        `a filter of ${list} has no field \`${key}\`; it has ${allowed.map((k) => `\`${k}\``).join(', ')}`,
      );
    }
  }
  return filter;
}

/** Whether a plain row matches a filter (a report made from JSON). */
function rowMatches(row, filter, list) {
  for (const key of KEYS[list]) {
    const name = key.replace('#', '');
    if (!(name in filter) || filter[name] === undefined) continue;
    const have = row[name] === undefined ? null : row[name];
    const want = name === 'headline' ? Boolean(filter[name]) : filter[name];
    if (have !== want) return false;
  }
  return true;
}

export class ProgressReport {
  #bytes = null; // Uint8Array, a packed report
  #index = null;
  #object = null; // a report made from JSON
  #head = new Map();

  /** Use `engine.report(source)`, `ProgressReport.fromBuffer(bytes)` or `ProgressReport.fromJSON(value)`. */
  constructor(bytes, object) {
    if (bytes) {
      this.#index = readIndex(bytes);
      this.#bytes = bytes;
    } else {
      this.#object = object;
    }
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A packed report from its bytes (`report.buffer`, e.g. after `postMessage`). */
  static fromBuffer(bytes) {
    const b = bytesOf(bytes);
    if (!b) throw invalid('cần `Uint8Array` hoặc `ArrayBuffer`', 'expected a `Uint8Array` or an `ArrayBuffer`');
    return new ProgressReport(b, null);
  }

  /**
   * A report made elsewhere (the command's output, `toJSON()` of another report), as an object
   * or JSON text, read through the same accessors.
   */
  static fromJSON(value) {
    let object = value;
    if (typeof value === 'string') {
      try {
        object = JSON.parse(value);
      } catch (e) {
        throw new ReportError('REPORT_INVALID', '$', `báo cáo không phải JSON hợp lệ: ${e.message}`, `the report is not valid JSON: ${e.message}`);
      }
    }
    if (ProgressReport.isReport(object)) return object;
    if (!object || typeof object !== 'object' || !Array.isArray(object.results) || !object.plan || typeof object.plan !== 'object') {
      throw new ReportError(
        'REPORT_INVALID',
        '$',
        'không phải báo cáo (cần kết quả của `npx cchc-progress report` hoặc `report.toJSON()`)',
        'not a report (expected what `npx cchc-progress report` or `report.toJSON()` makes)',
      );
    }
    return new ProgressReport(null, object);
  }

  /** Whether `value` is a `ProgressReport` (of any copy of this package). */
  static isReport(value) {
    return value !== null && typeof value === 'object' && value[BRAND] === true;
  }

  /** The packed bytes (send them with `postMessage`; `ProgressReport.fromBuffer` reads them back); `undefined` for a report made from JSON. */
  get buffer() {
    return this.#bytes ?? undefined;
  }

  #member(name) {
    if (this.#object) return name === 'review' ? this.#object.review : this.#object[name];
    if (this.#head.has(name)) return this.#head.get(name);
    const slot = MEMBERS.indexOf(name);
    const a = this.#index.words[7 + 2 * slot];
    const b = this.#index.words[8 + 2 * slot];
    const value = a === NONE ? undefined : parse(this.#bytes, this.#index.start + a, this.#index.start + b);
    this.#head.set(name, value);
    return value;
  }

  get plan() { return this.#member('plan'); }
  get label() { return this.#member('label'); }
  get asOf() { return this.#member('asOf'); }
  get locale() { return this.#member('locale'); }
  get options() { return this.#member('options'); }
  get summary() { return this.#member('summary'); }
  get areas() { return this.#member('areas'); }
  /** The final review, whole (its rows are few); `undefined` before the plan's end. */
  get review() { return this.#member('review'); }
  /** The portal's figures and scores, for a report made from 766 answers. */
  get portal766() {
    if (this.#object) return this.#object.portal766;
    return this.#index.kind === 1 ? this.#member('portal766') : undefined;
  }
  /** How the sheet was read (skipped rows, guesses), for a report made from a sheet. */
  get sheet() {
    if (this.#object) return this.#object.sheet;
    if (this.#index.kind !== 2) return undefined;
    if (!this.#head.has('sheet')) {
      const a = this.#index.start + this.#index.jsonLength;
      this.#head.set('sheet', parse(this.#bytes, a, a + this.#index.extraLength));
    }
    return this.#head.get('sheet');
  }

  #rows(list) {
    if (!this.#object) return null;
    return list === 'reviewRows' ? this.#object.review?.rows ?? [] : this.#object[list] ?? [];
  }

  #count(list) {
    const rows = this.#rows(list);
    return rows ? rows.length : this.#index.lists[list].n;
  }

  #row(list, i) {
    const n = this.#count(list);
    checkIndex(list, i, n);
    const rows = this.#rows(list);
    if (rows) return rows[i];
    const { width, at } = this.#index.lists[list];
    const p = at + i * (2 + width);
    const w = this.#index.words;
    return parse(this.#bytes, this.#index.start + w[p], this.#index.start + w[p + 1]);
  }

  #find(list, filter) {
    const f = checkFilter(filter, list);
    const rows = this.#rows(list);
    if (rows) return rows.filter((row) => rowMatches(row, f, list));
    const { n, width, at } = this.#index.lists[list];
    const keys = KEYS[list];
    const { words, strings } = this.#index;
    // Each asked-for text as its index in the table (absent: nothing matches).
    const want = keys.map((key) => {
      const name = key.replace('#', '');
      if (!(name in f) || f[name] === undefined) return undefined;
      if (key.startsWith('#')) return name === 'headline' ? Number(Boolean(f[name])) : f[name];
      if (f[name] === null) return NONE;
      const k = strings.indexOf(f[name]);
      return k < 0 ? -1 : k;
    });
    const out = [];
    for (let i = 0; i < n; i++) {
      const p = at + i * (2 + width) + 2;
      let ok = true;
      for (let k = 0; k < width && ok; k++) if (want[k] !== undefined && words[p + k] !== want[k]) ok = false;
      if (ok) out.push(this.#row(list, i));
    }
    return out;
  }

  get resultCount() { return this.#count('results'); }
  /** Result row `i` (0 ≤ i < `resultCount`). */
  result(i) { return this.#row('results', i); }
  /** The result rows matching `{ indicator, unit, level, headline }` (each optional). */
  results(filter) { return this.#find('results', filter); }

  get levelSummaryCount() { return this.#count('levelSummaries'); }
  levelSummary(i) { return this.#row('levelSummaries', i); }
  /** The level summaries matching `{ indicator, level, year }`. */
  levelSummaries(filter) { return this.#find('levelSummaries', filter); }

  get findingCount() { return this.#count('findings'); }
  finding(i) { return this.#row('findings', i); }
  /** The findings matching `{ indicator, unit, code }` (`unit: null`: findings of no unit). */
  findings(filter) { return this.#find('findings', filter); }

  get reviewRowCount() { return this.#count('reviewRows'); }
  reviewRow(i) { return this.#row('reviewRows', i); }
  /** The review rows matching `{ indicator, level }`. */
  reviewRows(filter) { return this.#find('reviewRows', filter); }

  /** The report's JSON text: for a packed report, the exact bytes the engine wrote (the command prints them). */
  text() {
    if (this.#object) return JSON.stringify(this.#object);
    const { start, jsonLength } = this.#index;
    const text = decoder.decode(this.#bytes.subarray(start, start + jsonLength));
    return text;
  }

  /** The whole report as plain objects: what `engine.evaluate` returns. */
  toJSON() {
    if (this.#object) return this.#object;
    const { start, jsonLength } = this.#index;
    return parse(this.#bytes, start, start + jsonLength);
  }
}

/** For the engine: a packed report from the bytes WebAssembly copied out. */
export function fromPacked(bytes) {
  return new ProgressReport(bytes, null);
}

/**
 * For the engine: the reports of several plans, `{ plans, reports }` as `evaluatePlans` returns
 * them: `plans` in the engine's order, `reports` keyed in `keyOrder` (the order of the
 * engine's own map, sorted by id).
 */
export function planReports(ids, buffers, keyOrder) {
  const reports = {};
  for (const id of keyOrder) reports[id] = new ProgressReport(buffers[ids.indexOf(id)], null);
  return { plans: ids, reports };
}
