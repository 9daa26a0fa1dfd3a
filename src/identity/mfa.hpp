// MfaStore: TOTP enrollment, verification and recovery codes (AUTH-6).
//
// Enrollment is two steps: Begin stores a fresh 160-bit secret, sealed under the
// installation's data key (DATA-2), and returns it once for the authenticator app;
// Confirm checks a first code and returns the 10 recovery codes, the only time they exist
// in clear. Until confirmed, the factor does not count and Begin may replace it. A code is
// accepted once: the step it matched is stored and only later steps match afterwards.
// A recovery code (16 base32 characters, 80 bits) works once and is stored as its SHA-256.
//
// Thread-safe: holds references only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/users.hpp"
#include "secrets/data_key_store.hpp"
#include "storage/connection.hpp"

namespace finhelm::identity {

inline constexpr int kRecoveryCodeCount = 10;

struct TotpEnrollment {
  std::string secret_base32;
  std::string otpauth_uri;
};

enum class SecondFactor { kNone, kTotp, kRecoveryCode };

class MfaStore {
 public:
  MfaStore(const secrets::DataKeyStore& keys, const Clock& clock) : keys_(keys), clock_(clock) {}

  // True once the user has confirmed a TOTP factor.
  Result<bool> IsEnrolled(storage::Connection& connection, UserId user) const;

  // Starts (or restarts) enrollment. kConflict when a confirmed factor exists.
  Result<TotpEnrollment> Begin(storage::Connection& connection, UserId user,
                               std::string_view email) const;

  // Confirms enrollment with a current code and returns fresh recovery codes.
  // kInvalidArgument for a wrong code, kNotFound when no enrollment was begun.
  Result<std::vector<std::string>> Confirm(storage::Connection& connection, UserId user,
                                           std::string_view code) const;

  // Checks a TOTP code or a recovery code of a confirmed factor and uses it up.
  Result<SecondFactor> Verify(storage::Connection& connection, UserId user,
                              std::string_view code) const;

  // Removes the factor and its recovery codes.
  Status Remove(storage::Connection& connection, UserId user) const;

 private:
  Result<crypto::SecretBytes> OpenSecret(storage::Connection& connection, UserId user,
                                         const storage::Blob& sealed) const;

  const secrets::DataKeyStore& keys_;
  const Clock& clock_;
};

// Deletes the user's TOTP factor and recovery codes on `connection`, inside the caller's
// transaction (for operators: `finhelm admin reset-mfa`).
Status RemoveSecondFactor(storage::Connection& connection, UserId user);

// "ABCD-EFGH-IJKL-MNOP" and "abcdefghijklmnop" are the same code: upper case, no dashes
// or spaces.
std::string CanonicalRecoveryCode(std::string_view code);

}  // namespace finhelm::identity
