// Fuzzes the machine-token verifier (AUTH-7). The first byte picks what the rest is:
//   even: a token as a client would send it, which must never crash and can only pass if
//         its signature really verifies under the one known key;
//   odd:  a header and a payload (split at the first NUL) that the known key signs, so
//         that the JSON and claim checks behind the signature are reached too.
// Whatever passes must carry the claims the rules demand.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "identity/jwt.hpp"
#include "identity/signing_keys.hpp"

namespace {

using finhelm::identity::AccessTokenRules;

void Require(bool condition) {
  if (!condition) std::abort();
}

const finhelm::crypto::Ed25519KeyPair& Key() {
  static const auto key = [] {
    std::uint8_t seed[finhelm::crypto::kEd25519SeedBytes] = {7};
    auto pair = finhelm::crypto::Ed25519KeyPair::FromSeed(seed);
    Require(pair.ok());
    return std::move(*pair);
  }();
  return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string kid = finhelm::identity::JwkThumbprint(Key().public_key());
  std::string token;
  if ((data[0] & 1) == 0) {
    token = std::string(input);
  } else {
    auto split = input.find('\0');
    // "{kid}" in the header stands for the key's id, which the fuzzer could not guess.
    std::string header(input.substr(0, split));
    for (auto at = header.find("{kid}"); at != std::string::npos; at = header.find("{kid}")) {
      header.replace(at, 5, kid);
    }
    std::string_view payload = split == std::string_view::npos ? "" : input.substr(split + 1);
    token = finhelm::identity::SignCompactJws(header, payload, Key());
  }
  AccessTokenRules rules;
  rules.issuer = "https://finhelm.fuzz";
  rules.audience = "https://finhelm.fuzz/v1";
  rules.now = 1'800'000'000;
  auto check = finhelm::identity::VerifyAccessToken(
      token,
      [&kid](std::string_view asked) -> std::optional<finhelm::crypto::Ed25519PublicKey> {
        if (asked == kid) return Key().public_key();
        return std::nullopt;
      },
      rules);
  if (!check.ok()) return 0;
  auto jws = finhelm::identity::ParseCompactJws(token);
  Require(jws.ok());
  Require(finhelm::identity::VerifyCompactJws(*jws, Key().public_key()));
  const auto& claims = *check.claims;
  Require(!claims.subject.empty() && claims.organization > 0);
  Require(claims.expires_at - claims.issued_at <= rules.max_lifetime.count());
  Require(rules.now < claims.expires_at + rules.skew.count());
  Require(claims.issued_at <= rules.now + rules.skew.count());
  Require(claims.not_before <= rules.now + rules.skew.count());
  return 0;
}
