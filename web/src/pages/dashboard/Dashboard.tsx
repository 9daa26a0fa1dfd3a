import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';

import { imports, ledger } from '../../api/ledger';
import { AGING_BUCKETS, type AgingReport, type Statement } from '../../api/types';
import { isFinished } from '../../components/ImportStatus';
import { TableScroll } from '../../components/TableScroll';
import { isNegative } from '../../components/amounts';
import { firstOfMonthBefore, today } from '../../components/dates';
import { FormAlert } from '../../components/forms/FormAlert';
import { orgPath } from '../../components/orgPath';
import { useBooks, type Books } from '../../components/useBooks';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { useOrganization } from '../../session/OrganizationContext';
import { cashPosition, monthFigures } from './series';
import './dashboard.css';

// uPlot is fetched with this chunk only when a dashboard has figures to draw.
const ProfitLossChart = lazy(() => import('./ProfitLossChart'));

const POLL_MS = 1000;

/**
 * The organization at a glance: cash in the bank, profit and loss over the last twelve months,
 * and what customers owe and what is owed to vendors by age. While an import runs (the demo
 * company right after setup, say) it says so, and loads the figures again once it is done.
 */
// "1 bank account", "2 bank accounts".
function bankCount(count: number): string {
  return `${String(count)} bank ${count === 1 ? 'account' : 'accounts'}`;
}

export function Dashboard() {
  const organization = useOrganization();
  const books = useBooks();
  const generation = useImportsSettled();
  const period = useMemo(() => {
    const to = today();
    return { from: firstOfMonthBefore(to, 11), to, columns: 'month' as const };
  }, []);
  const accounts = useOrganizationResource(
    `dashboard-accounts-${String(generation.count)}`,
    (org) => ledger.accounts(org),
  );
  const profit = useOrganizationResource(`dashboard-pl-${String(generation.count)}`, (org) =>
    ledger.profitAndLoss(org, period),
  );
  const receivables = useOrganizationResource(`dashboard-ar-${String(generation.count)}`, (org) =>
    ledger.receivablesAging(org),
  );
  const payables = useOrganizationResource(`dashboard-ap-${String(generation.count)}`, (org) =>
    ledger.payablesAging(org),
  );
  const cash = accounts.data === undefined ? undefined : cashPosition(accounts.data.accounts);

  const finishing = generation.active.length === 1 ? 'it finishes' : 'they finish';
  return (
    <div className="dashboard">
      {generation.active.length > 0 && (
        <div className="notice" role="status" data-testid="imports-running">
          <p>
            {generation.active.length === 1 ? 'An import is' : 'Imports are'} running; the figures
            below are updated when {finishing}:{' '}
            {generation.active.map((item, index) => (
              <span key={item.id}>
                {index > 0 && ', '}
                <Link to={orgPath(organization.id, `imports/${String(item.id)}`)}>
                  {item.file_name}
                </Link>
              </span>
            ))}
          </p>
        </div>
      )}
      <div className="dashboard__grid">
        <section className="card" aria-labelledby="dashboard-cash">
          <h2 id="dashboard-cash">Cash position</h2>
          <FormAlert error={accounts.error} />
          {cash === undefined || accounts.data === undefined ? (
            accounts.error === null && <p role="status">Loading accounts…</p>
          ) : (
            <>
              <p
                className={
                  isNegative(cash.total)
                    ? 'dashboard__figure dashboard__figure--negative'
                    : 'dashboard__figure'
                }
                data-testid="cash-position"
                data-amount={cash.total}
              >
                {books.money(cash.total, accounts.data.currency)}
              </p>
              <p className="muted">
                {cash.banks.length === 0
                  ? 'No bank accounts yet.'
                  : `In ${bankCount(cash.banks.length)}, today.`}{' '}
                <Link to={orgPath(organization.id, 'accounts')}>All accounts</Link>
              </p>
            </>
          )}
        </section>
        <AgingCard
          id="dashboard-ar"
          title="Receivables aging"
          who="Customers"
          link={orgPath(organization.id, 'customers')}
          report={receivables.data}
          error={receivables.error}
          books={books}
        />
        <AgingCard
          id="dashboard-ap"
          title="Payables aging"
          who="Vendors"
          link={orgPath(organization.id, 'vendors')}
          report={payables.data}
          error={payables.error}
          books={books}
        />
      </div>
      <section className="card" aria-labelledby="dashboard-pl">
        <h2 id="dashboard-pl">Profit and loss, last 12 months</h2>
        <FormAlert error={profit.error} />
        {profit.data === undefined ? (
          profit.error === null && <p role="status">Loading profit and loss…</p>
        ) : (
          <ProfitLoss statement={profit.data} books={books} />
        )}
        <p>
          <Link
            to={orgPath(
              organization.id,
              `statements/profit-and-loss?from=${period.from}&to=${period.to}&columns=month`,
            )}
          >
            The full profit and loss by month
          </Link>
        </p>
      </section>
    </div>
  );
}

