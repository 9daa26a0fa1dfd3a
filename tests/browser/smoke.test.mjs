// Browser smoke test of a running finhelm server.
//
//   FINHELM_URL=http://127.0.0.1:18080 node --test tests/browser/smoke.test.mjs
//
// Drives Debian's Chromium (/usr/bin/chromium, or FINHELM_CHROMIUM) through playwright-core:
// loads the web app, walks to the System health page with the keyboard, follows a deep link and
// an unknown path through the SPA fallback, and fails on any console error, page error, failed
// request or Content-Security-Policy violation. It also checks that the document carries the
// CSP of SECURITY.md WEB-3 and that Chromium actually enforces it. A screenshot of the health
// page goes to test-artifacts/browser/smoke.png (and failure-*.png when a step fails).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const artifacts = join(repoRoot, 'test-artifacts', 'browser');
const baseUrl = process.env.FINHELM_URL ?? '';
const executablePath = process.env.FINHELM_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The directives SECURITY.md WEB-3 requires, as `name -> expected source list`. */
const REQUIRED_CSP = {
  'default-src': "'self'",
  'script-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'self'",
};

/** Other WEB-3 headers: reported when missing, not (yet) failed on. */
const OTHER_SECURITY_HEADERS = [
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'permissions-policy',
];

const CSP_TEXT = /Content Security Policy|Content-Security-Policy|Refused to/i;

let browser;
let context;
let page;
/** Everything the browser complained about, across all steps. */
const trouble = [];
const warnings = [];

function url(path) {
  return new URL(path, baseUrl).toString();
}

function parseCsp(header) {
  const directives = new Map();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources.join(' '));
  }
  return directives;
}

/** Watches a browser context: console, page errors, failed requests and CSP violation events. */
async function watch(ctx, sink) {
  await ctx.exposeBinding('__finhelmCspViolation', ({ page: source }, violation) => {
    sink.push(`CSP violation on ${source.url()}: ${JSON.stringify(violation)}`);
  });
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void window.__finhelmCspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
      });
    });
  });
  ctx.on('page', (p) => attach(p, sink));
}

