#include "identity/jwt.hpp"

#include <nlohmann/json.hpp>

#include "crypto/encoding.hpp"
#include "json/strict_json.hpp"

namespace finhelm::identity {
namespace {

using nlohmann::json;

// Headers and claims are flat: an object holding a list (aud) at most.
constexpr int kMaxJsonDepth = 3;

std::string Encode(std::string_view text) { return crypto::Base64UrlEncode(crypto::AsBytes(text)); }

Result<std::string> DecodePart(std::string_view part) {
  auto bytes = crypto::Base64UrlDecode(part);
  if (!bytes.ok()) return bytes.error();
  return std::string(bytes->begin(), bytes->end());
}

std::shared_ptr<const json> ParseObject(std::string_view text) {
  std::string problem;
  auto document = ParseOutsideJson(text, problem, kMaxJsonDepth);
  if (!document || !document->is_object()) return nullptr;
  return document;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// An integer NumericDate; fractions and out-of-range numbers are refused, not rounded.
std::optional<std::int64_t> IntegerClaim(const json& claims, const char* name) {
  auto found = claims.find(name);
  if (found == claims.end() || !found->is_number_integer()) return std::nullopt;
  return found->get<std::int64_t>();
}

std::optional<std::string> TextClaim(const json& claims, const char* name) {
  auto found = claims.find(name);
  if (found == claims.end() || !found->is_string()) return std::nullopt;
  return found->get<std::string>();
}

bool HasWrongType(const json& claims, const char* name, bool (json::*is_type)() const noexcept) {
  auto found = claims.find(name);
  return found != claims.end() && !((*found).*is_type)();
}

// RFC 7519 section 4.1.3: a single string or a list, which must name us.
bool AudienceMatches(const json& claims, std::string_view audience) {
  auto found = claims.find("aud");
  if (found == claims.end()) return false;
  if (found->is_string()) return found->get<std::string>() == audience;
  if (!found->is_array()) return false;
  for (const json& entry : *found) {
    if (entry.is_string() && entry.get<std::string>() == audience) return true;
  }
  return false;
}

AccessTokenCheck Refuse(JwtRejection rejection) { return {std::nullopt, rejection}; }

AccessTokenCheck CheckClaims(const json& claims, const AccessTokenRules& rules) {
  if (HasWrongType(claims, "iss", &json::is_string) ||
      HasWrongType(claims, "sub", &json::is_string) ||
      HasWrongType(claims, "jti", &json::is_string) ||
      HasWrongType(claims, "scope", &json::is_string) ||
      HasWrongType(claims, "exp", &json::is_number_integer) ||
      HasWrongType(claims, "iat", &json::is_number_integer) ||
      HasWrongType(claims, "nbf", &json::is_number_integer) ||
      HasWrongType(claims, "org", &json::is_number_integer)) {
    return Refuse(JwtRejection::kMalformed);
  }
  if (TextClaim(claims, "iss") != rules.issuer) return Refuse(JwtRejection::kIssuer);
  if (!AudienceMatches(claims, rules.audience)) return Refuse(JwtRejection::kAudience);

  auto expires = IntegerClaim(claims, "exp");
  auto issued = IntegerClaim(claims, "iat");
  auto subject = TextClaim(claims, "sub");
  auto organization = IntegerClaim(claims, "org");
  auto scope = TextClaim(claims, "scope");
  if (!expires || !issued || !subject || subject->empty() || !organization || *organization <= 0 ||
      !scope) {
    return Refuse(JwtRejection::kMissingClaim);
  }
  const std::int64_t skew = rules.skew.count();
  // Compared as differences of values that fit easily: NumericDates far outside any
  // real time are refused before any arithmetic could overflow.
  constexpr std::int64_t kFarFuture = std::int64_t{1} << 40;
  if (*expires < 0 || *expires > kFarFuture || *issued < 0 || *issued > kFarFuture) {
    return Refuse(JwtRejection::kMalformed);
  }
  if (*expires - *issued > rules.max_lifetime.count()) return Refuse(JwtRejection::kLifetime);
  if (rules.now >= *expires + skew) return Refuse(JwtRejection::kExpired);
  if (*issued > rules.now + skew) return Refuse(JwtRejection::kNotYetValid);
  auto not_before = IntegerClaim(claims, "nbf");
  if (not_before && (*not_before < 0 || *not_before > kFarFuture)) {
    return Refuse(JwtRejection::kMalformed);
  }
  if (not_before && *not_before > rules.now + skew) return Refuse(JwtRejection::kNotYetValid);

  AccessTokenClaims verified;
  verified.issuer = rules.issuer;
  verified.audience = rules.audience;
  verified.subject = *subject;
  verified.token_id = TextClaim(claims, "jti").value_or("");
  verified.scope = *scope;
  verified.organization = *organization;
  verified.issued_at = *issued;
  verified.not_before = not_before.value_or(*issued);
  verified.expires_at = *expires;
  return {std::move(verified), JwtRejection::kMalformed};
}

}  // namespace

Result<CompactJws> ParseCompactJws(std::string_view token) {
  if (token.size() > kMaxJwtLength) {
    return MakeError(ErrorCode::kInvalidArgument, "token too long");
  }
  auto first = token.find('.');
  auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return MakeError(ErrorCode::kInvalidArgument, "not three parts");
  }
  std::string_view header = token.substr(0, first);
  std::string_view payload = token.substr(first + 1, second - first - 1);
  std::string_view signature = token.substr(second + 1);
  if (header.empty() || signature.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "empty header or signature");
  }
  CompactJws jws;
  auto header_json = DecodePart(header);
  if (!header_json.ok()) return header_json.error();
  auto payload_text = DecodePart(payload);
  if (!payload_text.ok()) return payload_text.error();
  auto signature_bytes = crypto::Base64UrlDecode(signature);
  if (!signature_bytes.ok()) return signature_bytes.error();
  jws.header_json = std::move(*header_json);
  jws.payload = std::move(*payload_text);
  jws.signing_input = std::string(token.substr(0, second));
  jws.signature = std::move(*signature_bytes);
  return jws;
}

