import { Link, useParams } from 'react-router-dom';

import { ledger } from '../../api/ledger';
import { TableScroll } from '../../components/TableScroll';
import { isZero, sumAmounts } from '../../components/amounts';
import { FormAlert } from '../../components/forms/FormAlert';
import { orgPath } from '../../components/orgPath';
import { useBooks } from '../../components/useBooks';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { usePageTitle } from '../../components/usePageTitle';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { useOrganization } from '../../session/OrganizationContext';

/** One transaction: its header and its lines, debits and credits side by side. */
export function TransactionPage() {
  const { transaction: param } = useParams();
  if (param === undefined || !/^[1-9]\d*$/.test(param)) return <NotFoundPage />;
  return <TransactionDetail id={Number(param)} />;
}

function TransactionDetail({ id }: { id: number }) {
  const organization = useOrganization();
  const books = useBooks();
  const transaction = useOrganizationResource(`transaction-${String(id)}`, (org) =>
    ledger.transaction(org, id),
  );
  const data = transaction.data;
  const title =
    data === undefined
      ? 'Transaction'
      : [data.type, data.num].filter((part) => part !== '').join(' ') || 'Transaction';
  usePageTitle(title);

  return (
    <article className="page page--wide">
      <p>
        <Link to={orgPath(organization.id, 'transactions')}>All transactions</Link>
      </p>
      <h1>{title}</h1>
      <FormAlert error={transaction.error} />
      {data === undefined ? (
        transaction.error === null && <p role="status">Loading the transaction…</p>
      ) : (
        <>
          <dl className="facts" data-testid="transaction-header">
            <dt>Date</dt>
            <dd>{books.date(data.date)}</dd>
            <dt>Type</dt>
            <dd>{data.type}</dd>
            <dt>Num</dt>
            <dd>{data.num === '' ? '—' : data.num}</dd>
            <dt>Name</dt>
            <dd>{data.name === '' ? '—' : data.name}</dd>
            {data.memo !== '' && (
              <>
                <dt>Memo</dt>
                <dd>{data.memo}</dd>
              </>
            )}
            <dt>Total</dt>
            <dd>{books.money(data.total, data.currency)}</dd>
            <dt>Due date</dt>
            <dd>{books.date(data.due_date)}</dd>
            <dt>Source</dt>
            <dd>{data.source}</dd>
            <dt>Import</dt>
            <dd>
              {data.import_id === null ? (
                '—'
              ) : (
                <Link to={orgPath(organization.id, `imports/${String(data.import_id)}`)}>
                  Import {data.import_id}
                </Link>
              )}
            </dd>
          </dl>
          <TableScroll label="Lines">
            <table className="table" data-testid="transaction-lines">
              <caption>{data.lines.length} lines</caption>
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col" className="num">
                    Debit
                  </th>
                  <th scope="col" className="num">
                    Credit
                  </th>
                  <th scope="col">Memo</th>
                  <th scope="col" className="num">
                    Source line
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.lines.map((line) => (
                  <tr key={line.id}>
                    <th scope="row">
                      <Link
                        to={orgPath(
                          organization.id,
                          `transactions?account=${String(line.account_id)}`,
                        )}
                      >
                        {line.account}
                      </Link>
                    </th>
                    <td className="num">
                      {isZero(line.debit) ? '' : books.money(line.debit, data.currency)}
                    </td>
                    <td className="num">
                      {isZero(line.credit) ? '' : books.money(line.credit, data.currency)}
                    </td>
                    <td>{line.memo}</td>
                    <td className="num">{line.source_line ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="table__total">
                  <th scope="row">Total</th>
                  <td className="num">
                    {books.money(sumAmounts(data.lines.map((l) => l.debit)), data.currency)}
                  </td>
                  <td className="num">
                    {books.money(sumAmounts(data.lines.map((l) => l.credit)), data.currency)}
                  </td>
                  <td colSpan={2} />
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </>
      )}
    </article>
  );
}
