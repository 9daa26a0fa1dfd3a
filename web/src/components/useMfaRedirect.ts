import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

import { ApiError } from '../api/client';

/** Router state the security page reads to explain why the user was sent there. */
export interface MfaRequiredState {
  mfaRequired: true;
  from: string;
}

/**
 * Admin routes answer 403 `mfa-enrollment-required` to an admin without a second factor
 * (AUTH-6). Returns a handler that sends the user to enrollment, with a way back, and reports
 * whether it did.
 */
export function useMfaRedirect(): (error: unknown) => boolean {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError) || !error.isType('mfa-enrollment-required')) return false;
      const state: MfaRequiredState = { mfaRequired: true, from: `${pathname}${search}` };
      navigate('/account/security', { state });
      return true;
    },
    [navigate, pathname, search],
  );
}
