import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';

import { FormStatus } from '../../components/forms/FormAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useMe, useSession } from '../../session/SessionContext';
import { DataExportSection } from './DataExportSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { EmailSection } from './EmailSection';
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
  const { refresh } = useSession();
  const requiredFrom = mfaRequiredFrom(useLocation().state);
  const enrolled = me.user.mfa_enrolled;
  const [removed, setRemoved] = useState(false);
  // Bumped after changes that end other sessions, so the list is fetched again.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  // GET /v1/me again after a change it reports (second factor, password age).
  const reload = () => {
    refresh().catch(() => undefined);
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
      <PasswordSection
        onChanged={() => {
          setSessionsVersion((n) => n + 1);
          reload();
        }}
      />
      <EmailSection />
      <section className="security__section" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading">Two-factor sign-in</h2>
        {enrolled ? (
          <>
            <p role="status" data-testid="mfa-status">
              Two-factor sign-in is on for your account. To move it to another device, remove it
              below and set it up again.
            </p>
            <MfaRemoval
              onRemoved={() => {
                setRemoved(true);
                reload();
              }}
            />
          </>
        ) : (
          <>
            {removed && (
              <FormStatus>
                <p>Two-factor sign-in is off. Administrators need it for admin functions.</p>
              </FormStatus>
            )}
            <MfaEnrollment
              onEnrolled={() => {
                setRemoved(false);
                reload();
              }}
            />
          </>
        )}
      </section>
      <SessionsSection version={sessionsVersion} />
      <DataExportSection />
      <DeleteAccountSection />
    </article>
  );
}
