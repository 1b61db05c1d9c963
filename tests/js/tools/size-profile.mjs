// Where the bytes of the `.wasm` go: a size profile by function name, grouped by crate and
// module, like twiggy's `top` and `dominators --by-module` in one table, without a tool to
// install (the name section is read here), for both builds the package ships, with what each
// feature costs.
//
//   node tests/js/tools/size-profile.mjs [file.wasm] [--top 25] [--depth 3]
//
// With no file it builds what it needs, once per feature set: `cargo build --release --target
// wasm32-unknown-unknown` (the release profile keeps the name section), the wasm-bindgen CLI
// (`.tools/bin`, as `make tools` installs it) and wasm-opt with the package's own flags plus
// `-g`, so the functions are the shipped ones, with their names. The builds are the full
// engine (default features: `cchc_progress_bg.wasm`), the widgets' (`--no-default-features
// --features widgets`: `cchc_progress_lite_bg.wasm`), and the widgets' with each door of the
// full engine added back (`portal766`, `sheet`, `rule-packs`), which prices each door alone. The sizes
// printed are of each file without its custom sections (names, producers), as the package
// ships it (within a few hundred bytes), raw and gzipped (-9, as a portal's server sends it).
// Then the profile by module of the widgets' build, of the full one, and the modules by which
// they differ.
// Sizes are of function bodies (the code section); data (the embedded plan, the messages'
// strings, tables) is reported as one line per data segment total.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values: opt, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, depth: { type: 'string', default: '3' } } });
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The feature sets built: the package's two builds, then the widgets' with one door each. */
const BUILDS = [
  { name: 'full', what: 'the package entry (default features)', args: [] },
  { name: 'widgets', what: "the widgets' engine", args: ['--no-default-features', '--features', 'widgets'] },
  { name: 'widgets + portal766', what: '766 answers', args: ['--no-default-features', '--features', 'widgets,portal766'] },
  { name: 'widgets + sheet', what: 'sheets read with a mapping', args: ['--no-default-features', '--features', 'widgets,sheet'] },
  { name: 'widgets + rule-packs', what: 'rule packs read and validated (`fromPlan`, `fromPlans`)', args: ['--no-default-features', '--features', 'widgets,rule-packs'] },
];

/** One build with names, as the package's wasm-opt makes it: its file. */
function build({ name, args }) {
  const slug = name.replace(/[^a-z0-9]+/g, '-');
  execFileSync('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown', ...args], { cwd: root, stdio: 'inherit' });
  // Copied at once: the next feature set's build writes the same file.
  const dir = join(root, 'target/size-profile', slug);
  const cargoOut = join(dir, 'cchc_progress.wasm');
  execFileSync('mkdir', ['-p', dir]);
  copyFileSync(join(root, 'target/wasm32-unknown-unknown/release/cchc_progress.wasm'), cargoOut);
  // wasm-bindgen removes its descriptors and adds the glue's imports, as wasm-pack does;
  // --keep-debug keeps the names.
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', dir, cargoOut], { stdio: 'inherit' });
  const raw = join(dir, 'cchc_progress_bg.wasm');
  const out = join(root, `target/size-profile-${slug}.wasm`);
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  // The package's wasm-opt flags (Cargo.toml's [package.metadata.wasm-pack.profile.release]).
  const m = cargo.match(/wasm-opt\s*=\s*\[([^\]]*)\]/);
  const flags = m ? [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]) : ['-Os'];
  const wasmOpt = join(root, 'pkg-config/node_modules/.bin/wasm-opt');
  execFileSync(existsSync(wasmOpt) ? wasmOpt : 'wasm-opt', [...flags.filter((f) => !f.startsWith('--strip')), '-g', raw, '-o', out], { stdio: 'inherit' });
  return out;
}

