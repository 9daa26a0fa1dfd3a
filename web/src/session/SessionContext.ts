import { createContext, useContext } from 'react';

import type { Me } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  /**
   * `ended`: a session we had was ended by the server (revoked, timed out). `signedOut`: the
   * user signed out here, so the next sign-in starts afresh rather than where they left.
   * `accountDeleted`: the user deleted their account here; the sign-in page says so.
   */
  | { status: 'anonymous'; ended: boolean; signedOut?: boolean; accountDeleted?: boolean }
  | { status: 'signed-in'; me: Me };

export interface Session {
  state: SessionState;
  /** Fetches GET /v1/me again (after sign-in, joining an organization, …). */
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
  /** After DELETE /v1/me: forgets the session (the server cleared its cookie) and its token. */
  accountDeleted: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The signed-in user; only for components rendered under <RequireSession>. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a session');
  return state.me;
}
