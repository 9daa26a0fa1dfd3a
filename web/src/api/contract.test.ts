// Every call the app makes is checked against docs/openapi.json, the contract: the path matches
// a documented template, the method is documented there, every query parameter is documented
// for it, and a JSON or multipart body has only documented fields and every required one. The
// response shapes of types.ts are compared member by member with their schemas. A drift between
// app and server fails here, not in a browser.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import document from '../../../docs/openapi.json';
import { identity } from './identity';
import { exportUrl, imports, ledger } from './ledger';
import { organizations } from './organizations';
import type {
  AccountList,
  AgingBuckets,
  AgingReport,
  AgingRow,
  BankMapping,
  Counterparty,
  CounterpartyList,
  Import,
  ImportAccepted,
  ImportOptions,
  ImportPage,
  ImportPreview,
  LedgerAccount,
  Statement,
  StatementRow,
  StatementSection,
  StatementSummary,
  TransactionDetail,
  TransactionLine,
  TransactionPage,
  TransactionSummary,
} from './types';

interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  items?: Schema;
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
const paths = (document as unknown as { paths: Record<string, Record<string, Operation>> }).paths;
const schemas = (document as unknown as { components: { schemas: Record<string, Schema> } })
  .components.schemas;

interface Sent {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
  /** The part names of a multipart body. */
  parts: string[] | undefined;
}
let sent: Sent[] = [];

