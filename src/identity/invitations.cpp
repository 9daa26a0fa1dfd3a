#include "identity/invitations.hpp"

#include <nlohmann/json.hpp>

#include "crypto/hash.hpp"
#include "crypto/random.hpp"
#include "identity/memberships.hpp"
#include "jobs/job_context.hpp"
#include "mail/mail_templates.hpp"
#include "storage/database.hpp"
#include "storage/organizations.hpp"
#include "storage/transaction.hpp"

namespace finhelm::identity {
namespace {

using storage::Row;
using storage::Sql;

constexpr Sql kInsertInvitation =
    "INSERT INTO invitations (id, organization_id, email, role, invited_by, created_at, "
    "expires_at) VALUES (?, :org_id, ?, ?, ?, ?, ?)";
constexpr Sql kSelectOpen =
    "SELECT id, email, role, created_at, expires_at FROM invitations "
    "WHERE organization_id = :org_id AND accepted_at IS NULL AND revoked_at IS NULL "
    "AND expires_at > ? ORDER BY created_at DESC, id";
constexpr Sql kSelectOpenById =
    "SELECT id, email, role, created_at, expires_at FROM invitations "
    "WHERE organization_id = :org_id AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL "
    "AND expires_at > ?";
constexpr Sql kRevoke =
    "UPDATE invitations SET revoked_at = ? WHERE organization_id = :org_id AND id = ? "
    "AND accepted_at IS NULL AND revoked_at IS NULL";
constexpr Sql kSetToken =
    "UPDATE invitations SET token_hash = ? WHERE organization_id = :org_id AND id = ?";
// Accepting looks the token up across organizations: the token is what names the
// organization, and its hash matches exactly one row.
constexpr Sql kAccept = Sql::CrossTenant(
    "UPDATE invitations SET accepted_at = ? WHERE token_hash = ? AND accepted_at IS NULL "
    "AND revoked_at IS NULL AND expires_at > ? RETURNING organization_id, email, role");
constexpr Sql kSelectMemberEmail =
    "SELECT u.id FROM memberships m JOIN users u ON u.id = m.user_id "
    "WHERE m.organization_id = :org_id AND u.email = ?";
constexpr Sql kSelectMembers =
    "SELECT u.id, u.email, u.name, m.role, m.created_at FROM memberships m "
    "JOIN users u ON u.id = m.user_id WHERE m.organization_id = :org_id ORDER BY u.name, u.id";
constexpr Sql kCountOtherAdmins =
    "SELECT COUNT(*) FROM memberships WHERE organization_id = :org_id AND role = 'admin' "
    "AND user_id <> ?";
constexpr Sql kUpdateRole =
    "UPDATE memberships SET role = ? WHERE organization_id = :org_id AND user_id = ?";
constexpr Sql kDeleteMember =
    "DELETE FROM memberships WHERE organization_id = :org_id AND user_id = ?";

Invitation InvitationFromRow(const Row& row) {
  return {row.Text(0), row.Text(1), access::ParseRole(row.Text(2)).value_or(access::Role::kViewer),
          row.Int(3), row.Int(4)};
}

// Refuses a change to `user` that would leave no admin.
Status KeepAnAdmin(storage::OrgScope& scope, UserId user, std::optional<access::Role> new_role) {
  auto current = RoleOf(scope, user);
  if (!current.ok()) return current.error();
  if (!current->has_value()) return MakeError(ErrorCode::kNotFound, "not a member");
  if (**current != access::Role::kAdmin || new_role == access::Role::kAdmin) return Status::Ok();
  auto others = scope.QueryOptional(kCountOtherAdmins, {user.value});
  if (!others.ok()) return others.error();
  if ((*others)->Int(0) == 0) {
    return MakeError(ErrorCode::kConflict, "an organization keeps at least one admin");
  }
  return Status::Ok();
}

}  // namespace

Result<Invitation> Invite(storage::Connection& connection, OrganizationId organization,
                          std::string_view normalized_email, access::Role role, UserId invited_by,
                          jobs::JobQueue& jobs, const Clock& clock) {
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  storage::OrgScope scope(connection, organization);
  auto member = scope.QueryOptional(kSelectMemberEmail, {normalized_email});
  if (!member.ok()) return member.error();
  if (member->has_value()) return MakeError(ErrorCode::kConflict, "already a member");
  std::int64_t now = clock.NowUnixSeconds();
  Invitation invitation{crypto::RandomId128Hex(), std::string(normalized_email), role, now,
                        now + std::chrono::seconds(kInvitationLifetime).count()};
  auto inserted = scope.Execute(
      kInsertInvitation, {invitation.id, invitation.email, access::RoleName(role), invited_by.value,
                          invitation.created_at, invitation.expires_at});
  if (!inserted.ok()) return inserted.error();
  auto queued = jobs.Enqueue(scope, kInvitationMailJob, InvitationMail{invitation.id});
  if (!queued.ok()) return queued.error();
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return invitation;
}

Result<std::vector<Invitation>> ListInvitations(storage::OrgScope& scope, const Clock& clock) {
  auto rows = scope.Query(kSelectOpen, {clock.NowUnixSeconds()});
  if (!rows.ok()) return rows.error();
  std::vector<Invitation> invitations;
  for (const Row& row : *rows) invitations.push_back(InvitationFromRow(row));
  return invitations;
}

Status RevokeInvitation(storage::OrgScope& scope, std::string_view id, const Clock& clock) {
  auto revoked = scope.Execute(kRevoke, {clock.NowUnixSeconds(), id});
  if (!revoked.ok()) return revoked.error();
  if (*revoked == 0) return MakeError(ErrorCode::kNotFound, "no open invitation");
  return Status::Ok();
}

Result<OrganizationId> AcceptInvitation(storage::Connection& connection, std::string_view token,
                                        UserId user, const Clock& clock) {
  auto account = FindUserById(connection, user);
  if (!account.ok()) return account.error();
  if (!account->has_value()) return MakeError(ErrorCode::kNotFound, "no such user");
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  std::int64_t now = clock.NowUnixSeconds();
  auto row = connection.QueryOptional(kAccept, {now, crypto::Sha256Hex(token), now});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return MakeError(ErrorCode::kNotFound, "invitation not usable");
  // Rolled back on refusal, so the invitation stays open for the right person.
  if (!(*account)->email_verified() || (*account)->email != (*row)->Text(1)) {
    return MakeError(ErrorCode::kPermissionDenied, "invitation is for another email");
  }
  OrganizationId organization{(*row)->Int(0)};
  storage::OrgScope scope(connection, organization);
  auto role = access::ParseRole((*row)->Text(2)).value_or(access::Role::kViewer);
  if (Status added = AddMember(scope, user, role, clock); !added.ok()) return added.error();
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return organization;
}

Result<std::vector<Member>> ListMembers(storage::OrgScope& scope) {
  auto rows = scope.Query(kSelectMembers);
  if (!rows.ok()) return rows.error();
  std::vector<Member> members;
  for (const Row& row : *rows) {
    members.push_back({UserId{row.Int(0)}, row.Text(1), row.Text(2),
                       access::ParseRole(row.Text(3)).value_or(access::Role::kViewer), row.Int(4)});
  }
  return members;
}

Status ChangeRole(storage::OrgScope& scope, SessionStore& sessions, UserId user,
                  access::Role role) {
  if (Status kept = KeepAnAdmin(scope, user, role); !kept.ok()) return kept;
  auto updated = scope.Execute(kUpdateRole, {access::RoleName(role), user.value});
  if (!updated.ok()) return updated.error();
  return sessions.DestroyAllOf(scope.connection(), user);
}

Status RemoveMember(storage::OrgScope& scope, SessionStore& sessions, UserId user) {
  if (Status kept = KeepAnAdmin(scope, user, std::nullopt); !kept.ok()) return kept;
  auto deleted = scope.Execute(kDeleteMember, {user.value});
  if (!deleted.ok()) return deleted.error();
  return sessions.DestroyAllOf(scope.connection(), user);
}

std::string EncodeInvitationMail(const InvitationMail& mail) {
  return nlohmann::json{{"invitation_id", mail.invitation_id}}.dump();
}

Result<InvitationMail> DecodeInvitationMail(std::string_view json) {
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_object() || !parsed.contains("invitation_id") ||
      !parsed["invitation_id"].is_string()) {
    return MakeError(ErrorCode::kInvalidArgument, "malformed invitation mail payload");
  }
  return InvitationMail{parsed["invitation_id"].get<std::string>()};
}

