import { useState, type FormEvent } from 'react';

import { ApiError } from '../../api/client';
import { organizations } from '../../api/organizations';
import { SERVICE_SCOPES, type ServiceClient, type ServiceScope } from '../../api/types';
import { FormAlert } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { ReauthenticateForm } from '../../components/ReauthenticateForm';
import { useMfaRedirect } from '../../components/useMfaRedirect';

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
  const [needsProof, setNeedsProof] = useState(false);
  const submission = useSubmit();
  const toEnrollment = useMfaRedirect();

  const create = () => {
    void submission.run(async () => {
      try {
        const client = await organizations.createServiceClient(organization, name, scopes);
        setName('');
        onCreated(client);
      } catch (error) {
        // AUTH-8: ask for the password again, then retry this same creation.
        if (error instanceof ApiError && error.isType('reauthentication-required')) {
          setNeedsProof(true);
          return;
        }
        if (!toEnrollment(error)) throw error;
      }
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create();
  };

  const toggle = (scope: ServiceScope, on: boolean) => {
    setScopes((current) =>
      on
        ? SERVICE_SCOPES.filter((s) => s === scope || current.includes(s))
        : current.filter((s) => s !== scope),
    );
  };

  if (needsProof) {
    return (
      <ReauthenticateForm
        onProven={() => {
          setNeedsProof(false);
          create();
        }}
        onCancel={() => {
          setNeedsProof(false);
        }}
      />
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
        <SubmitButton label="Create service client" busyLabel="Creating…" busy={submission.busy} />
      </form>
    </section>
  );
}
