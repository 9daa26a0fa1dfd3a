// Shapes of docs/openapi.json as the app uses them: identity, organization admin, and the
// ledger, report and import routes. contract.test.ts checks every path, method, query
// parameter and request-body field the API modules send against the document, and the members
// of the response shapes below against its schemas, so a change to the contract fails the unit
// tests instead of the browser.

export type Role = 'viewer' | 'accountant' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'accountant', 'admin'];

export interface Membership {
  id: number;
  name: string;
  role: Role;
}

export interface Me {
  user: {
    id: number;
    email: string;
    name: string;
    email_verified: boolean;
    /** The user has a confirmed second factor; re-authentication then needs a code too. */
    mfa_enrolled: boolean;
    /** Unix seconds. */
    password_changed_at: number;
    /** AUTH-2: the password is older than the server's reminder age. Suggest, never force. */
    password_change_recommended: boolean;
  };
  memberships: Membership[];
  csrf_token: string;
}

export interface LoginResponse {
  mfa_required?: boolean;
  csrf_token?: string;
}

export interface SetupStatus {
  setup_required: boolean;
}

export interface SetupResponse {
  organization_id: number;
  csrf_token: string;
  /** The import of the demo company, when setup was asked to load it. */
  demo_import_id?: number;
}

export interface Session {
  id: string;
  created_at: number;
  last_seen_at: number;
  client_address: string;
  user_agent: string;
  current: boolean;
}

export interface TotpEnrollment {
  secret: string;
  otpauth_uri: string;
}

export interface Member {
  user_id: number;
  email: string;
  name: string;
  role: Role;
  joined_at: number;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  created_at: number;
  expires_at: number;
}

export type ServiceScope = 'org:read' | 'org:operate' | 'org:audit';
export const SERVICE_SCOPES: readonly ServiceScope[] = ['org:read', 'org:operate', 'org:audit'];

export interface ServiceClient {
  id: string;
  name: string;
  scopes: ServiceScope[];
  created_at: number;
  last_used_at: number | null;
  /** Only in the answer to the creation. */
  secret?: string;
}

export interface AuditEvent {
  id: number;
  occurred_at: string;
  event: string;
  actor: string;
  target: string;
  address: string;
  request_id: string;
  details: Record<string, unknown>;
}

export interface AuditEventPage {
  events: AuditEvent[];
  next_before?: number;
}

// ---------------------------------------------------------------------------------------------
// Ledger, reports and imports (`/v1/orgs/{org}/accounts`, `/transactions`, `/reports/...`,
// `/imports`). Every amount is an exact decimal string in the answer's `currency`.

/** An exact decimal amount, such as "1234.56" or "-50.00". Never do float arithmetic on it. */
export type Amount = string;

/** GET /v1/orgs/{org}: the organization, the caller's role, and how it writes money. */
export interface OrganizationDetails {
  id: number;
  name: string;
  role: Role;
  /** ISO 4217, such as "USD". */
  currency?: string;
  /** BCP 47, such as "en-US"; number and date formats follow it. */
  locale?: string;
}

export type AccountClassification = 'Asset' | 'Liability' | 'Equity' | 'Revenue' | 'Expense';

export interface LedgerAccount {
  id: number;
  parent_id: number | null;
  number: string;
  name: string;
  /** "6000 Utilities:6010 Electric": the segments from the root, as exports name it. */
  full_name: string;
  /** The QuickBooks account type: "Bank", "Accounts Receivable", "Income", ... */
  type: string;
  classification: AccountClassification;
  active: boolean;
  /** In the account's natural sign (an asset's debit balance is positive). */
  balance: Amount;
  /** The balance with every sub-account's. */
  rolled_up_balance: Amount;
}

export interface AccountList {
  currency: string;
  as_of: string;
  /** Parents before their children. */
  accounts: LedgerAccount[];
}

export interface TransactionSummary {
  id: number;
  date: string;
  type: string;
  num: string;
  name: string;
  counterparty_id: number | null;
  memo: string;
  total: Amount;
  line_count: number;
}

export interface TransactionPage {
  currency: string;
  transactions: TransactionSummary[];
  /** Pass as `cursor` for the next page; null on the last one. */
  next_cursor: string | null;
}

export interface TransactionLine {
  id: number;
  account_id: number;
  account: string;
  account_type: string;
  debit: Amount;
  credit: Amount;
  memo: string;
  counterparty_id: number | null;
  import_id: number | null;
  /** The line of the imported file this came from. */
  source_line: number | null;
}

