import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';

import { ApiError, onSessionEnded, setCsrfToken } from '../api/client';
import { identity } from '../api/identity';
import { SessionContext, type Session, type SessionState } from './SessionContext';

/**
 * Holds who is signed in, from GET /v1/me, and feeds its CSRF token to the API client. Any 401
 * `unauthenticated` answer, from any screen, turns the state to anonymous, which sends screens
 * that need a session to the sign-in page (RequireSession).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await identity.me();
      setCsrfToken(me.csrf_token);
      setState({ status: 'signed-in', me });
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null; // the listener ran
      throw error;
    }
  }, []);

  useEffect(() => {
    onSessionEnded(() => {
      setCsrfToken(null);
      setState((previous) => ({
        status: 'anonymous',
        ended: previous.status === 'signed-in',
      }));
    });
    identity.me().then(
      (me) => {
        setCsrfToken(me.csrf_token);
        setState({ status: 'signed-in', me });
      },
      (error: unknown) => {
        // A 401 already went through the listener. Otherwise the server could not be reached;
        // screens show their own errors when they try again.
        if (!(error instanceof ApiError && error.status === 401)) {
          setState({ status: 'anonymous', ended: false });
        }
      },
    );
    return () => {
      onSessionEnded(null);
    };
  }, []);

  const signOut = useCallback(async () => {
    try {
      await identity.logout();
    } finally {
      // Whatever the server said, this tab forgets the session and its token.
      setCsrfToken(null);
      setState({ status: 'anonymous', ended: false, signedOut: true });
    }
  }, []);

  const accountDeleted = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous', ended: false, signedOut: true, accountDeleted: true });
  }, []);

  const session = useMemo<Session>(
    () => ({ state, refresh, signOut, accountDeleted }),
    [state, refresh, signOut, accountDeleted],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
