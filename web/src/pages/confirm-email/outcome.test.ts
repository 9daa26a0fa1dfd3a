import { describe, expect, it } from 'vitest';

import { ApiError, parseProblem } from '../../api/client';
import { confirmEmailFailure } from './outcome';

function problem(status: number, slug: string): ApiError {
  return new ApiError(
    'problem',
    parseProblem({ type: `https://x/problems/${slug}` }, status),
    null,
  );
}

describe('confirmEmailFailure', () => {
  it('tells a spent link from a taken address', () => {
    expect(confirmEmailFailure(problem(400, 'invalid-token'))).toBe('invalid');
    expect(confirmEmailFailure(problem(409, 'email-taken'))).toBe('taken');
  });

  it('is other for anything else', () => {
    expect(confirmEmailFailure(problem(429, 'too-many-requests'))).toBe('other');
    expect(confirmEmailFailure(problem(400, 'validation'))).toBe('other');
    expect(confirmEmailFailure(new TypeError('x'))).toBe('other');
  });
});
