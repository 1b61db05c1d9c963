// Writes custom-elements.json (Custom Elements Manifest, schema 2.1.0) for the widgets of an
// assembled package, so editors, Storybook and framework tooling know their tags, attributes,
// properties, events, CSS parts and custom properties.
//
// Two sources, each said once in the code: the attribute/property table each element declares
// (`static properties`, read by importing the package's own elements module, which defines
// nothing outside a browser) and the JSDoc of each element class (`@element`, `@summary`,
// `@csspart`, `@cssproperty`, `@event`). Why not @custom-elements-manifest/analyzer: it
// re-derives the table from the source text and cannot follow `...CchcElement.properties`
// spreads; reading the table itself cannot disagree with what the elements do.
//
//   node pkg-config/manifest.mjs pkg        (assemble.mjs calls it)

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The JSDoc block right above `export class Name`, as tags. */
function classDoc(source, name) {
  const at = source.indexOf(`export class ${name} `);
  const start = source.lastIndexOf('/**', at);
  const end = source.lastIndexOf('*/', at);
  if (at < 0 || start < 0 || end < start) throw new Error(`no JSDoc above class ${name}`);
  const lines = source
    .slice(start + 3, end)
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''));
  const description = [];
  const tags = [];
  for (const line of lines) {
    const m = /^@(\w+)\s*(.*)$/.exec(line.trim());
    if (m) tags.push({ tag: m[1], text: m[2] });
    else if (!tags.length && line.trim()) description.push(line.trim());
  }
  const named = (tag) =>
    tags
      .filter((t) => t.tag === tag)
      .map((t) => {
        const [, n, d] = /^(\S+)\s*(?:-\s*)?(.*)$/.exec(t.text) ?? [];
        return { name: n, description: d };
      });
  return {
    description: description.join(' '),
    tagName: tags.find((t) => t.tag === 'element')?.text,
    summary: tags.find((t) => t.tag === 'summary')?.text,
    cssParts: named('csspart'),
    cssProperties: named('cssproperty'),
    events: named('event'),
  };
}

const DATA_PROPERTIES = [
  { name: 'input', type: 'EvaluateInput | null', description: 'Evaluation input (an object); the `as-of` attribute overrides its `asOf`. Set it as a property (React 18: through a `ref`).' },
  { name: 'report', type: 'Report | null', description: 'The report shown; set it to show a report evaluated elsewhere (no evaluation in the page).' },
  { name: 'csv', type: 'string | null', description: 'CSV text of observations, evaluated with `csvOptions`.' },
  { name: 'csvOptions', type: 'CsvOptions | null', description: 'Units, asOf and options for CSV data.' },
  { name: 'updateComplete', type: 'Promise<void>', readonly: true, description: 'Resolves once the widget has rendered its current data, or shown why it cannot.' },
];

const EVENT_TYPES = {
  'cchc-render': "CustomEvent<{ state: 'ready' | 'error' }>",
  'cchc-error': 'CustomEvent<{ code: string; path: string | null; message: { vi: string; en: string } }>',
};

export async function writeManifest(pkgDir) {
  const dir = resolve(pkgDir);
  const mod = await import(pathToFileURL(join(dir, 'elements/index.js')).href);
  const files = { CchcProgressCard: 'card.js', CchcRampChart: 'ramp-chart.js', CchcOverview: 'overview.js' };
  const modules = [];
  for (const [name, file] of Object.entries(files)) {
    const cls = mod[name];
    const doc = classDoc(readFileSync(join(dir, 'elements', file), 'utf8'), name);
    const props = Object.entries(cls.properties);
    const declaration = {
      kind: 'class',
      name,
      tagName: doc.tagName,
      customElement: true,
      summary: doc.summary,
      description: doc.description,
      superclass: { name: 'CchcElement', module: 'elements/base.js' },
      attributes: props.map(([field, p]) => ({ name: p.attribute, fieldName: field, type: { text: p.type.typeText }, description: p.doc })),
      members: [
        ...props.map(([field, p]) => ({ kind: 'field', name: field, type: { text: `${p.type.typeText} | null` }, description: p.doc, attribute: p.attribute, reflects: true })),
        ...DATA_PROPERTIES.map((p) => ({ kind: 'field', name: p.name, type: { text: p.type }, description: p.description, ...(p.readonly ? { readonly: true } : {}) })),
      ],
      events: doc.events.map((e) => ({ name: e.name, type: { text: EVENT_TYPES[e.name] ?? 'CustomEvent' }, description: e.description })),
      cssParts: doc.cssParts,
      cssProperties: doc.cssProperties,
    };
    if (!declaration.tagName) throw new Error(`${name} has no @element tag`);
    modules.push({
      kind: 'javascript-module',
      path: `elements/${file}`,
      declarations: [declaration],
      exports: [
        { kind: 'js', name, declaration: { name, module: `elements/${file}` } },
        { kind: 'custom-element-definition', name: declaration.tagName, declaration: { name, module: `elements/${file}` } },
      ],
    });
  }
  const manifest = { schemaVersion: '2.1.0', readme: 'README.md', modules };
  writeFileSync(join(dir, 'custom-elements.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const m = await writeManifest(process.argv[2] ?? 'pkg');
  console.log(`custom-elements.json: ${m.modules.map((x) => x.declarations[0].tagName).join(', ')}`);
}
