// The npm package as a user gets it: the tarball from `npm pack`, installed into a throwaway
// project, then used the three ways the README shows (Node, a Vite production build, a plain
// page importing the web entry), its README examples run verbatim, and its shipped types
// checked with tsc --strict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launch, openPage } from './browser.mjs';
import { serveDir } from './static.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tsc = join(root, 'pkg-config/node_modules/.bin/tsc');
let project;
let browser;

/** A small input with a hand-checked answer: Ninh Kiều digitized 1 480 of 2 000 results in
 * 2024, against the 2024 district floor of 80 %: 120 short. */
const INPUT = {
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
const CHECK = `const r = report.results.find((x) => x.indicator === 'proc.digitized_results' && x.unit === 'nk');
const answer = [r.requirement, r.met, r.gapUnits, r.status].join(' ');`;
const EXPECTED = '80 false 120 needs_acceleration';

function tarball() {
  const found = readdirSync(join(root, 'target')).filter((f) => /^cchc-progress-.*\.tgz$/.test(f));
  assert.equal(found.length, 1, `expected one packed tarball in target/, found ${found.join(', ') || 'none'}`);
  return join(root, 'target', found[0]);
}

function run(cmd, args, cwd) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`${cmd} ${args.join(' ')} failed:\n${e.stdout}${e.stderr}`);
  }
}

/** The fenced blocks of the npm README that follow `<!-- example: KIND -->`. */
function readmeExamples(kind) {
  const text = readFileSync(join(root, 'pkg-config/README.md'), 'utf8');
  const re = new RegExp(`<!-- example: ${kind} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``, 'g');
  return [...text.matchAll(re)].map((m) => m[1]);
}

before(async () => {
  project = mkdtempSync(join(tmpdir(), 'cchc-consumer-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball()], project);
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('Node ESM import runs a real evaluation', () => {
  writeFileSync(
    join(project, 'smoke.mjs'),
    `import { Engine, version } from 'cchc-progress';
const engine = new Engine();
const report = engine.evaluate(${JSON.stringify(INPUT)});
${CHECK}
let code = null;
try { engine.ramp('district', 1999); } catch (e) { code = e.code; }
console.log(JSON.stringify({ version: version(), answer, code, after: engine.ramp('commune', 2025).floor }));
`,
  );
  const out = JSON.parse(run('node', ['smoke.mjs'], project));
  assert.equal(out.answer, EXPECTED);
  assert.equal(out.code, 'RAMP_YEAR_OUTSIDE_PLAN');
  assert.equal(out.after, 95);
  assert.match(out.version, /^\d+\.\d+\.\d+/);
});

test('Node CommonJS require works too', () => {
  writeFileSync(
    join(project, 'smoke.cjs'),
    `const { Engine } = require('cchc-progress');
const report = new Engine().evaluate(${JSON.stringify(INPUT)});
${CHECK}
console.log(answer);`,
  );
  assert.equal(run('node', ['smoke.cjs'], project).trim(), EXPECTED);
});

test('every Node example of the npm README runs as written', () => {
  const examples = readmeExamples('node');
  assert.ok(examples.length >= 3, `found ${examples.length} Node examples`);
  examples.forEach((code, i) => {
    writeFileSync(join(project, `readme-${i}.mjs`), code);
    run('node', [`readme-${i}.mjs`], project);
  });
});

test('a Vite production build of a page that imports the package works in Chromium', async () => {
  const app = join(project, 'vite-app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>vite consumer</title><script type="module" src="./main.js"></script></head><body><output id="out"></output></body></html>`);
  writeFileSync(
    join(app, 'main.js'),
    `import { Engine } from 'cchc-progress';
const report = new Engine().evaluate(${JSON.stringify(INPUT)});
${CHECK}
document.getElementById('out').textContent = answer;
`,
  );
  await build({ root: app, logLevel: 'error', build: { outDir: join(app, 'dist'), target: 'es2022' } });
  const assets = readdirSync(join(app, 'dist/assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `Vite emitted the .wasm as an asset: ${assets.join(', ')}`);
  const server = await serveDir(join(app, 'dist'));
  try {
    const { page, problems } = await openPage(browser, `http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.getElementById('out').textContent !== '', null, { timeout: 15000 });
    assert.equal(await page.textContent('#out'), EXPECTED);
    assert.deepEqual(problems, []);
  } finally {
    server.close();
  }
});

test('a plain page importing the web entry works in Chromium, as the README shows', async () => {
  const [example] = readmeExamples('web');
  assert.ok(example, 'the README has a web example');
  // The page runs the README's script verbatim, from the project root so /node_modules resolves;
  // the script moves to a file because the strict CSP forbids inline scripts.
  const script = /<script type="module">([\s\S]*?)<\/script>/.exec(example)[1];
  writeFileSync(join(project, 'readme-web.js'), script);
  writeFileSync(
    join(project, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>web consumer</title><script type="module" src="./readme-web.js"></script></head><body></body></html>`,
  );
  const server = await serveDir(project);
  try {
    const { page, problems } = await openPage(browser, `http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.body.dataset.floor !== undefined, null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => document.body.dataset.floor), '75');
    assert.deepEqual(problems, []);
  } finally {
    server.close();
  }
});

test('the shipped .d.ts and a consumer using the whole API type-check with tsc --strict', () => {
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'src/consumer.ts'), readFileSync(join(here, 'fixtures/consumer.ts'), 'utf8'));
  // Real reports, checked against the declared Report type (catches fields the types miss or
  // mistype): the Cần Thơ sample (every kind of result) and fixtures with findings and ramps.
  // `satisfies` keeps the literal types ("vi", "met") and reports missing and excess fields.
  const fixtures = ['can_tho_sample', 'findings_value_checks', 'ramp_increment_reading', 'reduction_without_baseline'];
  const checks = fixtures.map((name) => {
    const file = join(root, 'tests/fixtures/eval', `${name}.json`);
    const json = execFileSync('node', ['--input-type=module', '-e', `import { Engine } from 'cchc-progress'; import { readFileSync } from 'node:fs'; console.log(JSON.stringify(new Engine().evaluateJson(readFileSync(${JSON.stringify(file)}, 'utf8'))));`], { cwd: project, encoding: 'utf8', maxBuffer: 64 << 20 });
    return `export const ${name} = ${json.trim()} satisfies Report;`;
  });
  writeFileSync(join(project, 'src/report-check.ts'), `import type { Report } from 'cchc-progress';\n${checks.join('\n')}\nexport const real: Report = can_tho_sample;\n`);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: false },
      include: ['src'],
    }),
  );
  run(tsc, ['-p', project], project);
});
