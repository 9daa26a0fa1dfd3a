import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';

import { usePageTitle } from '../../components/usePageTitle';
import { useMe } from '../../session/SessionContext';
import { MfaEnrollment } from './MfaEnrollment';
import { MfaRemoval } from './MfaRemoval';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import '../../components/forms/forms.css';
import './security.css';

/** Why the user was sent here from an admin screen (see useMfaRedirect). */
function mfaRequiredFrom(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const { mfaRequired, from } = state as Record<string, unknown>;
  return mfaRequired === true && typeof from === 'string' && from.startsWith('/') ? from : null;
}

export function SecurityPage() {
  usePageTitle('Account security');
  const me = useMe();
  const requiredFrom = mfaRequiredFrom(useLocation().state);
  const [enrolled, setEnrolled] = useState(false);
  // Bumped when the factor is removed, so enrollment starts from its first step again.
  const [mfaGeneration, setMfaGeneration] = useState(0);
  // Bumped after changes that end other sessions, so the list is fetched again.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  const bumpSessions = () => {
    setSessionsVersion((n) => n + 1);
  };

  return (
    <article className="page">
      <h1>Account security</h1>
      <p className="lead">
        {me.user.name} ({me.user.email})
      </p>
      {requiredFrom !== null && (
        <div className="notice" role="alert">
          <p>
            <strong>Two-factor sign-in is required for admin functions.</strong> Set up an
            authenticator app below; FinHelm then lets you manage your organization.
          </p>
          {enrolled && (
            <p>
              <Link to={requiredFrom}>Continue to the page you wanted</Link>
            </p>
          )}
        </div>
      )}
      <PasswordSection onChanged={bumpSessions} />
      <section className="security__section" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading">Two-factor sign-in</h2>
        <MfaEnrollment
          key={`enroll-${String(mfaGeneration)}`}
          onEnrolled={() => {
            setEnrolled(true);
          }}
        />
        <MfaRemoval
          key={`remove-${String(mfaGeneration)}`}
          onRemoved={() => {
            setEnrolled(false);
            setMfaGeneration((n) => n + 1);
          }}
        />
      </section>
      <SessionsSection version={sessionsVersion} />
    </article>
  );
}
