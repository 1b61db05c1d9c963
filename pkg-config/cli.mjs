#!/usr/bin/env node
// `npx cchc-progress report data.csv --as-of 2025-12-31 > report.json`: a portal computes its
// report ahead of time (nightly, or when it builds its pages) and gives the widgets the
// report, so that a citizen's browser downloads no WebAssembly at all. The same engine as
// `evaluate`, `evaluateJson` and `evaluateCsv`, with the same options, through
// `engine.report`: the report's JSON is written as the engine wrote it, no objects between.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

const HELP = `cchc-progress report: progress against Cần Thơ's 2021–2025 administrative-reform plan
(Decision 4168/QĐ-UBND), computed from a portal's figures, as a report JSON file.

Usage:
  cchc-progress report <data.json | data.csv | -> [options] > report.json

The data is an evaluation input (JSON: asOf, locale, label, options, units, observations) or
a CSV export of observations (header indicator,unit,period,value,numerator,denominator,
rank,count,done; then the units and the rest come from --context or the options below).
"-" reads standard input (JSON unless --format csv).

Options (each overrides the same field of the input):
  --as-of YYYY-MM-DD        the date the report describes
  --locale vi|en            the language of titles and of the chosen "title" fields
  --label TEXT              a label echoed in the report ("SAMPLE FIGURES")
  --ramp-reading schedule|increment|relative
  --baseline-year YYYY      start every trend at this year
  --text both|none          none: numbers and codes only, without the sentences
  --only-indicators ID,ID   only these indicators' rows (options.only.indicators)
  --only-units ID,ID        only these units' rows (options.only.units)
  --context FILE            a JSON file with the rest of the input for CSV data: asOf,
                            locale, label, options and units (what evaluateCsv takes)
  --portal766 ENDPOINT@PERIOD=FILE
                            a saved answer of the National Public Service Portal's 766 index
                            (repeat for several endpoints, periods and pages), e.g.
                            --portal766 dossier-digitized@2026=digitized-2026.json; the rest
                            (asOf, unitMap, units…) from --context. A JSON data file with
                            "answers": [{ endpoint, period, file }] is such a manifest too
  --sheet FILE.xlsx|FILE.csv
                            a portal's export as it is (Vietnamese headings, unit names, a
                            totals row…), read with --sheet-mapping (which cells say what,
                            see "Portal exports as they are" in the README); the rest (asOf,
                            units…) from --context. A CSV is UTF-8, or UTF-16 with its BOM
  --sheet-mapping FILE      the mapping (JSON) of --sheet
  --sheet-reading FILE      write how the sheet was read (every skipped row and every guess,
                            with its cell) to FILE as JSON; standard error says how many
  --plan FILE               another rule pack (JSON) instead of the embedded Cần Thơ plan
  --format json|csv|xlsx    the data's format (by default from the file's extension;
                            xlsx only with --sheet)
  --pretty                  indented JSON
  -o, --output FILE         write the report to FILE instead of standard output
  -h, --help                this text
  -v, --version             the package and plan versions

Exit codes: 0 the report was written; 1 the engine refused the input, or an .xlsx could not
be read (a password, an old .xls: every error is listed on standard error, with its code and
path, in English and Vietnamese); 2 the command
line is wrong; 3 a file could not be read or written; 4 standard output was closed before the
whole report was written (a pipe such as \`| head\` that stopped reading), said on no stream.

A file may start with a UTF-8 byte order mark (Notepad, PowerShell 5): it is not part of the data.`;

class Exit extends Error {
  constructor(code, message) {
    super(message);
    this.exitCode = code;
  }
}

const usage = (message) => new Exit(2, `${message}\nrun \`cchc-progress --help\` for the options`);

