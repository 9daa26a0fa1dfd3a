// Deleting a user or an organization (DATA-6); the routes in front of both need a
// password proven within the last five minutes (AUTH-8).
//
// A user is deleted with everything that is theirs: sessions, second factor, tokens,
// pending email change and memberships go with the row (ON DELETE CASCADE); what they
// made for an organization (invitations, service clients) stays, without their name. A
// user who is the last admin of an organization cannot be deleted until another admin
// exists or the organization is deleted, so no organization is left unmanageable.
//
// An organization is deleted in one transaction: its memberships, invitations, service
// clients, queued jobs and data keys are removed (removing the keys makes every secret
// sealed under them unreadable, wherever a copy may sit), and its row stays as a
// tombstone for its audit events, which are append-only and chained (AUD-2) until
// retention purges them. From the next request on it answers 404 to everyone.
#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/users.hpp"
#include "storage/connection.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::identity {

// The organizations `user` is the only admin of.
Result<std::vector<OrganizationId>> OrganizationsOnlyAdministeredBy(storage::Connection& connection,
                                                                    UserId user);

// kConflict when the user is the only admin of an organization.
Status DeleteUser(storage::Connection& connection, UserId user);

// kNotFound when the organization does not exist (any more).
Status DeleteOrganization(storage::OrgScope& scope, const Clock& clock);

}  // namespace finhelm::identity
