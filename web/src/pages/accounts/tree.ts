import type { LedgerAccount } from '../../api/types';

export interface TreeRow {
  account: LedgerAccount;
  /** 0 for a top-level account. */
  depth: number;
  hasChildren: boolean;
}

/**
 * The accounts in tree order: each parent followed by its children, depth first, siblings in
 * the order the server sent them. An account whose parent is missing from the list is shown at
 * the top level rather than dropped.
 */
export function accountTree(accounts: readonly LedgerAccount[]): TreeRow[] {
  const ids = new Set(accounts.map((account) => account.id));
  const children = new Map<number | null, LedgerAccount[]>();
  for (const account of accounts) {
    const parent =
      account.parent_id !== null && ids.has(account.parent_id) ? account.parent_id : null;
    const siblings = children.get(parent);
    if (siblings === undefined) children.set(parent, [account]);
    else siblings.push(account);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<number>();
  const visit = (account: LedgerAccount, depth: number) => {
    if (seen.has(account.id)) return; // a cycle would be the server's bug; do not loop
    seen.add(account.id);
    const below = children.get(account.id) ?? [];
    rows.push({ account, depth, hasChildren: below.length > 0 });
    for (const child of below) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return rows;
}

/** The CSS class that indents a row of `depth` (the CSP allows no inline styles). */
export function depthClass(depth: number): string {
  return depth <= 0 ? '' : `depth-${String(Math.min(depth, 7))}`;
}
