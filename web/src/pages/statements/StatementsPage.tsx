import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';

import { ledger, type StatementColumns } from '../../api/ledger';
import type { Amount, Statement, StatementRow } from '../../api/types';
import { TableScroll } from '../../components/TableScroll';
import { isIsoDate } from '../../components/dates';
import { FormAlert } from '../../components/forms/FormAlert';
import { SelectField } from '../../components/forms/SelectField';
import { TextField } from '../../components/forms/TextField';
import { orgPath } from '../../components/orgPath';
import { useBooks, type Books } from '../../components/useBooks';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganization } from '../../session/OrganizationContext';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { StatementsNav } from './StatementsNav';
import {
  STATEMENTS,
  byMonth,
  isStatementKind,
  statementBlocks,
  type StatementKind,
} from './layout';
import '../../components/forms/forms.css';
import './statements.css';

interface PeriodQuery {
  from: string;
  to: string;
  columns: StatementColumns;
  as_of: string;
}

function queryOf(search: URLSearchParams): PeriodQuery {
  const date = (name: string) => {
    const value = search.get(name) ?? '';
    return isIsoDate(value) ? value : '';
  };
  return {
    from: date('from'),
    to: date('to'),
    columns: search.get('columns') === 'month' ? 'month' : 'total',
    as_of: date('as_of'),
  };
}

const optional = (value: string) => (value === '' ? undefined : value);

/** Profit and loss, balance sheet and cash flow, each for the period the URL names. */
export function StatementsPage() {
  const { statement } = useParams();
  if (!isStatementKind(statement)) return <NotFoundPage />;
  return <StatementScreen key={statement} kind={statement} />;
}

function StatementScreen({ kind }: { kind: StatementKind }) {
  const organization = useOrganization();
  const title = STATEMENTS.find((s) => s.kind === kind)?.title ?? '';
  usePageTitle(title);
  const [search, setSearch] = useSearchParams();
  const query = queryOf(search);
  const key = `${kind}-${query.from}-${query.to}-${query.columns}-${query.as_of}`;
  const statement = useOrganizationResource(`statement-${key}`, (org) => {
    if (kind === 'balance-sheet') return ledger.balanceSheet(org, optional(query.as_of));
    const period = { from: optional(query.from), to: optional(query.to), columns: query.columns };
    return kind === 'profit-and-loss'
      ? ledger.profitAndLoss(org, period)
      : ledger.cashFlow(org, period);
  });
  const books = useBooks();

  return (
    <article className="page page--wide">
      <h1>{title}</h1>
      <StatementsNav organization={organization.id} />
      <PeriodForm
        key={search.toString()}
        kind={kind}
        query={query}
        shown={statement.data}
        onApply={(next) => {
          const params = new URLSearchParams();
          for (const [name, value] of Object.entries(next) as [string, string][]) {
            if (value !== '' && !(name === 'columns' && value === 'total')) params.set(name, value);
          }
          setSearch(params);
        }}
      />
      <FormAlert error={statement.error} />
      {statement.data === undefined ? (
        statement.error === null && <p role="status">Loading the statement…</p>
      ) : (
        <StatementTable
          title={title}
          kind={kind}
          statement={statement.data}
          books={books}
          organization={organization.id}
        />
      )}
    </article>
  );
}

