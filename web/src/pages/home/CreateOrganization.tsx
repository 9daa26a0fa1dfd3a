import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { organizations } from '../../api/organizations';
import { FormAlert } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { useSession } from '../../session/SessionContext';
import '../../components/forms/forms.css';

/** The id of the form's heading: the header's "New organization…" link points here. */
export const CREATE_ORGANIZATION_ID = 'create-organization';

/**
 * Any signed-in user may create an organization and becomes its admin. The session is fetched
 * again before moving on, so the new membership is in every list when its overview opens.
 */
export function CreateOrganization() {
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [name, setName] = useState('');
  const submission = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const created = await organizations.create(name);
      await refresh();
      navigate(`/orgs/${String(created.id)}`);
    });
  };

  return (
    <section className="card" aria-labelledby={CREATE_ORGANIZATION_ID}>
      <h2 id={CREATE_ORGANIZATION_ID} tabIndex={-1}>
        Create an organization
      </h2>
      <p>An organization holds one set of books. You become its administrator.</p>
      <FormAlert error={submission.error} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="organization-name"
          label="Organization name"
          autoComplete="organization"
          required
          value={name}
          onValue={setName}
          errors={submission.fields.name}
        />
        <SubmitButton
          label="Create organization"
          busyLabel="Creating…"
          busy={submission.busy}
          waitSeconds={submission.waitSeconds}
        />
      </form>
    </section>
  );
}
