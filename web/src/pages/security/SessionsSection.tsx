import { identity } from '../../api/identity';
import { FormAlert } from '../../components/forms/FormAlert';
import { useSubmit } from '../../components/forms/useSubmit';
import { formatUnixTime } from '../../components/time';
import { TableScroll } from '../../components/TableScroll';
import { useResource } from '../../components/useResource';

/** SESS-6: the user's live sessions, each revocable; the current one is marked. */
export function SessionsSection({ version }: { version: number }) {
  const sessions = useResource(`sessions-${String(version)}`, identity.sessions);
  const submission = useSubmit();

  const revoke = (id: string) => {
    void submission.run(async () => {
      await identity.revokeSession(id);
      sessions.reload();
    });
  };

  return (
    <section className="security__section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Signed-in sessions</h2>
      <p>Every browser signed in to your account. Revoke any you do not recognise.</p>
      <FormAlert error={submission.error ?? sessions.error} />
      {sessions.data === undefined ? (
        <p role="status">Loading sessions…</p>
      ) : (
        <TableScroll label="Sessions">
          <table className="table" data-testid="sessions">
            <caption>{sessions.data.length} live sessions</caption>
            <thead>
              <tr>
                <th scope="col">Browser</th>
                <th scope="col">Address</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((session) => (
                <tr
                  key={session.id}
                  className={session.current ? 'session--current' : undefined}
                  data-current={session.current}
                >
                  <th scope="row">
                    {session.user_agent === '' ? 'Unknown browser' : session.user_agent}
                    {session.current && <span className="badge badge--ok"> This session</span>}
                  </th>
                  <td>{session.client_address}</td>
                  <td>{formatUnixTime(session.created_at)}</td>
                  <td>{formatUnixTime(session.last_seen_at)}</td>
                  <td>
                    {session.current ? (
                      <span className="muted">Use Sign out</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => {
                          revoke(session.id);
                        }}
                        disabled={submission.busy}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
