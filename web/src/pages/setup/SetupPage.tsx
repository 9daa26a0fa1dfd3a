import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';

import { setCsrfToken } from '../../api/client';
import { identity } from '../../api/identity';
import { FormAlert } from '../../components/forms/FormAlert';
import {
  EMPTY_ACCOUNT,
  NewAccountFields,
  type NewAccount,
} from '../../components/forms/NewAccountFields';
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
  const [account, setAccount] = useState<NewAccount>(EMPTY_ACCOUNT);
  const [organization, setOrganization] = useState('');
  const [demo, setDemo] = useState(true);
  const submission = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token === null) return;
    void submission.run(async () => {
      const created = await identity.setup({
        token,
        ...account,
        organization_name: organization,
        load_demo_company: demo,
      });
      setAccount({ ...account, password: '' });
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
          <NewAccountFields account={account} onChange={setAccount} errors={submission.fields} />
          <TextField
            id="organization"
            label="Organization name"
            autoComplete="organization"
            required
            value={organization}
            onValue={setOrganization}
            errors={submission.fields.organization_name}
          />
          <div className="checkbox">
            <input
              id="load-demo-company"
              name="load-demo-company"
              type="checkbox"
              checked={demo}
              onChange={(event) => {
                setDemo(event.target.checked);
              }}
              aria-describedby="load-demo-company-hint"
            />
            <label htmlFor="load-demo-company">
              Load the demo company (Harbor &amp; Pine Consulting, three years of books)
            </label>
          </div>
          <p id="load-demo-company-hint" className="field__hint">
            Its transactions are imported into the new organization in the background, so the
            dashboard and reports have figures to show. Leave it unticked to start with empty books.
          </p>
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
