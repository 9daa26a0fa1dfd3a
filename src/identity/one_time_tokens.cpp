#include "identity/one_time_tokens.hpp"

#include "crypto/hash.hpp"
#include "crypto/random.hpp"

namespace finhelm::identity {
namespace {

using storage::Sql;

constexpr Sql kInsertToken =
    "INSERT INTO one_time_tokens (token_hash, user_id, purpose, created_at, expires_at) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr Sql kVoidOlder =
    "UPDATE one_time_tokens SET used_at = ? "
    "WHERE user_id = ? AND purpose = ? AND used_at IS NULL";
// The update is the check: a token counts only if this statement changed its row, so two
// concurrent uses cannot both succeed.
constexpr Sql kConsume =
    "UPDATE one_time_tokens SET used_at = ? "
    "WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? "
    "RETURNING user_id";

std::string_view PurposeName(TokenPurpose purpose) {
  return purpose == TokenPurpose::kVerifyEmail ? "verify_email" : "reset_password";
}

}  // namespace

std::chrono::seconds TokenLifetime(TokenPurpose purpose) {
  return purpose == TokenPurpose::kVerifyEmail ? std::chrono::hours(24) : std::chrono::hours(1);
}

Result<std::string> IssueOneTimeToken(storage::Connection& connection, UserId user,
                                      TokenPurpose purpose, const Clock& clock) {
  std::int64_t now = clock.NowUnixSeconds();
  if (purpose == TokenPurpose::kResetPassword) {
    auto voided = connection.Execute(kVoidOlder, {now, user.value, PurposeName(purpose)});
    if (!voided.ok()) return voided.error();
  }
  std::string token = crypto::RandomToken();
  auto inserted =
      connection.Execute(kInsertToken, {crypto::Sha256Hex(token), user.value, PurposeName(purpose),
                                        now, now + TokenLifetime(purpose).count()});
  if (!inserted.ok()) return inserted.error();
  return token;
}

Result<UserId> ConsumeOneTimeToken(storage::Connection& connection, std::string_view token,
                                   TokenPurpose purpose, const Clock& clock) {
  std::int64_t now = clock.NowUnixSeconds();
  auto row = connection.QueryOptional(kConsume,
                                      {now, crypto::Sha256Hex(token), PurposeName(purpose), now});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return MakeError(ErrorCode::kNotFound, "token not usable");
  return UserId{(*row)->Int(0)};
}

}  // namespace finhelm::identity
