import { ApiError } from '../../api/client';
import { errorText } from '../../components/forms/fieldErrors';

/** Problem types whose `detail` is written for the person who uploaded the file. */
const TOLD_IN_DETAIL = ['upload-rejected', 'mapping-required', 'scanner-unavailable'];

const FIELD_NAMES: Record<string, string> = {
  file: 'File',
  options: 'Options',
  date_order: 'Date order',
  amount_style: 'Decimal style',
};

/** A refused upload, in the server's words: its `detail`, or each of its `errors`. */
export function ImportProblem({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  let body;
  if (error instanceof ApiError && TOLD_IN_DETAIL.some((slug) => error.isType(slug))) {
    body = <p>{error.problem.detail ?? error.problem.title}</p>;
  } else if (error instanceof ApiError && error.problem.errors.length > 0) {
    body = (
      <>
        <p>{error.problem.title}</p>
        <ul>
          {error.problem.errors.map(({ field, message }) => {
            const name = field.replace(/^\//, '');
            return (
              <li key={`${field}:${message}`}>
                {name === '' ? message : `${FIELD_NAMES[name] ?? name}: ${message}`}
              </li>
            );
          })}
        </ul>
      </>
    );
  } else if (error instanceof ApiError && error.status === 413) {
    body = <p>The file is too large: an export of at most 25 MiB can be imported.</p>;
  } else {
    body = <p>{errorText(error)}</p>;
  }
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="form-alert" role="alert" data-testid="import-problem">
      {body}
      {requestId !== null && <p className="form-alert__id">Request id: {requestId}</p>}
    </div>
  );
}
