import { Outlet, useParams } from 'react-router-dom';

import { NotFoundPage } from '../pages/not-found/NotFoundPage';
import { OrganizationContext } from '../session/OrganizationContext';
import { useMe } from '../session/SessionContext';
import { membershipOf } from '../session/organizations';

/**
 * Resolves `/orgs/:org` against the user's memberships. An organization the user is not in is
 * "not found", as the server answers (ACL-3: no existence oracle).
 */
export function OrganizationFrame() {
  const me = useMe();
  const { org } = useParams();
  const membership = membershipOf(me, org);
  if (membership === undefined) return <NotFoundPage />;
  return (
    <OrganizationContext.Provider value={membership}>
      <Outlet />
    </OrganizationContext.Provider>
  );
}
