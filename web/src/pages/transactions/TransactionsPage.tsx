import { useState, type FormEvent, type MouseEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';

import { exportUrl, ledger } from '../../api/ledger';
import type { Counterparty, LedgerAccount } from '../../api/types';
import { TableScroll } from '../../components/TableScroll';
import { FormAlert } from '../../components/forms/FormAlert';
import { SelectField } from '../../components/forms/SelectField';
import { TextField } from '../../components/forms/TextField';
import { orgPath } from '../../components/orgPath';
import { useBooks } from '../../components/useBooks';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganization } from '../../session/OrganizationContext';
import { canOperate } from '../../session/organizations';
import { accountTree } from '../accounts/tree';
import {
  filterFromSearch,
  filterOf,
  formOf,
  formProblems,
  searchOf,
  type TransactionForm,
} from './filters';
import '../../components/forms/forms.css';

/** Types QuickBooks exports write; the field takes any other too. */
const KNOWN_TYPES = [
  'Bill',
  'Bill Payment (Check)',
  'Check',
  'Credit Card Payment',
  'Deposit',
  'Expense',
  'Invoice',
  'Journal Entry',
  'Paycheck',
  'Payment',
  'Transfer',
];

/** Transactions by filter, newest first, a page at a time; the filters live in the URL. */
export function TransactionsPage() {
  usePageTitle('Transactions');
  const organization = useOrganization();
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  const cursor = search.get('cursor') ?? undefined;
  const key = searchOf(filter, cursor).toString();
  const page = useOrganizationResource(`transactions-${key}`, (org) =>
    ledger.transactions(org, filter, cursor),
  );
  const choices = useOrganizationResource('transaction-filter-choices', async (org) => {
    const [accounts, customers, vendors] = await Promise.all([
      ledger.accounts(org),
      ledger.customers(org),
      ledger.vendors(org),
    ]);
    return {
      accounts: accountTree(accounts.accounts).map((row) => row.account),
      customers: customers.customers ?? [],
      vendors: vendors.vendors ?? [],
    };
  });
  const books = useBooks();
  const navigate = useNavigate();

  const apply = (next: TransactionForm) => {
    setSearch(searchOf(filterOf(next)));
  };
  const toPage = (nextCursor: string | undefined) => {
    setSearch(searchOf(filter, nextCursor));
  };
  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: number) => {
    // The row's own link handles clicks on it (and the keyboard); the rest of the row follows.
    if (event.target instanceof Element && event.target.closest('a') !== null) return;
    navigate(orgPath(organization.id, `transactions/${String(id)}`));
  };

  const data = page.data;
  return (
    <article className="page page--wide">
      <h1>Transactions</h1>
      <p className="lead">Newest first. Choose a transaction to see its lines.</p>
      {/* Keyed by the URL, so Back and links from other screens refill the form. */}
      <FilterForm
        key={searchOf(filter).toString()}
        initial={formOf(filter)}
        accounts={choices.data?.accounts ?? []}
        customers={choices.data?.customers ?? []}
        vendors={choices.data?.vendors ?? []}
        onApply={apply}
      />
      {canOperate(organization.role) && (
        <div className="toolbar" role="group" aria-label="Export">
          <p>Export every transaction that matches these filters:</p>
          <a
            className="button button--secondary"
            href={exportUrl(organization.id, 'csv', filter)}
            download
          >
            Download CSV
          </a>
          <a
            className="button button--secondary"
            href={exportUrl(organization.id, 'xlsx', filter)}
            download
          >
            Download XLSX
          </a>
        </div>
      )}
      <FormAlert error={page.error ?? choices.error} />
      {data === undefined ? (
        page.error === null && <p role="status">Loading transactions…</p>
      ) : (
        <>
          <TableScroll label="Transactions">
            <table className="table" data-testid="transactions" aria-busy={page.loading}>
              <caption>
                {page.loading
                  ? 'Loading transactions…'
                  : data.transactions.length === 0
                    ? 'No transactions match these filters'
                    : `${String(data.transactions.length)} ${
                        data.transactions.length === 1 ? 'transaction' : 'transactions'
                      } ${
                        cursor === undefined ? 'on the first page' : 'on this page'
                      }${data.next_cursor === null ? '' : '; more on the next'}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Type</th>
                  <th scope="col">Num</th>
                  <th scope="col">Name</th>
                  <th scope="col">Memo</th>
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col" className="num">
                    Lines
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.transactions.map((transaction) => (
                  <tr
                    key={transaction.id}
                    className="table__row--link"
                    data-transaction-id={transaction.id}
                    onClick={(event) => {
                      openRow(event, transaction.id);
                    }}
                  >
                    <th scope="row">
                      <Link to={orgPath(organization.id, `transactions/${String(transaction.id)}`)}>
                        {books.date(transaction.date)}
                      </Link>
                    </th>
                    <td>{transaction.type}</td>
                    <td>{transaction.num}</td>
                    <td>{transaction.name}</td>
                    <td>{transaction.memo}</td>
                    <td className="num">{books.money(transaction.total, data.currency)}</td>
                    <td className="num">{transaction.line_count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <nav className="toolbar" aria-label="Pages of transactions">
            {cursor !== undefined && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  toPage(undefined);
                }}
              >
                Back to first page
              </button>
            )}
            {data.next_cursor !== null && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  toPage(data.next_cursor ?? undefined);
                }}
              >
                Next page
              </button>
            )}
          </nav>
        </>
      )}
    </article>
  );
}

function FilterForm({
  initial,
  accounts,
  customers,
  vendors,
  onApply,
}: {
  initial: TransactionForm;
  accounts: LedgerAccount[];
  customers: Counterparty[];
  vendors: Counterparty[];
  onApply: (form: TransactionForm) => void;
}) {
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<ReturnType<typeof formProblems>>({});
  const field = (name: keyof TransactionForm) => (value: string) => {
    setForm((current) => ({ ...current, [name]: value }));
  };
  const errors = (name: keyof TransactionForm) => {
    const message = problems[name];
    return message === undefined ? undefined : [message];
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = formProblems(form);
    setProblems(found);
    if (Object.keys(found).length === 0) onApply(form);
  };
  // A filter the URL names but the lists do not (yet) hold still shows as chosen.
  const accountKnown = form.account === '' || accounts.some((a) => String(a.id) === form.account);
  const [kind = '', id = ''] = form.counterparty.split(':');
  const counterpartyKnown =
    form.counterparty === '' ||
    (kind === 'customer' ? customers : vendors).some((c) => String(c.id) === id);

  return (
    <form
      className="form form--inline"
      onSubmit={submit}
      aria-label="Filter transactions"
      noValidate
    >
      <TextField id="tx-from" label="From" type="date" value={form.from} onValue={field('from')} />
      <TextField
        id="tx-to"
        label="To"
        type="date"
        value={form.to}
        onValue={field('to')}
        errors={errors('to')}
      />
      <SelectField
        id="tx-account"
        label="Account"
        hint="Includes its sub-accounts"
        value={form.account}
        onValue={field('account')}
      >
        <option value="">Any account</option>
        {!accountKnown && <option value={form.account}>Account {form.account}</option>}
        {accounts.map((account) => (
          <option key={account.id} value={String(account.id)}>
            {account.full_name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="tx-counterparty"
        label="Customer or vendor"
        value={form.counterparty}
        onValue={field('counterparty')}
      >
        <option value="">Anyone</option>
        {!counterpartyKnown && (
          <option value={form.counterparty}>
            {kind === 'customer' ? 'Customer' : 'Vendor'} {id}
          </option>
        )}
        {customers.length > 0 && (
          <optgroup label="Customers">
            {customers.map((customer) => (
              <option key={customer.id} value={`customer:${String(customer.id)}`}>
                {customer.name}
              </option>
            ))}
          </optgroup>
        )}
        {vendors.length > 0 && (
          <optgroup label="Vendors">
            {vendors.map((vendor) => (
              <option key={vendor.id} value={`vendor:${String(vendor.id)}`}>
                {vendor.name}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
      <TextField
        id="tx-type"
        label="Type"
        hint="Exact, such as Invoice"
        list="tx-type-choices"
        value={form.type}
        onValue={field('type')}
      />
      <datalist id="tx-type-choices">
        {KNOWN_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <TextField
        id="tx-min"
        label="Smallest total"
        inputMode="decimal"
        value={form.min_amount}
        onValue={field('min_amount')}
        errors={errors('min_amount')}
      />
      <TextField
        id="tx-max"
        label="Largest total"
        inputMode="decimal"
        value={form.max_amount}
        onValue={field('max_amount')}
        errors={errors('max_amount')}
      />
      <TextField
        id="tx-q"
        label="Text"
        hint="In the name, number or a memo"
        type="search"
        maxLength={100}
        value={form.q}
        onValue={field('q')}
      />
      <div className="form__actions form__actions--row">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setProblems({});
            setForm(formOf({}));
            onApply(formOf({}));
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
