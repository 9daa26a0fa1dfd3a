import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

import { ledger } from '../../api/ledger';
import type { Amount, BudgetReport } from '../../api/types';
import { TableScroll } from '../../components/TableScroll';
import { FormAlert } from '../../components/forms/FormAlert';
import { SelectField } from '../../components/forms/SelectField';
import { orgPath } from '../../components/orgPath';
import { useBooks, type Books } from '../../components/useBooks';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganization } from '../../session/OrganizationContext';
import { StatementsNav } from './StatementsNav';
import '../../components/forms/forms.css';
import './statements.css';

const TITLE = 'Budget vs actual';

/** The year the URL names (`?year=2026`), or this one. */
function yearOf(search: URLSearchParams): number {
  const year = Number(search.get('year'));
  return Number.isInteger(year) && year >= 1900 && year <= 2199 ? year : new Date().getFullYear();
}

/** Each budgeted account's months next to the ledger's actuals, for one year. */
export function BudgetPage() {
  usePageTitle(TITLE);
  const organization = useOrganization();
  const [search, setSearch] = useSearchParams();
  const year = yearOf(search);
  const report = useOrganizationResource(`budget-${String(year)}`, (org) =>
    ledger.budgetVersusActual(org, { from: `${String(year)}-01-01`, to: `${String(year)}-12-31` }),
  );
  const books = useBooks();

  return (
    <article className="page page--wide">
      <h1>{TITLE}</h1>
      <StatementsNav organization={organization.id} />
      <YearForm
        key={year}
        year={year}
        onApply={(next) => {
          setSearch(new URLSearchParams({ year: String(next) }));
        }}
      />
      <FormAlert error={report.error} />
      {report.data === undefined ? (
        report.error === null && <p role="status">Loading the budget…</p>
      ) : report.data.lines.length === 0 ? (
        <p role="status">
          No budget for {year}. Export the Budget Overview from QuickBooks as CSV and upload it on
          the <Link to={orgPath(organization.id, 'imports')}>import page</Link>.
        </p>
      ) : (
        <BudgetTable year={year} report={report.data} books={books} />
      )}
    </article>
  );
}

function YearForm({ year, onApply }: { year: number; onApply: (year: number) => void }) {
  const [chosen, setChosen] = useState(String(year));
  const current = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, index) => current + 1 - index);
  if (!years.includes(year)) years.push(year);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(Number(chosen));
  };
  return (
    <form className="form form--inline" onSubmit={submit} aria-label="Year">
      <SelectField id="budget-year" label="Year" value={chosen} onValue={setChosen}>
        {years.map((option) => (
          <option key={option} value={String(option)}>
            {option}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button">
        Show
      </button>
    </form>
  );
}

function BudgetTable({
  year,
  report,
  books,
}: {
  year: number;
  report: BudgetReport;
  books: Books;
}) {
  const money = (amount: Amount) => books.money(amount, report.currency);
  return (
    <TableScroll label={TITLE}>
      <table className="table statement" data-testid="budget">
        <caption>
          {TITLE}, {year}: each month shows the actual over the budget
        </caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            {report.months.map((month) => (
              <th key={month} scope="col" className="num">
                {books.month(month)}
              </th>
            ))}
            <th scope="col" className="num">
              Budget
            </th>
            <th scope="col" className="num">
              Actual
            </th>
            <th scope="col" className="num">
              Variance
            </th>
          </tr>
        </thead>
        <tbody>
          {report.lines.map((line) => (
            <tr key={line.account_id}>
              <th scope="row">{line.account}</th>
              {report.months.map((month, index) => (
                <td key={month} className="num">
                  {money(line.actual[index] ?? '0')}
                  <br />
                  <span className="muted">of {money(line.budget[index] ?? '0')}</span>
                </td>
              ))}
              <td className="num">{money(line.budget_total)}</td>
              <td className="num">{money(line.actual_total)}</td>
              <td className="num">{money(line.variance_total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
