// Writes the attribute properties of www/elements/index.d.ts from the table each element
// declares (`static properties`: attribute, type, doc), the table custom-elements.json is
// written from (manifest.mjs): the declarations, the manifest and the elements cannot say
// different things. Only the blocks between the markers in each class are written; the rest
// of index.d.ts (methods, data properties, events, functions) is written by hand.
//
//   node pkg-config/elements-types.mjs           rewrites www/elements/index.d.ts
//   node pkg-config/elements-types.mjs --check   fails when it is stale (tests/typescript.rs runs it)
//
// A property's type is the converter's `typeText`; it is `| null` unless the property always
// has a value: a `oneOf` with a fallback (`sort`), or one whose `read` supplies a default
// (`locale`: the page's language).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILE = join(root, 'www/elements/index.d.ts');
const CLASSES = { CchcElement: 'base.js', CchcProgressCard: 'card.js', CchcRampChart: 'ramp-chart.js', CchcOverview: 'overview.js' };
const begin = (file) => `  // ---- attributes: written by \`node pkg-config/elements-types.mjs\` from \`static properties\` of ${file} ----`;
const END = '  // ---- end of attributes ----';

/** The declarations of `cls`'s own table properties (those its superclass does not list). */
function declarations(cls, inherited) {
  const lines = [];
  for (const [name, p] of Object.entries(cls.properties)) {
    if (inherited && Object.hasOwn(inherited, name) && inherited[name] === p) continue;
    const always = (p.type.values && p.type(null) !== null) || typeof p.read === 'function';
    const type = `${p.type.typeText}${always ? '' : ' | null'}`;
    lines.push(`  /** ${p.doc.replaceAll('*/', '*\\/')} Reflects \`${p.attribute}\`. */`, `  ${name}: ${type};`);
  }
  return lines;
}

export async function elementTypes(text) {
  const mod = await import(pathToFileURL(join(root, 'www/elements/index.js')).href);
  let out = text;
  for (const [name, file] of Object.entries(CLASSES)) {
    const cls = mod[name];
    if (!cls?.properties) throw new Error(`www/elements/index.js exports no ${name} with a properties table`);
    const inherited = name === 'CchcElement' ? null : mod.CchcElement.properties;
    const head = `export declare class ${name} `;
    const at = out.indexOf(head);
    const from = out.indexOf(begin(file), at);
    const to = out.indexOf(END, from);
    const next = out.indexOf('\nexport ', at + head.length);
    if (at < 0 || from < 0 || to < 0 || (next >= 0 && to > next)) {
      throw new Error(`www/elements/index.d.ts: class ${name} lacks the lines\n${begin(file)}\n${END}`);
    }
    out = `${out.slice(0, from)}${[begin(file), ...declarations(cls, inherited)].join('\n')}\n${out.slice(to)}`;
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const committed = readFileSync(FILE, 'utf8');
  const generated = await elementTypes(committed);
  if (process.argv.includes('--check')) {
    if (generated !== committed) {
      console.error('www/elements/index.d.ts is stale: its attribute properties differ from the elements\' `static properties`.\nRewrite them with `node pkg-config/elements-types.mjs` and read the diff.');
      process.exit(1);
    }
    console.log('www/elements/index.d.ts: the attribute properties follow the elements\' tables');
  } else if (generated !== committed) {
    writeFileSync(FILE, generated);
    console.log('www/elements/index.d.ts rewritten');
  }
}
