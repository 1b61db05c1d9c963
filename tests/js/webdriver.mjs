// A small W3C WebDriver client for the tests that must hold in Chromium, Firefox and WebKitGTK
// alike: it starts the engine's driver (chromedriver, geckodriver, WebKitWebDriver under Xvfb),
// opens one session and speaks the standard protocol over HTTP with Node's fetch.
//
// Why not npm `selenium-webdriver`: on these machines only the package registries are
// reachable, and Selenium Manager (which selenium-webdriver runs to find a driver) tries to
// download drivers and browsers; we already hold the three drivers, and the dozen commands
// used here (session, navigate, execute, window rect, screenshot) are a page of code whose
// every request is visible in a failure message.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOOLS = process.env.TOOLS_BIN ?? join(import.meta.dirname, '..', '..', '.tools', 'bin');
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The engines `make test` drives, with where their browser and driver are on Debian 12. */
export const ENGINES = {
  chromium: { driver: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', browser: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  firefox: { driver: process.env.GECKODRIVER ?? join(TOOLS, 'geckodriver'), browser: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
  webkit: { driver: process.env.WEBKITDRIVER ?? '/usr/bin/WebKitWebDriver', browser: process.env.MINIBROWSER_PATH ?? MINIBROWSER },
};

/** The narrowest window each engine opens; narrower pages are shown in an iframe. */
export const MIN_WINDOW_WIDTH = { chromium: 0, firefox: 0, webkit: 447 };

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Starts Xvfb on a free display (WebKitGTK has no headless mode); resolves to `{ display, stop }`. */
async function startXvfb() {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x4600x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  const display = await new Promise((ok, fail) => {
    let out = '';
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) ok(`:${out.trim()}`);
    });
    proc.once('exit', (code) => fail(new Error(`Xvfb exited (${code}): ${err}`)));
  });
  return { display, stop: () => proc.kill() };
}

/** A Firefox profile that lets a window be narrower than 500 px (userChrome.css). */
function firefoxProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-firefox-'));
  mkdirSync(join(dir, 'chrome'));
  writeFileSync(join(dir, 'chrome/userChrome.css'), ':root { min-width: 0 !important; min-height: 0 !important; }\n');
  writeFileSync(
    join(dir, 'user.js'),
    [
      'user_pref("toolkit.legacyUserProfileCustomizations.stylesheets", true);',
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("app.update.disabledForTesting", true);',
      'user_pref("network.captive-portal-service.enabled", false);',
      'user_pref("browser.safebrowsing.malware.enabled", false);',
      'user_pref("browser.safebrowsing.phishing.enabled", false);',
      'user_pref("extensions.update.enabled", false);',
      'user_pref("browser.newtabpage.enabled", false);',
      'user_pref("layout.css.devPixelsPerPx", "1.0");',
      '',
    ].join('\n'),
  );
  return dir;
}

function capabilities(engine, { profile }) {
  const { browser } = ENGINES[engine];
  if (engine === 'chromium') {
    return {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: browser,
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--force-device-scale-factor=1', '--hide-scrollbars', '--window-size=1280,900'],
      },
    };
  }
  if (engine === 'firefox') {
    return { browserName: 'firefox', 'moz:firefoxOptions': { binary: browser, args: ['-headless', '-profile', profile], prefs: {} } };
  }
  return { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] } };
}

class WebDriverError extends Error {}

/** One browser session; every method is one W3C WebDriver command. */
export class Session {
  constructor(base, id, engine, cleanup) {
    this.base = base;
    this.id = id;
    this.engine = engine;
    this.cleanup = cleanup;
  }

  async cmd(method, path, body) {
    const url = `${this.base}/session/${this.id}${path}`;
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new WebDriverError(`${this.engine}: ${method} ${path} → ${res.status} ${json.value?.error ?? ''}: ${json.value?.message ?? ''}`.slice(0, 2000));
    return json.value;
  }

  get(url) {
    return this.cmd('POST', '/url', { url });
  }

