// The one way the web app talks to the finhelm server.
//
// - Same origin only: paths must be absolute paths on this origin ("/v1/..."), never URLs, so
//   the session cookie and the CSRF token can never be sent elsewhere.
// - Cookies ride along with `credentials: 'same-origin'`; the app never sees the session.
// - State-changing methods carry `X-CSRF-Token` (SECURITY.md WEB-4). The token lives in this
//   module's memory only: it is set from `csrf_token` of GET /v1/me and never written to
//   localStorage, sessionStorage or a cookie (WEB-5). A reload fetches it again.
// - Errors are RFC 9457 problem details, parsed into an `ApiError`.
// - `Accept: application/json` on every request; JSON request bodies are serialised here.

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const STATE_CHANGING: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const CSRF_HEADER = 'X-CSRF-Token';

/** One entry of a validation problem's `errors` array. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, normalised. Members the server adds beyond the standard ones are
 * kept in `extensions`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors: FieldError[];
  extensions: Record<string, unknown>;
}

/**
 * - `problem`: the server answered with application/problem+json.
 * - `http`: the server answered with an error status but no problem document.
 * - `network`: no answer (offline, connection refused, aborted).
 * - `invalid-response`: the server answered 2xx with a body that is not the JSON we expect.
 */
export type ApiErrorKind = 'problem' | 'http' | 'network' | 'invalid-response';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status, or 0 when there was no response. */
  readonly status: number;
  readonly problem: ProblemDetails;
  /** The server's X-Request-Id, to quote when reporting a problem. */
  readonly requestId: string | null;
  /** Seconds the server asked us to wait (`Retry-After` of a 429 or 503), or null. */
  readonly retryAfterSeconds: number | null;

  constructor(
    kind: ApiErrorKind,
    problem: ProblemDetails,
    requestId: string | null,
    options?: { cause?: unknown; retryAfterSeconds?: number | null },
  ) {
    super(problem.detail ?? problem.title, options);
    this.kind = kind;
    this.status = problem.status;
    this.problem = problem;
    this.requestId = requestId;
    this.retryAfterSeconds = options?.retryAfterSeconds ?? null;
  }

  /** True when the problem `type` URI ends with `/<slug>` (the server's types share a base). */
  isType(slug: string): boolean {
    return this.problem.type.endsWith(`/${slug}`);
  }

  /** Validation messages keyed by field name (the first message wins). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { field, message } of this.problem.errors) {
      if (!(field in out)) out[field] = message;
    }
    return out;
  }

  get aborted(): boolean {
    return (
      this.kind === 'network' &&
      this.cause instanceof DOMException &&
      this.cause.name === 'AbortError'
    );
  }
}

let csrfToken: string | null = null;

type SessionEndedListener = (error: ApiError) => void;
let sessionEndedListener: SessionEndedListener | null = null;

/**
 * Called whenever the server answers 401 `unauthenticated`: the session is gone (signed out
 * elsewhere, revoked, timed out). Other 401s, such as a wrong password at sign-in, are answers
 * to the form that sent them and do not end anything. The session layer uses this to send the
 * user to the sign-in page from wherever they are.
 */
export function onSessionEnded(listener: SessionEndedListener | null): void {
  sessionEndedListener = listener;
}

/**
 * `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 section 10.2.3). Returns whole
 * seconds from `now`, at least 1 for a date in the future and 0 for one in the past; null when
 * the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date always names its weekday and month; Date.parse alone would read '-5' as a year.
  if (!/[A-Za-z]/.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Set from `csrf_token` of GET /v1/me; `null` on sign-out. Memory only, by design. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token === null || token === '' ? null : token;
}

export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

export interface ApiRequest {
  method?: HttpMethod;
  /** A JSON-serialisable value, or FormData for multipart uploads. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  requestId: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mediaType(response: Response): string {
  const header = response.headers.get('Content-Type') ?? '';
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);

/**
 * Normalises whatever the server sent into ProblemDetails. Malformed members are ignored rather
 * than trusted: a wrong-typed `status` falls back to the HTTP status, a missing `title` to a
 * generic one, and `errors` keeps only well-formed `{field, message}` entries.
 */
export function parseProblem(body: unknown, httpStatus: number): ProblemDetails {
  const obj = isRecord(body) ? body : {};
  const status =
    typeof obj.status === 'number' && Number.isInteger(obj.status) && obj.status >= 100
      ? obj.status
      : httpStatus;
  const title =
    typeof obj.title === 'string' && obj.title.trim() !== '' ? obj.title : defaultTitle(httpStatus);
  const errors: FieldError[] = [];
  if (Array.isArray(obj.errors)) {
    for (const item of obj.errors) {
      if (isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string') {
        errors.push({ field: item.field, message: item.message });
      }
    }
  }
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (!PROBLEM_MEMBERS.has(key)) extensions[key] = value;
  }
  const problem: ProblemDetails = {
    type: typeof obj.type === 'string' && obj.type !== '' ? obj.type : 'about:blank',
    title,
    status,
    errors,
    extensions,
  };
  if (typeof obj.detail === 'string') problem.detail = obj.detail;
  if (typeof obj.instance === 'string') problem.instance = obj.instance;
  return problem;
}

