// Shared by the browser tests: launching Debian's Chromium through playwright-core, watching a
// context for trouble (console errors, page errors, failed requests, HTTP errors, CSP
// violations), failure screenshots, and the axe-core accessibility check.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const artifacts = join(repoRoot, 'test-artifacts', 'browser');
export const baseUrl = process.env.FINHELM_URL ?? '';
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

const CSP_TEXT = /Content Security Policy|Content-Security-Policy|Refused to/i;
const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})/;

export function url(path) {
  return new URL(path, baseUrl).toString();
}

export async function launch() {
  assert.ok(
    /^https?:\/\//.test(baseUrl),
    'set FINHELM_URL to the running server, e.g. FINHELM_URL=http://127.0.0.1:18080',
  );
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Watches a browser context: console, page errors, failed requests, HTTP errors and CSP
 * violation events go to `sink`, warnings to `warnings`. `expected(status, url)` says which
 * error answers a test provokes on purpose (a 401 of GET /v1/me for a visitor, a 422 of a weak
 * password); those, and Chromium's console line about them, are not trouble.
 */
export async function watch(ctx, sink, { warnings = [], expected = () => false } = {}) {
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
  ctx.on('page', (p) => attach(p, sink, warnings, expected));
}

function attach(p, sink, warnings, expected) {
  p.on('console', (message) => {
    const location = message.location();
    const where = location.url ? ` (${location.url}:${location.lineNumber})` : '';
    const line = `console.${message.type()}: ${message.text()}${where}`;
    const failed = FAILED_RESOURCE.exec(message.text());
    if (failed && expected(Number(failed[1]), location.url ?? '')) return;
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
    const status = response.status();
    if (status >= 400 && !expected(status, response.url())) {
      sink.push(`HTTP ${status} for ${response.request().method()} ${response.url()}`);
    }
  });
}

/** Runs a step; on failure saves a screenshot of `page` named after it before rethrowing. */
export async function step(page, name, trouble, fn) {
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

export async function screenshot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Runs axe-core on the page as it is now and fails on any violation of impact serious or
 * critical. page.addScriptTag would insert an inline <script>, which the app's CSP
 * (script-src 'self') rightly refuses; page.evaluate goes through the DevTools protocol, which
 * CSP does not govern, so the page keeps its real policy while axe runs.
 */
export async function checkAccessibility(page, screen, results) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const { violations } = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  const summary = violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
  results.push({ screen, url: page.url(), violations: summary });
  const blocking = summary.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(blocking, [], `axe on ${screen} (${page.url()})`);
}
