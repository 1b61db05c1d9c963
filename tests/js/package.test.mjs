// The npm package as a user gets it: the tarball from `npm pack`, installed into a throwaway
// project, imported from Node, and its shipped types checked with tsc --strict.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = join(root, 'pkg-config/node_modules/.bin/tsc');
let project;

function tarball() {
  const found = readdirSync(join(root, 'target')).filter((f) => /^cchc-progress-.*\.tgz$/.test(f));
  assert.equal(found.length, 1, `expected one packed tarball in target/, found ${found.join(', ') || 'none'}`);
  return join(root, 'target', found[0]);
}

before(() => {
  project = mkdtempSync(join(tmpdir(), 'cchc-consumer-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball()], { cwd: project });
});

test('Node ESM import runs a real computation', () => {
  writeFileSync(
    join(project, 'smoke.mjs'),
    `import { Engine, version } from 'cchc-progress';
const engine = new Engine();
const floor = engine.ramp('district', 2024);
let code = null;
try { engine.ramp('district', 1999); } catch (e) { code = e.code; }
console.log(JSON.stringify({ version: version(), floor: floor.floor, code, after: engine.ramp('commune', 2025).floor }));
`,
  );
  const out = JSON.parse(execFileSync('node', ['smoke.mjs'], { cwd: project, encoding: 'utf8' }));
  assert.equal(out.floor, 80);
  assert.equal(out.code, 'RAMP_YEAR_OUTSIDE_PLAN');
  assert.equal(out.after, 95);
  assert.match(out.version, /^\d+\.\d+\.\d+/);
});

test('Node CommonJS require works too', () => {
  writeFileSync(join(project, 'smoke.cjs'), `const { Engine } = require('cchc-progress'); console.log(new Engine().ramp('city', 2023).floor);`);
  assert.equal(execFileSync('node', ['smoke.cjs'], { cwd: project, encoding: 'utf8' }).trim(), '70');
});

test('the shipped .d.ts and a consumer file type-check with tsc --strict', () => {
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(
    join(project, 'src/consumer.ts'),
    `import { Engine, version } from 'cchc-progress';
const engine: Engine = new Engine();
const v: string = version();
void engine.ramp('city', 2024);
void v;
`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: false },
      include: ['src'],
    }),
  );
  try {
    execFileSync(tsc, ['-p', project], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc found type errors:\n${e.stdout}${e.stderr}`);
  }
});
