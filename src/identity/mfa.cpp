#include "identity/mfa.hpp"

#include <cctype>

#include "crypto/envelope.hpp"
#include "crypto/hash.hpp"
#include "crypto/random.hpp"
#include "identity/account_mail.hpp"
#include "identity/totp.hpp"
#include "storage/org_scope.hpp"
#include "storage/transaction.hpp"

namespace finhelm::identity {
namespace {

using storage::Sql;

constexpr Sql kSelectCredential =
    "SELECT sealed_secret, confirmed_at, last_step FROM totp_credentials WHERE user_id = ?";
constexpr Sql kUpsertCredential =
    "INSERT INTO totp_credentials (user_id, sealed_secret, confirmed_at, last_step, created_at) "
    "VALUES (?, ?, NULL, 0, ?) ON CONFLICT (user_id) DO UPDATE SET "
    "sealed_secret = excluded.sealed_secret, confirmed_at = NULL, last_step = 0, "
    "created_at = excluded.created_at";
constexpr Sql kConfirm =
    "UPDATE totp_credentials SET confirmed_at = ?, last_step = ? WHERE user_id = ?";
// The step only moves forward, so two requests with the same code cannot both pass.
constexpr Sql kAdvanceStep =
    "UPDATE totp_credentials SET last_step = ? WHERE user_id = ? AND last_step < ?";
constexpr Sql kDeleteCredential = "DELETE FROM totp_credentials WHERE user_id = ?";
constexpr Sql kDeleteRecoveryCodes = "DELETE FROM recovery_codes WHERE user_id = ?";
constexpr Sql kInsertRecoveryCode =
    "INSERT INTO recovery_codes (user_id, code_hash, used_at) VALUES (?, ?, NULL)";
constexpr Sql kUseRecoveryCode =
    "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL";

std::string SecretIdentity(UserId user) {
  return crypto::RowIdentity("totp_credentials", "sealed_secret",
                             std::to_string(kInstallationOrganization.value),
                             std::to_string(user.value));
}

std::string NewRecoveryCode() {
  std::string raw = Base32Encode(crypto::RandomBytes(10));  // 16 characters, 80 bits.
  return raw.substr(0, 4) + "-" + raw.substr(4, 4) + "-" + raw.substr(8, 4) + "-" +
         raw.substr(12, 4);
}

}  // namespace

std::string CanonicalRecoveryCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

Result<bool> MfaStore::IsEnrolled(storage::Connection& connection, UserId user) const {
  auto row = connection.QueryOptional(kSelectCredential, {user.value});
  if (!row.ok()) return row.error();
  return row->has_value() && !(*row)->IsNull(1);
}

Result<TotpEnrollment> MfaStore::Begin(storage::Connection& connection, UserId user,
                                       std::string_view email) const {
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  auto existing = connection.QueryOptional(kSelectCredential, {user.value});
  if (!existing.ok()) return existing.error();
  if (existing->has_value() && !(*existing)->IsNull(1)) {
    return MakeError(ErrorCode::kConflict, "a confirmed TOTP factor exists");
  }
  storage::OrgScope installation(connection, kInstallationOrganization);
  auto ring = keys_.LoadOrCreate(installation);
  if (!ring.ok()) return ring.error();
  crypto::SecretBytes secret = crypto::RandomSecretBytes(kTotpSecretBytes);
  std::vector<std::uint8_t> sealed = ring->Seal(secret.bytes(), SecretIdentity(user));
  auto stored = connection.Execute(kUpsertCredential,
                                   {user.value, std::move(sealed), clock_.NowUnixSeconds()});
  if (!stored.ok()) return stored.error();
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  TotpEnrollment enrollment;
  enrollment.secret_base32 = Base32Encode(secret.bytes());
  enrollment.otpauth_uri = OtpauthUri(email, enrollment.secret_base32);
  return enrollment;
}

Result<crypto::SecretBytes> MfaStore::OpenSecret(storage::Connection& connection, UserId user,
                                                 const storage::Blob& sealed) const {
  storage::OrgScope installation(connection, kInstallationOrganization);
  auto ring = keys_.LoadOrCreate(installation);
  if (!ring.ok()) return ring.error();
  return ring->Open(sealed, SecretIdentity(user));
}

Result<std::vector<std::string>> MfaStore::Confirm(storage::Connection& connection, UserId user,
                                                   std::string_view code) const {
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  auto row = connection.QueryOptional(kSelectCredential, {user.value});
  if (!row.ok()) return row.error();
  if (!row->has_value() || !(*row)->IsNull(1)) {
    return MakeError(ErrorCode::kNotFound, "no TOTP enrollment in progress");
  }
  auto secret = OpenSecret(connection, user, (*row)->Bytes(0));
  if (!secret.ok()) return secret.error();
  auto step = MatchTotp(secret->bytes(), clock_.NowUnixSeconds(), code, (*row)->Int(2));
  if (!step) return MakeError(ErrorCode::kInvalidArgument, "the code does not match");
  auto confirmed = connection.Execute(kConfirm, {clock_.NowUnixSeconds(), *step, user.value});
  if (!confirmed.ok()) return confirmed.error();
  auto cleared = connection.Execute(kDeleteRecoveryCodes, {user.value});
  if (!cleared.ok()) return cleared.error();
  std::vector<std::string> codes;
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    codes.push_back(NewRecoveryCode());
    auto inserted = connection.Execute(
        kInsertRecoveryCode, {user.value, crypto::Sha256Hex(CanonicalRecoveryCode(codes.back()))});
    if (!inserted.ok()) return inserted.error();
  }
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return codes;
}

Result<SecondFactor> MfaStore::Verify(storage::Connection& connection, UserId user,
                                      std::string_view code) const {
  auto row = connection.QueryOptional(kSelectCredential, {user.value});
  if (!row.ok()) return row.error();
  if (!row->has_value() || (*row)->IsNull(1)) return SecondFactor::kNone;
  std::string canonical = CanonicalRecoveryCode(code);
  if (canonical.size() == 16) {
    auto used = connection.Execute(
        kUseRecoveryCode, {clock_.NowUnixSeconds(), user.value, crypto::Sha256Hex(canonical)});
    if (!used.ok()) return used.error();
    return *used == 1 ? SecondFactor::kRecoveryCode : SecondFactor::kNone;
  }
  auto secret = OpenSecret(connection, user, (*row)->Bytes(0));
  if (!secret.ok()) return secret.error();
  auto step = MatchTotp(secret->bytes(), clock_.NowUnixSeconds(), code, (*row)->Int(2));
  if (!step) return SecondFactor::kNone;
  auto advanced = connection.Execute(kAdvanceStep, {*step, user.value, *step});
  if (!advanced.ok()) return advanced.error();
  return *advanced == 1 ? SecondFactor::kTotp : SecondFactor::kNone;
}

Status RemoveSecondFactor(storage::Connection& connection, UserId user) {
  auto removed = connection.Execute(kDeleteCredential, {user.value});
  if (!removed.ok()) return removed.error();
  auto cleared = connection.Execute(kDeleteRecoveryCodes, {user.value});
  if (!cleared.ok()) return cleared.error();
  return Status::Ok();
}

Status MfaStore::Remove(storage::Connection& connection, UserId user) const {
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  if (Status removed = RemoveSecondFactor(connection, user); !removed.ok()) return removed;
  return transaction->Commit();
}

}  // namespace finhelm::identity
