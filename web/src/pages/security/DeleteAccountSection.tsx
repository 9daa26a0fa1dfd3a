import { Link } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert } from '../../components/forms/FormAlert';
import { TypeToConfirmForm, useTypedConfirmation } from '../../components/forms/TypeToConfirmForm';
import { useSubmit } from '../../components/forms/useSubmit';
import { ReauthenticateForm } from '../../components/ReauthenticateForm';
import { useReauthentication } from '../../components/useReauthentication';
import { useMe, useSession } from '../../session/SessionContext';
import { lastAdminOrganizations } from './lastAdmin';

/** The danger zone: deleting the account, confirmed by typing its email, after AUTH-8. */
export function DeleteAccountSection() {
  const me = useMe();
  const { accountDeleted } = useSession();
  const confirmation = useTypedConfirmation(me.user.email, 'email');
  const submission = useSubmit();
  const reauthentication = useReauthentication(submission);
  const soleAdminOf = lastAdminOrganizations(submission.error, me.memberships);

  const remove = () => {
    reauthentication.run(async () => {
      await identity.deleteAccount();
      accountDeleted();
    });
  };

  return (
    <section className="danger-zone" aria-labelledby="delete-account-heading">
      <h2 id="delete-account-heading">Delete account</h2>
      <p>
        Deleting your account ends every session and removes your password, second factor and
        memberships at once. It cannot be undone. The organizations you belong to keep their own
        records.
      </p>
      {reauthentication.prompting ? (
        <ReauthenticateForm onProven={reauthentication.proven} onCancel={reauthentication.cancel} />
      ) : (
        <>
          {soleAdminOf === null ? (
            <FormAlert error={submission.error} />
          ) : (
            <div className="form-alert" role="alert">
              <p>
                You are the only admin of the organizations below. Make another member an admin of
                each, or delete the organization, before deleting your account.
              </p>
              <ul data-testid="last-admin-organizations">
                {soleAdminOf.map((organization) => (
                  <li key={organization.id}>
                    <Link to={`/orgs/${String(organization.id)}`}>{organization.name}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <TypeToConfirmForm
            confirmation={confirmation}
            id="delete-account-confirmation"
            label="Type your email address to confirm"
            hint={`Your email address is ${me.user.email}.`}
            mismatchMessage="This is not your email address."
            submitLabel="Delete my account"
            submission={submission}
            buttonRef={reauthentication.trigger}
            onConfirmed={remove}
          />
        </>
      )}
    </section>
  );
}
