import type { Statement, StatementSection, StatementSummary } from '../../api/types';

export type StatementKind = 'profit-and-loss' | 'balance-sheet' | 'cash-flow';

export const STATEMENTS: readonly { kind: StatementKind; title: string }[] = [
  { kind: 'profit-and-loss', title: 'Profit and loss' },
  { kind: 'balance-sheet', title: 'Balance sheet' },
  { kind: 'cash-flow', title: 'Cash flow' },
];

export function isStatementKind(text: string | undefined): text is StatementKind {
  return STATEMENTS.some((statement) => statement.kind === text);
}

/**
 * Where each summary line goes: right after the section it closes, as a printed statement
 * reads ("Gross profit" after the cost of goods sold). Summaries not named here follow the
 * last section.
 */
const SUMMARY_AFTER: Record<string, string> = {
  gross_profit: 'cost_of_goods_sold',
  net_operating_income: 'expenses',
  net_other_income: 'other_expenses',
  total_assets: 'assets',
  total_liabilities: 'liabilities',
  total_equity: 'equity',
  net_cash_from_operating: 'operating',
  net_cash_from_investing: 'investing',
  net_cash_from_financing: 'financing',
  net_change_in_cash: 'cash',
};

export type StatementBlock =
  /** `showTotal` is false where the summary that follows says the same ("Total assets"). */
  | { kind: 'section'; section: StatementSection; showTotal: boolean }
  | { kind: 'summary'; summary: StatementSummary };

function sameFigures(section: StatementSection, summary: StatementSummary): boolean {
  return (
    section.total === summary.total &&
    section.totals.length === summary.amounts.length &&
    section.totals.every((amount, index) => amount === summary.amounts[index])
  );
}

/** Sections and summaries in reading order. */
export function statementBlocks(statement: Statement): StatementBlock[] {
  const keys = new Set(statement.sections.map((section) => section.key));
  const placed = new Map<string, StatementSummary[]>();
  const trailing: StatementSummary[] = [];
  for (const summary of statement.summaries) {
    const after = SUMMARY_AFTER[summary.key];
    if (after !== undefined && keys.has(after)) {
      placed.set(after, [...(placed.get(after) ?? []), summary]);
    } else {
      trailing.push(summary);
    }
  }
  const blocks: StatementBlock[] = [];
  for (const section of statement.sections) {
    const after = placed.get(section.key) ?? [];
    const repeated = after.some((summary) => sameFigures(section, summary));
    blocks.push({ kind: 'section', section, showTotal: !repeated });
    for (const summary of after) blocks.push({ kind: 'summary', summary });
  }
  for (const summary of trailing) blocks.push({ kind: 'summary', summary });
  return blocks;
}

/** True when the statement has one column per month (and then a total column). */
export function byMonth(statement: Statement): boolean {
  return !(statement.columns.length === 1 && statement.columns[0] === 'total');
}
