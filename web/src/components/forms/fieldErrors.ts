import { ApiError } from '../../api/client';

/**
 * Validation messages of a 422, grouped by form field. The server names fields as JSON
 * pointers into the request body ("/password"); a field keeps every message, because the
 * password policy (AUTH-2) can give several at once.
 */
export function fieldMessages(error: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!(error instanceof ApiError) || error.status !== 422) return out;
  for (const { field, message } of error.problem.errors) {
    const name = field.replace(/^\//, '').split('/')[0] ?? '';
    (out[name] ??= []).push(message);
  }
  return out;
}

/** What to tell the user about a failed request, in the server's words where it gave some. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.kind === 'network') return 'The server could not be reached. Check your connection.';
  if (error.status === 422 && error.problem.errors.length > 0) {
    return 'Some fields need attention; see the messages next to them.';
  }
  if (error.status === 429) return 'Too many attempts. Please wait before trying again.';
  return error.problem.detail ?? error.problem.title;
}
