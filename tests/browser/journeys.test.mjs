// Browser journeys of the identity screens (issue #3) against a real finhelm server:
//
//   FINHELM_URL=... FINHELM_SETUP_URL=... FINHELM_DATA_DIR=... node --test journeys.test.mjs
//
// scripts/browser-test.sh starts a fresh server and passes the first-run link it prints and its
// data directory (whose outbox/ holds the mail). The journeys build on each other, in order:
// (a) first run to a signed-in admin; (c) the admin enrolls MFA, as admin screens require, and
// signs in again with a code; the admin screens; (b) a new user registers, verifies from the
// outbox, signs in, and resets a forgotten password; (d) the admin invites a viewer, who
// registers, verifies, signs in, accepts and sees no admin screens; (e) the viewer, signed in
// twice, revokes one session from the other, which is sent to sign in; then the account
// journeys (f) to (j) of account-journeys.mjs and the ledger journeys (k) and (l) of
// ledger-journeys.mjs (the first run loads the demo company). axe-core checks every screen on
// the way; screenshots go to test-artifacts/browser/. Shared helpers live in journey-kit.mjs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { accountJourneys } from './account-journeys.mjs';
import { screenshot, url } from './harness.mjs';
import { ledgerJourneys } from './ledger-journeys.mjs';
import {
  axe,
  heading,
  nav,
  newPage,
  password,
  reauthenticate,
  reauthenticationPrompt,
  register,
  setupUrl,
  signIn,
  skip,
  startBrowser,
  step,
  stopBrowser,
  trouble,
  verifyFromOutbox,
} from './journey-kit.mjs';
import { waitForLink } from './outbox.mjs';
import { totpSource } from './totp.mjs';

const admin = { name: 'Ada Admin', email: 'ada@example.com', password: password() };
const bea = { name: 'Bea Bookkeeper', email: 'bea@example.com', password: password() };
const viewer = { name: 'Vic Viewer', email: 'vic@example.com', password: password() };
let adminPage;
let adminCodes;
let orgPath;
let viewerPage;

before(async () => {
  if (!skip) await startBrowser();
});

after(async () => {
  if (!skip) await stopBrowser();
});

test(
  '(a) first run: the setup link creates the first admin, who is signed in',
  { skip },
  async () => {
    assert.match(setupUrl, /\/setup#token=[A-Za-z0-9_-]{43}$/, 'set FINHELM_SETUP_URL');
    adminPage = await newPage();
    const page = adminPage;
    await step(page, 'setup', async () => {
      await page.goto(setupUrl);
      await heading(page, 'Set up FinHelm');
      await page.getByLabel('Organization name').waitFor();
      assert.equal(new URL(page.url()).hash, '', 'the setup token stayed in the address bar');
      await axe(page, 'setup');

      await page.getByLabel('Your name').fill(admin.name);
      await page.getByLabel('Email').fill(admin.email);
      await page.getByLabel('Organization name').fill('Acme Books');
      // The demo company is offered, and chosen, by default; journey (k) reads its books.
      assert.ok(await page.getByLabel('Load the demo company').isChecked(), 'no demo company');
      // A weak password first: the server's AUTH-2 messages appear at the field.
      await page.getByLabel('Password').fill('password');
      await page.getByRole('button', { name: 'Create administrator' }).click();
      await page.getByRole('alert').filter({ hasText: 'Some fields need attention' }).waitFor();
      const messages = await page.locator('#password-errors li').allInnerTexts();
      assert.ok(messages.length > 0, 'no password policy message shown');
      assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
      await axe(page, 'setup with errors');

      await page.getByLabel('Password').fill(admin.password);
      await page.getByRole('button', { name: 'Create administrator' }).click();
      await page.waitForURL(/\/orgs\/\d+$/);
      orgPath = new URL(page.url()).pathname;
      await heading(page, 'Acme Books');
      await page.getByTestId('signed-in-user').filter({ hasText: admin.name }).waitFor();
      await nav(page).getByRole('link', { name: 'Members' }).waitFor();
      await axe(page, 'organization overview (admin)');
      await screenshot(page, 'journey-a-first-admin');
    });
  },
);

test(
  '(c) an admin without MFA is sent to enrollment, enrolls, and signs in with a code',
  { skip },
  async () => {
    const page = adminPage;
    await step(page, 'mfa-enroll', async () => {
      await nav(page).getByRole('link', { name: 'Members' }).click();
      await page.waitForURL(url('/account/security'));
      await page
        .getByRole('alert')
        .filter({ hasText: 'Two-factor sign-in is required for admin functions' })
        .waitFor();
      await axe(page, 'account security');

      await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
      await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
      const secret = await page.getByTestId('totp-secret').getAttribute('data-secret');
      assert.match(secret ?? '', /^[A-Z2-7]{32}$/, 'the secret is not 160 bits of base32');
      assert.equal(await page.locator('svg.qr image, img[src^="data:"]').count(), 0);
      await axe(page, 'MFA enrollment (QR code)');
      adminCodes = totpSource(secret);
      await page.getByLabel('Code from the app').fill(await adminCodes());
      await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
      await page.getByRole('heading', { name: 'Save these recovery codes now' }).waitFor();
      assert.equal(await page.getByTestId('recovery-codes').locator('li').count(), 10);
      await axe(page, 'recovery codes');
      await screenshot(page, 'journey-c-recovery-codes');
      await page.getByLabel('I have saved my recovery codes').check();
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByTestId('mfa-status').waitFor();
      await page.getByRole('link', { name: 'Continue to the page you wanted' }).click();
      await heading(page, 'Members');
      await page.getByTestId('members').getByText(admin.email).waitFor();
    });

    await step(page, 'mfa-login', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await heading(page, 'Sign in');
      await axe(page, 'sign in');
      await page.getByLabel('Email').fill(admin.email);
      await page.getByLabel('Password').fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Two-factor code' }).waitFor();
      await axe(page, 'sign in: code step');
      await page.getByLabel('Code', { exact: true }).fill(await adminCodes());
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.waitForURL(url(orgPath));
      await page.getByTestId('signed-in-user').filter({ hasText: admin.name }).waitFor();
    });
  },
);

