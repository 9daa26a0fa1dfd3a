import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

import { ledger } from '../../api/ledger';
import { TableScroll } from '../../components/TableScroll';
import { isIsoDate } from '../../components/dates';
import { FormAlert } from '../../components/forms/FormAlert';
import { TextField } from '../../components/forms/TextField';
import { useBooks } from '../../components/useBooks';
import { orgPath } from '../../components/orgPath';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganization } from '../../session/OrganizationContext';
import { accountTree, depthClass } from './tree';
import '../../components/forms/forms.css';

/** The chart of accounts as a tree, with each account's own and rolled-up balance. */
export function AccountsPage() {
  usePageTitle('Accounts');
  const organization = useOrganization();
  const [search, setSearch] = useSearchParams();
  const asOfParam = search.get('as_of') ?? '';
  const asOf = isIsoDate(asOfParam) ? asOfParam : undefined;
  const accounts = useOrganizationResource(`accounts-${asOf ?? 'today'}`, (org) =>
    ledger.accounts(org, asOf),
  );
  const books = useBooks();
  const [draft, setDraft] = useState(asOfParam);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft === '' ? {} : { as_of: draft });
  };

  const data = accounts.data;
  const rows = data === undefined ? [] : accountTree(data.accounts);
  return (
    <article className="page page--wide">
      <h1>Accounts</h1>
      <p className="lead">
        The chart of accounts with balances in each account&apos;s natural sign. Choose an account
        to see its transactions.
      </p>
      <form className="form form--inline" onSubmit={apply} aria-label="Choose the day">
        <TextField
          id="accounts-as-of"
          label="Balances as of"
          hint="The end of this day; today when empty"
          type="date"
          value={draft}
          onValue={setDraft}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            Show balances
          </button>
        </div>
      </form>
      <FormAlert error={accounts.error} />
      {data === undefined ? (
        accounts.error === null && <p role="status">Loading accounts…</p>
      ) : rows.length === 0 ? (
        <p>There are no accounts yet. Import a General Ledger export to create them.</p>
      ) : (
        <TableScroll label="Accounts">
          <table className="table" data-testid="accounts">
            <caption>
              {rows.length} accounts, balances as of {books.date(data.as_of)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Account</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col" className="num">
                  Rolled-up balance
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ account, depth }) => (
                <tr key={account.id} data-account-id={account.id}>
                  <td>{account.number}</td>
                  <th scope="row" className={depthClass(depth)}>
                    <Link
                      to={orgPath(organization.id, `transactions?account=${String(account.id)}`)}
                    >
                      {account.name}
                    </Link>
                    {!account.active && <span className="muted"> (inactive)</span>}
                  </th>
                  <td>{account.type}</td>
                  <td className="num">{books.money(account.balance, data.currency)}</td>
                  <td className="num">{books.money(account.rolled_up_balance, data.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </article>
  );
}
