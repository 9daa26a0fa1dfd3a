import { describe, expect, it } from 'vitest';

import { ApiError, parseProblem } from '../../api/client';
import type { Membership } from '../../api/types';
import { lastAdminOrganizations } from './lastAdmin';

const memberships: Membership[] = [
  { id: 4, name: 'Acme Books', role: 'admin' },
  { id: 9, name: 'Beta', role: 'viewer' },
];

function problem(status: number, body: Record<string, unknown>): ApiError {
  return new ApiError('problem', parseProblem(body, status), null);
}

describe('lastAdminOrganizations', () => {
  it('names the organizations of a last-admin conflict from the memberships', () => {
    const error = problem(409, { type: 'https://x/problems/last-admin', organizations: [4, 12] });
    expect(lastAdminOrganizations(error, memberships)).toEqual([
      { id: 4, name: 'Acme Books' },
      { id: 12, name: 'Organization 12' },
    ]);
  });

  it('ignores malformed ids and a missing list', () => {
    const odd = problem(409, { type: 'https://x/problems/last-admin', organizations: ['4', 1.5] });
    expect(lastAdminOrganizations(odd, memberships)).toEqual([]);
    const bare = problem(409, { type: 'https://x/problems/last-admin' });
    expect(lastAdminOrganizations(bare, memberships)).toEqual([]);
  });

  it('is null for any other answer', () => {
    expect(
      lastAdminOrganizations(problem(409, { type: 'https://x/problems/conflict' }), memberships),
    ).toBeNull();
    expect(
      lastAdminOrganizations(problem(403, { type: 'https://x/problems/last-admin' }), memberships),
    ).toBeNull();
    expect(lastAdminOrganizations(new Error('x'), memberships)).toBeNull();
    expect(lastAdminOrganizations(null, memberships)).toBeNull();
  });
});
