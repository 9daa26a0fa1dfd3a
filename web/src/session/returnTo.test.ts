import { describe, expect, it } from 'vitest';

import { returnStateOf, safeReturnPath } from './returnTo';

describe('safeReturnPath', () => {
  it('keeps paths of this app with their query', () => {
    expect(safeReturnPath('/orgs/3/members')).toBe('/orgs/3/members');
    expect(safeReturnPath('/orgs/3/audit?event=x')).toBe('/orgs/3/audit?event=x');
  });

  it('refuses other origins, protocol-relative and odd paths', () => {
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('orgs/1')).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
    expect(safeReturnPath(42)).toBe('/');
  });

  it('never returns to the sign-in page itself', () => {
    expect(safeReturnPath('/login')).toBe('/');
    expect(safeReturnPath('/login?x=1')).toBe('/');
  });
});

describe('returnStateOf', () => {
  it('reads only well-typed members', () => {
    expect(returnStateOf({ from: '/a', ended: true })).toEqual({ from: '/a', ended: true });
    expect(returnStateOf({ from: 3, ended: 'yes' })).toEqual({});
    expect(returnStateOf(null)).toEqual({});
  });
});
