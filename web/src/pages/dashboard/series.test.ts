import { describe, expect, it } from 'vitest';

import type { LedgerAccount, Statement } from '../../api/types';
import { cashPosition, monthFigures } from './series';

describe('monthFigures', () => {
  it('takes the income and expenses totals and net income per month', () => {
    const statement: Statement = {
      currency: 'USD',
      columns: ['2026-01', '2026-02'],
      sections: [
        { key: 'income', title: 'Income', rows: [], totals: ['100.00', '250.00'], total: '350.00' },
        {
          key: 'expenses',
          title: 'Expenses',
          rows: [],
          totals: ['40.00', '300.00'],
          total: '340.00',
        },
      ],
      summaries: [
        {
          key: 'gross_profit',
          title: 'Gross profit',
          amounts: ['100.00', '250.00'],
          total: '350.00',
        },
        { key: 'net_income', title: 'Net income', amounts: ['60.00', '-50.00'], total: '10.00' },
      ],
    };
    expect(monthFigures(statement)).toEqual([
      { month: '2026-01', income: '100.00', expenses: '40.00', netIncome: '60.00' },
      { month: '2026-02', income: '250.00', expenses: '300.00', netIncome: '-50.00' },
    ]);
  });

  it('reads a missing section as zero', () => {
    const statement: Statement = {
      currency: 'USD',
      columns: ['2026-01'],
      sections: [],
      summaries: [],
    };
    expect(monthFigures(statement)).toEqual([
      { month: '2026-01', income: '0.00', expenses: '0.00', netIncome: '0.00' },
    ]);
  });
});

describe('cashPosition', () => {
  const account = (type: string, balance: string): LedgerAccount => ({
    id: 1,
    parent_id: null,
    number: '',
    name: type,
    full_name: type,
    type,
    classification: 'Asset',
    active: true,
    balance,
    rolled_up_balance: balance,
  });

  it('adds the own balances of Bank accounts exactly', () => {
    const { banks, total } = cashPosition([
      account('Bank', '1000.10'),
      account('Bank', '0.20'),
      account('Accounts Receivable', '500.00'),
      account('Bank', '-0.30'),
    ]);
    expect(banks).toHaveLength(3);
    expect(total).toBe('1000.00');
  });
});
