import { useEffect, useState, type FormEvent } from 'react';

import { organizations } from '../../api/organizations';
import type { AuditEvent } from '../../api/types';
import { TableScroll } from '../../components/TableScroll';
import { AdminOnly } from '../../components/AdminOnly';
import { FormAlert } from '../../components/forms/FormAlert';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { useMfaRedirect } from '../../components/useMfaRedirect';
import { useOrganization } from '../../session/OrganizationContext';
import { EMPTY_FORM, filterOf, type AuditForm } from './filters';
import '../../components/forms/forms.css';

export function AuditLogPage() {
  return (
    <AdminOnly title="Audit log">
      <AuditLog />
    </AdminOnly>
  );
}

interface Loaded {
  events: AuditEvent[];
  nextBefore: number | undefined;
}

function AuditLog() {
  const organization = useOrganization();
  const toEnrollment = useMfaRedirect();
  const [form, setForm] = useState<AuditForm>(EMPTY_FORM);
  // The filters of the shown list: editing the form changes nothing until it is applied.
  const [applied, setApplied] = useState<AuditForm>(EMPTY_FORM);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const submission = useSubmit();
  const { run } = submission;

  const load = (filters: AuditForm, before: number | undefined, previous: AuditEvent[]) =>
    run(async () => {
      try {
        const page = await organizations.auditEvents(organization.id, filterOf(filters, before));
        setLoaded({ events: [...previous, ...page.events], nextBefore: page.next_before });
      } catch (error) {
        if (!toEnrollment(error)) throw error;
      }
    });

  useEffect(() => {
    void load(applied, undefined, []);
    // Reload from the first page when the organization or the applied filters change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [organization.id, applied]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setLoaded(null);
    setApplied({ ...form });
  };
  const field = (name: keyof AuditForm) => (value: string) => {
    setForm((current) => ({ ...current, [name]: value }));
  };

  return (
    <article className="page page--wide">
      <h1>Audit log</h1>
      <p className="lead">Security events of {organization.name}, newest first.</p>
      <form className="form form--inline" onSubmit={apply} aria-label="Filter events">
        <TextField
          id="audit-event"
          label="Event"
          hint="Exact name, such as authn_login_fail"
          value={form.event}
          onValue={field('event')}
        />
        <TextField
          id="audit-actor"
          label="Actor"
          hint="Exact actor, such as user:12"
          value={form.actor}
          onValue={field('actor')}
        />
        <TextField
          id="audit-since"
          label="From (inclusive)"
          type="datetime-local"
          value={form.since}
          onValue={field('since')}
        />
        <TextField
          id="audit-until"
          label="Until (exclusive)"
          type="datetime-local"
          value={form.until}
          onValue={field('until')}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            Apply filters
          </button>
        </div>
      </form>
      <FormAlert error={submission.error} />
      {loaded === null ? (
        <p role="status">Loading events…</p>
      ) : (
        <>
          <TableScroll label="Audit events">
            <table className="table" data-testid="audit-events">
              <caption>
                {loaded.events.length} events shown
                {loaded.nextBefore === undefined ? '' : ' so far'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Time (UTC)</th>
                  <th scope="col">Event</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Target</th>
                  <th scope="col">Address</th>
                  <th scope="col">Request id</th>
                </tr>
              </thead>
              <tbody>
                {loaded.events.map((event) => (
                  <tr key={event.id}>
                    <td>{event.occurred_at}</td>
                    <th scope="row">
                      <code>{event.event}</code>
                    </th>
                    <td>{event.actor}</td>
                    <td>{event.target}</td>
                    <td>{event.address}</td>
                    <td>
                      <code>{event.request_id}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {loaded.nextBefore !== undefined && (
            <button
              type="button"
              className="button button--secondary"
              disabled={submission.busy}
              onClick={() => {
                void load(applied, loaded.nextBefore, loaded.events);
              }}
            >
              {submission.busy ? 'Loading…' : 'Show older events'}
            </button>
          )}
        </>
      )}
    </article>
  );
}
