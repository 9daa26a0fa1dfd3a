import { ApiError } from '../../api/client';
import type { Membership } from '../../api/types';

/**
 * The organizations named by a 409 `last-admin` answer to DELETE /v1/me: those the user is the
 * only admin of. Names come from the user's memberships; an id the app does not know (a
 * membership newer than GET /v1/me) is shown by number. Null for any other answer.
 */
export function lastAdminOrganizations(
  error: unknown,
  memberships: readonly Membership[],
): { id: number; name: string }[] | null {
  if (!(error instanceof ApiError) || error.status !== 409 || !error.isType('last-admin')) {
    return null;
  }
  const ids = error.problem.extensions.organizations;
  if (!Array.isArray(ids)) return [];
  return ids
    .filter((id): id is number => typeof id === 'number' && Number.isInteger(id))
    .map((id) => ({
      id,
      name:
        memberships.find((membership) => membership.id === id)?.name ??
        `Organization ${String(id)}`,
    }));
}
