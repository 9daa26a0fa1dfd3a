/** A Unix time in seconds, as the user's locale writes a date and time. */
export function formatUnixTime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return 'never';
  return new Date(seconds * 1000).toLocaleString();
}
