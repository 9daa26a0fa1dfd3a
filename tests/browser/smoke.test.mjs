// Browser smoke test of a running finhelm server.
//
//   FINHELM_URL=http://127.0.0.1:18080 node --test tests/browser/smoke.test.mjs
//
// Drives Debian's Chromium (/usr/bin/chromium, or FINHELM_CHROMIUM) through playwright-core:
// loads the web app, walks to the System health page with the keyboard, follows a deep link and
// an unknown path through the SPA fallback, and fails on any console error, page error, failed
// request or Content-Security-Policy violation (a visitor's 401 from GET /v1/me is the expected
// answer, not a fault). It also checks that the document carries the
// CSP of SECURITY.md WEB-3 and that Chromium actually enforces it. A screenshot of the health
// page goes to test-artifacts/browser/smoke.png (and failure-*.png when a step fails).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { artifacts, launch, step as runStep, url, watch } from './harness.mjs';

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

let browser;
let context;
let page;
/** Everything the browser complained about, across all steps. */
const trouble = [];
const warnings = [];

/** A visitor's page load asks GET /v1/me who is signed in; 401 is the answer "nobody". */
function expectedAnswer(status, where) {
  return status === 401 && new URL(where, url('/')).pathname === '/v1/me';
}

function parseCsp(header) {
  const directives = new Map();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources.join(' '));
  }
  return directives;
}

const step = (name, fn) => runStep(page, name, trouble, fn);

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
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  await watch(context, trouble, { warnings, expected: expectedAnswer });
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
    await watch(canaryContext, provoked, { expected: expectedAnswer });
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
