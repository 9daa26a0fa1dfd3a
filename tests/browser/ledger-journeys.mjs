// The ledger journeys (issue #4), registered after the account journeys and run against the
// same server and people. The first-run admin of journey (a) set up with the demo company
// (Harbor & Pine Consulting, imported in the background):
// (k) the admin's dashboard fills in once the demo import is done; the viewer invited in (d)
// browses the dashboard, accounts (to an account's transactions), transactions (a filter, the
// next page and back), one transaction, the three statements, customers and vendors, and is
// offered neither the Import page nor the export buttons;
// (l) the admin invites an accountant, who imports a QuickBooks General Ledger export and a bank
// statement through the column mapping and a Budget Overview, reads the budget against the
// actuals, both import reports and the list of imports, and downloads the matching
// transactions as CSV and XLSX.
// axe-core checks every new screen; screenshots go to test-artifacts/browser/journey-k-* and -l-*.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { screenshot, url } from './harness.mjs';
import {
  axe,
  heading,
  nav,
  newPage,
  password,
  register,
  signIn,
  skip,
  step,
  verifyFromOutbox,
} from './journey-kit.mjs';
import { waitForLink } from './outbox.mjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
// Three years of books go through the import pipeline on a machine shared with compilers.
const DEMO_IMPORT_MS = 180_000;
const IMPORT_MS = 60_000;

const isZeroAmount = (text) => /^-?0+(\.0+)?$/.test(text ?? '');

/** Waits until the dashboard shows a cash position other than zero and returns it. */
async function nonZeroCash(page) {
  const cash = page.getByTestId('cash-position');
  await page.waitForFunction(
    () => {
      const amount = document.querySelector('[data-testid="cash-position"]')?.dataset.amount;
      return amount !== undefined && !/^-?0+(\.0+)?$/.test(amount);
    },
    null,
    { timeout: DEMO_IMPORT_MS, polling: 500 },
  );
  const amount = await cash.getAttribute('data-amount');
  assert.ok(!isZeroAmount(amount), `cash position ${amount}`);
  return amount;
}

async function openNav(page, label, title = label) {
  await nav(page).getByRole('link', { name: label, exact: true }).click();
  await heading(page, title);
}

/** The ids of the transactions a table shows. */
const transactionIds = (table) =>
  table
    .locator('tbody tr[data-transaction-id]')
    .evaluateAll((rows) => rows.map((row) => row.dataset.transactionId));

/** Chooses a file for the Import page and waits for its preview. */
async function previewFile(page, name) {
  await page.getByLabel('CSV file').setInputFiles(join(fixtures, name));
  await page.getByRole('heading', { name: `Preview of ${name}` }).waitFor();
  await page.getByTestId('import-preview').waitFor();
}

/** Waits on an import's report page until the import is committed; fails on another end. */
async function committedReport(page) {
  await page.waitForURL(/\/imports\/\d+$/);
  const badge = page.getByTestId('import-status').locator('[data-status]');
  await page
    .getByTestId('import-status')
    .locator('[data-status="committed"], [data-status="rejected"], [data-status="failed"]')
    .waitFor({ timeout: IMPORT_MS });
  assert.equal(await badge.getAttribute('data-status'), 'committed');
  const report = page.getByTestId('import-report');
  await report.waitFor();
  const count = async (name) => Number(await report.locator(`[data-count="${name}"]`).innerText());
  return {
    id: Number(new URL(page.url()).pathname.split('/').at(-1)),
    new: await count('new'),
    duplicate: await count('duplicate'),
    rejected: await count('rejected'),
    transactions: await count('transactions_new'),
  };
}

