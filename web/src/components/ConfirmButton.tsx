import { useEffect, useId, useRef, useState } from 'react';

interface ConfirmButtonProps {
  /** The visible label of the first button, such as "Remove". */
  label: string;
  /** What it acts on, read after the labels by screen readers ("Remove Bea Bookkeeper"). */
  target: string;
  /** Shown, and announced, once the first button is pressed. */
  question: string;
  /** The label of the button that acts, such as "Confirm removal". */
  confirmLabel: string;
  disabled?: boolean;
  onConfirm: () => void;
}

/**
 * A destructive action in two steps, in the page instead of window.confirm: the button turns
 * into the question with "Confirm …" and "Cancel". Focus moves to the confirming button; Cancel
 * or Escape brings it back to the first one.
 */
export function ConfirmButton({
  label,
  target,
  question,
  confirmLabel,
  disabled = false,
  onConfirm,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (refocus.current) trigger.current?.focus();
    refocus.current = false;
  }, [asking]);

  const cancel = () => {
    refocus.current = true;
    setAsking(false);
  };

  if (!asking) {
    return (
      <button
        ref={trigger}
        type="button"
        className="button button--secondary"
        disabled={disabled}
        onClick={() => {
          setAsking(true);
        }}
      >
        {label}
        <span className="visually-hidden"> {target}</span>
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancel();
      }}
    >
      <span id={questionId} className="confirm__question">
        {question}
      </span>
      <button
        ref={confirm}
        type="button"
        className="button button--danger"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
        <span className="visually-hidden"> {target}</span>
      </button>
      <button type="button" className="button button--secondary" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
