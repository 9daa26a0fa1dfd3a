import { TRANSACTION_FILTER_KEYS, type TransactionFilter } from '../../api/ledger';
import { isIsoDate } from '../../components/dates';

/**
 * What the filter form holds. Customer and vendor share one select, `counterparty`, as
 * "customer:7" or "vendor:3": the server filters by one or the other, never both.
 */
export interface TransactionForm {
  from: string;
  to: string;
  account: string;
  counterparty: string;
  type: string;
  min_amount: string;
  max_amount: string;
  q: string;
}

export const EMPTY_FORM: TransactionForm = {
  from: '',
  to: '',
  account: '',
  counterparty: '',
  type: '',
  min_amount: '',
  max_amount: '',
  q: '',
};

const AMOUNT = /^-?\d+(\.\d+)?$/;
const ID = /^[1-9]\d*$/;

/** The filters a URL's query string names; malformed ones are dropped rather than sent. */
export function filterFromSearch(search: URLSearchParams): TransactionFilter {
  const filter: TransactionFilter = {};
  for (const key of TRANSACTION_FILTER_KEYS) {
    const value = search.get(key)?.trim() ?? '';
    if (value === '') continue;
    if ((key === 'from' || key === 'to') && !isIsoDate(value)) continue;
    if ((key === 'account' || key === 'customer' || key === 'vendor') && !ID.test(value)) continue;
    if ((key === 'min_amount' || key === 'max_amount') && !AMOUNT.test(value)) continue;
    filter[key] = key === 'q' ? value.slice(0, 100) : value;
  }
  if (filter.customer !== undefined) delete filter.vendor;
  return filter;
}

/** The query string for a filter and, past the first page, the cursor that starts it. */
export function searchOf(filter: TransactionFilter, cursor?: string): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of TRANSACTION_FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined && value !== '') search.set(key, value);
  }
  if (cursor !== undefined && cursor !== '') search.set('cursor', cursor);
  return search;
}

export function formOf(filter: TransactionFilter): TransactionForm {
  return {
    from: filter.from ?? '',
    to: filter.to ?? '',
    account: filter.account ?? '',
    counterparty:
      filter.customer !== undefined
        ? `customer:${filter.customer}`
        : filter.vendor !== undefined
          ? `vendor:${filter.vendor}`
          : '',
    type: filter.type ?? '',
    min_amount: filter.min_amount ?? '',
    max_amount: filter.max_amount ?? '',
    q: filter.q ?? '',
  };
}

/** Messages for fields the server would refuse, keyed like the form. */
export function formProblems(
  form: TransactionForm,
): Partial<Record<keyof TransactionForm, string>> {
  const problems: Partial<Record<keyof TransactionForm, string>> = {};
  for (const key of ['min_amount', 'max_amount'] as const) {
    const value = form[key].trim();
    if (value !== '' && !AMOUNT.test(value)) {
      problems[key] = 'Write an amount with a decimal point, such as 1500 or -45.10.';
    }
  }
  if (form.from !== '' && form.to !== '' && form.to < form.from) {
    problems.to = 'The last day comes before the first.';
  }
  return problems;
}

export function filterOf(form: TransactionForm): TransactionFilter {
  const filter: TransactionFilter = {};
  const set = (key: keyof TransactionFilter, value: string) => {
    const text = value.trim();
    if (text !== '') filter[key] = text;
  };
  set('from', form.from);
  set('to', form.to);
  set('account', form.account);
  const [kind, id = ''] = form.counterparty.split(':');
  if (kind === 'customer') set('customer', id);
  if (kind === 'vendor') set('vendor', id);
  set('type', form.type);
  set('min_amount', form.min_amount);
  set('max_amount', form.max_amount);
  set('q', form.q);
  return filter;
}
