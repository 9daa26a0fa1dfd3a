#include "identity/email_change.hpp"

#include "crypto/hash.hpp"
#include "crypto/random.hpp"
#include "identity/account_mail.hpp"
#include "storage/transaction.hpp"

namespace finhelm::identity {
namespace {

using storage::Sql;

constexpr Sql kUpsertChange =
    "INSERT INTO email_changes (user_id, new_email, token_hash, created_at, expires_at, used_at) "
    "VALUES (?, ?, NULL, ?, ?, NULL) ON CONFLICT (user_id) DO UPDATE SET "
    "new_email = excluded.new_email, token_hash = NULL, created_at = excluded.created_at, "
    "expires_at = excluded.expires_at, used_at = NULL";
constexpr Sql kSelectPending =
    "SELECT new_email FROM email_changes WHERE user_id = ? AND used_at IS NULL AND expires_at > ?";
constexpr Sql kSetToken =
    "UPDATE email_changes SET token_hash = ? WHERE user_id = ? AND used_at IS NULL "
    "AND expires_at > ?";
constexpr Sql kConsume =
    "UPDATE email_changes SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
    "AND expires_at > ? RETURNING user_id, new_email";
constexpr Sql kSwapEmail = "UPDATE users SET email = ?, email_verified_at = ? WHERE id = ?";

}  // namespace

Status RequestEmailChange(storage::Connection& connection, jobs::JobQueue& queue,
                          const Clock& clock, UserId user, std::string_view new_email) {
  auto account = FindUserById(connection, user);
  if (!account.ok()) return account.error();
  if (!account->has_value()) return MakeError(ErrorCode::kNotFound, "no such user");
  if ((*account)->email == new_email) {
    return MakeError(ErrorCode::kInvalidArgument, "that is already your email");
  }
  auto owner = FindUserByEmail(connection, new_email);
  if (!owner.ok()) return owner.error();
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  if (owner->has_value()) {
    // Taken: its owner hears of the attempt, the requester learns nothing (AUTH-4).
    Status queued = EnqueueAccountMail(
        connection, queue, {(*owner)->id, std::nullopt, AccountMailKind::kAlreadyRegistered});
    if (!queued.ok()) return queued;
    return transaction->Commit();
  }
  std::int64_t now = clock.NowUnixSeconds();
  auto stored = connection.Execute(
      kUpsertChange, {user.value, std::string(new_email), now, now + kEmailChangeLifetime.count()});
  if (!stored.ok()) return stored.error();
  for (AccountMailKind kind :
       {AccountMailKind::kConfirmEmailChange, AccountMailKind::kEmailChangeNotice}) {
    if (Status queued = EnqueueAccountMail(connection, queue, {user, std::nullopt, kind});
        !queued.ok()) {
      return queued;
    }
  }
  return transaction->Commit();
}

Result<std::optional<std::string>> PendingEmail(storage::Connection& connection, const Clock& clock,
                                                UserId user) {
  auto row = connection.QueryOptional(kSelectPending, {user.value, clock.NowUnixSeconds()});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<std::string>();
  return std::optional<std::string>((*row)->Text(0));
}

Result<std::optional<PendingEmailChange>> IssueEmailChangeToken(storage::Connection& connection,
                                                                const Clock& clock, UserId user) {
  auto pending = PendingEmail(connection, clock, user);
  if (!pending.ok()) return pending.error();
  if (!pending->has_value()) return std::optional<PendingEmailChange>();
  std::string token = crypto::RandomToken();
  auto stored =
      connection.Execute(kSetToken, {crypto::Sha256Hex(token), user.value, clock.NowUnixSeconds()});
  if (!stored.ok()) return stored.error();
  if (*stored == 0) return std::optional<PendingEmailChange>();
  return std::optional<PendingEmailChange>(PendingEmailChange{**pending, std::move(token)});
}

Result<UserId> ConfirmEmailChange(storage::Connection& connection, const Clock& clock,
                                  std::string_view token) {
  std::int64_t now = clock.NowUnixSeconds();
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  auto row = connection.QueryOptional(kConsume, {now, crypto::Sha256Hex(token), now});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return MakeError(ErrorCode::kNotFound, "no such email change");
  UserId user{(*row)->Int(0)};
  std::string new_email = (*row)->Text(1);
  // Taken since the request: refuse, and leave the token unspent (the transaction rolls
  // back); the change expires on its own.
  auto owner = FindUserByEmail(connection, new_email);
  if (!owner.ok()) return owner.error();
  if (owner->has_value()) {
    return MakeError(ErrorCode::kConflict, "the address belongs to another account now");
  }
  auto swapped = connection.Execute(kSwapEmail, {new_email, now, user.value});
  if (!swapped.ok()) return swapped.error();  // A race to the same address: kConflict.
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return user;
}

}  // namespace finhelm::identity