function read(path, what) {
  try {
    // A byte order mark is not text of the file: JSON.parse refuses it, and every option would be lost with it.
    return readFileSync(path === '-' ? 0 : path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new Exit(3, `cannot read ${what} \`${path}\`: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
}

function readJson(path, what) {
  const text = read(path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Exit(3, `${what} \`${path}\` is not valid JSON: ${e.message}`);
  }
}

const ids = (list) =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The fields the command line sets, as the input's fields. */
function overrides(values) {
  const top = {};
  const options = {};
  if (values['as-of'] !== undefined) top.asOf = values['as-of'];
  if (values.locale !== undefined) top.locale = values.locale;
  if (values.label !== undefined) top.label = values.label;
  if (values['ramp-reading'] !== undefined) options.rampReading = values['ramp-reading'];
  if (values['baseline-year'] !== undefined) {
    const y = Number(values['baseline-year']);
    if (!Number.isInteger(y)) throw usage(`--baseline-year \`${values['baseline-year']}\` is not a year`);
    options.baselineYear = y;
  }
  if (values.text !== undefined) options.text = values.text;
  const only = {};
  if (values['only-indicators'] !== undefined) only.indicators = ids(values['only-indicators']);
  if (values['only-units'] !== undefined) only.units = ids(values['only-units']);
  if (Object.keys(only).length) options.only = only;
  return { top, options };
}

function apply(input, { top, options }) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input; // the engine says what is wrong
  const out = { ...input, ...top };
  if (Object.keys(options).length) {
    const given = input.options && typeof input.options === 'object' ? input.options : {};
    out.options = { ...given, ...options };
  }
  return out;
}

// The report is pasted into pages (`<script type="application/json">`, then `report-src="#id"`):
// a unit name holding `</script>` would end that block. JSON may write any character of a
// string as `\uXXXX`, so these are written so (the same value once parsed); `<`, `>` and `&`
// occur nowhere else in JSON text. U+2028 and U+2029 end a line in older JavaScript.
const UNSAFE = /[<>&\u2028\u2029]/g;
const inlineSafe = (json) => json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function refused(e) {
  const errors = Array.isArray(e.errors) && e.errors.length ? e.errors : [{ code: e.code, path: e.path, message: { en: e.messageEn, vi: e.messageVi } }];
  const lines = [`cchc-progress: the input was refused (${errors.length} ${errors.length === 1 ? 'error' : 'errors'}):`];
  for (const err of errors) {
    lines.push(`  ${err.code} at ${err.path}: ${err.message?.en ?? ''}`);
    if (err.message?.vi) lines.push(`      ${err.message.vi}`);
  }
  return new Exit(1, lines.join('\n'));
}

function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'as-of': { type: 'string' },
        locale: { type: 'string' },
        label: { type: 'string' },
        'ramp-reading': { type: 'string' },
        'baseline-year': { type: 'string' },
        text: { type: 'string' },
        'only-indicators': { type: 'string' },
        'only-units': { type: 'string' },
        context: { type: 'string' },
        portal766: { type: 'string', multiple: true },
        sheet: { type: 'string' },
        'sheet-mapping': { type: 'string' },
        'sheet-reading': { type: 'string' },
        plan: { type: 'string' },
        format: { type: 'string' },
        pretty: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw usage(e.message);
  }
  const { values, positionals } = parsed;
  const { Engine } = require('./cchc_progress_node.cjs');
  if (values.help || positionals[0] === 'help') {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (values.version) {
    const v = new Engine().version();
    process.stdout.write(`cchc-progress ${v.package} (plan ${v.planId} ${v.planVersion})\n`);
    return;
  }
  const [command, data, ...extra] = positionals;
  if (command !== 'report') throw usage(command ? `unknown command \`${command}\`: the command is \`report\`` : 'no command: the command is `report`');
  if (values.portal766 && values.sheet !== undefined) throw usage('--portal766 and --sheet are two kinds of data: give one');
  if (values.portal766) return portal766(engineFor(values, Engine), values, data, extra);
  if (values.sheet !== undefined) return sheet(Engine, values, data, extra);
  if (values['sheet-mapping'] !== undefined || values['sheet-reading'] !== undefined) throw usage(`--${values['sheet-mapping'] !== undefined ? 'sheet-mapping' : 'sheet-reading'} goes with --sheet FILE`);
  if (!data) throw usage('no data: give a JSON or CSV file, or `-` for standard input');
  if (extra.length) throw usage(`one data file only, got also \`${extra.join('`, `')}\``);
  const format = values.format ?? (extname(data).toLowerCase() === '.csv' ? 'csv' : 'json');
  if (format !== 'json' && format !== 'csv') throw usage(format === 'xlsx' ? 'an .xlsx is read with --sheet FILE.xlsx --sheet-mapping MAPPING.json' : `--format \`${format}\` is not known: \`json\` or \`csv\``);
  if (values.context && format !== 'csv') throw usage('--context is for CSV data: a JSON input carries its own units and options');

  let engine;
  try {
    engine = values.plan ? Engine.fromPlan(read(values.plan, 'the rule pack')) : new Engine();
  } catch (e) {
    if (e instanceof Exit) throw e;
    throw refused(e);
  }
  const set = overrides(values);
  const text = read(data, 'the data');
  const manifest = format === 'json' ? portal766Manifest(text) : null;
  if (manifest) return writeReport(values, evaluate766(engine, manifest, data, set));
  let report;
  try {
    if (format === 'csv') {
      const context = values.context ? readJson(values.context, 'the context') : {};
      report = engine.report({ csv: text, options: apply(context, set) });
    } else if (!Object.keys(set.top).length && !Object.keys(set.options).length) {
      report = engine.report({ json: text });
    } else {
      let input;
      try {
        input = JSON.parse(text);
      } catch {
        // The engine's reader says where the text breaks.
        report = engine.report({ json: text });
      }
      report ??= engine.report(apply(input, set));
    }
  } catch (e) {
    if (e instanceof Exit) throw e;
    throw refused(e);
  }
  writeReport(values, report);
}

