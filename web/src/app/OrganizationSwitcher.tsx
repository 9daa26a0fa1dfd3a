import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

import type { Membership } from '../api/types';
import { switchOrganizationPath } from '../session/organizations';

/**
 * Offered only to members of several organizations. A select plus a button, not navigation on
 * change, so moving through the options with the keyboard does not jump between organizations.
 */
export function OrganizationSwitcher({
  memberships,
  current,
}: {
  memberships: Membership[];
  current: number | undefined;
}) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [choice, setChoice] = useState(String(current ?? memberships[0]?.id ?? ''));
  if (memberships.length < 2) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(switchOrganizationPath(pathname, Number(choice)));
  };
  return (
    <form className="org-switcher" onSubmit={submit} aria-label="Switch organization">
      <label htmlFor="org-switcher">Organization</label>
      <select
        id="org-switcher"
        value={choice}
        onChange={(event) => {
          setChoice(event.target.value);
        }}
      >
        {memberships.map((membership) => (
          <option key={membership.id} value={membership.id}>
            {membership.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--header">
        Switch
      </button>
    </form>
  );
}
