import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';

import { LoadingPage } from '../app/LoadingPage';
import { useSession } from './SessionContext';
import type { ReturnState } from './returnTo';

/** Renders its children for a signed-in user; otherwise sends them to sign in and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingPage />;
  if (state.status === 'anonymous') {
    if (state.signedOut === true) return <Navigate to="/login" replace />;
    const back: ReturnState = { from: `${location.pathname}${location.search}` };
    if (state.ended) back.ended = true;
    return <Navigate to="/login" replace state={back} />;
  }
  return <>{children}</>;
}