/**
 * Writes a `ProgressReport`: its JSON text as the engine wrote it (no objects are built for a
 * compact report), or, with --pretty, indented as `JSON.stringify(report, null, 2)`.
 */
function writeReport(values, report) {
  const out = `${inlineSafe(values.pretty ? JSON.stringify(report, null, 2) : report.text())}\n`;
  if (values.output) {
    try {
      writeFileSync(values.output, out);
    } catch (e) {
      throw new Exit(3, `cannot write \`${values.output}\`: ${e.message}`);
    }
  } else {
    process.stdout.write(out);
  }
}

// A reader that stops early (`| head`) closes the pipe: the report cannot be written whole,
// which is said by the exit code alone, without a stack trace.
const CLOSED = 4;
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(CLOSED);
});

// --- The national portal's 766 answers ---------------------------------------------------

function engineFor(values, Engine) {
  try {
    return values.plan ? Engine.fromPlan(read(values.plan, 'the rule pack')) : new Engine();
  } catch (e) {
    if (e instanceof Exit) throw e;
    throw refused(e);
  }
}

/** `--portal766 ENDPOINT@PERIOD=FILE …` with `--context`: each file's text is the answer as saved. */
function portal766(engine, values, data, extra) {
  if (data || extra.length) throw usage(`with --portal766 the answers are the data: no other data file (got \`${[data, ...extra].join('`, `')}\`)`);
  const answers = values.portal766.map((spec) => {
    const m = /^([a-z0-9-]+)@([^=]+)=(.+)$/.exec(spec);
    if (!m) throw usage(`--portal766 \`${spec}\` is not ENDPOINT@PERIOD=FILE (e.g. dossier-digitized@2026=answer.json)`);
    return { endpoint: m[1], period: m[2], name: m[3], answer: read(m[3], 'the 766 answer') };
  });
  const context = values.context ? readJson(values.context, 'the context') : {};
  writeReport(values, evaluate766(engine, { ...context, answers }, null, overrides(values)));
}

/** A JSON data file that lists 766 answers (`answers: [{ endpoint, period, file }]`), or null. */
function portal766Manifest(text) {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && Array.isArray(v.answers) ? v : null;
  } catch {
    return null;
  }
}

function evaluate766(engine, manifest, path, set) {
  const base = path && path !== '-' ? dirname(resolve(path)) : process.cwd();
  const { answers, ...rest } = manifest;
  const list = answers.map((a) => {
    if (!a || typeof a !== 'object' || typeof a.file !== 'string') return a; // the engine says what is wrong
    const { file, ...entry } = a;
    return { name: file, ...entry, answer: read(resolve(base, file), 'the 766 answer') };
  });
  try {
    return engine.report({ portal766: list, options: apply(rest, set) });
  } catch (e) {
    throw refused(e);
  }
}

// --- A portal's export as it is (CSV or Excel) with a mapping ------------------------------

