import { Link } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { IncompleteLinkAlert, useTokenLink } from '../../components/useTokenLink';
import '../../components/forms/forms.css';

/** Opened from the verification email: confirms the address as soon as the page loads. */
export function VerifyEmailPage() {
  usePageTitle('Confirm your email');
  const { token, outcome } = useTokenLink(identity.verifyEmail);

  return (
    <article className="page">
      <h1>Confirm your email</h1>
      {token === null ? (
        <IncompleteLinkAlert />
      ) : outcome.kind === 'pending' ? (
        <p role="status">Confirming your email…</p>
      ) : outcome.kind === 'done' ? (
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
