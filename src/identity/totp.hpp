// TOTP (RFC 6238): HMAC-SHA-1, 30-second steps, 6 digits, through liboath.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "crypto/bytes.hpp"

namespace finhelm::identity {

inline constexpr unsigned kTotpStepSeconds = 30;
inline constexpr unsigned kTotpDigits = 6;
inline constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits (AUTH-6).

// The code for the step containing `unix_seconds`, `digits` long (6 to 8).
Result<std::string> TotpCode(crypto::ByteSpan secret, std::int64_t unix_seconds,
                             unsigned digits = kTotpDigits);

// The step number of `unix_seconds` (seconds / 30).
std::int64_t TotpStep(std::int64_t unix_seconds);

// The step at which `code` is valid, looking one step either side of now (AUTH-6's skew),
// and only at steps after `last_accepted_step`, so that a code is never accepted twice.
// Compares in constant time. nullopt when the code matches no such step.
std::optional<std::int64_t> MatchTotp(crypto::ByteSpan secret, std::int64_t unix_seconds,
                                      std::string_view code, std::int64_t last_accepted_step);

// RFC 4648 base32 without padding, as authenticator apps expect in otpauth:// URIs.
std::string Base32Encode(crypto::ByteSpan bytes);

// otpauth://totp/FinHelm:EMAIL?secret=...&issuer=FinHelm&algorithm=SHA1&digits=6&period=30
std::string OtpauthUri(std::string_view email, std::string_view base32_secret);

}  // namespace finhelm::identity