function readBytes(path, what) {
  try {
    return readFileSync(path === '-' ? 0 : path);
  } catch (e) {
    throw new Exit(3, `cannot read ${what} \`${path}\`: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
}

/**
 * A CSV export's text as the demo's page reads it: UTF-8 (Excel's "CSV UTF-8", BOM or not) or
 * UTF-16 with its BOM (Excel's "Unicode text"). Anything else (Windows-1258, TCVN3) would read
 * as wrong letters that match no heading and no name: refused as `CSV_NOT_UTF8`.
 */
function csvText(bytes, path) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const en = `the CSV file \`${path}\` is not UTF-8: save it from Excel as "CSV UTF-8 (Comma delimited)"`;
    const vi = `tệp CSV \`${path}\` không phải UTF-8: hãy lưu lại từ Excel dưới dạng "CSV UTF-8 (Comma delimited)"`;
    throw refused({ errors: [{ code: 'CSV_NOT_UTF8', path: '$', message: { en, vi } }] });
  }
}

/** How many of each code, `totals_row 1, blank_row 2`. */
function byCode(list) {
  const n = new Map();
  for (const f of list) n.set(f.code, (n.get(f.code) ?? 0) + 1);
  return [...n].map(([code, k]) => `${code} ${k}`).join(', ');
}

/** `--sheet FILE --sheet-mapping MAPPING [--context FILE]`: `engine.evaluateSheet` on the file as it is. */
async function sheet(Engine, values, data, extra) {
  if (data || extra.length) throw usage(`with --sheet the sheet is the data: no other data file (got \`${[data, ...extra].join('`, `')}\`)`);
  const path = values.sheet;
  if (!path) throw usage('--sheet needs a file: --sheet FILE.xlsx or --sheet FILE.csv');
  if (values['sheet-mapping'] === undefined) throw usage('--sheet needs --sheet-mapping MAPPING.json: which cells hold the unit, the period and each figure');
  const ext = extname(path).toLowerCase();
  const format = values.format ?? (ext === '.xlsx' || ext === '.xlsm' ? 'xlsx' : ext === '.csv' ? 'csv' : null);
  if (format === null) throw usage(`--sheet \`${path}\`: an .xlsx or a .csv (or say which with --format xlsx|csv)`);
  if (format !== 'xlsx' && format !== 'csv') throw usage(`--format \`${format}\` is not a sheet's: \`xlsx\` or \`csv\``);
  const engine = engineFor(values, Engine);
  const mapping = readJson(values['sheet-mapping'], 'the sheet mapping');
  const context = values.context ? readJson(values.context, 'the context') : {};
  const bytes = readBytes(path, 'the sheet');
  let grid;
  if (format === 'csv') grid = csvText(bytes, path);
  else {
    // The package's own reader (`cchc-progress/xlsx`), loaded only for an .xlsx.
    const { readXlsx } = await import('./xlsx/index.js');
    try {
      grid = await readXlsx(bytes);
    } catch (e) {
      if (e?.code) throw refused(e);
      throw e;
    }
  }
  let report;
  try {
    report = engine.report({ sheet: grid, mapping, options: apply(context, overrides(values)) });
  } catch (e) {
    throw refused(e);
  }
  const reading = report.sheet;
  const skipped = reading?.skipped ?? [];
  const guesses = reading?.guesses ?? [];
  if (values['sheet-reading'] !== undefined) {
    try {
      writeFileSync(values['sheet-reading'], `${JSON.stringify(reading, null, 2)}\n`);
    } catch (e) {
      throw new Exit(3, `cannot write \`${values['sheet-reading']}\`: ${e.message}`);
    }
  }
  // Skipped rows and guesses are not errors, but nobody should miss them: counted on standard error.
  if (skipped.length || guesses.length) {
    const where = values['sheet-reading'] !== undefined ? `listed in \`${values['sheet-reading']}\`` : 'list them with --sheet-reading FILE';
    const parts = [skipped.length ? `${skipped.length} skipped (${byCode(skipped)})` : '', guesses.length ? `${guesses.length} ${guesses.length === 1 ? 'guess' : 'guesses'} (${byCode(guesses)})` : ''].filter(Boolean);
    process.stderr.write(`cchc-progress: sheet \`${path}\`: ${parts.join('; ')}; ${where}\n`);
  }
  writeReport(values, report);
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof Exit)) throw e;
  process.stderr.write(`${e.message.startsWith('cchc-progress') ? '' : 'cchc-progress: '}${e.message}\n`);
  process.exitCode = e.exitCode;
}
