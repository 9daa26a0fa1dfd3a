import { ApiError } from '../../api/client';

/**
 * Why POST /v1/auth/confirm-email failed, in the terms the page explains: `invalid` for a used
 * or expired link (400 `invalid-token`), `taken` when another account took the address in the
 * meantime (409 `email-taken`), `other` for anything else (shown in the server's words).
 */
export function confirmEmailFailure(error: unknown): 'invalid' | 'taken' | 'other' {
  if (!(error instanceof ApiError)) return 'other';
  if (error.status === 400 && error.isType('invalid-token')) return 'invalid';
  if (error.status === 409 && error.isType('email-taken')) return 'taken';
  return 'other';
}