Status RegisterInvitationMailJob(jobs::JobRegistry& registry, storage::Database& database,
                                 const Clock& clock, mail::MailTransport& transport,
                                 std::string public_url) {
  return registry.Register<InvitationMail>(
      kInvitationMailJob,
      [&database, &clock, &transport, public_url = std::move(public_url)](
          jobs::JobContext& context, const InvitationMail& mail) -> Status {
        auto connection = database.Acquire();
        if (!connection.ok()) return connection.error();
        storage::OrgScope scope(**connection, context.organization());
        auto row =
            scope.QueryOptional(kSelectOpenById, {mail.invitation_id, clock.NowUnixSeconds()});
        if (!row.ok()) return row.error();
        if (!row->has_value()) return context.Complete({});  // Accepted, revoked or expired.
        Invitation invitation = InvitationFromRow(**row);
        auto organization = storage::FindOrganization(**connection, context.organization());
        if (!organization.ok()) return organization.error();
        std::string name = organization->has_value() ? (*organization)->name : "an organization";
        std::string token = crypto::RandomToken();
        auto stored = scope.Execute(kSetToken, {crypto::Sha256Hex(token), invitation.id});
        if (!stored.ok()) return stored.error();
        Status sent = transport.Send(
            mail::InvitationMail(invitation.email, name, access::RoleName(invitation.role),
                                 public_url + "/invitations/accept#token=" + token));
        if (!sent.ok()) return sent;
        return context.Complete({});
      });
}

}  // namespace finhelm::identity
