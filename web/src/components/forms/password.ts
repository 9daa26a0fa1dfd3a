/**
 * Shown under every new-password field. The rules themselves are the server's (AUTH-2); its 422
 * messages say what a given password lacks.
 */
export const PASSWORD_HINT =
  'At least 15 characters. A few unrelated words work well; no special characters are required.';

/** The id of the password form's heading, which the password reminder links to. */
export const CHANGE_PASSWORD_ID = 'change-password';
