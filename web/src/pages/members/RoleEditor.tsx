import { useState, type FormEvent } from 'react';

import { ROLES, type Role } from '../../api/types';

/**
 * A role picker with its own button: changing a role ends the member's sessions, so it should
 * not happen just by arrowing through a select with the keyboard.
 */
export function RoleEditor({
  id,
  memberName,
  role,
  disabled,
  onChange,
}: {
  id: string;
  memberName: string;
  role: Role;
  disabled: boolean;
  onChange: (role: Role) => void;
}) {
  const [choice, setChoice] = useState<Role>(role);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice !== role) onChange(choice);
  };
  return (
    <form className="form__actions" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Role of {memberName}
      </label>
      <select
        id={id}
        className="field__select"
        value={choice}
        disabled={disabled}
        onChange={(event) => {
          setChoice(event.target.value as Role);
        }}
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button--secondary"
        disabled={disabled || choice === role}
      >
        Save<span className="visually-hidden"> role of {memberName}</span>
      </button>
    </form>
  );
}
