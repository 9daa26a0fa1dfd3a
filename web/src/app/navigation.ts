import type { Me } from '../api/types';
import { canOperate } from '../session/organizations';

export interface NavItem {
  to: string;
  label: string;
  end: boolean;
}

/**
 * The main navigation for who is signed in and which organization the URL names. The ledger
 * screens are offered to every member, Import to accountants and admins, and the admin screens
 * to admins only: what a role may not do is not shown (the server refuses it anyway).
 */
export function navItems(me: Me | null, org: number | undefined): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: 'Home', end: true }];
  if (me !== null) {
    const membership = me.memberships.find((m) => m.id === org) ?? me.memberships[0];
    if (membership !== undefined) {
      const base = `/orgs/${String(membership.id)}`;
      items.push(
        { to: base, label: 'Dashboard', end: true },
        { to: `${base}/accounts`, label: 'Accounts', end: false },
        { to: `${base}/transactions`, label: 'Transactions', end: false },
        { to: `${base}/statements`, label: 'Statements', end: false },
        { to: `${base}/customers`, label: 'Customers', end: false },
        { to: `${base}/vendors`, label: 'Vendors', end: false },
      );
      if (canOperate(membership.role)) {
        items.push({ to: `${base}/imports`, label: 'Import', end: false });
      }
      if (membership.role === 'admin') {
        items.push(
          { to: `${base}/members`, label: 'Members', end: false },
          { to: `${base}/invitations`, label: 'Invitations', end: false },
          { to: `${base}/service-clients`, label: 'Service clients', end: false },
          { to: `${base}/audit`, label: 'Audit log', end: false },
        );
      }
    }
    items.push({ to: '/account/security', label: 'Account security', end: false });
  }
  items.push({ to: '/health', label: 'System health', end: false });
  return items;
}
