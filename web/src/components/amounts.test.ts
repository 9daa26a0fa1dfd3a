import { describe, expect, it } from 'vitest';

import { amountToNumber, formatAmount, isNegative, isZero, sumAmounts } from './amounts';
import { firstOfMonthBefore, formatMonth, isoDate, startOfYear } from './dates';

describe('sumAmounts', () => {
  it('adds decimal strings exactly', () => {
    expect(sumAmounts(['1234.56', '-50.00', '0.1'])).toBe('1184.66');
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30'); // 0.1 + 0.2 in floats is not 0.3
    expect(sumAmounts(['-5.25', '2.00'])).toBe('-3.25');
    expect(sumAmounts(['-0.05'])).toBe('-0.05');
    expect(sumAmounts([])).toBe('0.00');
  });

  it('keeps every digit of large amounts and the longest scale', () => {
    expect(sumAmounts(['90071992547409.93', '0.01'])).toBe('90071992547409.94');
    expect(sumAmounts(['1.125', '1'])).toBe('2.125');
  });

  it('refuses what is not an amount', () => {
    expect(() => sumAmounts(['1e3'])).toThrow(RangeError);
  });
});

describe('amount predicates and formatting', () => {
  it('tells zero and negative amounts', () => {
    expect(isZero('-0.00')).toBe(true);
    expect(isZero('0.01')).toBe(false);
    expect(isNegative('-0.01')).toBe(true);
    expect(isNegative('0.00')).toBe(false);
  });

  it('formats in the locale and currency', () => {
    expect(formatAmount('1234.5', 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatAmount('-50.00', 'USD', 'en-US')).toBe('-$50.00');
    expect(formatAmount('1234.56', 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });

  it('survives an unknown locale and leaves non-amounts alone', () => {
    expect(formatAmount('1.00', 'USD', 'not a locale!')).toContain('1.00');
    expect(formatAmount('n/a', 'USD', 'en-US')).toBe('n/a');
    expect(amountToNumber('-12.5')).toBe(-12.5);
  });
});

describe('dates', () => {
  it('counts months back to a first day', () => {
    expect(firstOfMonthBefore('2026-03-15', 11)).toBe('2025-04-01');
    expect(firstOfMonthBefore('2026-01-31', 1)).toBe('2025-12-01');
    expect(firstOfMonthBefore('2026-12-01', 0)).toBe('2026-12-01');
    expect(startOfYear('2026-03-15')).toBe('2026-01-01');
  });

  it('writes local dates and months', () => {
    expect(isoDate(new Date(2026, 2, 5))).toBe('2026-03-05');
    expect(formatMonth('2026-01', 'en-US')).toBe('Jan 2026');
    expect(formatMonth('total', 'en-US')).toBe('total');
  });
});
