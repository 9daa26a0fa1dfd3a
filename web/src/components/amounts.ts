// Amounts arrive as exact decimal strings ("1234.56", "-50.00"). They are turned into numbers
// only to be formatted or plotted; sums are done on the digits, as integers.
import type { Amount } from '../api/types';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

function scaled(amount: Amount): Scaled {
  const match = DECIMAL.exec(amount.trim());
  if (match === null) throw new RangeError(`not a decimal amount: ${JSON.stringify(amount)}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/**
 * The exact sum of decimal strings, with as many decimals as the longest of them ("0.00" for
 * none): ["1234.56", "-50.00", "0.1"] gives "1184.66".
 */
export function sumAmounts(amounts: readonly Amount[]): Amount {
  const parts = amounts.map(scaled);
  const scale = Math.max(2, ...parts.map((part) => part.scale));
  let total = 0n;
  for (const part of parts) total += part.units * 10n ** BigInt(scale - part.scale);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** True for "0", "0.00", "-0.00". */
export function isZero(amount: Amount): boolean {
  return scaled(amount).units === 0n;
}

/** True for an amount below zero. */
export function isNegative(amount: Amount): boolean {
  return scaled(amount).units < 0n;
}

/** For charts only: the nearest double. */
export function amountToNumber(amount: Amount): number {
  const value = Number(amount);
  return Number.isFinite(value) ? value : 0;
}

const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // An unknown locale or currency code: fall back rather than fail the page.
      try {
        format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
      } catch {
        format = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 });
      }
    }
    formats.set(key, format);
  }
  return format;
}

/** "$1,234.56" for ("1234.56", "USD", "en-US"); the text itself when it is not an amount. */
export function formatAmount(amount: Amount, currency: string, locale: string): string {
  if (!DECIMAL.test(amount.trim())) return amount;
  return currencyFormat(locale, currency).format(Number(amount));
}