/**
 * Polls the latest imports while any is queued or running; `count` goes up each time they have
 * all finished, so the figures that depend on them are loaded again.
 */
function useImportsSettled() {
  const recent = useOrganizationResource('dashboard-imports', (org) =>
    imports.list(org, undefined, 10),
  );
  const active = useMemo(
    () => (recent.data?.imports ?? []).filter((item) => !isFinished(item.status)),
    [recent.data],
  );
  const [count, setCount] = useState(0);
  const wasActive = useRef(false);
  const { loading, reload } = recent;

  useEffect(() => {
    if (active.length === 0 || loading) return;
    const timer = window.setTimeout(reload, POLL_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [active, loading, reload]);

  useEffect(() => {
    if (wasActive.current && active.length === 0) setCount((n) => n + 1);
    wasActive.current = active.length > 0;
  }, [active.length]);

  return { count, active };
}

function ProfitLoss({ statement, books }: { statement: Statement; books: Books }) {
  const statementCurrency = statement.currency;
  // Stable between renders, so the chart is drawn again only when the figures change.
  const figures = useMemo(() => monthFigures(statement), [statement]);
  const { month } = books;
  const labels = useMemo(() => figures.map((f) => month(f.month)), [figures, month]);
  const compactMoney = useMemo(() => {
    let format: Intl.NumberFormat;
    try {
      format = new Intl.NumberFormat(books.locale, {
        style: 'currency',
        currency: statementCurrency,
        notation: 'compact',
        maximumFractionDigits: 1,
      });
    } catch {
      format = new Intl.NumberFormat(undefined, { notation: 'compact' });
    }
    return (value: number) => format.format(value);
  }, [books.locale, statementCurrency]);
  const money = (amount: string) => books.money(amount, statementCurrency);

  return (
    <figure className="figure" aria-labelledby="dashboard-pl-caption">
      <figcaption id="dashboard-pl-caption" className="visually-hidden">
        Income, expenses and net income by month; the figures are in the table below.
      </figcaption>
      <ul className="legend" aria-hidden="true">
        <li>
          <span className="legend__swatch legend__swatch--income" />
          Income
        </li>
        <li>
          <span className="legend__swatch legend__swatch--expenses" />
          Expenses
        </li>
        <li>
          <span className="legend__swatch legend__swatch--net" />
          Net income
        </li>
      </ul>
      <Suspense fallback={<p role="status">Loading the chart…</p>}>
        <ProfitLossChart figures={figures} labels={labels} compactMoney={compactMoney} />
      </Suspense>
      <details>
        <summary>The figures by month</summary>
        <TableScroll label="Profit and loss by month">
          <table className="table" data-testid="pl-figures">
            <caption>Profit and loss by month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="num">
                  Income
                </th>
                <th scope="col" className="num">
                  Expenses
                </th>
                <th scope="col" className="num">
                  Net income
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.map((figure) => (
                <tr key={figure.month}>
                  <th scope="row">{books.month(figure.month, 'long')}</th>
                  <td className="num">{money(figure.income)}</td>
                  <td className="num">{money(figure.expenses)}</td>
                  <td className="num">{money(figure.netIncome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}

function AgingCard({
  id,
  title,
  who,
  link,
  report,
  error,
  books,
}: {
  id: string;
  title: string;
  who: string;
  link: string;
  report: AgingReport | undefined;
  error: unknown;
  books: Books;
}) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <FormAlert error={error} />
      {report === undefined ? (
        error === null && <p role="status">Loading…</p>
      ) : (
        <>
          <table className="table" data-testid={id}>
            <caption className="visually-hidden">
              {title} as of {books.date(report.as_of)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Days past due</th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {AGING_BUCKETS.map((bucket) => (
                <tr key={bucket.key}>
                  <th scope="row">{bucket.label}</th>
                  <td className="num">{books.money(report.totals[bucket.key], report.currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="table__total">
                <th scope="row">Total</th>
                <td className="num" data-amount={report.total}>
                  {books.money(report.total, report.currency)}
                </td>
              </tr>
            </tfoot>
          </table>
          <p className="muted">
            {report.rows.length} {who.toLowerCase()} with open items. <Link to={link}>{who}</Link>
          </p>
        </>
      )}
    </section>
  );
}
