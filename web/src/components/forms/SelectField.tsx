import type { ReactNode, SelectHTMLAttributes } from 'react';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>;

interface SelectFieldProps extends SelectProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** The <option> and <optgroup> elements. */
  children: ReactNode;
  hint?: string;
  errors?: string[] | undefined;
}

/** A labelled select, like TextField: hint and errors are tied to it for assistive technology. */
export function SelectField({
  id,
  label,
  value,
  onValue,
  children,
  hint,
  errors,
  ...select
}: SelectFieldProps) {
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
      <select
        {...select}
        id={id}
        name={id}
        className="field__select"
        value={value}
        onChange={(event) => {
          onValue(event.target.value);
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      >
        {children}
      </select>
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