export interface TransactionDetail extends TransactionSummary {
  currency: string;
  due_date: string | null;
  source: string;
  import_id: number | null;
  lines: TransactionLine[];
}

export interface Counterparty {
  id: number;
  name: string;
  open_balance: Amount;
  overdue_balance: Amount;
  open_items: number;
}

export interface CounterpartyList {
  currency: string;
  as_of: string;
  customers?: Counterparty[];
  vendors?: Counterparty[];
}

export interface StatementRow {
  account_id: number | null;
  account: string;
  account_type: string;
  /** One per column. */
  amounts: Amount[];
  total: Amount;
}

export interface StatementSection {
  key: string;
  title: string;
  rows: StatementRow[];
  totals: Amount[];
  total: Amount;
}

export interface StatementSummary {
  key: string;
  title: string;
  amounts: Amount[];
  total: Amount;
}

export interface Statement {
  currency: string;
  /** ["total"], or one "YYYY-MM" per month of the period. */
  columns: string[];
  from?: string;
  to?: string;
  as_of?: string;
  sections: StatementSection[];
  summaries: StatementSummary[];
}

export interface BudgetLine {
  account_id: number;
  account: string;
  account_type: string;
  /** One per month of the report, in the account's own sense. */
  budget: Amount[];
  actual: Amount[];
  /** Actual minus budget. */
  variance: Amount[];
  budget_total: Amount;
  actual_total: Amount;
  variance_total: Amount;
}

export interface BudgetReport {
  currency: string;
  from: string;
  to: string;
  /** "YYYY-MM", one per month. */
  months: string[];
  lines: BudgetLine[];
}

export interface AgingBuckets {
  current: Amount;
  '1_30': Amount;
  '31_60': Amount;
  '61_90': Amount;
  over_90: Amount;
}

export const AGING_BUCKETS: readonly { key: keyof AgingBuckets; label: string }[] = [
  { key: 'current', label: 'Current' },
  { key: '1_30', label: '1–30 days' },
  { key: '31_60', label: '31–60 days' },
  { key: '61_90', label: '61–90 days' },
  { key: 'over_90', label: 'Over 90 days' },
];

export interface AgingRow {
  counterparty_id: number;
  name: string;
  buckets: AgingBuckets;
  total: Amount;
}

export interface AgingReport {
  currency: string;
  as_of: string;
  rows: AgingRow[];
  totals: AgingBuckets;
  total: Amount;
}

export type ImportStatus = 'queued' | 'running' | 'committed' | 'rejected' | 'failed';
export type ImportFormat =
  | 'quickbooks-general-ledger'
  | 'quickbooks-general-ledger-modern'
  | 'quickbooks-transaction-list'
  | 'bank-statement'
  | 'quickbooks-budget';

export interface ImportRows {
  read: number;
  new: number;
  duplicate: number;
  rejected: number;
  skipped: number;
}

export interface ImportRejection {
  line: number;
  reason: string;
}

export interface Import {
  id: number;
  file_name: string;
  file_bytes: number;
  file_sha256: string;
  encoding: string;
  status: ImportStatus;
  format: string | null;
  rows: ImportRows;
  transactions_new: number;
  /** An earlier committed import of the same file. */
  duplicate_of: number | null;
  problem: string | null;
  created_at: string;
  finished_at: string | null;
  /** Only in GET .../imports/{id}. */
  progress?: { percent: number; message: string };
  /** Only in GET .../imports/{id}. */
  rejections?: ImportRejection[];
}

export interface ImportPage {
  imports: Import[];
  next_before?: number;
}

export interface ImportAccepted {
  id: number;
  status: string;
  format: string;
}

/** Column indexes of a bank statement, and the bank account its rows are posted to. */
export interface BankMapping {
  date: number;
  description?: number;
  amount?: number;
  debit?: number;
  credit?: number;
  balance?: number;
  reference?: number;
  bank_account: string;
}

export interface ImportPreview {
  file_name: string;
  format: ImportFormat;
  encoding: string;
  header_line: number;
  header: string[];
  /** The first rows, as cells. */
  rows: string[][];
  /** Column indexes the detector found: date, description or memo, amount, ... */
  columns: Record<string, number>;
  /** The mapping used last time for a bank statement with this header. */
  saved_mapping?: BankMapping;
}

export type DateOrder = 'month-first' | 'day-first';
export type AmountStyle = 'decimal-point' | 'decimal-comma';

/** The `options` part of an upload, sent as JSON text. */
export interface ImportOptions {
  date_order?: DateOrder;
  amount_style?: AmountStyle;
  mapping?: BankMapping;
}
