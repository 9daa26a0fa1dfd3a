import { createContext, useContext } from 'react';

import type { Membership } from '../api/types';

export const OrganizationContext = createContext<Membership | null>(null);

/** The organization the URL names, for screens under `/orgs/:org`. */
export function useOrganization(): Membership {
  const organization = useContext(OrganizationContext);
  if (organization === null) throw new Error('useOrganization outside /orgs/:org');
  return organization;
}
