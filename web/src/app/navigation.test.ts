import { describe, expect, it } from 'vitest';

import type { Me, Role } from '../api/types';
import { navItems } from './navigation';

function meWith(roles: [number, Role][]): Me {
  return {
    user: {
      id: 1,
      email: 'a@example.com',
      name: 'A',
      email_verified: true,
      mfa_enrolled: false,
      password_changed_at: 0,
      password_change_recommended: false,
    },
    memberships: roles.map(([id, role]) => ({ id, name: `Org ${String(id)}`, role })),
    csrf_token: 't',
  };
}

const labels = (me: Me | null, org?: number) => navItems(me, org).map((item) => item.label);

describe('navItems', () => {
  it('offers a visitor only the public screens', () => {
    expect(labels(null)).toEqual(['Home', 'System health']);
  });

  it('offers admin screens to an admin of the current organization only', () => {
    const me = meWith([
      [1, 'admin'],
      [2, 'viewer'],
    ]);
    expect(labels(me, 1)).toContain('Members');
    expect(labels(me, 1)).toContain('Audit log');
    expect(labels(me, 2)).not.toContain('Members');
    expect(labels(me, 2)).not.toContain('Audit log');
    expect(navItems(me, 2).find((i) => i.label === 'Dashboard')?.to).toBe('/orgs/2');
  });

  const LEDGER = ['Dashboard', 'Accounts', 'Transactions', 'Statements', 'Customers', 'Vendors'];

  it('offers a viewer the ledger screens but no Import and no admin navigation', () => {
    expect(labels(meWith([[3, 'viewer']]), 3)).toEqual([
      'Home',
      ...LEDGER,
      'Account security',
      'System health',
    ]);
  });

  it('offers an accountant Import but no admin navigation', () => {
    expect(labels(meWith([[3, 'accountant']]), 3)).toEqual([
      'Home',
      ...LEDGER,
      'Import',
      'Account security',
      'System health',
    ]);
    expect(navItems(meWith([[3, 'accountant']]), 3).find((i) => i.label === 'Import')?.to).toBe(
      '/orgs/3/imports',
    );
  });

  it('offers an admin the ledger, Import and the admin screens', () => {
    const admin = labels(meWith([[4, 'admin']]), 4);
    for (const label of [...LEDGER, 'Import', 'Members', 'Audit log']) {
      expect(admin).toContain(label);
    }
  });
});
