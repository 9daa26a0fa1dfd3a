import type { Amount, LedgerAccount, Statement } from '../../api/types';
import { sumAmounts } from '../../components/amounts';

export interface MonthFigures {
  /** "2026-01". */
  month: string;
  income: Amount;
  expenses: Amount;
  netIncome: Amount;
}

/**
 * Per column of a profit and loss: the income section's total, the expenses section's total and
 * the net income summary, as exact strings ("0.00" where the statement has no such part).
 */
export function monthFigures(statement: Statement): MonthFigures[] {
  const section = (key: string) => statement.sections.find((s) => s.key === key)?.totals ?? [];
  const income = section('income');
  const expenses = section('expenses');
  const net = statement.summaries.find((s) => s.key === 'net_income')?.amounts ?? [];
  return statement.columns.map((month, index) => ({
    month,
    income: income[index] ?? '0.00',
    expenses: expenses[index] ?? '0.00',
    netIncome: net[index] ?? '0.00',
  }));
}

/** Bank accounts and the exact sum of their own balances: the cash position. */
export function cashPosition(accounts: readonly LedgerAccount[]): {
  banks: LedgerAccount[];
  total: Amount;
} {
  const banks = accounts.filter((account) => account.type === 'Bank');
  return { banks, total: sumAmounts(banks.map((account) => account.balance)) };
}
