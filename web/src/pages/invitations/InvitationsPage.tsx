import { useState, type FormEvent } from 'react';

import { organizations } from '../../api/organizations';
import { ROLES, type Role } from '../../api/types';
import { TableScroll } from '../../components/TableScroll';
import { AdminOnly } from '../../components/AdminOnly';
import { FormAlert, FormStatus } from '../../components/forms/FormAlert';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { useSubmit } from '../../components/forms/useSubmit';
import { formatUnixTime } from '../../components/time';
import { useMfaRedirect } from '../../components/useMfaRedirect';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { useOrganization } from '../../session/OrganizationContext';
import '../../components/forms/forms.css';

export function InvitationsPage() {
  return (
    <AdminOnly title="Invitations">
      <Invitations />
    </AdminOnly>
  );
}

function Invitations() {
  const organization = useOrganization();
  const toEnrollment = useMfaRedirect();
  const invitations = useOrganizationResource('invitations', organizations.invitations);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useSubmit();
  const revoke = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    void invite.run(async () => {
      try {
        await organizations.invite(organization.id, email, role);
      } catch (error) {
        if (!toEnrollment(error)) throw error;
        return;
      }
      setSentTo(email);
      setEmail('');
      invitations.reload();
    });
  };

  return (
    <article className="page page--wide">
      <h1>Invitations</h1>
      <p className="lead">
        Invite people to {organization.name} by email. The link in the email is valid for 7 days and
        works only for that address, once it is confirmed.
      </p>
      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        {sentTo !== null && (
          <FormStatus>
            <p>Invitation sent to {sentTo}.</p>
          </FormStatus>
        )}
        <FormAlert error={invite.error} />
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            id="invite-email"
            label="Email"
            type="email"
            autoComplete="off"
            required
            value={email}
            onValue={setEmail}
            errors={invite.fields.email}
          />
          <div className="field">
            <label htmlFor="invite-role" className="field__label">
              Role
            </label>
            <select
              id="invite-role"
              className="field__select"
              value={role}
              onChange={(event) => {
                setRole(event.target.value as Role);
              }}
            >
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton label="Send invitation" busyLabel="Sending…" busy={invite.busy} />
        </form>
      </section>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">Open invitations</h2>
        <FormAlert error={revoke.error ?? invitations.error} />
        {invitations.data === undefined ? (
          <p role="status">Loading invitations…</p>
        ) : invitations.data.length === 0 ? (
          <p>No open invitations.</p>
        ) : (
          <TableScroll label="Invitations table">
            <table className="table" data-testid="invitations">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.data.map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row">{invitation.email}</th>
                    <td>{invitation.role}</td>
                    <td>{formatUnixTime(invitation.created_at)}</td>
                    <td>{formatUnixTime(invitation.expires_at)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={revoke.busy}
                        onClick={() => {
                          void revoke.run(async () => {
                            await organizations.revokeInvitation(organization.id, invitation.id);
                            invitations.reload();
                          });
                        }}
                      >
                        Revoke
                        <span className="visually-hidden"> invitation of {invitation.email}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </article>
  );
}
