import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { usePageTitle } from '../../components/usePageTitle';
import '../../components/forms/forms.css';

export function ForgotPasswordPage() {
  usePageTitle('Forgotten password');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submission = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await identity.forgotPassword(email);
      setSentTo(email);
    });
  };

  return (
    <article className="page">
      <h1>Forgotten password</h1>
      {sentTo !== null ? (
        // Always 202 (AUTH-4): the message is the same for known and unknown addresses.
        <FormStatus>
          <p>
            If an account uses <strong>{sentTo}</strong>, we sent it a link to choose a new
            password. The link works once, within 1 hour.
          </p>
        </FormStatus>
      ) : (
        <>
          <p>Enter the email you sign in with and we will send you a link to set a new password.</p>
          <FormAlert error={submission.error} />
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              id="email"
              label="Email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onValue={setEmail}
              errors={submission.fields.email}
            />
            <SubmitButton
              label="Send the link"
              busyLabel="Sending…"
              busy={submission.busy}
              waitSeconds={submission.waitSeconds}
            />
          </form>
        </>
      )}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </article>
  );
}
