import { organizations } from '../../api/organizations';
import type { Role } from '../../api/types';
import { TableScroll } from '../../components/TableScroll';
import { AdminOnly } from '../../components/AdminOnly';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormAlert } from '../../components/forms/FormAlert';
import { useSubmit } from '../../components/forms/useSubmit';
import { formatUnixTime } from '../../components/time';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { useOrganization } from '../../session/OrganizationContext';
import { useMe } from '../../session/SessionContext';
import { RoleEditor } from './RoleEditor';
import '../../components/forms/forms.css';

export function MembersPage() {
  return (
    <AdminOnly title="Members">
      <MemberList />
    </AdminOnly>
  );
}

function MemberList() {
  const organization = useOrganization();
  const me = useMe();
  const members = useOrganizationResource('members', organizations.members);
  const submission = useSubmit();

  const changeRole = (user: number, role: Role) => {
    void submission.run(async () => {
      await organizations.changeRole(organization.id, user, role);
      members.reload();
    });
  };
  const remove = (user: number) => {
    void submission.run(async () => {
      await organizations.removeMember(organization.id, user);
      members.reload();
    });
  };

  return (
    <article className="page page--wide">
      <h1>Members</h1>
      <p className="lead">
        People in {organization.name}. A role change or removal ends that member&apos;s sessions;
        the last admin cannot be demoted or removed.
      </p>
      <FormAlert error={submission.error ?? members.error} />
      {members.data === undefined ? (
        <p role="status">Loading members…</p>
      ) : (
        <TableScroll label="Members">
          <table className="table" data-testid="members">
            <caption>{members.data.length} members</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Joined</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => {
                const self = member.user_id === me.user.id;
                const roleId = `role-${String(member.user_id)}`;
                return (
                  <tr key={member.user_id}>
                    <th scope="row">
                      {member.name}
                      {self && ' (you)'}
                    </th>
                    <td>{member.email}</td>
                    <td>{formatUnixTime(member.joined_at)}</td>
                    <td>
                      <RoleEditor
                        key={member.role}
                        id={roleId}
                        memberName={member.name}
                        role={member.role}
                        disabled={submission.busy}
                        onChange={(role) => {
                          changeRole(member.user_id, role);
                        }}
                      />
                    </td>
                    <td>
                      <ConfirmButton
                        label="Remove"
                        target={member.name}
                        question={`Remove ${member.name} from ${organization.name}?`}
                        confirmLabel="Confirm removal"
                        disabled={submission.busy}
                        onConfirm={() => {
                          remove(member.user_id);
                        }}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </article>
  );
}
