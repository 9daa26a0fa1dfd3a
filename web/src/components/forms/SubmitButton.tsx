import type { Ref } from 'react';

interface SubmitButtonProps {
  label: string;
  busyLabel?: string;
  busy: boolean;
  /** Seconds the server asked us to wait; the button stays disabled and counts down. */
  waitSeconds?: number;
  variant?: 'primary' | 'danger' | 'secondary';
  /** For a form that must move focus back to its button (useReauthentication's `trigger`). */
  buttonRef?: Ref<HTMLButtonElement> | undefined;
}

export function SubmitButton({
  label,
  busyLabel = 'Working…',
  busy,
  waitSeconds = 0,
  variant = 'primary',
  buttonRef,
}: SubmitButtonProps) {
  const waiting = waitSeconds > 0;
  const text = waiting ? `${label} (wait ${String(waitSeconds)} s)` : busy ? busyLabel : label;
  return (
    <button
      ref={buttonRef}
      type="submit"
      className={`button button--${variant}`}
      disabled={busy || waiting}
      data-wait={waiting ? waitSeconds : undefined}
    >
      {text}
    </button>
  );
}
