import { describe, expect, it } from 'vitest';

import { EMPTY_FORM, filterFromSearch, filterOf, formOf, formProblems, searchOf } from './filters';

describe('transaction filters in the URL', () => {
  it('reads the documented filters and drops malformed ones', () => {
    const search = new URLSearchParams(
      'from=2026-01-01&to=yesterday&account=12&min_amount=10.50&max_amount=lots&q=beans&x=1',
    );
    expect(filterFromSearch(search)).toEqual({
      from: '2026-01-01',
      account: '12',
      min_amount: '10.50',
      q: 'beans',
    });
  });

  it('keeps a customer over a vendor, as the server takes one', () => {
    expect(filterFromSearch(new URLSearchParams('customer=3&vendor=4'))).toEqual({
      customer: '3',
    });
  });

  it('round-trips through the form, with the cursor only past the first page', () => {
    const filter = { from: '2026-01-01', vendor: '4', type: 'Bill', q: 'rent & power' };
    expect(filterOf(formOf(filter))).toEqual(filter);
    expect(searchOf(filter).toString()).toBe('from=2026-01-01&vendor=4&type=Bill&q=rent+%26+power');
    expect(searchOf(filter, '20260301.12').get('cursor')).toBe('20260301.12');
    expect(searchOf({}, '').toString()).toBe('');
  });

  it('explains amounts and periods the server would refuse', () => {
    expect(formProblems({ ...EMPTY_FORM, min_amount: '1,5', to: '2026-01-01' })).toEqual({
      min_amount: 'Write an amount with a decimal point, such as 1500 or -45.10.',
    });
    expect(formProblems({ ...EMPTY_FORM, from: '2026-02-01', to: '2026-01-01' }).to).toBeDefined();
    expect(formProblems({ ...EMPTY_FORM, max_amount: '-45.10' })).toEqual({});
  });
});
