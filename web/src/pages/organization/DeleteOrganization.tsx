import { useNavigate } from 'react-router-dom';

import { organizations } from '../../api/organizations';
import type { Membership } from '../../api/types';
import { FormAlert } from '../../components/forms/FormAlert';
import { TypeToConfirmForm, useTypedConfirmation } from '../../components/forms/TypeToConfirmForm';
import { useSubmit } from '../../components/forms/useSubmit';
import { ReauthenticateForm } from '../../components/ReauthenticateForm';
import { useMfaRedirect } from '../../components/useMfaRedirect';
import { useReauthentication } from '../../components/useReauthentication';
import { useSession } from '../../session/SessionContext';
import type { DeletedOrganizationState } from '../home/deletedOrganization';

/**
 * Admins only: deletes the organization, confirmed by typing its name, after AUTH-8. Then home,
 * with the memberships fetched again so the organization is gone from every list.
 */
export function DeleteOrganization({ organization }: { organization: Membership }) {
  const navigate = useNavigate();
  const { refresh } = useSession();
  const toEnrollment = useMfaRedirect();
  const confirmation = useTypedConfirmation(organization.name, 'exact');
  const submission = useSubmit();
  const reauthentication = useReauthentication(submission);

  const remove = () => {
    reauthentication.run(async () => {
      try {
        await organizations.remove(organization.id);
      } catch (error) {
        if (toEnrollment(error)) return;
        throw error;
      }
      const state: DeletedOrganizationState = { deletedOrganization: organization.name };
      navigate('/', { replace: true, state });
      await refresh().catch(() => undefined);
    });
  };

  return (
    <section className="danger-zone" aria-labelledby="delete-org-heading">
      <h2 id="delete-org-heading">Delete organization</h2>
      <p>
        Deleting {organization.name} removes its members, invitations, service clients and data at
        once. It cannot be undone. Its audit events are kept until their retention ends.
      </p>
      {reauthentication.prompting ? (
        <ReauthenticateForm onProven={reauthentication.proven} onCancel={reauthentication.cancel} />
      ) : (
        <>
          <FormAlert error={submission.error} />
          <TypeToConfirmForm
            confirmation={confirmation}
            id="delete-org-confirmation"
            label="Type the organization name to confirm"
            hint={`The name is ${organization.name}.`}
            mismatchMessage="This is not the name of the organization."
            submitLabel="Delete organization"
            submission={submission}
            buttonRef={reauthentication.trigger}
            onConfirmed={remove}
          />
        </>
      )}
    </section>
  );
}
