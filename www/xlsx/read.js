// An .xlsx workbook as the grid `engine.evaluateSheet` reads: each sheet's name, whether it
// is hidden, its rows of cells and its merged ranges. Only what a portal's export holds is
// read (values, shared and inline strings, formulas' saved values, number formats for
// percentages and dates, merges); everything else (styles, charts, comments) is left alone.
// The XML is read with a few regular expressions over Excel's own writing: no DOM, so it runs
// in a Worker and in Node alike.

import { xlsxError } from './errors.js';
import { entryText, zipEntries } from './zip.js';

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** `&amp;` and the other XML escapes, and `_x000D_` (Excel's escape of a control character). */
function unescape(s) {
  return s
    .replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (m, e) => {
      if (e === 'lt') return '<';
      if (e === 'gt') return '>';
      if (e === 'quot') return '"';
      if (e === 'apos') return "'";
      if (e === 'amp') return '&';
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (m, h) => String.fromCharCode(parseInt(h, 16)));
}

const attributeRes = new Map();

function attribute(tag, name) {
  let re = attributeRes.get(name);
  if (!re) attributeRes.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = re.exec(tag);
  return m ? (m[1].includes('&') ? unescape(m[1]) : m[1]) : null;
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic runs left out. */
function itemText(xml) {
  let text = '';
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) text += m[1] ? unescape(m[1]) : '';
  return text;
}

/** Built-in number formats that show a percentage or a date (ECMA-376 §18.8.30). */
const PERCENT_IDS = new Set([9, 10]);
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Each cell style's format: `percent`, `date` or null. */
function styleFormats(xml) {
  if (!xml) return [];
  const custom = new Map();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) custom.set(Number(attribute(m[0], 'numFmtId')), attribute(m[0], 'formatCode') ?? '');
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) return [];
  return [...xfs[1].matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attribute(m[0], 'numFmtId') ?? 0);
    if (PERCENT_IDS.has(id)) return 'percent';
    if (DATE_IDS.has(id)) return 'date';
    const code = custom.get(id);
    if (code === undefined) return null;
    // A format's literal text and colours are not what it shows.
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    if (bare.includes('%')) return 'percent';
    if (/[dmyhs]/i.test(bare)) return 'date';
    return null;
  });
}

/** `AB12` → [11, 27]. */
function position(ref) {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

function sheetRows(xml, shared, formats) {
  const rows = [];
  let nextRow = 0;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attribute(rowMatch[0], 'r') ?? nextRow + 1) - 1;
    nextRow = r + 1;
    const row = [];
    let nextCol = 0;
    for (const c of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const head = `<c${c[1]}>`;
      const ref = attribute(head, 'r');
      const col = ref ? position(ref)?.[1] ?? nextCol : nextCol;
      nextCol = col + 1;
      const body = c[2] ?? '';
      const type = attribute(head, 't') ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body);
      const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      let value = null;
      if (type === 's' && v) value = shared[Number(v[1])] ?? '';
      else if (type === 'inlineStr') value = itemText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (type === 'str' && v) value = unescape(v[1]);
      else if (type === 'b' && v) value = v[1] === '1';
      else if (type === 'e' && v) value = unescape(v[1]);
      else if (v) value = Number(v[1]);
      // Text without an escape is itself: most cells.
      const format = type === 'n' ? formats[Number(attribute(head, 's') ?? 0)] ?? null : null;
      if (value === null && !f) continue;
      while (row.length < col) row.push(null);
      row[col] = f || format ? { value, ...(f ? { formula: f[1] ? unescape(f[1]) : true } : {}), ...(format ? { format } : {}) } : value;
    }
    while (rows.length < r) rows.push([]);
    rows[r] = row;
  }
  return rows;
}

/** The bytes of a file: an ArrayBuffer, a typed array or a Blob (a dropped `File`). */
async function bytesOf(file) {
  if (file instanceof Uint8Array) return file;
  if (file instanceof ArrayBuffer) return new Uint8Array(file);
  if (ArrayBuffer.isView(file)) return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  if (typeof Blob !== 'undefined' && file instanceof Blob) return new Uint8Array(await file.arrayBuffer());
  throw Object.assign(xlsxError('XLSX_INVALID', 'notBytes'), { code: 'INVALID_ARGUMENT' });
}

/** A CFB (OLE) container: a password-protected .xlsx (its `EncryptionInfo` stream) or an old .xls. */
function cfbKind(bytes) {
  if (!CFB.every((b, i) => bytes[i] === b)) return null;
  const name = 'EncryptionInfo';
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return 'encrypted';
  }
  return 'oldXls';
}

/**
 * Reads an .xlsx into `{ sheets: [{ name, hidden, rows, merges }] }`. Throws a `CchcError`:
 * `XLSX_ENCRYPTED` for a password-protected file, `XLSX_INVALID` for anything that is not an
 * .xlsx (an old .xls, a broken zip).
 */
export async function readXlsx(file) {
  const bytes = await bytesOf(file);
  const cfb = cfbKind(bytes);
  if (cfb) throw xlsxError(cfb === 'encrypted' ? 'XLSX_ENCRYPTED' : 'XLSX_INVALID', cfb);
  const entries = zipEntries(bytes);
  const workbook = await entryText(entries, 'xl/workbook.xml');
  if (workbook === null) throw xlsxError('XLSX_INVALID', 'noWorkbook');
  const rels = (await entryText(entries, 'xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) targets.set(attribute(m[0], 'Id'), attribute(m[0], 'Target'));
  const sharedXml = (await entryText(entries, 'xl/sharedStrings.xml')) ?? '';
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => itemText(m[1] ?? ''));
  const formats = styleFormats(await entryText(entries, 'xl/styles.xml'));
  const sheets = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    const state = attribute(m[0], 'state');
    const target = targets.get(attribute(m[0], 'r:id')) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const xml = (await entryText(entries, path)) ?? '';
    const merges = [...xml.matchAll(/<mergeCell\b[^>]*>/g)].map((c) => attribute(c[0], 'ref')).filter(Boolean);
    sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', rows: sheetRows(xml, shared, formats), merges });
  }
  return { sheets };
}
