import { useState, type FormEvent, type Ref } from 'react';

import { matchesConfirmation } from './confirmation';
import { SubmitButton } from './SubmitButton';
import { TextField } from './TextField';
import type { Submission } from './useSubmit';

export interface TypedConfirmation {
  expected: string;
  kind: 'email' | 'exact';
  typed: string;
  setTyped: (typed: string) => void;
  /** True after a submission whose text did not match, until the text changes. */
  mismatch: boolean;
  setMismatch: (mismatch: boolean) => void;
}

/**
 * The text of a "type … to confirm" field. It lives in the screen rather than in the form, so it
 * survives the re-authentication prompt standing in for the form and coming back on Cancel.
 */
export function useTypedConfirmation(expected: string, kind: 'email' | 'exact'): TypedConfirmation {
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return { expected, kind, typed, setTyped, mismatch, setMismatch };
}

/**
 * A destructive change confirmed in the page by typing what it destroys (an email address, an
 * organization name), never with a dialog. `onConfirmed` runs only when the text matches.
 */
export function TypeToConfirmForm({
  confirmation,
  id,
  label,
  hint,
  mismatchMessage,
  submitLabel,
  submission,
  buttonRef,
  onConfirmed,
}: {
  confirmation: TypedConfirmation;
  id: string;
  label: string;
  hint: string;
  mismatchMessage: string;
  submitLabel: string;
  submission: Submission;
  buttonRef?: Ref<HTMLButtonElement> | undefined;
  onConfirmed: () => void;
}) {
  const { expected, kind, typed, setTyped, mismatch, setMismatch } = confirmation;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const confirmed = matchesConfirmation(typed, expected, kind);
    setMismatch(!confirmed);
    if (confirmed) onConfirmed();
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        id={id}
        label={label}
        hint={hint}
        autoComplete="off"
        spellCheck={false}
        required
        value={typed}
        onValue={(value) => {
          setTyped(value);
          setMismatch(false);
        }}
        errors={mismatch ? [mismatchMessage] : undefined}
      />
      <SubmitButton
        label={submitLabel}
        busyLabel="Deleting…"
        busy={submission.busy}
        waitSeconds={submission.waitSeconds}
        variant="danger"
        buttonRef={buttonRef}
      />
    </form>
  );
}