function attach(p, sink) {
  p.on('console', (message) => {
    const location = message.location();
    const where = location.url ? ` (${location.url}:${location.lineNumber})` : '';
    const line = `console.${message.type()}: ${message.text()}${where}`;
    if (CSP_TEXT.test(message.text())) sink.push(`CSP: ${line}`);
    else if (message.type() === 'error' || message.type() === 'assert') sink.push(line);
    else if (message.type() === 'warning') warnings.push(line);
  });
  p.on('pageerror', (error) => sink.push(`page error: ${error.stack ?? error.message}`));
  p.on('crash', () => sink.push('page crashed'));
  p.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'unknown error';
    // A navigation cancels the requests of the page it leaves; that is not a fault.
    if (failure !== 'net::ERR_ABORTED') {
      sink.push(`request failed: ${request.method()} ${request.url()}: ${failure}`);
    }
  });
  p.on('response', (response) => {
    if (response.status() >= 400) {
      sink.push(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`);
    }
  });
}

/** Runs a step; on failure saves a screenshot named after it before rethrowing. */
async function step(name, fn) {
  try {
    await fn();
  } catch (error) {
    if (page && !page.isClosed()) {
      const file = join(artifacts, `failure-${name}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      error.message += `\n(screenshot: ${file}; browser trouble so far: ${JSON.stringify(trouble)})`;
    }
    throw error;
  }
}

/** Waits until the element's whole text is `expected`; fails saying what it showed instead. */
async function expectText(locator, expected, what) {
  try {
    await locator.filter({ hasText: new RegExp(`^\\s*${expected}\\s*$`) }).waitFor();
  } catch {
    const seen = await locator.textContent({ timeout: 1_000 }).catch(() => null);
    assert.fail(`${what}: expected "${expected}", saw ${JSON.stringify(seen)}`);
  }
}

before(async () => {
  assert.ok(
    /^https?:\/\//.test(baseUrl),
    'set FINHELM_URL to the running server, e.g. FINHELM_URL=http://127.0.0.1:18080',
  );
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  await watch(context, trouble);
  page = await context.newPage();
});

after(async () => {
  for (const warning of warnings) console.log(`# browser warning: ${warning}`);
  await browser?.close();
});

test('the app shell loads with the Content-Security-Policy of WEB-3', async (t) => {
  await step('shell', async () => {
    const response = await page.goto(url('/'), { waitUntil: 'load' });
    assert.ok(response, 'no response for /');
    assert.equal(response.status(), 200, 'GET / status');
    const headers = response.headers();
    assert.match(headers['content-type'] ?? '', /^text\/html/, 'GET / content type');

    const csp = headers['content-security-policy'];
    assert.ok(csp, 'the document has no Content-Security-Policy header');
    const directives = parseCsp(csp);
    for (const [name, expected] of Object.entries(REQUIRED_CSP)) {
      assert.equal(directives.get(name), expected, `CSP ${name} in: ${csp}`);
    }
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, `CSP too permissive: ${csp}`);
    const missing = OTHER_SECURITY_HEADERS.filter((name) => !(name in headers));
    if (missing.length > 0) t.diagnostic(`missing WEB-3 headers on /: ${missing.join(', ')}`);

    const banner = page.getByRole('banner');
    await banner.getByRole('link', { name: /FinHelm/ }).waitFor();
    await page.getByRole('heading', { level: 1, name: /FinHelm/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('main').waitFor();
    await page.getByRole('contentinfo').waitFor();
    assert.match(await page.title(), /FinHelm/);
  });
});

test('the keyboard reaches the System health page, which reports ok and ready', async () => {
  await step('health', async () => {
    // Tab order: skip link, brand, Home, System health.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    assert.ok(await skip.evaluate((el) => el === document.activeElement), 'skip link not first');
    const health = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
      name: 'System health',
    });
    for (let i = 0; i < 10; i += 1) {
      if (await health.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    assert.ok(await health.evaluate((el) => el === document.activeElement), 'nav link not focused');
    await page.keyboard.press('Enter');
    await page.waitForURL(url('/health'));
    await page.getByRole('heading', { level: 1, name: 'System health' }).waitFor();
    assert.equal(await health.getAttribute('aria-current'), 'page');

    await expectText(page.getByTestId('healthz-status'), 'ok', 'GET /healthz status');
    await expectText(page.getByTestId('healthz-http'), '200', 'GET /healthz HTTP status');
    await expectText(page.getByTestId('readyz-status'), 'ready', 'GET /readyz status');
    await expectText(page.getByTestId('readyz-http'), '200', 'GET /readyz HTTP status');

    await page.screenshot({ path: join(artifacts, 'smoke.png'), fullPage: true });
  });
});

test('deep links and unknown paths render through the SPA fallback', async () => {
  await step('fallback', async () => {
    const deep = await page.goto(url('/health'), { waitUntil: 'load' });
    assert.equal(deep?.status(), 200, 'GET /health status');
    assert.ok(deep?.headers()['content-security-policy'], 'no CSP on /health');
    await expectText(page.getByTestId('healthz-status'), 'ok', 'deep-linked /healthz status');

    const unknown = await page.goto(url('/no/such/page'), { waitUntil: 'load' });
    assert.ok(unknown?.headers()['content-security-policy'], 'no CSP on /no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });
});

test('Chromium enforces the policy: inline script and style are refused', async () => {
  // A separate context whose own sink is expected to receive the violations we provoke.
  const provoked = [];
  const canaryContext = await browser.newContext();
  try {
    await watch(canaryContext, provoked);
    const canary = await canaryContext.newPage();
    await canary.goto(url('/'), { waitUntil: 'load' });
    await canary.getByRole('banner').waitFor();
    const ran = await canary.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__finhelmInlineRan = true;';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
      await new Promise((done) => setTimeout(done, 250));
      return window.__finhelmInlineRan === true;
    });
    assert.equal(ran, false, 'an inline script ran: the CSP is not enforced');
    await canary.waitForTimeout(250);
    const directives = provoked.join('\n');
    assert.match(directives, /script-src/, `no script-src violation seen:\n${directives}`);
    assert.match(directives, /style-src/, `no style-src violation seen:\n${directives}`);
  } finally {
    await canaryContext.close();
  }
});

test('the browser saw no console errors, page errors, failed requests or CSP violations', () => {
  assert.deepEqual(trouble, []);
});