/** The module's sections, functions and names; `shipped`: the bytes without custom sections. */
function read(file) {
  const bytes = readFileSync(file);
  let pos = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[pos++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return result;
    }
  };
  const str = () => {
    const n = leb();
    const s = bytes.subarray(pos, pos + n).toString('utf8');
    pos += n;
    return s;
  };
  let imported = 0;
  const bodies = [];
  const names = new Map();
  const sections = [];
  const kept = [bytes.subarray(0, 8)];
  while (pos < bytes.length) {
    const at = pos;
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    if (id !== 0) kept.push(bytes.subarray(at, end));
    if (id === 2) {
      const n = leb();
      for (let i = 0; i < n; i++) {
        str();
        str();
        const kind = bytes[pos++];
        if (kind === 0) (leb(), imported++);
        else if (kind === 1) (pos++, (bytes[pos++] & 1 ? (leb(), leb()) : leb()));
        else if (kind === 2) (bytes[pos++] & 1 ? (leb(), leb()) : leb());
        else if (kind === 3) pos += 2;
        else if (kind === 4) (pos++, leb());
      }
    } else if (id === 10) {
      const n = leb();
      for (let i = 0; i < n; i++) {
        const len = leb();
        bodies.push({ index: imported + i, size: len });
        pos += len;
      }
    } else if (id === 0) {
      const name = str();
      if (name === 'name') {
        while (pos < end) {
          const sub = bytes[pos++];
          const len = leb();
          const subEnd = pos + len;
          if (sub === 1) {
            const n = leb();
            for (let i = 0; i < n; i++) {
              const idx = leb();
              names.set(idx, str());
            }
          }
          pos = subEnd;
        }
      }
    }
    sections.push({ id, size });
    pos = end;
  }
  const shipped = Buffer.concat(kept);
  return { file, bytes, bodies, names, sections, shipped, gz: gzipSync(shipped, { level: 9 }).length };
}

/**
 * Rust's v0 mangling (`_R…`, the precompiled standard library's) to its path segments, roughly:
 * the identifiers in order, disambiguators (`Cs…_`, `s…_`) skipped. Enough to group by crate.
 */
function demangleV0(name) {
  const parts = [];
  let i = 2;
  while (i < name.length) {
    const c = name[i];
    if ((c === 's' || (c === 'C' && name[i + 1] === 's')) && /^C?s[0-9A-Za-z]*_/.test(name.slice(i))) {
      i = name.indexOf('_', i) + 1;
    } else if (c >= '0' && c <= '9') {
      let j = i;
      while (name[j] >= '0' && name[j] <= '9') j++;
      const len = Number(name.slice(i, j));
      if (name[j] === '_') j++;
      parts.push(name.slice(j, j + len));
      i = j + len;
    } else i++;
  }
  return parts.length ? parts : [name];
}

/** Rust's legacy mangling (`_ZN…E`) to its path segments, without the hash. */
function demangle(name) {
  if (name.startsWith('_R')) return demangleV0(name);
  // wasm-bindgen --keep-debug writes names demangled: drop hashes and crate disambiguators.
  if (!name.startsWith('_ZN')) return name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/ externref shim| multivalue shim/g, '').split('::');
  let i = 3;
  const parts = [];
  while (i < name.length && name[i] !== 'E') {
    let j = i;
    while (name[j] >= '0' && name[j] <= '9') j++;
    const len = Number(name.slice(i, j));
    if (!len) break;
    parts.push(name.slice(j, j + len));
    i = j + len;
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts.map((p) =>
    p.replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\$BP\$/g, '*').replace(/\.\./g, '::').replace(/^_</, '<'),
  );
}
/** The crate and module a function belongs to, `depth` segments deep; `<impl …>` by its type's path. */
function owner(name, depth) {
  let parts = demangle(name);
  if (parts[0]?.startsWith('<')) {
    const inner = parts[0].replace(/^<+/, '').split(/ as |>/)[0];
    parts = inner.split('::');
  }
  return parts.slice(0, depth).join('::') || '(unnamed)';
}

