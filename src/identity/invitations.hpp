// Invitations and members of an organization (issue #3).
//
// An admin invites an email with a role; a durable job emails the link. The invited
// person accepts while signed in with that same, verified email; the token works once,
// within 7 days, unless revoked. Member changes keep at least one admin, and end the
// member's sessions (SESS-3, SESS-4), so that the new role is all they hold from their
// next sign-in on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/permission.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "jobs/job_queue.hpp"
#include "jobs/job_registry.hpp"
#include "mail/mail_message.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::identity {

inline constexpr std::chrono::hours kInvitationLifetime{24 * 7};

struct Invitation {
  std::string id;
  std::string email;
  access::Role role = access::Role::kViewer;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};

struct Member {
  UserId user;
  std::string email;
  std::string name;
  access::Role role = access::Role::kViewer;
  std::int64_t joined_at = 0;
};

// Stores an invitation and queues its email, in one transaction. kConflict when the email
// already belongs to a member.
Result<Invitation> Invite(storage::Connection& connection, OrganizationId organization,
                          std::string_view normalized_email, access::Role role, UserId invited_by,
                          jobs::JobQueue& jobs, const Clock& clock);

// Open invitations (neither accepted, revoked nor expired), newest first.
Result<std::vector<Invitation>> ListInvitations(storage::OrgScope& scope, const Clock& clock);

// kNotFound when no open invitation has this id in the organization.
Status RevokeInvitation(storage::OrgScope& scope, std::string_view id, const Clock& clock);

// Makes `user` a member with the invitation's role. kNotFound for a token that is
// unknown, used, revoked or expired; kPermissionDenied when the user's verified email is
// not the invited one; kConflict when already a member. Returns the organization.
Result<OrganizationId> AcceptInvitation(storage::Connection& connection, std::string_view token,
                                        UserId user, const Clock& clock);

Result<std::vector<Member>> ListMembers(storage::OrgScope& scope);

// kNotFound for a non-member; kConflict when it would leave the organization without an
// admin. The member's sessions end.
Status ChangeRole(storage::OrgScope& scope, SessionStore& sessions, UserId user, access::Role role);
Status RemoveMember(storage::OrgScope& scope, SessionStore& sessions, UserId user);

// The job that emails an invitation link. The token is made when the job runs and only
// its hash is stored; a retry makes a new one, voiding the first.
struct InvitationMail {
  std::string invitation_id;
};
std::string EncodeInvitationMail(const InvitationMail& mail);
Result<InvitationMail> DecodeInvitationMail(std::string_view json);
inline constexpr jobs::JobKind<InvitationMail> kInvitationMailJob{
    "mail.invitation", EncodeInvitationMail, DecodeInvitationMail};

Status RegisterInvitationMailJob(jobs::JobRegistry& registry, storage::Database& database,
                                 const Clock& clock, mail::MailTransport& transport,
                                 std::string public_url);

}  // namespace finhelm::identity
