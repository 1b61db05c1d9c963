// Serves the demo portal page: www/ at /, the assembled npm package (pkg/) at /pkg/.
// Loopback only. Every response carries the strict Content Security Policy the widgets are
// built for, so the demo proves they need no inline script, inline style or eval.
//
// Files go out as a portal should send them: compressed when the browser accepts it, Brotli
// before gzip (the widgets' `.wasm` is 240 KiB gzipped and 189 KiB in Brotli at quality 11:
// 50 KiB less for a phone on a slow network to wait for), with an ETag per encoding, and
// `Cache-Control: no-cache`, so that a second visit asks whether each file changed and gets
// `304 Not Modified` instead of the file again. Brotli at quality 11 takes about 2 s for the
// full `.wasm`, so it is made once per file, off the request, and gzip goes out until it is
// ready (as a portal would precompress its static files, e.g. nginx's `brotli_static`).
//
//   node www/serve.mjs [--port 8080]      (port 0 picks a free port; the URL is printed)

import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { brotliCompress, constants as zlib, gzipSync } from 'node:zlib';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const roots = { '/pkg/': join(here, '..', 'pkg'), '/': here };

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

/** What is worth compressing: text, and the `.wasm`. */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm)|image\/svg)/;

// Each file read and compressed once per change (by size and modification time).
const bodies = new Map();

function body(file) {
  const st = statSync(file);
  const tag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
  let b = bodies.get(file);
  if (!b || b.tag !== tag) {
    const raw = readFileSync(file);
    b = { tag, raw, gzip: null, br: null, brotli: null };
    bodies.set(file, b);
  }
  return b;
}

/**
 * The encodings `accept` (an `Accept-Encoding` header) allows, by name: a token with `q=0`
 * is refused, `*` stands for any not named.
 */
export function accepted(accept = '') {
  const q = new Map();
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    q.set(name, qp ? Number(qp.slice(2)) : 1);
  }
  // The first of `names` the header names decides; none named: `*`.
  const ok = (...names) => {
    const named = names.find((n) => q.has(n));
    return (named ? q.get(named) : q.get('*') ?? 0) > 0;
  };
  return { br: ok('br'), gzip: ok('gzip', 'x-gzip') };
}

const brotliPending = new Set();

/** Starts the Brotli copy of `b` (once); it is used when ready. */
function startBrotli(b) {
  if (b.brotli) return;
  const params = { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: b.raw.length };
  b.brotli = new Promise((done) => {
    brotliCompress(b.raw, { params }, (err, out) => {
      if (!err) b.br = out;
      brotliPending.delete(b.brotli);
      done();
    });
  });
  brotliPending.add(b.brotli);
}

/** Resolves when every Brotli copy asked for so far is made (for a benchmark's warm-up). */
export function compressed() {
  return Promise.all([...brotliPending]);
}

function resolve(urlPath, extra) {
  for (const [prefix, dir] of [...Object.entries(extra), ...Object.entries(roots)]) {
    if (!urlPath.startsWith(prefix)) continue;
    const rel = normalize(decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html');
    if (rel.startsWith('..') || rel.includes(`${sep}..`)) return null;
    let file = join(dir, rel);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
      return file;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Serves the demo on `host:port`. Tests may add folders under other prefixes (`extra`, e.g.
 * `{ '/__test/': dir }`), change the policy (`csp`) and the encodings offered (`encodings`,
 * `['br', 'gzip']` by default); `make demo` uses none.
 */
export function serve(port = 8080, host = '127.0.0.1', { csp = CSP, extra = {}, encodings = ['br', 'gzip'] } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = req.method === 'GET' || req.method === 'HEAD' ? resolve(url.pathname, extra) : null;
    const headers = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    let b = null;
    try {
      b = file ? body(file) : null;
    } catch {
      b = null;
    }
    if (!b) {
      res.writeHead(404, { ...headers, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let payload = b.raw;
    let encoding = null;
    if (COMPRESSIBLE.test(type)) {
      const accepts = accepted(req.headers['accept-encoding']);
      const can = { br: accepts.br && encodings.includes('br'), gzip: accepts.gzip && encodings.includes('gzip') };
      if (can.br) startBrotli(b);
      if (can.br && b.br) {
        payload = b.br;
        encoding = 'br';
      } else if (can.gzip) {
        b.gzip ??= gzipSync(b.raw, { level: 9 });
        payload = b.gzip;
        encoding = 'gzip';
      }
    }
    // Each encoding is another representation of the file, with a tag of its own.
    const etag = encoding ? `${b.tag.slice(0, -1)}-${encoding}"` : b.tag;
    Object.assign(headers, { 'Content-Type': type, ETag: etag, Vary: 'Accept-Encoding' });
    if (encoding) headers['Content-Encoding'] = encoding;
    if (req.headers['if-none-match'] === etag) {
      delete headers['Content-Encoding'];
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': payload.length });
    res.end(req.method === 'HEAD' ? undefined : payload);
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8080;
  const server = await serve(port);
  const { port: actual } = server.address();
  console.log(`cchc-progress demo: http://127.0.0.1:${actual}/  (Ctrl-C to stop)`);
}
