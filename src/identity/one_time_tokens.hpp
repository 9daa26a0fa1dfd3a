// One-time tokens for email verification and password reset (AUTH-3).
//
// A token is 256 random bits, sent to the user once and stored only as its SHA-256. It is
// used at most once and expires (verification after 24 h, reset after 1 h). Issuing a
// reset token voids every older unused reset token of the same user.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/users.hpp"
#include "storage/connection.hpp"

namespace finhelm::identity {

enum class TokenPurpose { kVerifyEmail, kResetPassword };

std::chrono::seconds TokenLifetime(TokenPurpose purpose);

// Stores a new token for `user` and returns it (the only time it exists in clear).
Result<std::string> IssueOneTimeToken(storage::Connection& connection, UserId user,
                                      TokenPurpose purpose, const Clock& clock);

// Marks the token used and returns its user. Fails with kNotFound for a token that is
// unknown, of another purpose, expired or already used: the caller cannot tell which,
// and neither can the client.
Result<UserId> ConsumeOneTimeToken(storage::Connection& connection, std::string_view token,
                                   TokenPurpose purpose, const Clock& clock);

}  // namespace finhelm::identity
