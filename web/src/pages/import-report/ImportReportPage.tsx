import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';

import { imports } from '../../api/ledger';
import type { Import } from '../../api/types';
import { ImportStatusBadge, formatLabel, isFinished } from '../../components/ImportStatus';
import { TableScroll } from '../../components/TableScroll';
import { FormAlert } from '../../components/forms/FormAlert';
import { orgPath } from '../../components/orgPath';
import { useBooks } from '../../components/useBooks';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganization } from '../../session/OrganizationContext';
import { canOperate } from '../../session/organizations';
import { NotFoundPage } from '../not-found/NotFoundPage';

/** How often a running import is asked about. */
const POLL_MS = 1000;

export function ImportReportPage() {
  const { importId } = useParams();
  if (importId === undefined || !/^[1-9]\d*$/.test(importId)) return <NotFoundPage />;
  return <ImportReport key={importId} id={Number(importId)} />;
}

/** One import: a live progress bar while it runs, then what it did and which rows it refused. */
function ImportReport({ id }: { id: number }) {
  const organization = useOrganization();
  usePageTitle(`Import ${String(id)}`);
  const books = useBooks();
  const report = useOrganizationResource(`import-${String(id)}`, (org) => imports.get(org, id));
  const data = report.data;
  const running = data !== undefined && !isFinished(data.status);
  const { loading, reload } = report;

  // Ask again a second after each answer until the import has finished.
  useEffect(() => {
    if (!running || loading) return;
    const timer = window.setTimeout(reload, POLL_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [running, loading, reload, data]);

  return (
    <article className="page page--wide">
      {canOperate(organization.role) && (
        <p>
          <Link to={orgPath(organization.id, 'imports')}>Import another file</Link>
        </p>
      )}
      <h1>Import of {data?.file_name ?? `file ${String(id)}`}</h1>
      <FormAlert error={report.error} />
      {data === undefined ? (
        report.error === null && <p role="status">Loading the import…</p>
      ) : (
        <>
          <p role="status" data-testid="import-status">
            Status: <ImportStatusBadge status={data.status} />
            {data.status === 'committed' &&
              ` — ${String(data.transactions_new)} new transactions are in the books.`}
            {data.status === 'rejected' && ' — nothing was written to the books.'}
            {data.status === 'failed' && ' — the import stopped; nothing was written.'}
          </p>
          {running && <Progress report={data} />}
          {data.problem !== null && (
            <div className="form-alert" role="alert" data-testid="import-problem">
              <p>{data.problem}</p>
            </div>
          )}
          {!running && <Outcome report={data} organization={organization.id} />}
          <section aria-labelledby="import-file">
            <h2 id="import-file">The file</h2>
            <dl className="facts">
              <dt>Name</dt>
              <dd>{data.file_name}</dd>
              <dt>Format</dt>
              <dd>{formatLabel(data.format)}</dd>
              <dt>Encoding</dt>
              <dd>{data.encoding}</dd>
              <dt>Size</dt>
              <dd>{data.file_bytes.toLocaleString()} bytes</dd>
              <dt>SHA-256</dt>
              <dd>
                <code>{data.file_sha256}</code>
              </dd>
              <dt>Started</dt>
              <dd>{books.dateTime(data.created_at)}</dd>
              <dt>Finished</dt>
              <dd>{books.dateTime(data.finished_at)}</dd>
            </dl>
          </section>
        </>
      )}
    </article>
  );
}

function Progress({ report }: { report: Import }) {
  const percent = Math.max(0, Math.min(100, report.progress?.percent ?? 0));
  const message = report.progress?.message ?? '';
  return (
    <div className="field" data-testid="import-progress">
      <label htmlFor="import-progress-bar" className="field__label">
        Progress: {percent}%{message === '' ? '' : ` — ${message}`}
      </label>
      <progress id="import-progress-bar" max={100} value={percent}>
        {percent}%
      </progress>
    </div>
  );
}

function Outcome({ report, organization }: { report: Import; organization: number }) {
  const rejections = report.rejections ?? [];
  return (
    <section aria-labelledby="import-outcome">
      <h2 id="import-outcome">Report</h2>
      <dl className="facts" data-testid="import-report">
        <dt>Rows read</dt>
        <dd data-count="read">{report.rows.read}</dd>
        <dt>New rows</dt>
        <dd data-count="new">{report.rows.new}</dd>
        <dt>Duplicate rows</dt>
        <dd data-count="duplicate">{report.rows.duplicate}</dd>
        <dt>Rejected rows</dt>
        <dd data-count="rejected">{report.rows.rejected}</dd>
        <dt>Skipped rows</dt>
        <dd data-count="skipped">{report.rows.skipped}</dd>
        <dt>New transactions</dt>
        <dd data-count="transactions_new">{report.transactions_new}</dd>
        {report.duplicate_of !== null && (
          <>
            <dt>Same file as</dt>
            <dd>
              <Link to={orgPath(organization, `imports/${String(report.duplicate_of)}`)}>
                Import {report.duplicate_of}
              </Link>
            </dd>
          </>
        )}
      </dl>
      {rejections.length > 0 && (
        <TableScroll label="Rejected rows">
          <table className="table" data-testid="import-rejections">
            <caption>
              {rejections.length} rejected rows
              {rejections.length < report.rows.rejected ? ' (the first ones)' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {rejections.map((rejection) => (
                <tr key={`${String(rejection.line)}-${rejection.reason}`}>
                  <th scope="row" className="num">
                    {rejection.line}
                  </th>
                  <td>{rejection.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
