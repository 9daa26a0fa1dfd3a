/**
 * Where to go after signing in: the path the user was sent away from, if it is a path of this
 * app. Anything else (another origin, a protocol-relative `//host`, the sign-in page itself)
 * falls back to the home page, so a crafted link cannot bounce a fresh session elsewhere.
 */
export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== 'string') return '/';
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) {
    return '/';
  }
  if (candidate === '/login' || candidate.startsWith('/login?')) return '/';
  return candidate;
}

/** The router state RequireSession leaves for the sign-in page. */
export interface ReturnState {
  from?: string;
  ended?: boolean;
}

export function returnStateOf(state: unknown): ReturnState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, ended } = state as Record<string, unknown>;
  const out: ReturnState = {};
  if (typeof from === 'string') out.from = from;
  if (ended === true) out.ended = true;
  return out;
}
