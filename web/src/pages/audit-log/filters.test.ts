import { describe, expect, it } from 'vitest';

import { auditQuery } from '../../api/organizations';
import { EMPTY_FORM, filterOf, localToRfc3339 } from './filters';

describe('localToRfc3339', () => {
  it('turns a local date-time into UTC without fractions', () => {
    const local = '2026-03-01T09:30';
    const expected = new Date(local).toISOString().replace('.000Z', 'Z');
    expect(localToRfc3339(local)).toBe(expected);
    expect(localToRfc3339(local)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('leaves out empty and unreadable values', () => {
    expect(localToRfc3339('')).toBeUndefined();
    expect(localToRfc3339('  ')).toBeUndefined();
    expect(localToRfc3339('yesterday')).toBeUndefined();
  });
});

describe('filterOf and auditQuery', () => {
  it('sends only the filters that are filled in, trimmed', () => {
    const filter = filterOf({ ...EMPTY_FORM, event: ' authn_login_fail ', actor: '' }, 42);
    expect(filter).toEqual({ event: 'authn_login_fail', before: 42 });
    expect(auditQuery(filter)).toBe('?event=authn_login_fail&before=42');
  });

  it('has no query string without filters', () => {
    expect(auditQuery(filterOf(EMPTY_FORM))).toBe('');
  });

  it('encodes values', () => {
    expect(auditQuery({ actor: 'user:12' })).toBe('?actor=user%3A12');
  });
});
