#!/usr/bin/env node
// `npx cchc-progress report data.csv --as-of 2025-12-31 > report.json`: a portal computes its
// report ahead of time (nightly, or when it builds its pages) and gives the widgets the
// report, so that a citizen's browser downloads no WebAssembly at all. The same engine as
// `evaluate`, `evaluateJson` and `evaluateCsv`, with the same options.

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
  --plan FILE               another rule pack (JSON) instead of the embedded Cần Thơ plan
  --format json|csv         the data's format (by default from the file's extension)
  --pretty                  indented JSON
  -o, --output FILE         write the report to FILE instead of standard output
  -h, --help                this text
  -v, --version             the package and plan versions

Exit codes: 0 the report was written; 1 the engine refused the input (every error is
listed on standard error, with its code and path, in English and Vietnamese); 2 the command
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
  if (values.portal766) return portal766(engineFor(values, Engine), values, data, extra);
  if (!data) throw usage('no data: give a JSON or CSV file, or `-` for standard input');
  if (extra.length) throw usage(`one data file only, got also \`${extra.join('`, `')}\``);
  const format = values.format ?? (extname(data).toLowerCase() === '.csv' ? 'csv' : 'json');
  if (format !== 'json' && format !== 'csv') throw usage(`--format \`${format}\` is not known: \`json\` or \`csv\``);
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
      report = engine.evaluateCsv(text, apply(context, set));
    } else if (!Object.keys(set.top).length && !Object.keys(set.options).length) {
      report = engine.evaluateJson(text);
    } else {
      let input;
      try {
        input = JSON.parse(text);
      } catch {
        // The engine's reader says where the text breaks.
        report = engine.evaluateJson(text);
      }
      report ??= engine.evaluate(apply(input, set));
    }
  } catch (e) {
    if (e instanceof Exit) throw e;
    throw refused(e);
  }
  writeReport(values, report);
}

function writeReport(values, report) {
  const out = `${inlineSafe(JSON.stringify(report, null, values.pretty ? 2 : undefined))}\n`;
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
    return engine.evaluatePortal766(list, apply(rest, set));
  } catch (e) {
    throw refused(e);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof Exit)) throw e;
  process.stderr.write(`${e.message.startsWith('cchc-progress') ? '' : 'cchc-progress: '}${e.message}\n`);
  process.exitCode = e.exitCode;
}
