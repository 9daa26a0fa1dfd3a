import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

import { ApiError } from '../api/client';
import type { Submission } from './forms/useSubmit';

/** True for the server's 403 `reauthentication-required` (AUTH-8: no recent password proof). */
export function needsReauthentication(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status === 403 && error.isType('reauthentication-required')
  );
}

export interface Reauthentication {
  /** True while the password prompt (ReauthenticateForm) should stand in for the form. */
  prompting: boolean;
  /**
   * Runs `action` through `submission`. When the server asks for a fresh password proof, the
   * prompt opens instead of an error and `action` is kept to be retried once it is proven.
   */
  run: (action: () => Promise<void>) => void;
  /** For the prompt's `onProven`: closes it and retries the kept action. */
  proven: () => void;
  /**
   * For the prompt's `onCancel`: closes it, forgets the action and moves focus back to `trigger`
   * once the form is shown again.
   */
  cancel: () => void;
  /** For the button that submits the change (SubmitButton's `buttonRef`). */
  trigger: RefObject<HTMLButtonElement>;
}

/** The re-authentication flow of every screen that makes an AUTH-8 change. */
export function useReauthentication(submission: Submission): Reauthentication {
  const [pending, setPending] = useState<{ action: () => Promise<void> } | null>(null);
  const { run: runSubmission } = submission;
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  // The prompt stands in for the form, so the button it replaced is a new element by now.
  useEffect(() => {
    if (pending !== null || !refocus.current) return;
    refocus.current = false;
    trigger.current?.focus();
  }, [pending]);

  const run = useCallback(
    (action: () => Promise<void>) => {
      void runSubmission(async () => {
        try {
          await action();
        } catch (error) {
          if (!needsReauthentication(error)) throw error;
          setPending({ action });
        }
      });
    },
    [runSubmission],
  );

  const proven = useCallback(() => {
    if (pending === null) return;
    setPending(null);
    run(pending.action);
  }, [pending, run]);

  const cancel = useCallback(() => {
    refocus.current = true;
    setPending(null);
  }, []);

  return { prompting: pending !== null, run, proven, cancel, trigger };
}