function defaultTitle(status: number): string {
  if (status === 0) return 'The server could not be reached';
  if (status >= 500) return 'The server could not complete the request';
  return 'The request failed';
}

function checkPath(path: string): void {
  // Absolute path on this origin only: "/x" but not "//host/x", "http://...", or "x".
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) {
    throw new TypeError(
      `API path must be an absolute same-origin path, got ${JSON.stringify(path)}`,
    );
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  return JSON.parse(text) as unknown;
}

/** Sends one request and returns status, parsed JSON body and request id; throws ApiError. */
export async function apiRequest<T>(
  path: string,
  request: ApiRequest = {},
): Promise<ApiResponse<T>> {
  checkPath(path);
  const method = request.method ?? 'GET';
  const headers = new Headers(request.headers);
  headers.set('Accept', 'application/json');

  let body: BodyInit | undefined;
  if (request.body instanceof FormData) {
    body = request.body; // the browser sets the multipart boundary
  } else if (request.body !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(request.body);
  }

  if (STATE_CHANGING.has(method)) {
    if (csrfToken !== null) headers.set(CSRF_HEADER, csrfToken);
  } else {
    headers.delete(CSRF_HEADER); // never leak the token on safe requests
  }

  // The API never redirects; refusing to follow one keeps the CSRF header from being replayed
  // to wherever a misconfigured proxy might point.
  const init: RequestInit = { method, headers, credentials: 'same-origin', redirect: 'error' };
  if (body !== undefined) init.body = body;
  if (request.signal !== undefined) init.signal = request.signal;

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    throw new ApiError('network', parseProblem(undefined, 0), null, { cause });
  }

  const requestId = response.headers.get('X-Request-Id');
  const type = mediaType(response);

  if (!response.ok) {
    let parsed: unknown;
    const isProblem = isJsonMediaType(type);
    if (isProblem) {
      try {
        parsed = await readJson(response);
      } catch {
        parsed = undefined;
      }
    }
    const kind: ApiErrorKind =
      type === 'application/problem+json' && isRecord(parsed) ? 'problem' : 'http';
    const error = new ApiError(kind, parseProblem(parsed, response.status), requestId, {
      retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
    });
    if (error.status === 401 && error.isType('unauthenticated')) sessionEndedListener?.(error);
    throw error;
  }

  if (response.status === 204 || response.status === 205 || method === 'HEAD') {
    return { status: response.status, data: undefined as T, requestId };
  }
  const invalid = (title: string, cause?: unknown): ApiError =>
    new ApiError(
      'invalid-response',
      { ...parseProblem(undefined, response.status), title },
      requestId,
      cause === undefined ? undefined : { cause },
    );
  if (!isJsonMediaType(type)) {
    if ((await response.text()).trim() !== '') {
      throw invalid(`Expected JSON but the server sent ${type === '' ? 'no content type' : type}`);
    }
    return { status: response.status, data: undefined as T, requestId };
  }
  try {
    return { status: response.status, data: (await readJson(response)) as T, requestId };
  } catch (cause) {
    throw invalid('The server sent malformed JSON', cause);
  }
}

/**
 * `?a=1&b=x` from an object's members, leaving out undefined and empty ones; '' when none are
 * left. Values are encoded, so a text filter cannot add parameters of its own.
 */
export function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

async function dataOf<T>(path: string, request: ApiRequest): Promise<T> {
  return (await apiRequest<T>(path, request)).data;
}

export const api = {
  get: <T>(path: string, options: Omit<ApiRequest, 'method' | 'body'> = {}) =>
    dataOf<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options: Omit<ApiRequest, 'method' | 'body'> = {}) =>
    dataOf<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options: Omit<ApiRequest, 'method' | 'body'> = {}) =>
    dataOf<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options: Omit<ApiRequest, 'method' | 'body'> = {}) =>
    dataOf<T>(path, { ...options, method: 'PATCH', body }),
  /** DELETE may carry a body where the contract asks for one (removing MFA proves a password). */
  delete: <T = undefined>(path: string, options: Omit<ApiRequest, 'method'> = {}) =>
    dataOf<T>(path, { ...options, method: 'DELETE' }),
};
