import type { Me, Membership, Role } from '../api/types';

/** The membership named by an `/orgs/:org` URL segment, or undefined (not a member, bad id). */
export function membershipOf(me: Me, orgParam: string | undefined): Membership | undefined {
  if (orgParam === undefined || !/^[1-9]\d*$/.test(orgParam)) return undefined;
  const id = Number(orgParam);
  return me.memberships.find((membership) => membership.id === id);
}

/** Where a signed-in user lands: their first organization, or home when they have none. */
export function landingPath(me: Me): string {
  const first = me.memberships[0];
  return first === undefined ? '/' : `/orgs/${String(first.id)}`;
}

/** The same screen in another organization: `/orgs/1/members` → `/orgs/2/members`. */
export function switchOrganizationPath(pathname: string, org: number): string {
  const rest = /^\/orgs\/[^/]+(\/.*)?$/.exec(pathname)?.[1] ?? '';
  return `/orgs/${String(org)}${rest}`;
}

/** Accountants and admins change the books (imports) and export them; viewers only read. */
export function canOperate(role: Role): boolean {
  return role === 'accountant' || role === 'admin';
}
