import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { usePageTitle } from '../../components/usePageTitle';
import { PASSWORD_HINT } from '../../components/forms/password';
import '../../components/forms/forms.css';

export function RegisterPage() {
  usePageTitle('Create an account');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submission = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await identity.register({ name, email, password });
      setPassword('');
      setSentTo(email);
    });
  };

  if (sentTo !== null) {
    // The server answers the same whether or not the address already has an account (AUTH-4),
    // and so does this message: it must not hint either way.
    return (
      <article className="page">
        <h1>Check your email</h1>
        <FormStatus>
          <p>
            We sent a message to <strong>{sentTo}</strong>. Open the link in it within 24 hours to
            confirm your address, then sign in.
          </p>
        </FormStatus>
        <p>
          Nothing arrived? Check the spam folder, or <Link to="/login">go to sign in</Link>.
        </p>
      </article>
    );
  }

  return (
    <article className="page">
      <h1>Create an account</h1>
      <FormAlert error={submission.error} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="name"
          label="Your name"
          autoComplete="name"
          required
          value={name}
          onValue={setName}
          errors={submission.fields.name}
        />
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
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint={PASSWORD_HINT}
          value={password}
          onValue={setPassword}
          errors={submission.fields.password}
        />
        <SubmitButton
          label="Create account"
          busyLabel="Creating…"
          busy={submission.busy}
          waitSeconds={submission.waitSeconds}
        />
      </form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>.
      </p>
    </article>
  );
}
