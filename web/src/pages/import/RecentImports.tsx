import { Link } from 'react-router-dom';

import { imports } from '../../api/ledger';
import { ImportStatusBadge, formatLabel } from '../../components/ImportStatus';
import { TableScroll } from '../../components/TableScroll';
import { FormAlert } from '../../components/forms/FormAlert';
import { orgPath } from '../../components/orgPath';
import { useBooks } from '../../components/useBooks';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { useOrganization } from '../../session/OrganizationContext';

const RECENT = 20;

/** The organization's latest imports, each linking to its report. */
export function RecentImports() {
  const organization = useOrganization();
  const recent = useOrganizationResource('recent-imports', (org) =>
    imports.list(org, undefined, RECENT),
  );
  const list = recent.data?.imports;
  const books = useBooks();
  return (
    <section className="recent-imports" aria-labelledby="recent-imports">
      <h2 id="recent-imports">Recent imports</h2>
      <FormAlert error={recent.error} />
      {list === undefined ? (
        recent.error === null && <p role="status">Loading imports…</p>
      ) : list.length === 0 ? (
        <p>Nothing has been imported yet.</p>
      ) : (
        <TableScroll label="Imports, newest first">
          <table className="table" data-testid="recent-imports">
            <caption>The latest {list.length} imports, newest first</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Status</th>
                <th scope="col">Format</th>
                <th scope="col">Started</th>
                <th scope="col" className="num">
                  New rows
                </th>
                <th scope="col" className="num">
                  Duplicates
                </th>
                <th scope="col" className="num">
                  Rejected
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={orgPath(organization.id, `imports/${String(item.id)}`)}>
                      {item.file_name}
                    </Link>
                  </th>
                  <td>
                    <ImportStatusBadge status={item.status} />
                  </td>
                  <td>{formatLabel(item.format)}</td>
                  <td>{books.dateTime(item.created_at)}</td>
                  <td className="num">{item.rows.new}</td>
                  <td className="num">{item.rows.duplicate}</td>
                  <td className="num">{item.rows.rejected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