test(
  'the admin screens: members, service clients (re-authenticated), audit log',
  { skip },
  async (t) => {
    const page = adminPage;
    await step(page, 'admin-screens', async () => {
      await nav(page).getByRole('link', { name: 'Members' }).click();
      await page.getByTestId('members').getByText(admin.email).waitFor();
      await axe(page, 'members');

      await nav(page).getByRole('link', { name: 'Service clients' }).click();
      await heading(page, 'Service clients');
      await page.getByLabel('Name').fill('Nightly BI export');
      await page.getByRole('button', { name: 'Create service client' }).click();
      const proof = reauthenticationPrompt(page);
      const secret = page.getByTestId('client-secret');
      await proof.or(secret).first().waitFor();
      if (await proof.isVisible()) {
        t.diagnostic('creating a service client asked for re-authentication (AUTH-8)');
        await reauthenticate(page, admin, adminCodes, 'service clients: re-authentication');
      }
      await secret.waitFor();
      assert.ok((await secret.innerText()).length >= 20, 'no client secret shown');
      const clientId = await page.getByTestId('client-id').innerText();
      await axe(page, 'service clients: new secret');
      await screenshot(page, 'admin-service-client-secret');
      await page.getByRole('button', { name: 'I have stored the secret' }).click();
      await page.getByTestId('service-clients').getByText(clientId).waitFor();
      assert.equal(await page.getByTestId('client-secret').count(), 0, 'the secret is still shown');

      await nav(page).getByRole('link', { name: 'Audit log' }).click();
      await heading(page, 'Audit log');
      // The organization's log holds what happened in it, not its members' own sign-ins.
      const log = page.getByTestId('audit-events');
      await log.getByText('service_client_created').first().waitFor();
      await log.getByText('organization_created').first().waitFor();
      await page.getByLabel('Event', { exact: true }).fill('service_client_created');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await log
        .locator('caption')
        .filter({ hasText: /^1 events shown/ })
        .waitFor();
      const events = await log.locator('tbody tr').allInnerTexts();
      assert.ok(
        events.every((row) => row.includes('service_client_created')),
        'not filtered',
      );
      await axe(page, 'audit log');
      await screenshot(page, 'admin-audit-log');
    });
  },
);

test(
  '(b) register, verify from the outbox, sign in; forgotten password and reset',
  { skip },
  async () => {
    const page = await newPage();
    await step(page, 'register', async () => {
      await page.goto(url('/'));
      await heading(page, 'Welcome to FinHelm');
      await axe(page, 'home (visitor)');
      await page.getByRole('link', { name: 'Create account' }).first().click();
      await axe(page, 'register');
      await register(page, bea);
      await axe(page, 'register: check your email');
      await verifyFromOutbox(page, bea);
      await axe(page, 'verify email');
      await page.getByRole('main').getByRole('link', { name: 'sign in' }).click();
      await heading(page, 'Sign in');
      await signIn(page, bea);
      // No organization yet: home says so.
      await page.getByText('You are not a member of any organization yet').waitFor();
      assert.equal(await nav(page).getByRole('link', { name: 'Members' }).count(), 0);
      await screenshot(page, 'journey-b-signed-in');
    });

    await step(page, 'reset', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await heading(page, 'Sign in');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await heading(page, 'Forgotten password');
      await axe(page, 'forgotten password');
      await page.getByLabel('Email').fill(bea.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByRole('status').filter({ hasText: 'If an account uses' }).waitFor();
      const link = await waitForLink(bea.email, '/reset-password');
      await page.goto(url(link));
      await heading(page, 'Choose a new password');
      assert.equal(new URL(page.url()).hash, '', 'the reset token stayed in the address bar');
      await axe(page, 'reset password');
      bea.password = password();
      await page.getByLabel('New password').fill(bea.password);
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.getByText('Your password is set').waitFor();
      await signIn(page, bea);
    });
  },
);

