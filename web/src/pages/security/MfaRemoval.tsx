import { useState, type FormEvent } from 'react';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';

/** Removing the second factor proves both factors again (AUTH-8). */
export function MfaRemoval({ onRemoved }: { onRemoved: () => void }) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [removed, setRemoved] = useState(false);
  const submission = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await identity.removeTotp(password, code.replace(/\s+/g, ''));
      setPassword('');
      setCode('');
      setRemoved(true);
      onRemoved();
    });
  };

  if (removed) {
    return (
      <FormStatus>
        <p>Two-factor sign-in is off. Administrators need it for admin functions.</p>
      </FormStatus>
    );
  }
  return (
    <details className="card">
      <summary>Remove two-factor sign-in</summary>
      <p>Needs your password and a current code from the app (or a recovery code).</p>
      <FormAlert error={submission.error} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="remove-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
          errors={submission.fields.password}
        />
        <TextField
          id="remove-code"
          label="Code"
          autoComplete="one-time-code"
          required
          value={code}
          onValue={setCode}
          errors={submission.fields.code}
        />
        <SubmitButton
          label="Remove two-factor sign-in"
          busyLabel="Removing…"
          busy={submission.busy}
          waitSeconds={submission.waitSeconds}
          variant="danger"
        />
      </form>
    </details>
  );
}