beforeEach(() => {
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>((input, init) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as object) : undefined;
      const parts = init?.body instanceof FormData ? [...init.body.keys()] : undefined;
      sent.push({
        method: init?.method ?? 'GET',
        path: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        body: body as Record<string, unknown> | undefined,
        parts,
      });
      return Promise.resolve(new Response(null, { status: 204 }));
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function templateOf(path: string): string | undefined {
  const bare = path.split('?')[0] ?? '';
  return Object.keys(paths).find((template) => {
    const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`).test(bare);
  });
}

function resolve(schema: Schema | undefined): Schema | undefined {
  if (schema?.$ref === undefined) return schema;
  return schemas[schema.$ref.replace('#/components/schemas/', '')];
}

async function check(call: () => Promise<unknown>): Promise<void> {
  await call().catch(() => undefined);
  const request = sent.at(-1);
  if (request === undefined) throw new Error('no request was sent');
  checkSent(request);
}

function checkSent(request: Sent): void {
  const template = templateOf(request.path);
  expect(template, `${request.method} ${request.path} is not in openapi.json`).toBeDefined();
  const operation = paths[template ?? '']?.[request.method.toLowerCase()];
  expect(operation, `${request.method} ${template ?? ''} is not documented`).toBeDefined();
  const query = new URL(request.path, 'http://app.test').searchParams;
  const documented = (operation?.parameters ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => p.name);
  for (const name of query.keys()) {
    expect(documented, `${request.method} ${template ?? ''}: query parameter ${name}`).toContain(
      name,
    );
  }
  if (request.parts !== undefined) {
    const multipart = resolve(operation?.requestBody?.content?.['multipart/form-data']?.schema);
    expect(multipart, `${request.method} ${request.path} takes no multipart body`).toBeDefined();
    const allowed = Object.keys(multipart?.properties ?? {});
    for (const part of request.parts) {
      expect(allowed, `${request.method} ${request.path}: part ${part}`).toContain(part);
    }
    for (const part of multipart?.required ?? []) {
      expect(request.parts, `${request.method} ${request.path}: ${part}`).toContain(part);
    }
    return;
  }
  const schema = resolve(operation?.requestBody?.content?.['application/json']?.schema);
  if (request.body === undefined) {
    expect(schema?.required ?? [], `${request.method} ${request.path} needs a body`).toEqual([]);
    return;
  }
  expect(schema, `${request.method} ${request.path} takes no JSON body`).toBeDefined();
  const allowed = Object.keys(schema?.properties ?? {});
  for (const field of Object.keys(request.body)) {
    expect(allowed, `${request.method} ${request.path}: field ${field}`).toContain(field);
  }
  for (const field of schema?.required ?? []) {
    expect(Object.keys(request.body), `${request.method} ${request.path}: ${field}`).toContain(
      field,
    );
  }
}

describe('identity calls match the contract', () => {
  const cases: [string, () => Promise<unknown>][] = [
    ['me', () => identity.me()],
    ['setupStatus', () => identity.setupStatus()],
    [
      'setup',
      () =>
        identity.setup({
          token: 't',
          email: 'e',
          password: 'p',
          name: 'n',
          organization_name: 'o',
        }),
    ],
    ['register', () => identity.register({ email: 'e', password: 'p', name: 'n' })],
    ['verifyEmail', () => identity.verifyEmail('t')],
    ['login', () => identity.login('e', 'p')],
    ['mfa', () => identity.mfa('123456')],
    ['logout', () => identity.logout()],
    ['forgotPassword', () => identity.forgotPassword('e')],
    ['resetPassword', () => identity.resetPassword('t', 'p')],
    ['changePassword', () => identity.changePassword('a', 'b')],
    ['sessions', () => identity.sessions()],
    ['revokeSession', () => identity.revokeSession('0123456789abcdef0123456789abcdef')],
    ['startTotp', () => identity.startTotp()],
    ['confirmTotp', () => identity.confirmTotp('123456')],
    ['removeTotp', () => identity.removeTotp('p', '123456')],
    ['reauthenticate', () => identity.reauthenticate({ password: 'p', code: '123456' })],
    ['acceptInvitation', () => identity.acceptInvitation('t')],
    ['changeEmail', () => identity.changeEmail('new@example.com')],
    ['confirmEmail', () => identity.confirmEmail('t')],
    ['deleteAccount', () => identity.deleteAccount()],
  ];
  it.each(cases)('%s', async (_name, call) => {
    await check(call);
  });
});

describe('organization calls match the contract', () => {
  const cases: [string, () => Promise<unknown>][] = [
    ['create', () => organizations.create('Acme Books')],
    ['remove', () => organizations.remove(1)],
    ['members', () => organizations.members(1)],
    ['changeRole', () => organizations.changeRole(1, 2, 'viewer')],
    ['removeMember', () => organizations.removeMember(1, 2)],
    ['invitations', () => organizations.invitations(1)],
    ['invite', () => organizations.invite(1, 'e', 'viewer')],
    ['revokeInvitation', () => organizations.revokeInvitation(1, 'abc')],
    ['serviceClients', () => organizations.serviceClients(1)],
    ['createServiceClient', () => organizations.createServiceClient(1, 'n', ['org:read'])],
    ['revokeServiceClient', () => organizations.revokeServiceClient(1, 'abc')],
    ['auditEvents', () => organizations.auditEvents(1, { event: 'x', before: 5 })],
  ];
  it.each(cases)('%s', async (_name, call) => {
    await check(call);
  });
});

describe('ledger, report and import calls match the contract', () => {
  const file = new File(['Date,Description,Amount\n'], 'bank.csv', { type: 'text/csv' });
  const options: ImportOptions = {
    date_order: 'day-first',
    amount_style: 'decimal-comma',
    mapping: { date: 0, description: 1, amount: 2, bank_account: '1000 Checking' },
  };
  const cases: [string, () => Promise<unknown>][] = [
    ['organization', () => organizations.get(1)],
    ['accounts', () => ledger.accounts(1, '2026-03-31')],
    [
      'transactions',
      () =>
        ledger.transactions(
          1,
          {
            from: '2026-01-01',
            to: '2026-03-31',
            account: '4',
            customer: '7',
            type: 'Invoice',
            min_amount: '10.00',
            max_amount: '99.99',
            q: 'coffee & beans',
          },
          '20260301.12',
          50,
        ),
    ],
    ['transactions (vendor)', () => ledger.transactions(1, { vendor: '3' })],
    ['transaction', () => ledger.transaction(1, 12)],
    ['customers', () => ledger.customers(1, '2026-03-31')],
    ['vendors', () => ledger.vendors(1)],
    [
      'profitAndLoss',
      () => ledger.profitAndLoss(1, { from: '2025-04-01', to: '2026-03-31', columns: 'month' }),
    ],
    ['cashFlow', () => ledger.cashFlow(1, { from: '2026-01-01', columns: 'total' })],
    ['balanceSheet', () => ledger.balanceSheet(1, '2026-03-31')],
    [
      'budgetVersusActual',
      () => ledger.budgetVersusActual(1, { from: '2026-01-01', to: '2026-12-31' }),
    ],
    ['receivablesAging', () => ledger.receivablesAging(1, '2026-03-31')],
    ['payablesAging', () => ledger.payablesAging(1)],
    ['imports', () => imports.list(1, 40, 20)],
    ['import', () => imports.get(1, 5)],
    ['preview', () => imports.preview(1, file)],
    ['create import', () => imports.create(1, file, options)],
    ['create import without options', () => imports.create(1, file)],
  ];
  it.each(cases)('%s', async (_name, call) => {
    await check(call);
  });
});

describe('export links match the contract', () => {
  it.each(['csv', 'xlsx'] as const)('%s', (format) => {
    const path = exportUrl(1, format, { from: '2026-01-01', account: '4', q: 'rent', vendor: '2' });
    checkSent({ method: 'GET', path, body: undefined, parts: undefined });
  });
});

// The members of each response type, spelled out so the compiler proves the list is complete
// (a member added to a type must be added here) and the test proves it matches the schema.
type Members<T> = Record<keyof T, true>;
const members = <T>(list: Members<T>): string[] => Object.keys(list).sort();

function propertiesOf(schema: Schema | undefined): string[] {
  const resolved = resolve(schema);
  if (resolved === undefined) return [];
  const own = Object.keys(resolved.properties ?? {});
  const inherited = (resolved.allOf ?? []).flatMap((part) => propertiesOf(part));
  return [...new Set([...own, ...inherited])].sort();
}

/** The schema of a property path such as `sections.items.rows.items`. */
function schemaAt(name: string, path: string[] = []): Schema | undefined {
  let schema = resolve(schemas[name]);
  for (const step of path) {
    if (schema === undefined) return undefined;
    schema = resolve(step === 'items' ? schema.items : schema.properties?.[step]);
  }
  return schema;
}

const summary: Members<TransactionSummary> = {
  id: true,
  date: true,
  type: true,
  num: true,
  name: true,
  counterparty_id: true,
  memo: true,
  total: true,
  line_count: true,
};
const buckets: Members<AgingBuckets> = {
  current: true,
  '1_30': true,
  '31_60': true,
  '61_90': true,
  over_90: true,
};
const importMembers: Members<Import> = {
  id: true,
  file_name: true,
  file_bytes: true,
  file_sha256: true,
  encoding: true,
  status: true,
  format: true,
  rows: true,
  transactions_new: true,
  duplicate_of: true,
  problem: true,
  created_at: true,
  finished_at: true,
  progress: true,
  rejections: true,
};

describe('response types match their schemas', () => {
  const undocumented: Record<string, string[]> = {};
  const cases: [string, string[], string[]][] = [
    [
      'LedgerAccount',
      [],
      members<LedgerAccount>({
        id: true,
        parent_id: true,
        number: true,
        name: true,
        full_name: true,
        type: true,
        classification: true,
        active: true,
        balance: true,
        rolled_up_balance: true,
      }),
    ],
    ['AccountList', [], members<AccountList>({ currency: true, as_of: true, accounts: true })],
    ['TransactionSummary', [], members<TransactionSummary>(summary)],
    [
      'TransactionPage',
      [],
      members<TransactionPage>({ currency: true, transactions: true, next_cursor: true }),
    ],
    [
      'TransactionLine',
      [],
      members<TransactionLine>({
        id: true,
        account_id: true,
        account: true,
        account_type: true,
        debit: true,
        credit: true,
        memo: true,
        counterparty_id: true,
        import_id: true,
        source_line: true,
      }),
    ],
    [
      'TransactionDetail',
      [],
      members<TransactionDetail>({
        ...summary,
        currency: true,
        due_date: true,
        source: true,
        import_id: true,
        lines: true,
      }),
    ],
    [
      'Counterparty',
      [],
      members<Counterparty>({
        id: true,
        name: true,
        open_balance: true,
        overdue_balance: true,
        open_items: true,
      }),
    ],
    [
      'CounterpartyList',
      [],
      members<CounterpartyList>({ currency: true, as_of: true, customers: true, vendors: true }),
    ],
    [
      'Statement',
      [],
      members<Statement>({
        currency: true,
        columns: true,
        from: true,
        to: true,
        as_of: true,
        sections: true,
        summaries: true,
      }),
    ],
    [
      'Statement',
      ['sections', 'items'],
      members<StatementSection>({ key: true, title: true, rows: true, totals: true, total: true }),
    ],
    [
      'Statement',
      ['sections', 'items', 'rows', 'items'],
      members<StatementRow>({
        account_id: true,
        account: true,
        account_type: true,
        amounts: true,
        total: true,
      }),
    ],
    [
      'Statement',
      ['summaries', 'items'],
      members<StatementSummary>({ key: true, title: true, amounts: true, total: true }),
    ],
    [
      'AgingReport',
      [],
      members<AgingReport>({ currency: true, as_of: true, rows: true, totals: true, total: true }),
    ],
    [
      'AgingReport',
      ['rows', 'items'],
      members<AgingRow>({ counterparty_id: true, name: true, buckets: true, total: true }),
    ],
    ['AgingReport', ['totals'], members<AgingBuckets>(buckets)],
    ['AgingReport', ['rows', 'items', 'buckets'], members<AgingBuckets>(buckets)],
    ['Import', [], members<Import>(importMembers)],
    ['ImportPage', [], members<ImportPage>({ imports: true, next_before: true })],
    ['ImportAccepted', [], members<ImportAccepted>({ id: true, status: true, format: true })],
    [
      'ImportPreview',
      [],
      members<ImportPreview>({
        file_name: true,
        format: true,
        encoding: true,
        header_line: true,
        header: true,
        rows: true,
        columns: true,
        saved_mapping: true,
      }),
    ],
  ];
  it.each(cases)('%s %j', (name, path, expected) => {
    const schema = schemaAt(name, path);
    expect(schema, `${name} is not in openapi.json`).toBeDefined();
    const documented = propertiesOf(schema);
    const tolerated = path.length === 0 ? (undocumented[name] ?? []) : [];
    expect(expected.filter((member) => !tolerated.includes(member))).toEqual(
      documented.filter((member) => !tolerated.includes(member)),
    );
  });

  it('a bank mapping has exactly the members of the BankMapping schema', () => {
    const mapping = members<BankMapping>({
      date: true,
      description: true,
      amount: true,
      debit: true,
      credit: true,
      balance: true,
      reference: true,
      bank_account: true,
    });
    expect([...mapping].sort()).toEqual(Object.keys(schemas.BankMapping?.properties ?? {}).sort());
    const options = Object.keys(schemas.ImportOptions?.properties ?? {}).sort();
    expect(options).toEqual(['amount_style', 'date_order', 'mapping']);
  });
});
