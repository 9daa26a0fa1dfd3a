// Shared by the journey modules: one browser for all of them, fresh watched contexts, the
// error answers the journeys provoke on purpose, and the steps every journey repeats (sign in,
// register, verify from the outbox, create an organization, answer the re-authentication
// prompt).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { artifacts, checkAccessibility, launch, step as runStep, url, watch } from './harness.mjs';
import { waitForLink } from './outbox.mjs';

const setupUrl = process.env.FINHELM_SETUP_URL ?? '';
export { setupUrl };
// The journeys need a server of their own, fresh from its first start; scripts/browser-test.sh
// provides one. Against any other server (scripts/web-smoke.sh) they are skipped, saying why.
export const skip =
  setupUrl === '' || (process.env.FINHELM_DATA_DIR ?? '') === ''
    ? 'needs FINHELM_SETUP_URL and FINHELM_DATA_DIR of a fresh server (scripts/browser-test.sh)'
    : false;

const ORG = /^\/v1\/orgs\/\d+$/;

/** Error answers the journeys provoke on purpose; anything else is trouble. */
function expected(status, where) {
  const path = new URL(where, url('/')).pathname;
  if (status === 401 && path === '/v1/me') return true; // a visitor's page load
  if (status === 401 && path === '/v1/me/sessions') return true; // journey (e): revoked
  if (status === 401 && path === '/v1/auth/login') return true; // journey (h): deleted account
  if (status === 403 && /^\/v1\/orgs\/\d+\/members$/.test(path)) return true; // admin, no MFA
  // AUTH-8: a stale password proof, answered by the re-authentication prompt.
  if (status === 403 && /^\/v1\/orgs\/\d+\/service-clients$/.test(path)) return true;
  if (status === 403 && (path === '/v1/me/email' || path === '/v1/me' || ORG.test(path))) {
    return true;
  }
  if (status === 400 && path === '/v1/auth/confirm-email') return true; // (f): a spent link
  if (status === 409 && path === '/v1/me') return true; // journey (i): the last admin
  if (status === 422 && path === '/v1/setup') return true; // a weak password, on purpose
  if (status === 422 && path === '/v1/orgs') return true; // journey (j): an empty name
  return false;
}

let browser;
export const trouble = [];
const warnings = [];
const axeResults = [];
const contexts = [];

export async function startBrowser() {
  browser = await launch();
}

export async function stopBrowser() {
  writeFileSync(join(artifacts, 'axe-results.json'), `${JSON.stringify(axeResults, null, 2)}\n`);
  for (const warning of warnings) console.log(`# browser warning: ${warning}`);
  for (const ctx of contexts) await ctx.close().catch(() => {});
  await browser?.close();
}

/** A fresh browser context (its own cookies), watched for trouble. */
export async function newPage() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Generous: the server shares two cores with compilers and other test runs.
  ctx.setDefaultTimeout(30_000);
  await watch(ctx, trouble, { warnings, expected });
  contexts.push(ctx);
  return ctx.newPage();
}

export function password() {
  return `lantern orbit ${randomBytes(6).toString('hex')} meadow`;
}

export const step = (page, name, fn) => runStep(page, name, trouble, fn);
export const axe = (page, screen) => checkAccessibility(page, screen, axeResults);
export const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();
export const nav = (page) => page.getByRole('navigation', { name: 'Main' });
export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Longer than the 2-second AUTH-8 window scripts/browser-test.sh gives the server, so the next
 * sensitive change meets the re-authentication prompt.
 */
export const REAUTHENTICATION_EXPIRY_MS = 3_000;

export async function signIn(page, who, nextCode) {
  await page.goto(url('/login'));
  await heading(page, 'Sign in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (nextCode) {
    await page.getByRole('heading', { name: 'Two-factor code' }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill(await nextCode());
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.getByTestId('signed-in-user').filter({ hasText: who.name }).waitFor();
}

export async function register(page, who) {
  await heading(page, 'Create an account');
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await heading(page, 'Check your email');
  assert.match(await page.getByRole('status').innerText(), new RegExp(who.email));
}

export async function verifyFromOutbox(page, who) {
  const link = await waitForLink(who.email, '/verify-email');
  await page.goto(url(link));
  await page.getByText('Your email is confirmed').waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the token stayed in the address bar');
}

/** Creates an organization with the home page's form, reached from the header's link. */
export async function createOrganization(page, name) {
  await page.getByRole('link', { name: 'New organization…' }).click();
  await heading(page, 'Welcome to FinHelm');
  await page.getByLabel('Organization name').fill(name);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);
  await heading(page, name);
}

export const reauthenticationPrompt = (page) =>
  page.getByRole('heading', { name: 'Confirm it is you' });

/**
 * Answers the re-authentication prompt, which must be showing: the password, and a code when
 * `nextCode` is given (the user has a second factor, so the field must be there) or none (the
 * field must not be).
 */
export async function reauthenticate(page, who, nextCode, screen) {
  await reauthenticationPrompt(page).waitFor();
  const prompt = page.getByRole('region', { name: 'Confirm it is you' });
  const codeField = prompt.getByLabel('Two-factor code');
  assert.equal(await codeField.count(), nextCode ? 1 : 0, 'the code field follows mfa_enrolled');
  if (screen) await axe(page, screen);
  await prompt.getByLabel('Password', { exact: true }).fill(who.password);
  if (nextCode) await codeField.fill(await nextCode());
  await prompt.getByRole('button', { name: 'Confirm', exact: true }).click();
}
