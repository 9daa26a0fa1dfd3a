import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

import { ledger } from '../../api/ledger';
import { TableScroll } from '../../components/TableScroll';
import { isIsoDate } from '../../components/dates';
import { FormAlert } from '../../components/forms/FormAlert';
import { TextField } from '../../components/forms/TextField';
import { orgPath } from '../../components/orgPath';
import { useBooks } from '../../components/useBooks';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganization } from '../../session/OrganizationContext';
import '../../components/forms/forms.css';

export type CounterpartyKind = 'customers' | 'vendors';

const WORDS = {
  customers: { title: 'Customers', owes: 'what they owe you' },
  vendors: { title: 'Vendors', owes: 'what you owe them' },
} as const;

/** Customers or vendors with their open and overdue balances, largest first. */
export function CounterpartiesPage({ kind }: { kind: CounterpartyKind }) {
  const words = WORDS[kind];
  usePageTitle(words.title);
  const organization = useOrganization();
  const [search, setSearch] = useSearchParams();
  const asOfParam = search.get('as_of') ?? '';
  const asOf = isIsoDate(asOfParam) ? asOfParam : undefined;
  const list = useOrganizationResource(`${kind}-${asOf ?? 'today'}`, (org) =>
    kind === 'customers' ? ledger.customers(org, asOf) : ledger.vendors(org, asOf),
  );
  const books = useBooks();
  const [draft, setDraft] = useState(asOfParam);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft === '' ? {} : { as_of: draft });
  };
  const data = list.data;
  const rows = (kind === 'customers' ? data?.customers : data?.vendors) ?? [];
  // The transactions screen's filter for one of these rows.
  const filterName = kind === 'customers' ? 'customer' : 'vendor';

  return (
    <article className="page page--wide">
      <h1>{words.title}</h1>
      <p className="lead">Open balances ({words.owes}) and the part of them past due.</p>
      <form className="form form--inline" onSubmit={apply} aria-label="Choose the day">
        <TextField
          id={`${kind}-as-of`}
          label="Overdue as of"
          hint="Today when empty"
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
      <FormAlert error={list.error} />
      {data === undefined ? (
        list.error === null && <p role="status">Loading {kind}…</p>
      ) : rows.length === 0 ? (
        <p>No {kind} yet.</p>
      ) : (
        <TableScroll label={words.title}>
          <table className="table" data-testid={kind}>
            <caption>
              {rows.length} {kind}, as of {books.date(data.as_of)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Open balance
                </th>
                <th scope="col" className="num">
                  Overdue
                </th>
                <th scope="col" className="num">
                  Open items
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link
                      to={orgPath(organization.id, `transactions?${filterName}=${String(row.id)}`)}
                    >
                      {row.name}
                    </Link>
                  </th>
                  <td className="num">{books.money(row.open_balance, data.currency)}</td>
                  <td className="num">{books.money(row.overdue_balance, data.currency)}</td>
                  <td className="num">{row.open_items}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </article>
  );
}
