import { describe, expect, it } from 'vitest';

import { readHashToken } from './hashToken';

describe('readHashToken', () => {
  it('reads the token of a fragment with or without the leading #', () => {
    expect(readHashToken('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(readHashToken('token=xyz')).toBe('xyz');
  });

  it('finds the token among other parameters', () => {
    expect(readHashToken('#a=1&token=t0k&b=2')).toBe('t0k');
  });

  it('is null for no fragment, an empty token or another parameter', () => {
    expect(readHashToken('')).toBeNull();
    expect(readHashToken('#')).toBeNull();
    expect(readHashToken('#token=')).toBeNull();
    expect(readHashToken('#token=%20')).toBeNull();
    expect(readHashToken('#other=1')).toBeNull();
  });

  it('decodes percent-encoding', () => {
    expect(readHashToken('#token=a%2Bb')).toBe('a+b');
  });
});
