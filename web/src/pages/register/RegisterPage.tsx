import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import {
  EMPTY_ACCOUNT,
  NewAccountFields,
  type NewAccount,
} from '../../components/forms/NewAccountFields';
import { useSubmit } from '../../components/forms/useSubmit';
import { usePageTitle } from '../../components/usePageTitle';
import '../../components/forms/forms.css';

export function RegisterPage() {
  usePageTitle('Create an account');
  const [account, setAccount] = useState<NewAccount>(EMPTY_ACCOUNT);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submission = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await identity.register(account);
      setAccount({ ...account, password: '' });
      setSentTo(account.email);
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
        <NewAccountFields account={account} onChange={setAccount} errors={submission.fields} />
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
