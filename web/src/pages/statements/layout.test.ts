import { describe, expect, it } from 'vitest';

import type { Statement } from '../../api/types';
import { byMonth, isStatementKind, statementBlocks } from './layout';

const section = (key: string) => ({ key, title: key, rows: [], totals: ['0.00'], total: '0.00' });
const summary = (key: string) => ({ key, title: key, amounts: ['0.00'], total: '0.00' });

describe('statementBlocks', () => {
  it('puts each summary after the section it closes, the rest at the end', () => {
    const statement: Statement = {
      currency: 'USD',
      columns: ['total'],
      sections: ['income', 'cost_of_goods_sold', 'expenses', 'other_income', 'other_expenses'].map(
        section,
      ),
      summaries: ['gross_profit', 'net_operating_income', 'net_other_income', 'net_income'].map(
        summary,
      ),
    };
    const order = statementBlocks(statement).map((block) =>
      block.kind === 'section' ? block.section.key : `= ${block.summary.key}`,
    );
    expect(order).toEqual([
      'income',
      'cost_of_goods_sold',
      '= gross_profit',
      'expenses',
      '= net_operating_income',
      'other_income',
      'other_expenses',
      '= net_other_income',
      '= net_income',
    ]);
  });

  it('leaves out a section total that the summary after it repeats', () => {
    const statement: Statement = {
      currency: 'USD',
      columns: ['total'],
      sections: [
        { ...section('assets'), totals: ['10.00'], total: '10.00' },
        { ...section('cost_of_goods_sold'), totals: ['4.00'], total: '4.00' },
      ],
      summaries: [
        { ...summary('total_assets'), amounts: ['10.00'], total: '10.00' },
        { ...summary('gross_profit'), amounts: ['6.00'], total: '6.00' },
      ],
    };
    const shown = statementBlocks(statement).map((block) =>
      block.kind === 'section'
        ? `${block.section.key}:${String(block.showTotal)}`
        : block.summary.key,
    );
    expect(shown).toEqual([
      'assets:false',
      'total_assets',
      'cost_of_goods_sold:true',
      'gross_profit',
    ]);
  });

  it('tells by-month columns from a single total', () => {
    const base = { currency: 'USD', sections: [], summaries: [] };
    expect(byMonth({ ...base, columns: ['total'] })).toBe(false);
    expect(byMonth({ ...base, columns: ['2026-01', '2026-02'] })).toBe(true);
    expect(isStatementKind('cash-flow')).toBe(true);
    expect(isStatementKind('trial-balance')).toBe(false);
  });
});
