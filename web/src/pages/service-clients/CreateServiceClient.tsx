import { useState, type FormEvent } from 'react';

import { organizations } from '../../api/organizations';
import { SERVICE_SCOPES, type ServiceClient, type ServiceScope } from '../../api/types';
import { FormAlert } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { ReauthenticateForm } from '../../components/ReauthenticateForm';
import { useMfaRedirect } from '../../components/useMfaRedirect';
import { useReauthentication } from '../../components/useReauthentication';

const SCOPE_TEXT: Record<ServiceScope, string> = {
  'org:read': 'Read the ledger, reports and analytics',
  'org:operate': 'Import, export and sync',
  'org:audit': 'Read the audit log',
};

export function CreateServiceClient({
  organization,
  onCreated,
}: {
  organization: number;
  onCreated: (client: ServiceClient) => void;
}) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ServiceScope[]>(['org:read']);
  const submission = useSubmit();
  const reauthentication = useReauthentication(submission);
  const toEnrollment = useMfaRedirect();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // AUTH-8: a stale proof opens the password prompt, then this same creation is retried.
    reauthentication.run(async () => {
      try {
        const client = await organizations.createServiceClient(organization, name, scopes);
        setName('');
        onCreated(client);
      } catch (error) {
        if (!toEnrollment(error)) throw error;
      }
    });
  };

  const toggle = (scope: ServiceScope, on: boolean) => {
    setScopes((current) =>
      on
        ? SERVICE_SCOPES.filter((s) => s === scope || current.includes(s))
        : current.filter((s) => s !== scope),
    );
  };

  if (reauthentication.prompting) {
    return (
      <ReauthenticateForm onProven={reauthentication.proven} onCancel={reauthentication.cancel} />
    );
  }
  return (
    <section className="card" aria-labelledby="create-client-heading">
      <h2 id="create-client-heading">Create a service client</h2>
      <FormAlert error={submission.error} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="client-name"
          label="Name"
          hint="What uses it, for example “Nightly BI export”."
          required
          maxLength={100}
          value={name}
          onValue={setName}
          errors={submission.fields.name}
        />
        <fieldset className="form__fieldset">
          <legend>Scopes</legend>
          {SERVICE_SCOPES.map((scope) => (
            <div className="checkbox" key={scope}>
              <input
                id={`scope-${scope}`}
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) => {
                  toggle(scope, event.target.checked);
                }}
              />
              <label htmlFor={`scope-${scope}`}>
                <code>{scope}</code>: {SCOPE_TEXT[scope]}
              </label>
            </div>
          ))}
          {submission.fields.scopes?.map((message) => (
            <p key={message} className="field__errors">
              {message}
            </p>
          ))}
        </fieldset>
        <SubmitButton
          label="Create service client"
          busyLabel="Creating…"
          busy={submission.busy}
          buttonRef={reauthentication.trigger}
        />
      </form>
    </section>
  );
}
