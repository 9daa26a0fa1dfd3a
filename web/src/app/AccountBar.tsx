import { useState } from 'react';
import { Link, useMatch, useNavigate } from 'react-router-dom';

import { CREATE_ORGANIZATION_ID } from '../pages/home/CreateOrganization';
import { useSession } from '../session/SessionContext';
import { OrganizationSwitcher } from './OrganizationSwitcher';

/** The signed-in user, their organizations and sign-out; sign-in links for a visitor. */
export function AccountBar() {
  const { state, signOut } = useSession();
  const navigate = useNavigate();
  // A screen that needs a session sends the signed-out user to /login itself (RequireSession);
  // this covers the screens that do not.
  const orgMatch = useMatch('/orgs/:org/*');
  const [signingOut, setSigningOut] = useState(false);

  if (state.status === 'loading') return null;
  if (state.status === 'anonymous') {
    return (
      <div className="account-bar">
        <Link className="nav__link" to="/login">
          Sign in
        </Link>
        <Link className="nav__link" to="/register">
          Create account
        </Link>
      </div>
    );
  }
  const { me } = state;
  const current = orgMatch?.params.org === undefined ? undefined : Number(orgMatch.params.org);
  const onSignOut = () => {
    setSigningOut(true);
    signOut()
      .catch(() => undefined)
      .finally(() => {
        setSigningOut(false);
        navigate('/login', { replace: true });
      });
  };
  return (
    <div className="account-bar">
      <OrganizationSwitcher key={current ?? 0} memberships={me.memberships} current={current} />
      <Link className="nav__link" to={`/#${CREATE_ORGANIZATION_ID}`}>
        New organization…
      </Link>
      <p className="account-bar__user" data-testid="signed-in-user">
        Signed in as <strong>{me.user.name}</strong>
      </p>
      <button
        type="button"
        className="button button--header"
        onClick={onSignOut}
        disabled={signingOut}
      >
        Sign out
      </button>
    </div>
  );
}
