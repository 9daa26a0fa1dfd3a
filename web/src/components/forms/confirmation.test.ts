import { describe, expect, it } from 'vitest';

import { matchesConfirmation } from './confirmation';

describe('matchesConfirmation', () => {
  it('matches an email whatever its case and surrounding spaces', () => {
    expect(matchesConfirmation(' Ada@Example.com ', 'ada@example.com', 'email')).toBe(true);
    expect(matchesConfirmation('ada@example.org', 'ada@example.com', 'email')).toBe(false);
  });

  it('matches other text exactly, apart from surrounding spaces', () => {
    expect(matchesConfirmation('Acme Books ', 'Acme Books', 'exact')).toBe(true);
    expect(matchesConfirmation('acme books', 'Acme Books', 'exact')).toBe(false);
    expect(matchesConfirmation('Acme', 'Acme Books', 'exact')).toBe(false);
  });

  it('never matches an empty text', () => {
    expect(matchesConfirmation('  ', '', 'exact')).toBe(false);
    expect(matchesConfirmation('', 'ada@example.com', 'email')).toBe(false);
  });
});
