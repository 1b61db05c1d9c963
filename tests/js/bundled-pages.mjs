// One portal page built by each bundler the READMEs name (webpack 5, Vite, esbuild with the
// npm README's commands), from a project where the package is installed: the page imports
// the engine (`import { Engine } from 'cchc-progress'`) and the widgets, gives one card a
// report it evaluated itself and lets another card evaluate its own data. Used by the package
// test (Chromium, with every request counted) and by the engines test (Firefox, WebKitGTK).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as vite } from 'vite';
import webpack from 'webpack';

const here = dirname(fileURLToPath(import.meta.url));

/** A small input with a hand-checked answer: Ninh Kiều 1 480 of 2 000 in 2024, floor 80 %. */
export const INPUT = {
  asOf: '2024-12-31',
  units: [
    { id: 'ct', name: 'Thành phố Cần Thơ', level: 'city' },
    { id: 'nk', name: 'Quận Ninh Kiều', level: 'district', parent: 'ct' },
  ],
  observations: [
    { indicator: 'proc.digitized_results', unit: 'nk', period: '2023', numerator: 1150, denominator: 2000 },
    { indicator: 'proc.digitized_results', unit: 'nk', period: '2024', numerator: 1480, denominator: 2000 },
  ],
};

/** What each card of the page shows once ready. */
export const EXPECTED_CARDS = {
  'by-src': { state: 'ready', status: 'needs_acceleration' },
  'by-report': { state: 'ready', status: 'needs_acceleration' },
};

const APP = `import { Engine } from 'cchc-progress';
import 'cchc-progress/elements';

const input = await (await fetch('./cchc.json')).json();
document.getElementById('by-report').report = new Engine().evaluate(input);
`;

const BODY = `<cchc-progress-card id="by-src" indicator="proc.digitized_results" unit="nk" src="./cchc.json"></cchc-progress-card>
<cchc-progress-card id="by-report" indicator="proc.digitized_results" unit="nk"></cchc-progress-card>`;

const page = (script) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>bundled</title>${script}</head><body>${BODY}</body></html>`;

/** A page expression: the cards' state and badge, by id. */
export const READ_CARDS = `Object.fromEntries([...document.querySelectorAll('cchc-progress-card')].map((c) => [c.id, { state: c.dataset.state ?? null, status: c.shadowRoot?.querySelector('.badge[data-status]')?.dataset.status ?? c.shadowRoot?.querySelector('[data-code]')?.dataset.code ?? null }]))`;

function run(cmd, args, cwd) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${e.stdout}${e.stderr}`);
  }
}

/** The page built by webpack 5 in `project`/`name`, from `app` (by default the page's own app). */
export async function webpackPage(project, { name = 'webpack-app', app = APP } = {}) {
  const dir = join(project, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.js'), app);
  const dist = join(dir, 'dist');
  const compiler = webpack({
    mode: 'production',
    context: dir,
    entry: './app.js',
    output: { path: dist, filename: 'app.js', publicPath: 'auto', clean: true },
    resolve: { modules: [join(project, 'node_modules')] },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  });
  const stats = await new Promise((ok, fail) => compiler.run((err, s) => (err ? fail(err) : compiler.close(() => ok(s)))));
  if (stats.hasErrors() || stats.hasWarnings()) throw new Error(`webpack: ${stats.toString('errors-warnings')}`);
  writeFileSync(join(dist, 'index.html'), page('<script defer src="./app.js"></script>'));
  return dist;
}

/** The page built by Vite in `project`/`name`, from `app`. */
export async function vitePage(project, { name = 'vite-bundled', app = APP } = {}) {
  const dir = join(project, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.js'), app);
  writeFileSync(join(dir, 'index.html'), page('<script type="module" src="./app.js"></script>'));
  await vite({ root: dir, logLevel: 'error', configFile: false, build: { outDir: join(dir, 'dist'), target: 'es2022', emptyOutDir: true } });
  return join(dir, 'dist');
}

/** The npm README's two esbuild commands, run as written from the project's folder. */
function esbuildPage(project, commands) {
  const esbuild = join(here, 'node_modules/.bin/esbuild');
  writeFileSync(join(project, 'app.js'), APP);
  for (const line of commands.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    const [cmd, ...args] = line.replace(/^npx esbuild/, esbuild).split(/\s+/);
    run(cmd, args, project);
  }
  const dist = join(project, 'dist');
  writeFileSync(join(dist, 'index.html'), page('<script type="module" src="./app.js"></script>'));
  return dist;
}

/** The npm README's esbuild commands (`<!-- example: esbuild -->`). */
export function esbuildCommands(root) {
  const text = readFileSync(join(root, 'pkg-config/README.md'), 'utf8');
  return /<!-- example: esbuild -->\n```\w*\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
}

/**
 * Builds the page with each bundler in `project` (the package installed in its
 * node_modules); resolves to `{ webpack, vite, esbuild }`, each a folder to serve as `/`.
 */
export async function buildPages(project, root) {
  const pages = { webpack: await webpackPage(project), vite: await vitePage(project), esbuild: esbuildPage(project, esbuildCommands(root)) };
  for (const dist of Object.values(pages)) writeFileSync(join(dist, 'cchc.json'), JSON.stringify(INPUT));
  return pages;
}

/** The packed tarball in `root`/target (one, as `make package` leaves it). */
export function tarball(root) {
  const found = readdirSync(join(root, 'target')).filter((f) => /^cchc-progress-.*\.tgz$/.test(f));
  if (found.length !== 1) throw new Error(`expected one packed tarball in target/, found ${found.join(', ') || 'none'}`);
  return join(root, 'target', found[0]);
}

/** A project in `dir` with the packed tarball unpacked where npm puts it (the package has no dependencies). */
export function projectWith(tgz, dir) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
  const to = join(dir, 'node_modules/cchc-progress');
  mkdirSync(to, { recursive: true });
  run('tar', ['xzf', tgz, '-C', to, '--strip-components=1'], dir);
  return dir;
}