function PeriodForm({
  kind,
  query,
  shown,
  onApply,
}: {
  kind: StatementKind;
  query: PeriodQuery;
  shown: Statement | undefined;
  onApply: (query: PeriodQuery) => void;
}) {
  const [form, setForm] = useState(query);
  const books = useBooks();
  const field = (name: keyof PeriodQuery) => (value: string) => {
    setForm((current) => ({ ...current, [name]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(form);
  };
  return (
    <form className="form form--inline" onSubmit={submit} aria-label="Period">
      {kind === 'balance-sheet' ? (
        <TextField
          id="statement-as-of"
          label="As of"
          hint={
            shown?.as_of === undefined ? 'Today when empty' : `Shown: ${books.date(shown.as_of)}`
          }
          type="date"
          value={form.as_of}
          onValue={field('as_of')}
        />
      ) : (
        <>
          <TextField
            id="statement-from"
            label="From"
            hint={
              shown?.from === undefined
                ? 'The start of this year when empty'
                : `Shown: ${books.date(shown.from)}`
            }
            type="date"
            value={form.from}
            onValue={field('from')}
          />
          <TextField
            id="statement-to"
            label="To"
            hint={shown?.to === undefined ? 'Today when empty' : `Shown: ${books.date(shown.to)}`}
            type="date"
            value={form.to}
            onValue={field('to')}
          />
          <SelectField
            id="statement-columns"
            label="Columns"
            value={form.columns}
            onValue={field('columns')}
          >
            <option value="total">Total only</option>
            <option value="month">By month</option>
          </SelectField>
        </>
      )}
      <div className="form__actions">
        <button type="submit" className="button">
          Show statement
        </button>
      </div>
    </form>
  );
}

function StatementTable({
  title,
  kind,
  statement,
  books,
  organization,
}: {
  title: string;
  kind: StatementKind;
  statement: Statement;
  books: Books;
  organization: number;
}) {
  const months = byMonth(statement);
  const width = 1 + (months ? statement.columns.length + 1 : 1);
  const money = (amount: Amount) => books.money(amount, statement.currency);
  const cells = (amounts: Amount[], total: Amount) => (
    <>
      {months &&
        amounts.map((amount, index) => (
          <td key={statement.columns[index] ?? index} className="num">
            {money(amount)}
          </td>
        ))}
      <td className="num">{money(total)}</td>
    </>
  );
  const period =
    statement.as_of !== undefined
      ? `as of ${books.date(statement.as_of)}`
      : `${books.date(statement.from)} to ${books.date(statement.to)}`;
  const accountLink = (row: StatementRow) => {
    if (row.account_id === null) return row.account;
    const params = new URLSearchParams({ account: String(row.account_id) });
    if (kind === 'balance-sheet') {
      if (statement.as_of !== undefined) params.set('to', statement.as_of);
    } else {
      if (statement.from !== undefined) params.set('from', statement.from);
      if (statement.to !== undefined) params.set('to', statement.to);
    }
    return (
      <Link to={orgPath(organization, `transactions?${params.toString()}`)}>{row.account}</Link>
    );
  };

  return (
    <TableScroll label={title}>
      <table className="table statement" data-testid="statement">
        <caption>
          {title}, {period}
        </caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            {months &&
              statement.columns.map((column) => (
                <th key={column} scope="col" className="num">
                  {books.month(column)}
                </th>
              ))}
            <th scope="col" className="num">
              {kind === 'balance-sheet' ? 'Balance' : 'Total'}
            </th>
          </tr>
        </thead>
        {statementBlocks(statement).map((block) =>
          block.kind === 'section' ? (
            <tbody key={`section-${block.section.key}`} data-section={block.section.key}>
              <tr className="table__section">
                <th scope="rowgroup" colSpan={width}>
                  {block.section.title}
                </th>
              </tr>
              {block.section.rows.map((row, index) => (
                <tr key={row.account_id ?? `row-${String(index)}`}>
                  <th scope="row" className="depth-1">
                    {accountLink(row)}
                  </th>
                  {cells(row.amounts, row.total)}
                </tr>
              ))}
              {block.showTotal && (
                <tr className="table__total">
                  <th scope="row">Total {block.section.title.toLowerCase()}</th>
                  {cells(block.section.totals, block.section.total)}
                </tr>
              )}
            </tbody>
          ) : (
            <tbody key={`summary-${block.summary.key}`} data-summary={block.summary.key}>
              <tr className="table__summary">
                <th scope="row">{block.summary.title}</th>
                {cells(block.summary.amounts, block.summary.total)}
              </tr>
            </tbody>
          ),
        )}
      </table>
    </TableScroll>
  );
}
