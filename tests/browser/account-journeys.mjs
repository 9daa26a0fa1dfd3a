// The account journeys, registered after the identity journeys of journeys.test.mjs and run
// against the same server and people: (f) Bea downloads her data, changes her email and signs in
// with the new one; (g) the admin meets the re-authentication prompt for real, then revokes the
// new service client with the keyboard; (h) a fresh user deletes their account and cannot sign
// in again; (i) the admin creates two organizations with the home page's form, cannot delete the
// account as the last admin of all three, but deletes an organization, which leaves the
// switcher; (j) a freshly registered user creates an organization, lands on its overview as
// admin, and is sent to MFA enrollment by the admin screens. scripts/browser-test.sh gives the
// server a 2-second AUTH-8 window, so waiting 3 s makes the next sensitive change ask for the
// password again.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { screenshot, url } from './harness.mjs';
import {
  axe,
  createOrganization,
  heading,
  nav,
  newPage,
  password,
  REAUTHENTICATION_EXPIRY_MS,
  reauthenticate,
  reauthenticationPrompt,
  register,
  signIn,
  skip,
  sleep,
  step,
  verifyFromOutbox,
} from './journey-kit.mjs';
import { waitForLink, waitForSubject } from './outbox.mjs';

async function openSecurity(page) {
  await nav(page).getByRole('link', { name: 'Account security' }).click();
  await heading(page, 'Account security');
}

