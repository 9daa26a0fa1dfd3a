/**
 * Whether the text typed into a "type … to confirm" field matches what it asks for. Surrounding
 * spaces never count; an email address matches whatever its case (the server compares addresses
 * case-insensitively), any other text, such as an organization name, must match exactly.
 */
export function matchesConfirmation(
  typed: string,
  expected: string,
  kind: 'email' | 'exact',
): boolean {
  const a = typed.trim();
  const b = expected.trim();
  if (a === '' || b === '') return false;
  return kind === 'email' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
