import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError, CSRF_HEADER, api, apiRequest, parseProblem, setCsrfToken } from './client';

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>;

function jsonResponse(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': type, 'X-Request-Id': 'req-123' },
  });
}

function mockFetch(response: Response | (() => Response)): FetchMock {
  const fn = vi.fn<typeof fetch>(() =>
    Promise.resolve(typeof response === 'function' ? response() : response),
  );
  vi.stubGlobal('fetch', fn);
  return fn;
}

function sentInit(fn: FetchMock, call = 0): RequestInit {
  const args = fn.mock.calls[call];
  if (args === undefined) throw new Error(`fetch was not called ${String(call + 1)} time(s)`);
  return args[1] ?? {};
}

function sentHeaders(fn: FetchMock, call = 0): Headers {
  return new Headers(sentInit(fn, call).headers);
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

beforeEach(() => {
  setCsrfToken(null);
});

afterEach(() => {
  setCsrfToken(null);
});

describe('request basics', () => {
  it('sends Accept: application/json with same-origin credentials and returns the JSON body', async () => {
    const fn = mockFetch(jsonResponse({ status: 'ok' }));
    const data = await api.get<{ status: string }>('/healthz');
    expect(data).toEqual({ status: 'ok' });
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn.mock.calls[0]?.[0]).toBe('/healthz');
    const init = sentInit(fn);
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('same-origin');
    expect(sentHeaders(fn).get('Accept')).toBe('application/json');
  });

  it('serialises JSON bodies and reports status and request id', async () => {
    const fn = mockFetch(jsonResponse({ id: 'org_1' }, 201));
    const result = await apiRequest<{ id: string }>('/v1/orgs', {
      method: 'POST',
      body: { name: 'Acme' },
    });
    expect(result).toEqual({ status: 201, data: { id: 'org_1' }, requestId: 'req-123' });
    expect(sentInit(fn).body).toBe('{"name":"Acme"}');
    expect(sentHeaders(fn).get('Content-Type')).toBe('application/json');
  });

  it('returns undefined for 204 No Content', async () => {
    mockFetch(new Response(null, { status: 204 }));
    await expect(api.post('/v1/auth/logout')).resolves.toBeUndefined();
  });

  it('refuses anything but an absolute same-origin path', async () => {
    const fn = mockFetch(jsonResponse({}));
    for (const path of ['https://evil.example/v1/me', '//evil.example/v1/me', 'v1/me', '/\\evil']) {
      await expect(api.get(path)).rejects.toThrow(TypeError);
    }
    expect(fn).not.toHaveBeenCalled();
  });

  it('turns a fetch failure into a network ApiError with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await caught(api.get('/healthz'));
    expect(error.kind).toBe('network');
    expect(error.status).toBe(0);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('rejects a 2xx answer that is not JSON', async () => {
    mockFetch(new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } }));
    const error = await caught(api.get('/v1/me'));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('text/html');
  });
});

describe('CSRF header', () => {
  it('is sent on every state-changing method once the token is known', async () => {
    setCsrfToken('tok-abc');
    const fn = mockFetch(() => new Response(null, { status: 204 }));
    await api.post('/v1/x', {});
    await api.put('/v1/x', {});
    await api.patch('/v1/x', {});
    await api.delete('/v1/x');
    expect(fn).toHaveBeenCalledTimes(4);
    for (let call = 0; call < 4; call += 1) {
      expect(sentHeaders(fn, call).get(CSRF_HEADER)).toBe('tok-abc');
    }
  });

  it('is never sent on safe methods, even if a caller passes it', async () => {
    setCsrfToken('tok-abc');
    const fn = mockFetch(() => jsonResponse({}));
    await api.get('/v1/me', { headers: { [CSRF_HEADER]: 'tok-abc' } });
    await apiRequest('/v1/me', { method: 'HEAD' });
    expect(sentHeaders(fn, 0).has(CSRF_HEADER)).toBe(false);
    expect(sentHeaders(fn, 1).has(CSRF_HEADER)).toBe(false);
  });

  it('is omitted before sign-in and after the token is cleared', async () => {
    const fn = mockFetch(() => new Response(null, { status: 204 }));
    await api.post('/v1/auth/login', { email: 'a@example.com', password: 'x' });
    setCsrfToken('tok-abc');
    setCsrfToken(null);
    await api.post('/v1/auth/logout');
    expect(sentHeaders(fn, 0).has(CSRF_HEADER)).toBe(false);
    expect(sentHeaders(fn, 1).has(CSRF_HEADER)).toBe(false);
  });
});

describe('problem details', () => {
  it('parses a validation problem into an ApiError with field errors', async () => {
    mockFetch(
      jsonResponse(
        {
          type: 'https://finhelm.dev/problems/validation',
          title: 'Invalid request body',
          status: 422,
          detail: 'Two fields are invalid.',
          instance: '/v1/auth/register',
          errors: [
            { field: 'email', message: 'must be an email address' },
            { field: 'password', message: 'must be at least 12 characters' },
            { field: 'password', message: 'second message is ignored by fieldErrors' },
            { field: 42, message: 'malformed entries are dropped' },
          ],
          trace: 'kept as an extension',
        },
        422,
        'application/problem+json; charset=utf-8',
      ),
    );
    const error = await caught(api.post('/v1/auth/register', {}));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('problem');
    expect(error.status).toBe(422);
    expect(error.requestId).toBe('req-123');
    expect(error.message).toBe('Two fields are invalid.');
    expect(error.problem).toEqual({
      type: 'https://finhelm.dev/problems/validation',
      title: 'Invalid request body',
      status: 422,
      detail: 'Two fields are invalid.',
      instance: '/v1/auth/register',
      errors: [
        { field: 'email', message: 'must be an email address' },
        { field: 'password', message: 'must be at least 12 characters' },
        { field: 'password', message: 'second message is ignored by fieldErrors' },
      ],
      extensions: { trace: 'kept as an extension' },
    });
    expect(error.fieldErrors).toEqual({
      email: 'must be an email address',
      password: 'must be at least 12 characters',
    });
  });

  it('keeps extension members such as the readiness checks of a 503', async () => {
    mockFetch(
      jsonResponse(
        {
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          checks: { database: 'down' },
        },
        503,
        'application/problem+json',
      ),
    );
    const error = await caught(api.get('/readyz'));
    expect(error.status).toBe(503);
    expect(error.problem.extensions).toEqual({ checks: { database: 'down' } });
    expect(error.message).toBe('Service Unavailable');
  });

  it('falls back to the HTTP status when the error body is not a problem document', async () => {
    mockFetch(
      new Response('Bad Gateway', { status: 502, headers: { 'Content-Type': 'text/plain' } }),
    );
    const error = await caught(api.get('/v1/me'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
    expect(error.problem.type).toBe('about:blank');
    expect(error.problem.title).toBe('The server could not complete the request');
    expect(error.problem.errors).toEqual([]);
  });

  it('does not trust wrong-typed members', () => {
    const problem = parseProblem(
      { type: 7, title: '', status: '500', detail: null, errors: 'nope' },
      400,
    );
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'The request failed',
      status: 400,
      errors: [],
      extensions: {},
    });
  });
});
