import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { PASSWORD_HINT } from '../../components/forms/password';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { useHashToken } from '../../components/hashToken';
import { usePageTitle } from '../../components/usePageTitle';
import '../../components/forms/forms.css';

export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const token = useHashToken();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const submission = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token === null) return;
    void submission.run(async () => {
      await identity.resetPassword(token, password);
      setPassword('');
      setDone(true);
    });
  };

  return (
    <article className="page">
      <h1>Choose a new password</h1>
      {token === null ? (
        <p role="alert">
          This link is incomplete. Open the link from the email again, or{' '}
          <Link to="/forgot-password">ask for a new one</Link>.
        </p>
      ) : done ? (
        <FormStatus>
          <p>
            Your password is set and every session of your account has ended.{' '}
            <Link to="/login">Sign in</Link> with the new password.
          </p>
        </FormStatus>
      ) : (
        <>
          <FormAlert error={submission.error} />
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              id="password"
              label="New password"
              type="password"
              autoComplete="new-password"
              required
              hint={PASSWORD_HINT}
              value={password}
              onValue={setPassword}
              errors={submission.fields.password}
            />
            <SubmitButton
              label="Set password"
              busyLabel="Saving…"
              busy={submission.busy}
              waitSeconds={submission.waitSeconds}
            />
          </form>
        </>
      )}
    </article>
  );
}
