// Calendar dates as the API writes them: "YYYY-MM-DD", in the user's own time zone for "today".

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A local calendar date as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function today(): string {
  return isoDate(new Date());
}

/** The first day of the month `months` before the month of `date` (YYYY-MM-DD). */
export function firstOfMonthBefore(date: string, months: number): string {
  const [year = 1970, month = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  return `${String(Math.floor(index / 12))}-${pad((index % 12) + 1)}-01`;
}

/** January 1st of the year of `date`. */
export function startOfYear(date: string): string {
  return `${date.slice(0, 4)}-01-01`;
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/** "2026-01" as "Jan 2026" in `locale`; the text itself when it is not a month. */
export function formatMonth(month: string, locale: string, style: 'short' | 'long' = 'short') {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  try {
    return new Intl.DateTimeFormat(locale, {
      month: style,
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return month;
  }
}

/** An RFC 3339 time ("2026-12-04T09:21:46Z") as the locale writes it, in the user's zone. */
export function formatDateTime(time: string | null | undefined, locale: string): string {
  if (time === null || time === undefined || time === '') return '—';
  const value = new Date(time);
  if (Number.isNaN(value.getTime())) return time;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(
      value,
    );
  } catch {
    return value.toLocaleString();
  }
}

/** "2026-03-02" as the locale writes a date; the text itself when it is not one. */
export function formatDate(date: string | null | undefined, locale: string): string {
  if (date === null || date === undefined || date === '') return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return date;
  const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(value);
  } catch {
    return date;
  }
}
