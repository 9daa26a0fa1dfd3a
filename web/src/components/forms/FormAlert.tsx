import type { ReactNode } from 'react';

import { ApiError } from '../../api/client';
import { errorText } from './fieldErrors';

/** Announces a failed submission (role=alert), quoting the request id for support. */
export function FormAlert({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="form-alert" role="alert">
      <p>{errorText(error)}</p>
      {requestId !== null && <p className="form-alert__id">Request id: {requestId}</p>}
    </div>
  );
}

/** A success or progress message read out politely once it appears. */
export function FormStatus({ children }: { children: ReactNode }) {
  return (
    <div className="form-status" role="status">
      {children}
    </div>
  );
}
