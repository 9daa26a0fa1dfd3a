// Changing a user's email (issue #3): the new address is confirmed before it counts.
//
// RequestEmailChange records the pending address and queues two messages: a link to the
// new address, and a notice to the old one, so that a stolen session cannot move an
// account away silently. When the new address already belongs to an account, nothing is
// recorded and that account's owner is told instead; the requester gets the same answer
// either way (AUTH-4). The route in front of this needs a recent re-authentication
// (AUTH-8). ConfirmEmailChange swaps the address in one transaction, marking it verified.
#pragma once

#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/users.hpp"
#include "jobs/job_queue.hpp"
#include "storage/connection.hpp"

namespace finhelm::identity {

inline constexpr std::chrono::seconds kEmailChangeLifetime{24 * 3600};

// `new_email` must be normalized. kInvalidArgument when it is the current address.
Status RequestEmailChange(storage::Connection& connection, jobs::JobQueue& queue,
                          const Clock& clock, UserId user, std::string_view new_email);

// Makes the token of the user's pending change (for the mail job) and returns it with the
// new address; nullopt when no change is pending any more.
struct PendingEmailChange {
  std::string new_email;
  std::string token;
};
Result<std::optional<PendingEmailChange>> IssueEmailChangeToken(storage::Connection& connection,
                                                                const Clock& clock, UserId user);

// The pending address of `user`, if any (for the notice to the old address).
Result<std::optional<std::string>> PendingEmail(storage::Connection& connection, const Clock& clock,
                                                UserId user);

// Applies the change the token names and returns its user. kNotFound for a token that is
// unknown, used or expired; kConflict when the address was taken in the meantime.
Result<UserId> ConfirmEmailChange(storage::Connection& connection, const Clock& clock,
                                  std::string_view token);

}  // namespace finhelm::identity
