import type {
  AmountStyle,
  BankMapping,
  DateOrder,
  ImportOptions,
  ImportPreview,
  LedgerAccount,
} from '../../api/types';

export const DEFAULT_BANK_ACCOUNT = '1000 Checking';

/** The upload options as the form holds them: column indexes as select values, '' for none. */
export interface OptionsForm {
  date_order: DateOrder;
  amount_style: AmountStyle;
  date: string;
  description: string;
  /** One signed amount column, or money in and out in two. */
  amount_mode: 'amount' | 'debit-credit';
  amount: string;
  debit: string;
  credit: string;
  balance: string;
  reference: string;
  bank_account: string;
}

const column = (value: number | undefined) => (value === undefined ? '' : String(value));

/**
 * A day above 12 in the first part of a date cell ("31/01/2026") means the file writes the day
 * first; otherwise month-first, as QuickBooks in the US does.
 */
export function guessDateOrder(
  rows: readonly string[][],
  dateColumn: number | undefined,
): DateOrder {
  if (dateColumn === undefined) return 'month-first';
  for (const row of rows) {
    const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(row[dateColumn] ?? '');
    if (match !== null && Number(match[1]) > 12) return 'day-first';
    if (match !== null && Number(match[2]) > 12) return 'month-first';
  }
  return 'month-first';
}

/** Amounts written "1.234,56" or "-45,10" mean a decimal comma. */
export function guessAmountStyle(
  rows: readonly string[][],
  amountColumns: readonly (number | undefined)[],
): AmountStyle {
  for (const row of rows) {
    for (const index of amountColumns) {
      if (index === undefined) continue;
      const cell = (row[index] ?? '').trim();
      if (/^-?[\d.]*\d,\d{1,2}$/.test(cell)) return 'decimal-comma';
      if (/^-?[\d,]*\d\.\d{1,2}$/.test(cell)) return 'decimal-point';
    }
  }
  return 'decimal-point';
}

/**
 * The form's first values: the mapping saved for this header if there is one, else the columns
 * the server's detector suggests; the bank account from the saved mapping, else the first Bank
 * account of the chart, else "1000 Checking".
 */
export function initialOptions(
  preview: ImportPreview,
  accounts: readonly LedgerAccount[],
): OptionsForm {
  const saved = preview.saved_mapping;
  const suggested = preview.columns;
  const pick = (key: Exclude<keyof BankMapping, 'bank_account'>): number | undefined => {
    if (saved !== undefined) {
      const value = saved[key];
      return typeof value === 'number' ? value : undefined;
    }
    return suggested[key];
  };
  const description =
    saved !== undefined ? saved.description : (suggested.description ?? suggested.memo);
  const reference = saved !== undefined ? saved.reference : (suggested.reference ?? suggested.num);
  const amount = pick('amount');
  const debit = pick('debit');
  const credit = pick('credit');
  const bank =
    saved?.bank_account ??
    accounts.find((account) => account.type === 'Bank' && account.active)?.full_name ??
    accounts.find((account) => account.type === 'Bank')?.full_name ??
    DEFAULT_BANK_ACCOUNT;
  const date = pick('date') ?? suggested.date;
  return {
    date_order: guessDateOrder(preview.rows, date),
    amount_style: guessAmountStyle(preview.rows, [amount, debit, credit, suggested.amount]),
    date: column(date),
    description: column(description),
    amount_mode:
      amount === undefined && (debit !== undefined || credit !== undefined)
        ? 'debit-credit'
        : 'amount',
    amount: column(amount),
    debit: column(debit),
    credit: column(credit),
    balance: column(pick('balance')),
    reference: column(reference),
    bank_account: bank,
  };
}

export type OptionsProblems = Partial<Record<keyof OptionsForm, string>>;

/** What the server would refuse in a bank statement's mapping, said at the field. */
export function mappingProblems(form: OptionsForm): OptionsProblems {
  const problems: OptionsProblems = {};
  if (form.date === '') problems.date = 'Choose the column with the date.';
  if (form.amount_mode === 'amount') {
    if (form.amount === '') problems.amount = 'Choose the column with the amount.';
  } else {
    if (form.debit === '') problems.debit = 'Choose the column with money out.';
    if (form.credit === '') problems.credit = 'Choose the column with money in.';
  }
  if (form.bank_account.trim() === '') {
    problems.bank_account = 'Name the bank account, such as 1000 Checking.';
  } else if (new TextEncoder().encode(form.bank_account.trim()).length > 255) {
    problems.bank_account = 'At most 255 bytes.';
  }
  return problems;
}

/** The `options` of the upload: a mapping only for a bank statement. */
export function optionsOf(form: OptionsForm, bank: boolean): ImportOptions {
  const options: ImportOptions = { date_order: form.date_order, amount_style: form.amount_style };
  if (!bank) return options;
  const mapping: BankMapping = { date: Number(form.date), bank_account: form.bank_account.trim() };
  const set = (key: 'description' | 'amount' | 'debit' | 'credit' | 'balance' | 'reference') => {
    if (form[key] !== '') mapping[key] = Number(form[key]);
  };
  set('description');
  if (form.amount_mode === 'amount') {
    set('amount');
  } else {
    set('debit');
    set('credit');
  }
  set('balance');
  set('reference');
  options.mapping = mapping;
  return options;
}
