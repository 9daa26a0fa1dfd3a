import { Link } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { IncompleteLinkAlert, useTokenLink } from '../../components/useTokenLink';
import { useSession } from '../../session/SessionContext';
import { confirmEmailFailure } from './outcome';
import '../../components/forms/forms.css';

/** Opened from the mail sent to the new address: applies the email change as the page loads. */
export function ConfirmEmailPage() {
  usePageTitle('Confirm your new email');
  const { state, refresh } = useSession();
  const { token, outcome } = useTokenLink(async (link) => {
    await identity.confirmEmail(link);
    // A signed-in tab shows the new address from now on.
    refresh().catch(() => undefined);
  });

  const signedIn = state.status === 'signed-in';
  return (
    <article className="page">
      <h1>Confirm your new email</h1>
      {token === null ? (
        <IncompleteLinkAlert />
      ) : outcome.kind === 'pending' ? (
        <p role="status">Changing your email…</p>
      ) : outcome.kind === 'done' ? (
        <FormStatus>
          <p>
            Your email address is changed. Use the new address to sign in from now on.{' '}
            {signedIn ? (
              <Link to="/account/security">Back to account security</Link>
            ) : (
              <Link to="/login">Sign in</Link>
            )}
          </p>
        </FormStatus>
      ) : (
        <Failure error={outcome.error} />
      )}
    </article>
  );
}

function Failure({ error }: { error: unknown }) {
  const reason = confirmEmailFailure(error);
  if (reason === 'other') return <FormAlert error={error} />;
  return (
    <div className="form-alert" role="alert">
      <p>
        {reason === 'invalid'
          ? 'This link is no longer valid: it was used already, or more than 24 hours have passed.'
          : 'Another account uses this address now, so your email was not changed.'}
      </p>
      <p>
        Your email address stays as it was. You can start a change again from{' '}
        <Link to="/account/security">account security</Link>.
      </p>
    </div>
  );
}
