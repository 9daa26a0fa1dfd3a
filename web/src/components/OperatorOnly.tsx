import type { ReactNode } from 'react';

import { useOrganization } from '../session/OrganizationContext';
import { canOperate } from '../session/organizations';
import { usePageTitle } from './usePageTitle';

/**
 * Screens that change the books (imports), reached by a typed or stale URL: a viewer is told
 * why instead of being shown a form the server would refuse. Navigation offers them only to
 * accountants and admins.
 */
export function OperatorOnly({ title, children }: { title: string; children: ReactNode }) {
  const organization = useOrganization();
  usePageTitle(title);
  if (canOperate(organization.role)) return <>{children}</>;
  return (
    <article className="page">
      <h1>{title}</h1>
      <p role="alert">
        Only accountants and administrators of {organization.name} can use this page.{' '}
        {`Your role is ${organization.role}.`}
      </p>
    </article>
  );
}