test('(d) the admin invites a viewer, who joins and sees no admin screens', { skip }, async () => {
  await step(adminPage, 'invite', async () => {
    await nav(adminPage).getByRole('link', { name: 'Invitations' }).click();
    await heading(adminPage, 'Invitations');
    await adminPage.getByLabel('Email').fill(viewer.email);
    await adminPage.getByLabel('Role').selectOption('viewer');
    await adminPage.getByRole('button', { name: 'Send invitation' }).click();
    await adminPage
      .getByRole('status')
      .filter({ hasText: `sent to ${viewer.email}` })
      .waitFor();
    await adminPage
      .getByTestId('invitations')
      .getByRole('rowheader', { name: viewer.email })
      .waitFor();
    await axe(adminPage, 'invitations');
  });

  viewerPage = await newPage();
  const page = viewerPage;
  await step(page, 'viewer-joins', async () => {
    const invitation = await waitForLink(viewer.email, '/invitations/accept');
    await page.goto(url(invitation));
    await heading(page, 'Accept invitation');
    assert.equal(new URL(page.url()).hash, '', 'the invitation token stayed in the address bar');
    await axe(page, 'accept invitation (visitor)');
    await page.getByRole('link', { name: 'Create one' }).click();
    await register(page, viewer);
    await verifyFromOutbox(page, viewer);

    // Back to the invitation, signed out: it sends the viewer to sign in and back again.
    await page.goto(url(invitation));
    await page.getByRole('link', { name: 'Sign in to accept' }).click();
    await heading(page, 'Sign in');
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Password').fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url('/invitations/accept'));
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL(url(orgPath));
    await heading(page, 'Acme Books');
    await page.getByTestId('organization-role').filter({ hasText: 'viewer' }).waitFor();
    await axe(page, 'organization overview (viewer)');

    const links = await nav(page).getByRole('link').allInnerTexts();
    for (const adminScreen of ['Members', 'Invitations', 'Service clients', 'Audit log']) {
      assert.ok(!links.includes(adminScreen), `a viewer is offered ${adminScreen}`);
    }
    assert.equal(await page.getByRole('heading', { name: 'Administration' }).count(), 0);
    // A typed URL shows an explanation, not a form the server would refuse.
    await page.goto(url(`${orgPath}/members`));
    await page.getByRole('alert').filter({ hasText: 'Only administrators' }).waitFor();
    await screenshot(page, 'journey-d-viewer');
  });
});

test('(e) a session revoked from another browser is sent to sign in', { skip }, async () => {
  const other = await newPage();
  await step(other, 'second-session', async () => {
    await signIn(other, viewer);
  });
  const page = viewerPage;
  await step(page, 'revoke', async () => {
    await nav(page).getByRole('link', { name: 'Account security' }).click();
    await heading(page, 'Account security');
    const rows = page.getByTestId('sessions').locator('tbody tr');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2, 'expected two sessions of the viewer');
    assert.equal(await page.locator('tr[data-current="true"]').count(), 1);
    await axe(page, 'account security: sessions');
    await page.locator('tr[data-current="false"]').getByRole('button', { name: 'Revoke' }).click();
    await page.getByTestId('sessions').locator('caption').filter({ hasText: '1 live' }).waitFor();
    await screenshot(page, 'journey-e-revoked');
  });
  await step(other, 'revoked-session', async () => {
    await nav(other).getByRole('link', { name: 'Account security' }).click();
    await heading(other, 'Sign in');
    await other.getByRole('status').filter({ hasText: 'Your session has ended' }).waitFor();
    await axe(other, 'sign in: session ended');
    await screenshot(other, 'journey-e-sent-to-sign-in');
  });
});

accountJourneys({
  admin,
  bea,
  get adminPage() {
    return adminPage;
  },
  get adminCodes() {
    return adminCodes;
  },
  get orgPath() {
    return orgPath;
  },
});

ledgerJourneys({
  viewer,
  get adminPage() {
    return adminPage;
  },
  get orgPath() {
    return orgPath;
  },
});

test(
  'the browser saw no console errors, page errors, failed requests or CSP violations',
  { skip },
  () => {
    assert.deepEqual(trouble, []);
  },
);
