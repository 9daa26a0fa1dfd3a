import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { identity } from '../api/identity';
import { useMe } from '../session/SessionContext';
import { FormAlert } from './forms/FormAlert';
import { SubmitButton } from './forms/SubmitButton';
import { TextField } from './forms/TextField';
import { useSubmit } from './forms/useSubmit';

/**
 * AUTH-8: some changes need the password (and a code, with MFA) proven within the last few
 * minutes. Shown when the server answers 403 `reauthentication-required` (useReauthentication);
 * `onProven` retries. The code field appears only for a user with a second factor.
 */
export function ReauthenticateForm({
  onProven,
  onCancel,
}: {
  onProven: () => void;
  onCancel: () => void;
}) {
  const { mfa_enrolled: withCode } = useMe().user;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const submission = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  // Unique per prompt, so two on one screen never share a label's target.
  const id = useId();

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const trimmed = code.replace(/\s+/g, '');
      await identity.reauthenticate(withCode ? { password, code: trimmed } : { password });
      setPassword('');
      setCode('');
      onProven();
    });
  };

  return (
    <section className="notice" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Confirm it is you
      </h2>
      <p>
        {withCode
          ? 'This change needs your password and a two-factor code again.'
          : 'This change needs your password again.'}
      </p>
      <FormAlert error={submission.error} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={`${id}-password`}
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
          errors={submission.fields.password}
        />
        {withCode && (
          <TextField
            id={`${id}-code`}
            label="Two-factor code"
            hint="From your authenticator app, or one of your recovery codes."
            autoComplete="one-time-code"
            required
            value={code}
            onValue={setCode}
            errors={submission.fields.code}
          />
        )}
        <div className="form__actions">
          <SubmitButton
            label="Confirm"
            busyLabel="Checking…"
            busy={submission.busy}
            waitSeconds={submission.waitSeconds}
          />
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