export function accountJourneys(shared) {
  test(
    '(f) change email: confirm from the new address, then sign in with it',
    { skip },
    async () => {
      const { bea } = shared;
      const oldEmail = bea.email;
      const newEmail = 'bea.books@example.com';
      const page = await newPage();
      await step(page, 'change-email', async () => {
        await signIn(page, bea);
        await openSecurity(page);
        await axe(page, 'account security: email and danger zone');
        // DATA-6: her own data, as JSON, with no secret in it.
        const [data] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Download my data (JSON)' }).click(),
        ]);
        assert.equal(data.suggestedFilename(), 'finhelm-personal-data.json');
        const exported = JSON.parse(readFileSync(await data.path(), 'utf8'));
        assert.equal(exported.user.email, oldEmail);
        assert.ok(exported.sessions.length >= 1, 'the export lists her sessions');
        assert.ok(!JSON.stringify(exported).includes('$argon2id$'), 'a password hash leaked');
        await sleep(REAUTHENTICATION_EXPIRY_MS);
        await page.getByLabel('New email address').fill(newEmail);
        await page.getByRole('button', { name: 'Change email' }).click();
        // Bea has no second factor: the prompt asks for the password only.
        await reauthenticate(page, bea, undefined, 'email change: re-authentication');
        await page.getByRole('status').filter({ hasText: 'Check the new address' }).waitFor();
        assert.equal(await page.getByTestId('current-email').innerText(), oldEmail);
        await axe(page, 'email change: check the new address');
        await screenshot(page, 'journey-f-check-new-address');
      });
      await step(page, 'confirm-email', async () => {
        await waitForSubject(oldEmail, 'Your FinHelm email is being changed');
        const link = await waitForLink(newEmail, '/confirm-email');
        await page.goto(url(link));
        await heading(page, 'Confirm your new email');
        await page.getByText('Your email address is changed').waitFor();
        assert.equal(new URL(page.url()).hash, '', 'the token stayed in the address bar');
        await axe(page, 'confirm email');
        // The link works once. (Leave the page first: a new fragment alone does not load it.)
        await page.goto(url('/'));
        await heading(page, 'Welcome to FinHelm');
        await page.goto(url(link));
        await page.getByRole('alert').filter({ hasText: 'no longer valid' }).waitFor();
        await axe(page, 'confirm email: spent link');
      });
      await step(page, 'sign-in-new-email', async () => {
        bea.email = newEmail;
        await page.getByRole('button', { name: 'Sign out' }).click();
        await heading(page, 'Sign in');
        await signIn(page, bea);
        await openSecurity(page);
        assert.equal(await page.getByTestId('current-email').innerText(), newEmail);
      });
    },
  );

  test(
    '(g) after the AUTH-8 window, a service client needs the password again',
    { skip },
    async () => {
      const { admin, adminCodes, orgPath } = shared;
      const page = await newPage();
      const name = 'Quarterly reconciliation';
      await step(page, 'reauthenticate', async () => {
        await signIn(page, admin, adminCodes);
        await page.goto(url(`${orgPath}/service-clients`));
        await heading(page, 'Service clients');
        await sleep(REAUTHENTICATION_EXPIRY_MS);
        await page.getByLabel('Name').fill(name);
        await page.getByRole('button', { name: 'Create service client' }).click();
        await reauthenticationPrompt(page).waitFor();
        assert.equal(await page.getByTestId('client-secret').count(), 0, 'created without a proof');
        await reauthenticate(page, admin, adminCodes, 'service clients: prompt after the window');
        const secret = page.getByTestId('client-secret');
        await secret.waitFor();
        assert.ok((await secret.innerText()).length >= 20, 'no client secret shown');
        await page.getByRole('button', { name: 'I have stored the secret' }).click();
        await screenshot(page, 'journey-g-secret-after-reauthentication');
      });
      await step(page, 'revoke-with-keyboard', async () => {
        const table = page.getByTestId('service-clients');
        const revoke = table.getByRole('button', { name: `Revoke ${name}` });
        const confirm = table.getByRole('button', { name: `Confirm revocation ${name}` });
        const focused = (locator) => locator.evaluate((node) => node === document.activeElement);
        await revoke.focus();
        await page.keyboard.press('Enter');
        await confirm.waitFor();
        assert.ok(await focused(confirm), 'focus did not move to the confirming button');
        await axe(page, 'service clients: confirm revocation');
        await page.keyboard.press('Escape');
        await revoke.waitFor();
        assert.ok(await focused(revoke), 'Escape did not return focus to Revoke');
        await page.keyboard.press('Enter');
        await confirm.waitFor();
        await page.keyboard.press('Enter');
        await table.getByRole('rowheader', { name }).waitFor({ state: 'detached' });
      });
    },
  );

  test('(h) a user deletes their account and cannot sign in again', { skip }, async () => {
    const dee = { name: 'Dee Departing', email: 'dee@example.com', password: password() };
    const page = await newPage();
    await step(page, 'delete-account', async () => {
      await page.goto(url('/register'));
      await register(page, dee);
      await verifyFromOutbox(page, dee);
      await signIn(page, dee);
      await openSecurity(page);
      const confirmation = page.getByLabel('Type your email address to confirm');
      const remove = page.getByRole('button', { name: 'Delete my account' });
      await confirmation.fill('someone.else@example.com');
      await remove.click();
      await page.getByText('This is not your email address.').waitFor();
      assert.equal(await confirmation.getAttribute('aria-invalid'), 'true');
      await sleep(REAUTHENTICATION_EXPIRY_MS);
      await confirmation.fill(dee.email);
      await remove.click();
      // Cancel closes the prompt and gives focus back to the button that opened it.
      await reauthenticationPrompt(page).waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await remove.waitFor();
      const focused = await remove.evaluate((node) => node === document.activeElement);
      assert.ok(focused, 'Cancel did not return focus to Delete my account');
      await remove.click();
      await reauthenticate(page, dee, undefined, 'delete account: re-authentication');
      await heading(page, 'Sign in');
      await page.getByRole('status').filter({ hasText: 'Your account is deleted' }).waitFor();
      await axe(page, 'sign in: account deleted');
      await screenshot(page, 'journey-h-deleted');
    });
    await step(page, 'sign-in-refused', async () => {
      await page.getByLabel('Email').fill(dee.email);
      await page.getByLabel('Password').fill(dee.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      await heading(page, 'Sign in');
      assert.equal(await page.getByTestId('signed-in-user').count(), 0);
    });
  });

  test(
    '(i) the last admin must keep the account, but deletes an organization',
    { skip },
    async () => {
      const { admin, adminCodes, adminPage: page } = shared;
      const switcher = page.getByLabel('Organization', { exact: true });
      await step(page, 'last-admin', async () => {
        await createOrganization(page, 'Scratch Ledger');
        await createOrganization(page, 'Spare Ledger');
        await switcher
          .locator('option', { hasText: 'Spare Ledger' })
          .waitFor({ state: 'attached' });
        await openSecurity(page);
        await page.getByLabel('Type your email address to confirm').fill(admin.email);
        await page.getByRole('button', { name: 'Delete my account' }).click();
        const blocked = page.getByTestId('last-admin-organizations');
        await reauthenticationPrompt(page).or(blocked).first().waitFor();
        if (await reauthenticationPrompt(page).isVisible()) {
          await reauthenticate(page, admin, adminCodes);
        }
        await blocked.waitFor();
        const names = await blocked.locator('li').allInnerTexts();
        assert.deepEqual(names.sort(), ['Acme Books', 'Scratch Ledger', 'Spare Ledger']);
        await axe(page, 'delete account: last admin');
        await screenshot(page, 'journey-i-last-admin');
      });
      await step(page, 'delete-organization', async () => {
        await switcher.selectOption({ label: 'Spare Ledger' });
        await page.getByRole('button', { name: 'Switch' }).click();
        await heading(page, 'Spare Ledger');
        await axe(page, 'organization overview: danger zone');
        await sleep(REAUTHENTICATION_EXPIRY_MS);
        await page.getByLabel('Type the organization name to confirm').fill('Spare Ledger');
        await page.getByRole('button', { name: 'Delete organization' }).click();
        await reauthenticate(page, admin, adminCodes, 'delete organization: re-authentication');
        await page.waitForURL(url('/'));
        await page
          .getByTestId('organization-deleted')
          .filter({ hasText: 'Spare Ledger' })
          .waitFor();
        await switcher
          .locator('option', { hasText: 'Spare Ledger' })
          .waitFor({ state: 'detached' });
        const left = await switcher.locator('option').allInnerTexts();
        assert.deepEqual(left.sort(), ['Acme Books', 'Scratch Ledger']);
        const home = page.getByRole('main');
        assert.equal(await home.getByRole('link', { name: 'Spare Ledger' }).count(), 0);
        await home.getByRole('link', { name: 'Acme Books' }).waitFor();
        await axe(page, 'home: organization deleted');
        await screenshot(page, 'journey-i-organization-deleted');
      });
    },
  );

  test('(j) a new user creates an organization and becomes its admin', { skip }, async () => {
    const eve = { name: 'Eve Founder', email: 'eve@example.com', password: password() };
    const page = await newPage();
    await step(page, 'create-organization', async () => {
      await page.goto(url('/register'));
      await register(page, eve);
      await verifyFromOutbox(page, eve);
      await signIn(page, eve);
      await page.getByText('You are not a member of any organization yet').waitFor();
      await axe(page, 'home: create an organization');
      // No name: the server's message appears at the field.
      await page.getByRole('button', { name: 'Create organization' }).click();
      await page.getByRole('alert').filter({ hasText: 'Some fields need attention' }).waitFor();
      const field = page.getByLabel('Organization name');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.ok((await page.locator('#organization-name-errors li').count()) > 0);
      await axe(page, 'home: create an organization with errors');
      await field.fill('Eve Ventures');
      await page.getByRole('button', { name: 'Create organization' }).click();
      await page.waitForURL(/\/orgs\/\d+$/);
      await heading(page, 'Eve Ventures');
      await page.getByTestId('organization-role').filter({ hasText: 'admin' }).waitFor();
      await nav(page).getByRole('link', { name: 'Members' }).waitFor();
      await axe(page, 'organization overview (new admin)');
      await screenshot(page, 'journey-j-new-organization');
    });
    await step(page, 'mfa-required', async () => {
      await nav(page).getByRole('link', { name: 'Members' }).click();
      await page.waitForURL(url('/account/security'));
      await page
        .getByRole('alert')
        .filter({ hasText: 'Two-factor sign-in is required for admin functions' })
        .waitFor();
    });
  });
}
