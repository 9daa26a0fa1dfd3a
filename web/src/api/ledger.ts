// The ledger, report, import and export routes of docs/openapi.json (`/v1/orgs/{org}/...`).
import { api, queryString } from './client';
import type {
  AccountList,
  AgingReport,
  BudgetReport,
  CounterpartyList,
  Import,
  ImportAccepted,
  ImportOptions,
  ImportPage,
  ImportPreview,
  Statement,
  TransactionDetail,
  TransactionPage,
} from './types';

const base = (org: number) => `/v1/orgs/${String(org)}`;

/**
 * The filters of GET .../transactions and of the exports, as the query string carries them:
 * dates as YYYY-MM-DD, ids and amounts as their decimal text. Empty members are left out.
 */
export interface TransactionFilter {
  from?: string;
  to?: string;
  account?: string;
  customer?: string;
  vendor?: string;
  type?: string;
  min_amount?: string;
  max_amount?: string;
  q?: string;
}

export const TRANSACTION_FILTER_KEYS = [
  'from',
  'to',
  'account',
  'customer',
  'vendor',
  'type',
  'min_amount',
  'max_amount',
  'q',
] as const satisfies readonly (keyof TransactionFilter)[];

export type StatementColumns = 'total' | 'month';

/** A statement's period; a missing end is the server's default (this year, today). */
export interface Period {
  from?: string | undefined;
  to?: string | undefined;
  columns?: StatementColumns | undefined;
}

export type ExportFormat = 'csv' | 'xlsx';

/** Only the documented filter members, so nothing else reaches a query string. */
function filterParams(filter: TransactionFilter): TransactionFilter {
  const out: TransactionFilter = {};
  for (const key of TRANSACTION_FILTER_KEYS) {
    const value = filter[key]?.trim();
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

function upload(file: File, options?: ImportOptions): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  if (options !== undefined) form.append('options', JSON.stringify(options));
  return form;
}

export const ledger = {
  accounts: (org: number, asOf?: string) =>
    api.get<AccountList>(`${base(org)}/accounts${queryString({ as_of: asOf })}`),
  transactions: (org: number, filter: TransactionFilter, cursor?: string, limit?: number) =>
    api.get<TransactionPage>(
      `${base(org)}/transactions${queryString({ ...filterParams(filter), cursor, limit })}`,
    ),
  transaction: (org: number, id: number) =>
    api.get<TransactionDetail>(`${base(org)}/transactions/${String(id)}`),
  customers: (org: number, asOf?: string) =>
    api.get<CounterpartyList>(`${base(org)}/customers${queryString({ as_of: asOf })}`),
  vendors: (org: number, asOf?: string) =>
    api.get<CounterpartyList>(`${base(org)}/vendors${queryString({ as_of: asOf })}`),
  profitAndLoss: (org: number, period: Period) =>
    api.get<Statement>(`${base(org)}/reports/profit-and-loss${queryString(period)}`),
  cashFlow: (org: number, period: Period) =>
    api.get<Statement>(`${base(org)}/reports/cash-flow${queryString(period)}`),
  budgetVersusActual: (org: number, period: { from: string; to: string }) =>
    api.get<BudgetReport>(`${base(org)}/reports/budget-vs-actual${queryString(period)}`),
  balanceSheet: (org: number, asOf?: string) =>
    api.get<Statement>(`${base(org)}/reports/balance-sheet${queryString({ as_of: asOf })}`),
  receivablesAging: (org: number, asOf?: string) =>
    api.get<AgingReport>(`${base(org)}/reports/ar-aging${queryString({ as_of: asOf })}`),
  payablesAging: (org: number, asOf?: string) =>
    api.get<AgingReport>(`${base(org)}/reports/ap-aging${queryString({ as_of: asOf })}`),
};

export const imports = {
  list: (org: number, before?: number, limit?: number) =>
    api.get<ImportPage>(`${base(org)}/imports${queryString({ before, limit })}`),
  get: (org: number, id: number) => api.get<Import>(`${base(org)}/imports/${String(id)}`),
  /** Checks the file (type, encoding, malware scan) and shows its layout; stores nothing. */
  preview: (org: number, file: File) =>
    api.post<ImportPreview>(`${base(org)}/imports/preview`, upload(file)),
  /** 202: the import is queued; follow it with `get`. */
  create: (org: number, file: File, options?: ImportOptions) =>
    api.post<ImportAccepted>(`${base(org)}/imports`, upload(file, options)),
};

/**
 * Where the browser downloads the transactions that match `filter` (accountant and admin).
 * A plain link: the server answers with Content-Disposition: attachment, and a GET needs no
 * CSRF token.
 */
export function exportUrl(org: number, format: ExportFormat, filter: TransactionFilter): string {
  return `${base(org)}/exports/transactions.${format}${queryString(filterParams(filter))}`;
}