export function ledgerJourneys(shared) {
  test(
    '(k) the demo company fills the dashboard; a viewer reads the books but cannot change them',
    { skip },
    async () => {
      const { adminPage, orgPath, viewer } = shared;
      await step(adminPage, 'demo-dashboard', async () => {
        await adminPage.goto(url(orgPath));
        await heading(adminPage, 'Acme Books');
        const cash = await nonZeroCash(adminPage);
        assert.match(cash, /^-?\d+\.\d{2}$/, 'the cash position is not an exact amount');
        await adminPage.locator('[data-testid="pl-chart"] canvas').first().waitFor();
        // The chart's figures are also a table, for those who cannot see the chart.
        const figures = adminPage.getByTestId('pl-figures');
        assert.equal(await figures.locator('tbody tr').count(), 12, 'not twelve months');
        await adminPage.getByTestId('dashboard-ar').locator('tbody tr').nth(4).waitFor();
        await adminPage.getByTestId('dashboard-ap').locator('tbody tr').nth(4).waitFor();
        await axe(adminPage, 'dashboard (admin, demo company)');
        await screenshot(adminPage, 'journey-k-dashboard');
      });

      const page = await newPage();
      await step(page, 'viewer-dashboard', async () => {
        await signIn(page, viewer);
        await openNav(page, 'Dashboard', 'Acme Books');
        await nonZeroCash(page);
        const links = await nav(page).getByRole('link').allInnerTexts();
        for (const screen of ['Accounts', 'Transactions', 'Statements', 'Customers', 'Vendors']) {
          assert.ok(links.includes(screen), `a viewer is not offered ${screen}`);
        }
        assert.ok(!links.includes('Import'), 'a viewer is offered Import');
        await axe(page, 'dashboard (viewer)');
        await screenshot(page, 'journey-k-viewer-dashboard');
      });

      await step(page, 'viewer-accounts', async () => {
        await openNav(page, 'Accounts');
        const accounts = page.getByTestId('accounts');
        await accounts.locator('tbody tr').nth(5).waitFor();
        await axe(page, 'accounts');
        await screenshot(page, 'journey-k-accounts');
        // An earlier as-of date gives other balances, and keeps it in the URL.
        await page.getByLabel('Balances as of').fill('2025-01-31');
        await page.getByRole('button', { name: 'Show balances' }).click();
        await page.waitForURL(/as_of=2025-01-31/);
        await accounts.locator('caption').filter({ hasText: '2025' }).waitFor();
        await accounts.getByRole('link', { name: 'Checking', exact: true }).click();
        await heading(page, 'Transactions');
        assert.match(new URL(page.url()).search, /^\?account=\d+$/);
      });

      await step(page, 'viewer-transactions', async () => {
        const table = page.getByTestId('transactions');
        await table.locator('tbody tr').first().waitFor();
        const account = new URL(page.url()).searchParams.get('account');
        assert.equal(await page.getByLabel('Account', { exact: true }).inputValue(), account);
        assert.equal(await page.getByRole('link', { name: 'Download CSV' }).count(), 0);
        assert.equal(await page.getByRole('link', { name: 'Download XLSX' }).count(), 0);
        await axe(page, 'transactions (account filter)');

        const firstPage = await transactionIds(table);
        await page.getByRole('button', { name: 'Next page' }).click();
        await page.waitForURL(/cursor=/);
        await table.locator('caption').filter({ hasText: 'on this page' }).waitFor();
        const secondPage = await transactionIds(table);
        assert.notDeepEqual(secondPage, firstPage, 'the next page shows the same rows');
        assert.equal(new URL(page.url()).searchParams.get('account'), account, 'lost the filter');
        await page.getByRole('button', { name: 'Back to first page' }).click();
        await table.locator('caption').filter({ hasText: 'on the first page' }).waitFor();
        assert.equal(new URL(page.url()).searchParams.get('cursor'), null);

        await page.getByLabel('Type', { exact: true }).fill('Invoice');
        await page.getByLabel('Account', { exact: true }).selectOption('');
        await page.getByRole('button', { name: 'Apply filters' }).click();
        await page.waitForURL((address) => address.search === '?type=Invoice');
        await page.waitForFunction(() => {
          const table = document.querySelector('[data-testid="transactions"]');
          const types = [...(table?.querySelectorAll('tbody tr > td:nth-child(2)') ?? [])];
          return (
            table?.getAttribute('aria-busy') === 'false' &&
            types.length > 0 &&
            types.every((cell) => cell.textContent === 'Invoice')
          );
        });
        const types = await table.locator('tbody tr > td:nth-child(2)').allInnerTexts();
        assert.ok(types.length > 0, 'no invoices');
        assert.ok(
          types.every((type) => type === 'Invoice'),
          `not filtered: ${types.join(', ')}`,
        );
        await screenshot(page, 'journey-k-transactions');
      });

      await step(page, 'viewer-transaction', async () => {
        const table = page.getByTestId('transactions');
        const first = table.locator('tbody tr').first();
        const num = await first.locator('td').nth(1).innerText();
        await first.getByRole('link').click();
        await page.waitForURL(/\/transactions\/\d+$/);
        await heading(page, `Invoice ${num}`.trim());
        await page.getByTestId('transaction-header').getByText('Invoice').first().waitFor();
        const lines = page.getByTestId('transaction-lines').locator('tbody tr');
        await lines.nth(1).waitFor();
        await axe(page, 'transaction');
        await screenshot(page, 'journey-k-transaction');
      });

      await step(page, 'viewer-statements', async () => {
        await openNav(page, 'Statements', 'Profit and loss');
        const statement = page.getByTestId('statement');
        await statement.locator('[data-summary="net_income"]').waitFor();
        await page.getByLabel('From', { exact: true }).fill('2025-01-01');
        await page.getByLabel('To', { exact: true }).fill('2025-12-31');
        await page.getByLabel('Columns').selectOption('month');
        await page.getByRole('button', { name: 'Show statement' }).click();
        await page.waitForURL(/columns=month/);
        // Account, twelve months and the total.
        await statement.locator('thead th').nth(13).waitFor();
        assert.equal(await statement.locator('thead th').count(), 14);
        await statement.locator('[data-section="income"]').waitFor();
        await page.getByRole('region', { name: 'Profit and loss' }).waitFor();
        await axe(page, 'profit and loss by month');
        await screenshot(page, 'journey-k-profit-and-loss');

        await page
          .getByRole('navigation', { name: 'Statements' })
          .getByRole('link', { name: 'Balance sheet' })
          .click();
        await heading(page, 'Balance sheet');
        await statement.locator('[data-summary="total_assets"]').waitFor();
        await statement.locator('[data-summary="total_liabilities_and_equity"]').waitFor();
        await axe(page, 'balance sheet');
        await screenshot(page, 'journey-k-balance-sheet');

        await page
          .getByRole('navigation', { name: 'Statements' })
          .getByRole('link', { name: 'Cash flow' })
          .click();
        await heading(page, 'Cash flow');
        await statement.locator('[data-summary="cash_at_end"]').waitFor();
        await axe(page, 'cash flow');
        await screenshot(page, 'journey-k-cash-flow');
      });

      await step(page, 'viewer-counterparties', async () => {
        await openNav(page, 'Customers');
        await page.getByTestId('customers').locator('tbody tr').first().waitFor();
        await axe(page, 'customers');
        await screenshot(page, 'journey-k-customers');
        await openNav(page, 'Vendors');
        await page.getByTestId('vendors').locator('tbody tr').first().waitFor();
        await axe(page, 'vendors');
      });

      await step(page, 'viewer-no-import', async () => {
        // A typed URL explains instead of showing an upload the server would refuse.
        await page.goto(url(`${orgPath}/imports`));
        await heading(page, 'Import');
        await page
          .getByRole('alert')
          .filter({ hasText: 'Only accountants and administrators' })
          .waitFor();
        assert.equal(await page.getByLabel('CSV file').count(), 0);
        await axe(page, 'import (viewer)');
      });
    },
  );

  test(
    '(l) an accountant imports a General Ledger and a bank statement, then exports',
    { skip },
    async () => {
      const { adminPage, orgPath } = shared;
      const accountant = {
        name: 'Cass Accountant',
        email: 'cass@example.com',
        password: password(),
      };
      await step(adminPage, 'invite-accountant', async () => {
        await adminPage.goto(url(`${orgPath}/invitations`));
        await heading(adminPage, 'Invitations');
        await adminPage.getByLabel('Email').fill(accountant.email);
        await adminPage.getByLabel('Role').selectOption('accountant');
        await adminPage.getByRole('button', { name: 'Send invitation' }).click();
        await adminPage
          .getByRole('status')
          .filter({ hasText: `sent to ${accountant.email}` })
          .waitFor();
      });

      const page = await newPage();
      await step(page, 'accountant-joins', async () => {
        const invitation = await waitForLink(accountant.email, '/invitations/accept');
        await page.goto(url(invitation));
        await heading(page, 'Accept invitation');
        await page.getByRole('link', { name: 'Create one' }).click();
        await register(page, accountant);
        await verifyFromOutbox(page, accountant);
        await page.goto(url(invitation));
        await page.getByRole('link', { name: 'Sign in to accept' }).click();
        await heading(page, 'Sign in');
        await page.getByLabel('Email').fill(accountant.email);
        await page.getByLabel('Password').fill(accountant.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(url('/invitations/accept'));
        await page.getByRole('button', { name: 'Accept invitation' }).click();
        await page.waitForURL(url(orgPath));
        await page.getByTestId('organization-role').filter({ hasText: 'accountant' }).waitFor();
        const links = await nav(page).getByRole('link').allInnerTexts();
        assert.ok(links.includes('Import'), 'an accountant is not offered Import');
        assert.ok(!links.includes('Members'), 'an accountant is offered Members');
      });

      let ledgerImport;
      await step(page, 'import-general-ledger', async () => {
        await openNav(page, 'Import');
        await page.getByTestId('recent-imports').waitFor();
        await axe(page, 'import');
        await previewFile(page, 'general-ledger.csv');
        const facts = page.getByTestId('import-preview-facts');
        await facts.locator('[data-format="quickbooks-general-ledger"]').waitFor();
        assert.equal(await page.getByTestId('column-mapping').count(), 0, 'a mapping for a GL');
        const header = await page.getByTestId('import-preview').locator('thead th').allInnerTexts();
        assert.ok(header.includes('Transaction Type'), `header ${header.join('|')}`);
        await axe(page, 'import: general ledger preview');
        await screenshot(page, 'journey-l-import-preview');
        await page.getByRole('button', { name: 'Import file' }).click();
        ledgerImport = await committedReport(page);
        assert.equal(ledgerImport.rejected, 0, 'rows of the General Ledger were rejected');
        assert.ok(ledgerImport.new >= 6, `only ${ledgerImport.new} new rows`);
        assert.equal(ledgerImport.transactions, 3);
        await axe(page, 'import report (general ledger)');
        await screenshot(page, 'journey-l-import-report-ledger');
      });

      let bankImport;
      await step(page, 'import-bank-statement', async () => {
        await page.getByRole('link', { name: 'Import another file' }).click();
        await heading(page, 'Import');
        await previewFile(page, 'bank-statement.csv');
        await page
          .getByTestId('import-preview-facts')
          .locator('[data-format="bank-statement"]')
          .waitFor();
        const mapping = page.getByTestId('column-mapping');
        await mapping.waitFor();
        // Suggested by the server, or filled in from the accounts.
        assert.equal(await page.getByLabel('Date', { exact: true }).inputValue(), '0');
        // The chart's first Bank account (the demo's 1000 Checking) or 1000 Checking.
        const bankAccount = page.getByLabel('Bank account');
        assert.notEqual(await bankAccount.inputValue(), '', 'no bank account suggested');
        await bankAccount.fill('1000 Checking');
        // Without a date column the form says what is missing, at the field.
        await page.getByLabel('Date', { exact: true }).selectOption('');
        await page.getByRole('button', { name: 'Import file' }).click();
        await page.locator('#mapping-date-errors').waitFor();
        assert.equal(
          await page.getByLabel('Date', { exact: true }).getAttribute('aria-invalid'),
          'true',
        );
        await axe(page, 'import: bank mapping with a problem');
        await page.getByLabel('Date', { exact: true }).selectOption({ label: '1: Date' });
        await page.getByLabel('Description').selectOption({ label: '2: Description' });
        await page.getByLabel('Amount', { exact: true }).selectOption({ label: '3: Amount' });
        await page.getByLabel('Balance').selectOption({ label: '4: Balance' });
        await page.getByLabel('Date order').selectOption('month-first');
        await page.getByLabel('Decimal style').selectOption('decimal-point');
        await axe(page, 'import: bank mapping');
        await screenshot(page, 'journey-l-import-mapping');
        await page.getByRole('button', { name: 'Import file' }).click();
        bankImport = await committedReport(page);
        assert.equal(bankImport.rejected, 0, 'rows of the bank statement were rejected');
        assert.equal(bankImport.transactions, 5);
        await axe(page, 'import report (bank statement)');
        await screenshot(page, 'journey-l-import-report-bank');
      });

      await step(page, 'import-budget', async () => {
        await page.getByRole('link', { name: 'Import another file' }).click();
        await heading(page, 'Import');
        await previewFile(page, 'budget.csv');
        await page
          .getByTestId('import-preview-facts')
          .locator('[data-format="quickbooks-budget"]')
          .waitFor();
        await page.getByRole('button', { name: 'Import file' }).click();
        const budgetImport = await committedReport(page);
        assert.equal(budgetImport.rejected, 0, 'rows of the budget were rejected');
        assert.equal(budgetImport.new, 2);
        await page.goto(url(`${orgPath}/statements/budget?year=2026`));
        await heading(page, 'Budget vs actual');
        // 4000 Services is the fixture's own account: its only actual is March's 500.00.
        const services = page
          .getByTestId('budget')
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: '4000 Services' }) });
        await services.waitFor();
        const cells = await services.getByRole('cell').allInnerTexts();
        // January to December, then the year's budget, actual and variance.
        assert.equal(cells.length, 15, `cells ${cells.join('|')}`);
        assert.match(cells[2] ?? '', /500\.00[\s\S]*of[\s\S]*1,000\.00/, `March: ${cells[2]}`);
        assert.match(cells[12] ?? '', /3,000\.00/, `budget total: ${cells[12]}`);
        assert.match(cells[13] ?? '', /500\.00/, `actual total: ${cells[13]}`);
        await axe(page, 'budget vs actual');
        await screenshot(page, 'journey-l-budget');
      });

      await step(page, 'read-reports', async () => {
        await openNav(page, 'Import');
        const recent = page.getByTestId('recent-imports');
        await recent.getByRole('link', { name: 'bank-statement.csv' }).first().waitFor();
        await recent.getByRole('link', { name: 'general-ledger.csv' }).first().click();
        await page.waitForURL(url(`${orgPath}/imports/${ledgerImport.id}`));
        await page.getByRole('heading', { name: 'Import of general-ledger.csv' }).waitFor();
        assert.equal(
          await page
            .getByTestId('import-report')
            .locator('[data-count="transactions_new"]')
            .innerText(),
          '3',
        );
        await page.goto(url(`${orgPath}/imports/${bankImport.id}`));
        await page.getByRole('heading', { name: 'Import of bank-statement.csv' }).waitFor();
        await page.getByTestId('import-report').waitFor();
        await screenshot(page, 'journey-l-imports');
      });

      await step(page, 'export', async () => {
        await openNav(page, 'Transactions');
        await page.getByLabel('Text', { exact: true }).fill('Cafe');
        await page.getByRole('button', { name: 'Apply filters' }).click();
        await page.waitForURL(/q=Cafe/);
        const table = page.getByTestId('transactions');
        await table.getByRole('cell', { name: 'Cafe', exact: true }).first().waitFor();
        const csvLink = page.getByRole('link', { name: 'Download CSV' });
        assert.match(await csvLink.getAttribute('href'), /\/exports\/transactions\.csv\?q=Cafe$/);
        await axe(page, 'transactions (accountant, export buttons)');
        await screenshot(page, 'journey-l-transactions-export');

        const [csv] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
        assert.equal(csv.suggestedFilename(), 'transactions.csv');
        const text = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '');
        const [headerRow = '', ...rows] = text.split(/\r?\n/).filter((line) => line !== '');
        assert.match(headerRow, /date/i, `the CSV starts with ${headerRow}`);
        assert.ok(!/\d{4}-\d{2}-\d{2}|\d+\.\d{2}/.test(headerRow), 'the first row is not a header');
        assert.ok(
          rows.some((row) => row.includes('Cafe')),
          'the CSV lacks the filtered rows',
        );

        const [xlsx] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Download XLSX' }).click(),
        ]);
        assert.equal(xlsx.suggestedFilename(), 'transactions.xlsx');
        const workbook = readFileSync(await xlsx.path());
        assert.equal(workbook.subarray(0, 2).toString('latin1'), 'PK', 'not a zip (XLSX) file');
      });
    },
  );
}
