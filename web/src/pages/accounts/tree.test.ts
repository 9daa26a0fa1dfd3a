import { describe, expect, it } from 'vitest';

import type { LedgerAccount } from '../../api/types';
import { accountTree, depthClass } from './tree';

function account(id: number, parent_id: number | null, name: string): LedgerAccount {
  return {
    id,
    parent_id,
    number: '',
    name,
    full_name: name,
    type: 'Expense',
    classification: 'Expense',
    active: true,
    balance: '0.00',
    rolled_up_balance: '0.00',
  };
}

describe('accountTree', () => {
  it('puts children under their parents, depth first, keeping sibling order', () => {
    const rows = accountTree([
      account(1, null, 'Expenses'),
      account(2, null, 'Income'),
      account(3, 1, 'Utilities'),
      account(4, 3, 'Electric'),
      account(5, 1, 'Rent'),
    ]);
    expect(rows.map((row) => [row.account.name, row.depth, row.hasChildren])).toEqual([
      ['Expenses', 0, true],
      ['Utilities', 1, true],
      ['Electric', 2, false],
      ['Rent', 1, false],
      ['Income', 0, false],
    ]);
  });

  it('shows an account whose parent is missing at the top level', () => {
    expect(accountTree([account(7, 99, 'Orphan')]).map((row) => row.depth)).toEqual([0]);
  });

  it('indents with a class, capped at seven levels', () => {
    expect(depthClass(0)).toBe('');
    expect(depthClass(2)).toBe('depth-2');
    expect(depthClass(12)).toBe('depth-7');
  });
});
