import { useOrganization } from '../session/OrganizationContext';
import { useMfaRedirect } from './useMfaRedirect';
import { useResource, type Resource } from './useResource';

/**
 * What an admin screen lists for the URL's organization, loaded again when the organization
 * changes. An admin without a second factor is sent to enrollment instead of seeing the 403
 * (AUTH-6); `name` keeps the screens' loads apart.
 */
export function useOrganizationResource<T>(
  name: string,
  load: (organization: number) => Promise<T>,
): Resource<T> {
  const { id } = useOrganization();
  const toEnrollment = useMfaRedirect();
  return useResource(`${name}-${String(id)}`, () => load(id), toEnrollment);
}
