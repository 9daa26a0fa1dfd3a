import { useState } from 'react';
import { Link } from 'react-router-dom';

import type { Me } from '../api/types';
import { CHANGE_PASSWORD_ID } from '../components/forms/password';

/**
 * AUTH-2: when the password is older than the server's reminder age, suggest a change, never
 * force one. "Not now" hides the reminder until the next page load; it lives in the layout, so
 * moving between screens does not bring it back. `onDismissed` moves focus away from the
 * button before it goes.
 */
export function PasswordReminder({ me, onDismissed }: { me: Me; onDismissed: () => void }) {
  const [dismissed, setDismissed] = useState(false);

  if (dismissed || !me.user.password_change_recommended) return null;
  return (
    <div className="notice reminder" data-testid="password-reminder">
      <p>
        Your password has not been changed for a long time. Consider{' '}
        <Link to={`/account/security#${CHANGE_PASSWORD_ID}`}>changing your password</Link>.
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setDismissed(true);
          onDismissed();
        }}
      >
        Not now<span className="visually-hidden">: hide the password reminder</span>
      </button>
    </div>
  );
}