  /** Runs `script` (a function body; `arguments` are `args`) and returns its JSON result. */
  execute(script, ...args) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Runs an async function body: its returned promise's value comes back. */
  run(body, ...args) {
    return this.cmd('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1]; (async (...args) => { ${body} })(...Array.prototype.slice.call(arguments, 0, -1)).then((v) => done({ ok: v }), (e) => done({ error: String(e && e.stack || e) }));`,
      args,
    }).then((r) => {
      if (r && 'error' in r) throw new WebDriverError(`${this.engine}: script failed: ${r.error}`);
      return r?.ok;
    });
  }

  timeouts(t) {
    return this.cmd('POST', '/timeouts', t);
  }

  async setWindowSize(width, height) {
    await this.cmd('POST', '/window/rect', { width, height });
  }

  /** Sizes the window so the page's viewport is `width` × `height` CSS px (outer chrome differs by engine). */
  async setViewport(width, height) {
    await this.setWindowSize(width, height);
    for (let i = 0; i < 5; i += 1) {
      const [w, h, screenW, screenH] = await this.execute('return [window.innerWidth, window.innerHeight, screen.width, screen.height];');
      if (w === width && h === height) return;
      const rect = await this.cmd('GET', '/window/rect');
      const next = [rect.width + (width - w), rect.height + (height - h)];
      // WebKitWebDriver may report the viewport of before the last resize (after a 4 000 px
      // screenshot, a 900 px window's viewport still 4 000 px tall): the correction would be
      // negative, or larger than Xvfb's screen, which it refuses ("Invalid height value").
      // Wait and measure again. (Headless Chromium and Firefox report a small screen and take any size.)
      if (this.engine === 'webkit' && (next[0] < 100 || next[1] < 100 || next[0] > (screenW || Infinity) || next[1] > (screenH || Infinity))) {
        await sleep(200);
        continue;
      }
      await this.setWindowSize(next[0], next[1]);
    }
  }

  /** PNG of the viewport, as a Buffer. */
  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  /** PNG of one element (found by CSS selector in the top document), as a Buffer. */
  async elementScreenshot(selector) {
    const found = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
    const id = Object.values(found)[0];
    return Buffer.from(await this.cmd('GET', `/element/${id}/screenshot`), 'base64');
  }

  /** Runs the next commands inside the iframe found by `selector` (same as a top-level page for scripts). */
  async switchToFrame(selector) {
    const found = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
    await this.cmd('POST', '/frame', { id: found });
  }

  switchToParent() {
    return this.cmd('POST', '/frame/parent', {});
  }

  async quit() {
    try {
      await fetch(`${this.base}/session/${this.id}`, { method: 'DELETE' });
    } finally {
      await this.cleanup();
    }
  }
}

/** Whether this machine has what `engine` needs (browser and driver). */
export function available(engine) {
  const e = ENGINES[engine];
  return existsSync(e.driver) && existsSync(e.browser);
}

/** Starts `engine`'s driver and one session in it. */
export async function startSession(engine) {
  const { driver } = ENGINES[engine];
  const port = await freePort();
  const env = { ...process.env };
  const stops = [];
  let profile = null;
  if (engine === 'webkit') {
    const x = await startXvfb();
    env.DISPLAY = x.display;
    stops.push(x.stop);
  }
  if (engine === 'firefox') {
    profile = firefoxProfile();
    stops.push(() => rmSync(profile, { recursive: true, force: true }));
  }
  const args = engine === 'firefox' ? ['--port', String(port), '--host', '127.0.0.1'] : [`--port=${port}`];
  const proc = spawn(driver, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
  stops.unshift(() => proc.kill());
  const cleanup = async () => {
    for (const stop of stops) stop();
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i += 1) {
      try {
        const res = await fetch(`${base}/status`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (i > 100 || proc.exitCode !== null) throw new WebDriverError(`${engine}: ${driver} did not start: ${log}`);
      await sleep(100);
    }
    const res = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capabilities: { alwaysMatch: capabilities(engine, { profile }) } }),
    });
    const json = await res.json();
    if (!res.ok) throw new WebDriverError(`${engine}: new session failed: ${json.value?.message ?? JSON.stringify(json)} ${log}`);
    const session = new Session(base, json.value.sessionId, engine, cleanup);
    await session.timeouts({ script: 60000, pageLoad: 60000 });
    return session;
  } catch (e) {
    await cleanup();
    throw e;
  }
}
