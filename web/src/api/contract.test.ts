// Every call the app makes is checked against docs/openapi.json, the contract: the path matches
// a documented template, the method is documented there, and a JSON body has only documented
// fields and every required one. A drift between app and server fails here, not in a browser.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import document from '../../../docs/openapi.json';
import { identity } from './identity';
import { organizations } from './organizations';

interface Schema {
  $ref?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
const paths = (document as unknown as { paths: Record<string, Record<string, Operation>> }).paths;
const schemas = (document as unknown as { components: { schemas: Record<string, Schema> } })
  .components.schemas;

interface Sent {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}
let sent: Sent[] = [];

beforeEach(() => {
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>((input, init) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as object) : undefined;
      sent.push({
        method: init?.method ?? 'GET',
        path: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        body: body as Record<string, unknown> | undefined,
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
  const template = templateOf(request.path);
  expect(template, `${request.method} ${request.path} is not in openapi.json`).toBeDefined();
  const operation = paths[template ?? '']?.[request.method.toLowerCase()];
  expect(operation, `${request.method} ${template ?? ''} is not documented`).toBeDefined();
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
