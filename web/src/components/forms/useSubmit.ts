import { useCallback, useState } from 'react';

import { ApiError } from '../../api/client';
import { useCountdown } from '../countdown';
import { fieldMessages } from './fieldErrors';

export interface Submission {
  busy: boolean;
  error: unknown;
  fields: Record<string, string[]>;
  /** Seconds left of a 429's Retry-After; submit stays disabled while above 0. */
  waitSeconds: number;
  /** Runs `action`, recording its failure; resolves to its result, or undefined on failure. */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  reset: () => void;
}

/** The state every form in the app shares: busy, last error, per-field messages and 429 waits. */
export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { remaining, start } = useCountdown();

  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await action();
      } catch (caught) {
        if (caught instanceof ApiError && caught.retryAfterSeconds !== null) {
          start(caught.retryAfterSeconds);
        }
        setError(caught);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [start],
  );

  const reset = useCallback(() => {
    setError(null);
  }, []);

  return { busy, error, fields: fieldMessages(error), waitSeconds: remaining, run, reset };
}
