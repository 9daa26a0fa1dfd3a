import type { InputHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

interface TextFieldProps extends InputProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** Shown under the label and read with the input. */
  hint?: string;
  /** The server's messages for this field (a 422's `errors[]`). */
  errors?: string[] | undefined;
}

/** A labelled input whose hint and errors are tied to it for assistive technology. */
export function TextField({ id, label, value, onValue, hint, errors, ...input }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-errors`;
  const invalid = errors !== undefined && errors.length > 0;
  const describedBy = [hint !== undefined ? hintId : '', invalid ? errorId : '']
    .filter((part) => part !== '')
    .join(' ');
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <input
        {...input}
        id={id}
        name={id}
        className="field__input"
        value={value}
        onChange={(event) => {
          onValue(event.target.value);
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      />
      {invalid && (
        <ul id={errorId} className="field__errors">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