const kib = (n) => (n / 1024).toFixed(1);
const depth = Number(opt.depth);
const top = Number(opt.top);

/** The function bodies' bytes by module (`depth` segments). */
function byModule(w) {
  const groups = new Map();
  for (const b of w.bodies) {
    const key = owner(w.names.get(b.index) ?? `func[${b.index}]`, depth);
    const g = groups.get(key) ?? { size: 0, count: 0 };
    g.size += b.size;
    g.count++;
    groups.set(key, g);
  }
  return groups;
}

/** The profile of one file: totals, the top modules, the largest functions. */
function printProfile(w, title) {
  // Percentages are of what ships: the file without its custom sections (names, producers).
  const total = w.shipped.length;
  const code = w.bodies.reduce((s, b) => s + b.size, 0);
  const data = w.sections.filter((s) => s.id === 11).reduce((s, x) => s + x.size, 0);
  const pct = (n) => ((100 * n) / total).toFixed(1);
  console.log(`\n## ${title}\n`);
  console.log(`${w.file}: ${w.bytes.length} B with names; without custom sections ${total} B (${kib(total)} KiB), ${kib(w.gz)} KiB gzipped, ${w.bodies.length} functions`);
  console.log(`code ${kib(code)} KiB (${pct(code)} %), data ${kib(data)} KiB (${pct(data)} %), the rest (types, imports, exports, tables) ${kib(total - code - data)} KiB\n`);
  console.log(`| module (${depth} segments) | functions | KiB | % |`);
  console.log('|---|---:|---:|---:|');
  for (const [k, g] of [...byModule(w)].sort((a, b) => b[1].size - a[1].size).slice(0, top)) console.log(`| ${k} | ${g.count} | ${kib(g.size)} | ${pct(g.size)} |`);
  console.log(`\n| largest functions | KiB | % |`);
  console.log('|---|---:|---:|');
  for (const b of [...w.bodies].sort((a, b) => b.size - a.size).slice(0, top)) console.log(`| ${demangle(w.names.get(b.index) ?? `func[${b.index}]`).join('::').slice(0, 110)} | ${kib(b.size)} | ${pct(b.size)} |`);
}

if (positionals[0]) {
  printProfile(read(positionals[0]), positionals[0]);
} else {
  const built = BUILDS.map((b) => ({ ...b, w: read(build(b)) }));
  const [full, widgets] = built;
  const sign = (n) => (n >= 0 ? '+' : '−') + kib(Math.abs(n));
  console.log(`\n## The builds, and what each feature costs (against the widgets' build)\n`);
  console.log('| build | what | raw KiB | gzip KiB | Δ raw KiB | Δ gzip KiB |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const b of built) {
    const d = b === widgets ? ['', ''] : [sign(b.w.shipped.length - widgets.w.shipped.length), sign(b.w.gz - widgets.w.gz)];
    console.log(`| ${b.name} | ${b.what} | ${kib(b.w.shipped.length)} | ${kib(b.w.gz)} | ${d[0]} | ${d[1]} |`);
  }
  printProfile(widgets.w, "The widgets' build (cchc_progress_lite_bg.wasm)");
  printProfile(full.w, 'The full build (cchc_progress_bg.wasm)');
  // The modules the full build has more of: where the doors' bytes are.
  const [a, b] = [byModule(widgets.w), byModule(full.w)];
  const diff = [...new Set([...a.keys(), ...b.keys()])]
    .map((k) => [k, (b.get(k)?.size ?? 0) - (a.get(k)?.size ?? 0)])
    .filter(([, d]) => d !== 0)
    .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  console.log(`\n## Modules by which the full build differs from the widgets' (code only)\n`);
  console.log(`| module (${depth} segments) | full − widgets, KiB |`);
  console.log('|---|---:|');
  for (const [k, d] of diff.slice(0, top)) console.log(`| ${k} | ${sign(d)} |`);
}
