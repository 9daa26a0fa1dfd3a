import { describe, expect, it } from 'vitest';

import { ApiError, parseProblem } from '../../api/client';
import { errorText, fieldMessages } from './fieldErrors';

function problem(status: number, body: unknown): ApiError {
  return new ApiError('problem', parseProblem(body, status), 'req-1');
}

describe('fieldMessages', () => {
  it('groups every message of a JSON-pointer field under its name', () => {
    const error = problem(422, {
      errors: [
        { field: '/password', message: 'Use at least 15 characters.' },
        { field: '/password', message: 'Too easy to guess.' },
        { field: '/email', message: 'Not an email.' },
      ],
    });
    expect(fieldMessages(error)).toEqual({
      password: ['Use at least 15 characters.', 'Too easy to guess.'],
      email: ['Not an email.'],
    });
  });

  it('accepts bare field names and nested pointers', () => {
    const error = problem(422, {
      errors: [
        { field: 'name', message: 'Required.' },
        { field: '/scopes/0', message: 'Unknown scope.' },
      ],
    });
    expect(fieldMessages(error)).toEqual({ name: ['Required.'], scopes: ['Unknown scope.'] });
  });

  it('is empty for anything but a 422', () => {
    expect(fieldMessages(problem(400, { errors: [{ field: 'a', message: 'b' }] }))).toEqual({});
    expect(fieldMessages(new Error('x'))).toEqual({});
  });
});

describe('errorText', () => {
  it('prefers the detail, then the title', () => {
    expect(errorText(problem(401, { title: 'Unauthorized', detail: 'Not right.' }))).toBe(
      'Not right.',
    );
    expect(errorText(problem(409, { title: 'Conflict' }))).toBe('Conflict');
  });

  it('points at the fields for a validation problem and explains a 429', () => {
    expect(errorText(problem(422, { errors: [{ field: '/a', message: 'b' }] }))).toMatch(/fields/);
    expect(errorText(problem(429, { title: 'Too Many Requests' }))).toMatch(/wait/);
  });
});
