// JSON Web Tokens for machine clients (AUTH-7): compact JWS (RFC 7515) signed with
// Ed25519 (RFC 8037), carrying the claims of RFC 7519 and RFC 9068.
//
// One algorithm exists here, EdDSA; there is no "none", no HMAC, and the key is never
// taken from the token itself (no `jwk`, `jku` or `x5u`): the `kid` names one of
// FinHelm's own keys, or the token is refused. Verification goes in a fixed order --
// shape, header, key, signature, then claims -- so that nothing in an unsigned payload
// is acted on. Every parser here sees attacker bytes and has a fuzz target.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "crypto/ed25519.hpp"

namespace finhelm::identity {

// Longer tokens are refused before any decoding.
inline constexpr std::size_t kMaxJwtLength = 4096;
// The media type of the tokens FinHelm issues (RFC 9068 section 2.1).
inline constexpr std::string_view kAccessTokenType = "at+jwt";

// The three parts of a compact JWS, decoded, before any verification.
struct CompactJws {
  std::string header_json;
  std::string payload;
  std::string signing_input;  // The first two parts as sent, joined by '.'.
  std::vector<std::uint8_t> signature;
};

// Splits and decodes; kInvalidArgument unless there are exactly three non-empty-header
// base64url parts within kMaxJwtLength.
Result<CompactJws> ParseCompactJws(std::string_view token);

// The compact JWS of `payload` under a protected header given as JSON text.
std::string SignCompactJws(std::string_view header_json, std::string_view payload,
                           const crypto::Ed25519KeyPair& key);

// True when the JWS verifies under `public_key`; the header is not looked at.
bool VerifyCompactJws(const CompactJws& jws, crypto::ByteSpan public_key);

struct AccessTokenClaims {
  std::string issuer;
  std::string audience;
  std::string subject;   // The service client's id.
  std::string token_id;  // jti
  std::string scope;     // Space-separated (RFC 8693 section 4.2).
  std::int64_t organization = 0;
  std::int64_t issued_at = 0;
  std::int64_t not_before = 0;
  std::int64_t expires_at = 0;
};

// A signed access token: header {alg: EdDSA, typ: at+jwt, kid}.
std::string SignAccessToken(const AccessTokenClaims& claims, std::string_view kid,
                            const crypto::Ed25519KeyPair& key);

// Why a token was refused, for the log and the tests; clients only ever see
// `invalid_token`.
enum class JwtRejection {
  kMalformed,   // Not three base64url parts of JSON objects, or a claim of the wrong type.
  kAlgorithm,   // `alg` other than EdDSA.
  kType,        // `typ` other than at+jwt.
  kCritical,    // A `crit` header: extensions this verifier does not implement.
  kUnknownKey,  // No `kid`, or none of ours.
  kSignature,   // The signature does not verify.
  kIssuer,
  kAudience,
  kExpired,       // Past `exp`, beyond the allowed skew.
  kNotYetValid,   // Before `nbf` or `iat`, beyond the allowed skew.
  kLifetime,      // `exp` more than the maximum lifetime after `iat`.
  kMissingClaim,  // No exp, iat, sub, org or scope.
};
std::string_view JwtRejectionName(JwtRejection rejection);

struct AccessTokenRules {
  std::string issuer;
  std::string audience;
  std::int64_t now = 0;  // Unix seconds.
  std::chrono::seconds max_lifetime{15 * 60};
  std::chrono::seconds skew{60};
};

// The public key of `kid`, or nullopt when FinHelm has no such key.
using JwtKeyLookup = std::function<std::optional<crypto::Ed25519PublicKey>(std::string_view kid)>;

struct AccessTokenCheck {
  std::optional<AccessTokenClaims> claims;  // Set only when every check passed.
  JwtRejection rejection = JwtRejection::kMalformed;
  bool ok() const { return claims.has_value(); }
};

AccessTokenCheck VerifyAccessToken(std::string_view token, const JwtKeyLookup& keys,
                                   const AccessTokenRules& rules);

}  // namespace finhelm::identity
