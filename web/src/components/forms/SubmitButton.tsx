interface SubmitButtonProps {
  label: string;
  busyLabel?: string;
  busy: boolean;
  /** Seconds the server asked us to wait; the button stays disabled and counts down. */
  waitSeconds?: number;
  variant?: 'primary' | 'danger' | 'secondary';
}

export function SubmitButton({
  label,
  busyLabel = 'Working…',
  busy,
  waitSeconds = 0,
  variant = 'primary',
}: SubmitButtonProps) {
  const waiting = waitSeconds > 0;
  const text = waiting ? `${label} (wait ${String(waitSeconds)} s)` : busy ? busyLabel : label;
  return (
    <button
      type="submit"
      className={`button button--${variant}`}
      disabled={busy || waiting}
      data-wait={waiting ? waitSeconds : undefined}
    >
      {text}
    </button>
  );
}
