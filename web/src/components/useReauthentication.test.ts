import { describe, expect, it } from 'vitest';

import { ApiError, parseProblem } from '../api/client';
import { needsReauthentication } from './useReauthentication';

const BASE = 'https://finhelm.dev/problems';

function problem(status: number, slug: string): ApiError {
  return new ApiError('problem', parseProblem({ type: `${BASE}/${slug}` }, status), null);
}

describe('needsReauthentication', () => {
  it('is true for a 403 reauthentication-required only', () => {
    expect(needsReauthentication(problem(403, 'reauthentication-required'))).toBe(true);
    expect(needsReauthentication(problem(403, 'reauthentication-failed'))).toBe(false);
    expect(needsReauthentication(problem(403, 'mfa-enrollment-required'))).toBe(false);
    expect(needsReauthentication(problem(401, 'reauthentication-required'))).toBe(false);
    expect(needsReauthentication(new Error('reauthentication-required'))).toBe(false);
  });
});
