// The one static file server of the JS tests: serves one folder on loopback, every response
// with a Content Security Policy (by default the strict one the package promises to work
// under, the demo's). Tests that need another policy pass `csp` (the page without
// 'wasm-unsafe-eval', a page that may be framed for WebKit's narrow-window iframe).
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { CSP } from '../../www/serve.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` on a free loopback port; resolves to the server. `csp(path)` may vary the policy by path. */
export function serveDir(dir, { csp = CSP } = {}) {
  const policy = typeof csp === 'function' ? csp : () => csp;
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const headers = { 'Content-Security-Policy': policy(path), 'Cache-Control': 'no-store' };
    // The browser asks for a favicon the page never mentions: answer it with nothing.
    if (path === '/favicon.ico') {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    let file = join(dir, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, headers);
      res.end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
