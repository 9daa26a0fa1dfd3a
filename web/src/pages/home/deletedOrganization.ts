/** Router state for home after an organization was deleted, so home can say so. */
export interface DeletedOrganizationState {
  deletedOrganization: string;
}

export function deletedOrganizationOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const { deletedOrganization } = state as Record<string, unknown>;
  return typeof deletedOrganization === 'string' && deletedOrganization !== ''
    ? deletedOrganization
    : null;
}
