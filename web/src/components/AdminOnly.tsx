import type { ReactNode } from 'react';

import { useOrganization } from '../session/OrganizationContext';
import { usePageTitle } from './usePageTitle';

/**
 * Admin screens reached by a typed or stale URL: say so instead of showing a form the server
 * would refuse. Navigation never offers these screens to other roles.
 */
export function AdminOnly({ title, children }: { title: string; children: ReactNode }) {
  const organization = useOrganization();
  usePageTitle(title);
  if (organization.role === 'admin') return <>{children}</>;
  return (
    <article className="page">
      <h1>{title}</h1>
      <p role="alert">
        Only administrators of {organization.name} can use this page. Your role is{' '}
        {organization.role}.
      </p>
    </article>
  );
}
