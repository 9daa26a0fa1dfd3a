import { Link } from 'react-router-dom';

import { usePageTitle } from '../../components/usePageTitle';
import { useOrganization } from '../../session/OrganizationContext';
import { Dashboard } from '../dashboard/Dashboard';
import { DeleteOrganization } from './DeleteOrganization';
import '../../components/forms/forms.css';

const ADMIN_SCREENS = [
  { path: 'members', label: 'Members', what: 'who belongs here and with which role' },
  { path: 'invitations', label: 'Invitations', what: 'invite people by email' },
  { path: 'service-clients', label: 'Service clients', what: 'credentials for other systems' },
  { path: 'audit', label: 'Audit log', what: 'every security event of this organization' },
] as const;

export function OrganizationPage() {
  const organization = useOrganization();
  usePageTitle(organization.name);
  return (
    <article className="page page--wide">
      <h1>{organization.name}</h1>
      <p className="lead" data-testid="organization-role">
        Your role: {organization.role}
      </p>
      <Dashboard />
      {organization.role === 'admin' && (
        <section className="card" aria-labelledby="org-admin">
          <h2 id="org-admin">Administration</h2>
          <ul>
            {ADMIN_SCREENS.map((screen) => (
              <li key={screen.path}>
                <Link to={screen.path}>{screen.label}</Link>: {screen.what}
              </li>
            ))}
          </ul>
        </section>
      )}
      {organization.role === 'admin' && (
        <DeleteOrganization key={organization.id} organization={organization} />
      )}
    </article>
  );
}
