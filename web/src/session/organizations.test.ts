import { describe, expect, it } from 'vitest';

import type { Me } from '../api/types';
import { landingPath, membershipOf, switchOrganizationPath } from './organizations';

const me: Me = {
  user: {
    id: 1,
    email: 'a@example.com',
    name: 'A',
    email_verified: true,
    mfa_enrolled: false,
    password_changed_at: 0,
    password_change_recommended: false,
  },
  memberships: [
    { id: 4, name: 'Acme', role: 'admin' },
    { id: 9, name: 'Beta', role: 'viewer' },
  ],
  csrf_token: 't',
};

describe('membershipOf', () => {
  it('finds the organization of the URL', () => {
    expect(membershipOf(me, '9')?.name).toBe('Beta');
  });

  it('is undefined for a non-member or a malformed id', () => {
    expect(membershipOf(me, '5')).toBeUndefined();
    expect(membershipOf(me, '04')).toBeUndefined();
    expect(membershipOf(me, '4x')).toBeUndefined();
    expect(membershipOf(me, undefined)).toBeUndefined();
  });
});

describe('landingPath and switchOrganizationPath', () => {
  it('lands in the first organization, or home without one', () => {
    expect(landingPath(me)).toBe('/orgs/4');
    expect(landingPath({ ...me, memberships: [] })).toBe('/');
  });

  it('keeps the screen when switching', () => {
    expect(switchOrganizationPath('/orgs/4/members', 9)).toBe('/orgs/9/members');
    expect(switchOrganizationPath('/orgs/4', 9)).toBe('/orgs/9');
    expect(switchOrganizationPath('/account/security', 9)).toBe('/orgs/9');
  });
});
