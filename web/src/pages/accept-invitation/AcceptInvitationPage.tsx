import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';

import { identity } from '../../api/identity';
import { FormAlert } from '../../components/forms/FormAlert';
import { useSubmit } from '../../components/forms/useSubmit';
import { useHashToken } from '../../components/hashToken';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/SessionContext';
import type { ReturnState } from '../../session/returnTo';
import { rememberInvitation, takeInvitation } from './pendingInvitation';
import '../../components/forms/forms.css';

const BACK_HERE: ReturnState = { from: '/invitations/accept' };

/**
 * Joins an organization with the token of an invitation email. The server accepts it only from
 * a signed-in user whose verified email is the invited one; a visitor is sent to sign in first
 * and brought back here.
 */
export function AcceptInvitationPage() {
  usePageTitle('Accept invitation');
  const fromLink = useHashToken();
  const [token] = useState(() => fromLink ?? takeInvitation());
  const { state, refresh } = useSession();
  const navigate = useNavigate();
  const submission = useSubmit();
  const anonymous = state.status === 'anonymous';

  useEffect(() => {
    if (anonymous && token !== null) rememberInvitation(token);
  }, [anonymous, token]);

  if (token === null) {
    return (
      <article className="page">
        <h1>Accept invitation</h1>
        <p role="alert">This link is incomplete. Open the link from the invitation email again.</p>
      </article>
    );
  }
  if (state.status === 'loading') return <p role="status">Loading…</p>;
  if (state.status === 'anonymous') {
    return (
      <article className="page">
        <h1>Accept invitation</h1>
        <p>You have been invited to an organization on FinHelm. Sign in to accept.</p>
        <p>
          <Link className="button" to="/login" state={BACK_HERE}>
            Sign in to accept
          </Link>
        </p>
        <p>
          No account yet? <Link to="/register">Create one</Link> with the email address the
          invitation was sent to, confirm it from the email we send you, then open the invitation
          link again.
        </p>
      </article>
    );
  }

  const { me } = state;
  const accept = () => {
    void submission.run(async () => {
      const before = new Set(me.memberships.map((m) => m.id));
      await identity.acceptInvitation(token);
      const after = await refresh();
      // The answer is 204 without the organization; the new membership is the one not there
      // before.
      const joined = after?.memberships.find((m) => !before.has(m.id)) ?? after?.memberships[0];
      navigate(joined === undefined ? '/' : `/orgs/${String(joined.id)}`, { replace: true });
    });
  };
  return (
    <article className="page">
      <h1>Accept invitation</h1>
      <p>
        You are signed in as <strong>{me.user.email}</strong>. The invitation must have been sent to
        this address.
      </p>
      <FormAlert error={submission.error} />
      <button type="button" className="button" onClick={accept} disabled={submission.busy}>
        {submission.busy ? 'Joining…' : 'Accept invitation'}
      </button>
    </article>
  );
}
