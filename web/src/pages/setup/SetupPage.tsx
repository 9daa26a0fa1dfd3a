import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';

import { setCsrfToken } from '../../api/client';
import { identity } from '../../api/identity';
import { FormAlert } from '../../components/forms/FormAlert';
import { PASSWORD_HINT } from '../../components/forms/password';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { useHashToken } from '../../components/hashToken';
import { usePageTitle } from '../../components/usePageTitle';
import { useResource } from '../../components/useResource';
import { useSession } from '../../session/SessionContext';
import '../../components/forms/forms.css';

/** First run: the one-time link printed by `finhelm serve` creates the first admin. */
export function SetupPage() {
  usePageTitle('Set up FinHelm');
  const token = useHashToken();
  const status = useResource('setup', identity.setupStatus);
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organization, setOrganization] = useState('');
  const submission = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token === null) return;
    void submission.run(async () => {
      const created = await identity.setup({
        token,
        name,
        email,
        password,
        organization_name: organization,
      });
      setPassword('');
      setCsrfToken(created.csrf_token);
      await refresh();
      navigate(`/orgs/${String(created.organization_id)}`, { replace: true });
    });
  };

  let body;
  if (status.loading) {
    body = <p role="status">Checking whether this server is set up…</p>;
  } else if (status.data?.setup_required === false) {
    body = (
      <p>
        This FinHelm server is already set up. <Link to="/login">Sign in</Link>.
      </p>
    );
  } else if (token === null) {
    body = (
      <p role="alert">
        Open the setup link that <code>finhelm serve</code> printed when it started; it carries a
        one-time token. Restarting the server prints a new one while no admin exists.
      </p>
    );
  } else {
    body = (
      <>
        <p>
          Create the first administrator and their organization. The link works once and for one
          hour.
        </p>
        <FormAlert error={submission.error ?? status.error} />
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
          <TextField
            id="organization"
            label="Organization name"
            autoComplete="organization"
            required
            value={organization}
            onValue={setOrganization}
            errors={submission.fields.organization_name}
          />
          <SubmitButton
            label="Create administrator"
            busyLabel="Creating…"
            busy={submission.busy}
            waitSeconds={submission.waitSeconds}
          />
        </form>
      </>
    );
  }
  return (
    <article className="page">
      <h1>Set up FinHelm</h1>
      {body}
    </article>
  );
}
