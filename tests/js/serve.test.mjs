// The demo server sends files as a portal should (www/serve.mjs): Brotli when the browser
// accepts it and the copy is made, else gzip, else as they are; a tag per encoding, so a
// cached copy is never taken for another encoding's; `304` for the tag the client holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { accepted, compressed, serve } from '../../www/serve.mjs';

let dir;
let servers = [];
const TEXT = 'const x = "Cần Thơ";\n'.repeat(400);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-serve-'));
  writeFileSync(join(dir, 'a.js'), TEXT);
  writeFileSync(join(dir, 'b.js'), TEXT);
  writeFileSync(join(dir, 'c.js'), TEXT);
  writeFileSync(join(dir, 'i.png'), PNG);
});

after(() => {
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function server(options = {}) {
  const s = await serve(0, '127.0.0.1', { extra: { '/t/': dir }, ...options });
  servers.push(s);
  return s;
}

function get(s, path, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: s.address().port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

function decoded(res) {
  const e = res.headers['content-encoding'];
  if (e === 'br') return brotliDecompressSync(res.body).toString('utf8');
  if (e === 'gzip') return gunzipSync(res.body).toString('utf8');
  assert.equal(e, undefined);
  return res.body.toString('utf8');
}

test('Accept-Encoding is read with its weights: q=0 refuses, * stands for the others', () => {
  assert.deepEqual(accepted('gzip, deflate, br, zstd'), { br: true, gzip: true });
  assert.deepEqual(accepted('gzip'), { br: false, gzip: true });
  assert.deepEqual(accepted('br;q=0, gzip;q=0.5'), { br: false, gzip: true });
  assert.deepEqual(accepted('BR; Q=1'), { br: true, gzip: false });
  assert.deepEqual(accepted('*'), { br: true, gzip: true });
  assert.deepEqual(accepted('*, gzip;q=0'), { br: true, gzip: false });
  assert.deepEqual(accepted('identity'), { br: false, gzip: false });
  assert.deepEqual(accepted(''), { br: false, gzip: false });
  assert.deepEqual(accepted(undefined), { br: false, gzip: false });
});

test('gzip while the Brotli copy is made, Brotli once it is; the same file either way', async () => {
  const s = await server();
  const first = await get(s, '/t/a.js', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(first.status, 200);
  assert.equal(first.headers['content-encoding'], 'gzip');
  assert.equal(first.headers.vary, 'Accept-Encoding');
  assert.equal(decoded(first), TEXT);
  await compressed();
  const second = await get(s, '/t/a.js', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(second.headers['content-encoding'], 'br');
  assert.equal(decoded(second), TEXT);
  assert.ok(second.body.length < first.body.length, `Brotli ${second.body.length} B, gzip ${first.body.length} B`);
  assert.equal(Number(second.headers['content-length']), second.body.length);
});

test('what the browser refuses is never sent', async () => {
  const s = await server();
  await get(s, '/t/b.js', { 'accept-encoding': 'br' });
  await compressed();
  const noBr = await get(s, '/t/b.js', { 'accept-encoding': 'br;q=0, gzip' });
  assert.equal(noBr.headers['content-encoding'], 'gzip');
  assert.equal(decoded(noBr), TEXT);
  const none = await get(s, '/t/b.js');
  assert.equal(none.headers['content-encoding'], undefined);
  assert.equal(none.body.toString('utf8'), TEXT);
  const identity = await get(s, '/t/b.js', { 'accept-encoding': 'identity' });
  assert.equal(identity.headers['content-encoding'], undefined);
  // An image is not compressed at all.
  const png = await get(s, '/t/i.png', { 'accept-encoding': 'gzip, br' });
  assert.equal(png.headers['content-encoding'], undefined);
  assert.deepEqual(png.body, PNG);
});

test('a server offering gzip alone never sends Brotli', async () => {
  const s = await server({ encodings: ['gzip'] });
  await get(s, '/t/c.js', { 'accept-encoding': 'br, gzip' });
  await compressed();
  const res = await get(s, '/t/c.js', { 'accept-encoding': 'br, gzip' });
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.equal(decoded(res), TEXT);
});

test('each encoding has its own tag; 304 only for the tag of what would be sent', async () => {
  const s = await server();
  await get(s, '/t/a.js', { 'accept-encoding': 'br' });
  await compressed();
  const br = await get(s, '/t/a.js', { 'accept-encoding': 'br, gzip' });
  const gz = await get(s, '/t/a.js', { 'accept-encoding': 'gzip' });
  const raw = await get(s, '/t/a.js');
  const tags = [br, gz, raw].map((r) => r.headers.etag);
  assert.equal(new Set(tags).size, 3, tags.join(' '));
  const again = await get(s, '/t/a.js', { 'accept-encoding': 'br, gzip', 'if-none-match': br.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, br.headers.etag);
  // A gzip copy's tag does not stand for the Brotli one.
  const other = await get(s, '/t/a.js', { 'accept-encoding': 'br, gzip', 'if-none-match': gz.headers.etag });
  assert.equal(other.status, 200);
  assert.equal(other.headers['content-encoding'], 'br');
  const plain = await get(s, '/t/a.js', { 'if-none-match': raw.headers.etag });
  assert.equal(plain.status, 304);
});
