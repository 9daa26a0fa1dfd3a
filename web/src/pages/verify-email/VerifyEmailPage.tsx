import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { useHashToken } from '../../components/hashToken';
import { usePageTitle } from '../../components/usePageTitle';
import '../../components/forms/forms.css';

type Outcome = { kind: 'pending' } | { kind: 'verified' } | { kind: 'failed'; error: unknown };

/** Opened from the verification email: confirms the address as soon as the page loads. */
export function VerifyEmailPage() {
  usePageTitle('Confirm your email');
  const token = useHashToken();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'pending' });
  // The token is single use: a second POST (a re-run effect) would report a spent link.
  const sent = useRef(false);

  useEffect(() => {
    if (token === null || sent.current) return;
    sent.current = true;
    identity.verifyEmail(token).then(
      () => {
        setOutcome({ kind: 'verified' });
      },
      (error: unknown) => {
        setOutcome({ kind: 'failed', error });
      },
    );
  }, [token]);

  return (
    <article className="page">
      <h1>Confirm your email</h1>
      {token === null ? (
        <p role="alert">
          This link is incomplete. Open the link from the email again, or copy the whole address
          into the browser.
        </p>
      ) : outcome.kind === 'pending' ? (
        <p role="status">Confirming your email…</p>
      ) : outcome.kind === 'verified' ? (
        <FormStatus>
          <p>
            Your email is confirmed. You can now <Link to="/login">sign in</Link>.
          </p>
        </FormStatus>
      ) : (
        <>
          <FormAlert error={outcome.error} />
          <p>
            Links work once and for 24 hours. If yours has expired, register again with the same
            email to receive a new one, or <Link to="/login">sign in</Link> if you already confirmed
            it.
          </p>
        </>
      )}
    </article>
  );
}
