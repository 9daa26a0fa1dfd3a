import { useState, type FormEvent } from 'react';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { CHANGE_PASSWORD_ID, PASSWORD_HINT } from '../../components/forms/password';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { formatUnixTime } from '../../components/time';
import { useMe } from '../../session/SessionContext';

export function PasswordSection({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changed, setChanged] = useState(false);
  const submission = useSubmit();
  const { password_changed_at: changedAt } = useMe().user;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    void submission.run(async () => {
      await identity.changePassword(current, next);
      setCurrent('');
      setNext('');
      setChanged(true);
      onChanged();
    });
  };

  return (
    <section className="security__section" aria-labelledby={CHANGE_PASSWORD_ID}>
      <h2 id={CHANGE_PASSWORD_ID} tabIndex={-1}>
        Password
      </h2>
      <p className="muted">Last changed {formatUnixTime(changedAt)}.</p>
      {changed && (
        <FormStatus>
          <p>Your password is changed. Every other session of your account has ended.</p>
        </FormStatus>
      )}
      <FormAlert error={submission.error} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="current-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onValue={setCurrent}
          errors={submission.fields.current_password}
        />
        <TextField
          id="new-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint={PASSWORD_HINT}
          value={next}
          onValue={setNext}
          errors={submission.fields.password}
        />
        <SubmitButton
          label="Change password"
          busyLabel="Saving…"
          busy={submission.busy}
          waitSeconds={submission.waitSeconds}
        />
      </form>
    </section>
  );
}
