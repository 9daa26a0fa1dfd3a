import type { AuditFilter } from '../../api/organizations';

/** What the filter form holds: `since` and `until` as <input type="datetime-local"> values. */
export interface AuditForm {
  event: string;
  actor: string;
  since: string;
  until: string;
}

export const EMPTY_FORM: AuditForm = { event: '', actor: '', since: '', until: '' };

/**
 * A local date-time from the browser's picker ("2026-03-01T09:30") as RFC 3339 UTC without
 * fractions ("2026-03-01T08:30:00Z" in UTC+1), which is what the server accepts; empty or
 * unreadable input gives undefined, so the filter is left out.
 */
export function localToRfc3339(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The request filter for a form, for the page before `before` (none for the first page). */
export function filterOf(form: AuditForm, before?: number): AuditFilter {
  const filter: AuditFilter = {};
  const event = form.event.trim();
  const actor = form.actor.trim();
  const since = localToRfc3339(form.since);
  const until = localToRfc3339(form.until);
  if (event !== '') filter.event = event;
  if (actor !== '') filter.actor = actor;
  if (since !== undefined) filter.since = since;
  if (until !== undefined) filter.until = until;
  if (before !== undefined) filter.before = before;
  return filter;
}
