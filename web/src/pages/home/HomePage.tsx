import { Link, useLocation } from 'react-router-dom';

import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { CreateOrganization } from './CreateOrganization';
import { deletedOrganizationOf } from './deletedOrganization';

export function HomePage() {
  usePageTitle('Home');
  const { state } = useSession();
  const deleted = deletedOrganizationOf(useLocation().state);
  return (
    <article className="page">
      <h1>Welcome to FinHelm</h1>
      {deleted !== null && (
        <p className="notice" role="status" data-testid="organization-deleted">
          {deleted} is deleted.
        </p>
      )}
      <p className="lead">
        FinHelm turns your ledger into answers: cash position, statements, a 13-week cash forecast,
        runway, variance drivers and anomalies, with every number traceable to the rows behind it.
      </p>
      {state.status === 'signed-in' ? (
        <>
          <section className="card" aria-labelledby="home-orgs">
            <h2 id="home-orgs">Your organizations</h2>
            {state.me.memberships.length === 0 ? (
              <p>
                You are not a member of any organization yet. Create one below, or ask an
                administrator to invite you and open the link in the invitation email while signed
                in as {state.me.user.email}.
              </p>
            ) : (
              <ul>
                {state.me.memberships.map((membership) => (
                  <li key={membership.id}>
                    <Link to={`/orgs/${String(membership.id)}`}>{membership.name}</Link> (
                    {membership.role})
                  </li>
                ))}
              </ul>
            )}
          </section>
          <CreateOrganization />
        </>
      ) : (
        <section className="card" aria-labelledby="home-status">
          <h2 id="home-status">Get started</h2>
          <p>
            <Link to="/login">Sign in</Link> to your organization, or{' '}
            <Link to="/register">create an account</Link> to start an organization of your own or to
            join one an administrator invites you to.
          </p>
          <p>
            You can check that the server is up and ready on the{' '}
            <Link to="/health">System health</Link> page.
          </p>
        </section>
      )}
    </article>
  );
}
