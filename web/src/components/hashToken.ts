import { useState } from 'react';

/**
 * The `token` parameter of a URL fragment such as `#token=abc`, or null. Links in FinHelm's mail
 * and the first-run link carry their secret in the fragment because a fragment never reaches a
 * server log, a proxy or a Referer header.
 */
export function readHashToken(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token')?.trim() ?? '';
  return token === '' ? null : token;
}

/**
 * Reads the fragment's token once, on the first render, and removes the fragment from the
 * address bar (and from this history entry) so the secret does not linger where it could be
 * copied, bookmarked or seen over a shoulder. The token then lives only in component memory.
 */
export function useHashToken(): string | null {
  const [token] = useState(() => {
    const found = readHashToken(window.location.hash);
    if (found !== null) {
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}`);
    }
    return found;
  });
  return token;
}