std::string SignCompactJws(std::string_view header_json, std::string_view payload,
                           const crypto::Ed25519KeyPair& key) {
  std::string signing_input = Encode(header_json) + "." + Encode(payload);
  crypto::Ed25519Signature signature = key.Sign(crypto::AsBytes(signing_input));
  return signing_input + "." + crypto::Base64UrlEncode(signature);
}

bool VerifyCompactJws(const CompactJws& jws, crypto::ByteSpan public_key) {
  return crypto::Ed25519Verify(public_key, crypto::AsBytes(jws.signing_input), jws.signature);
}

std::string SignAccessToken(const AccessTokenClaims& claims, std::string_view kid,
                            const crypto::Ed25519KeyPair& key) {
  json header = {{"alg", "EdDSA"}, {"typ", kAccessTokenType}, {"kid", kid}};
  json payload = {{"iss", claims.issuer},       {"aud", claims.audience},
                  {"sub", claims.subject},      {"client_id", claims.subject},
                  {"jti", claims.token_id},     {"scope", claims.scope},
                  {"org", claims.organization}, {"iat", claims.issued_at},
                  {"nbf", claims.not_before},   {"exp", claims.expires_at}};
  return SignCompactJws(header.dump(), payload.dump(), key);
}

std::string_view JwtRejectionName(JwtRejection rejection) {
  switch (rejection) {
    case JwtRejection::kMalformed:
      return "malformed";
    case JwtRejection::kAlgorithm:
      return "algorithm";
    case JwtRejection::kType:
      return "type";
    case JwtRejection::kCritical:
      return "critical_header";
    case JwtRejection::kUnknownKey:
      return "unknown_key";
    case JwtRejection::kSignature:
      return "signature";
    case JwtRejection::kIssuer:
      return "issuer";
    case JwtRejection::kAudience:
      return "audience";
    case JwtRejection::kExpired:
      return "expired";
    case JwtRejection::kNotYetValid:
      return "not_yet_valid";
    case JwtRejection::kLifetime:
      return "lifetime";
    case JwtRejection::kMissingClaim:
      return "missing_claim";
  }
  return "unknown";
}

AccessTokenCheck VerifyAccessToken(std::string_view token, const JwtKeyLookup& keys,
                                   const AccessTokenRules& rules) {
  auto jws = ParseCompactJws(token);
  if (!jws.ok()) return Refuse(JwtRejection::kMalformed);
  auto header = ParseObject(jws->header_json);
  if (!header) return Refuse(JwtRejection::kMalformed);
  // RFC 8725 section 3.1: the algorithm is ours to decide, never the token's.
  auto alg = header->find("alg");
  if (alg == header->end() || !alg->is_string() || alg->get<std::string>() != "EdDSA") {
    return Refuse(JwtRejection::kAlgorithm);
  }
  // RFC 8725 section 3.11: explicit typing keeps other JWTs from passing as access tokens.
  auto typ = header->find("typ");
  if (typ == header->end() || !typ->is_string() ||
      !(EqualsIgnoringCase(typ->get<std::string>(), kAccessTokenType) ||
        EqualsIgnoringCase(typ->get<std::string>(), "application/at+jwt"))) {
    return Refuse(JwtRejection::kType);
  }
  if (header->contains("crit")) return Refuse(JwtRejection::kCritical);
  auto kid = header->find("kid");
  if (kid == header->end() || !kid->is_string()) return Refuse(JwtRejection::kUnknownKey);
  auto public_key = keys(kid->get<std::string>());
  if (!public_key) return Refuse(JwtRejection::kUnknownKey);
  if (!VerifyCompactJws(*jws, *public_key)) return Refuse(JwtRejection::kSignature);

  auto claims = ParseObject(jws->payload);
  if (!claims) return Refuse(JwtRejection::kMalformed);
  return CheckClaims(*claims, rules);
}

}  // namespace finhelm::identity
