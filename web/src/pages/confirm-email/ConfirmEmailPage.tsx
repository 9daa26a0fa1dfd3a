import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { useHashToken } from '../../components/hashToken';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { confirmEmailFailure } from './outcome';
import '../../components/forms/forms.css';

type Outcome = { kind: 'pending' } | { kind: 'changed' } | { kind: 'failed'; error: unknown };

/** Opened from the mail sent to the new address: applies the email change as the page loads. */
export function ConfirmEmailPage() {
  usePageTitle('Confirm your new email');
  const token = useHashToken();
  const { state, refresh } = useSession();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'pending' });
  // The token is single use: a second POST (a re-run effect) would report a spent link.
  const sent = useRef(false);

  useEffect(() => {
    if (token === null || sent.current) return;
    sent.current = true;
    identity.confirmEmail(token).then(
      () => {
        setOutcome({ kind: 'changed' });
        // A signed-in tab shows the new address from now on.
        refresh().catch(() => undefined);
      },
      (error: unknown) => {
        setOutcome({ kind: 'failed', error });
      },
    );
  }, [token, refresh]);

  const signedIn = state.status === 'signed-in';
  return (
    <article className="page">
      <h1>Confirm your new email</h1>
      {token === null ? (
        <p role="alert">
          This link is incomplete. Open the link from the email again, or copy the whole address
          into the browser.
        </p>
      ) : outcome.kind === 'pending' ? (
        <p role="status">Changing your email…</p>
      ) : outcome.kind === 'changed' ? (
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
