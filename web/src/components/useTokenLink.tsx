import { useEffect, useRef, useState } from 'react';

import { useHashToken } from './hashToken';

export type LinkOutcome =
  { kind: 'pending' } | { kind: 'done' } | { kind: 'failed'; error: unknown };

/**
 * For a page opened from a mail link whose fragment carries a single-use token (useHashToken):
 * sends the token with `send` once, as the page loads, and reports how that went. `token` is
 * null when the link arrived without one; nothing is sent then.
 */
export function useTokenLink(send: (token: string) => Promise<unknown>): {
  token: string | null;
  outcome: LinkOutcome;
} {
  const token = useHashToken();
  const [outcome, setOutcome] = useState<LinkOutcome>({ kind: 'pending' });
  // The token is single use: a second POST (a re-run effect) would report a spent link.
  const sent = useRef(false);

  useEffect(() => {
    if (token === null || sent.current) return;
    sent.current = true;
    send(token).then(
      () => {
        setOutcome({ kind: 'done' });
      },
      (error: unknown) => {
        setOutcome({ kind: 'failed', error });
      },
    );
    // `send` is a new closure each render; the token is read once and sent once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  return { token, outcome };
}

/** What a mail-link page says when the address arrived without its token. */
export function IncompleteLinkAlert() {
  return (
    <p role="alert">
      This link is incomplete. Open the link from the email again, or copy the whole address into
      the browser.
    </p>
  );
}
