// An invitation token waiting for its user to sign in. Module memory only: it survives moving
// to the sign-in page and back inside the app, and is gone on reload (the email link still
// works then), so the secret is never written to storage or left in the history.
let pending: string | null = null;

export function rememberInvitation(token: string): void {
  pending = token;
}

/** The remembered token, which is forgotten once taken. */
export function takeInvitation(): string | null {
  const token = pending;
  pending = null;
  return token;
}
