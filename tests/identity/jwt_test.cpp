// The machine-token format (AUTH-7): the RFC 8037 known answers, and every way a token
// must be refused. Each rejection test starts from a token that verifies and changes one
// thing, so a refusal can only come from that thing.
#include "identity/jwt.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <nlohmann/json.hpp>

#include "crypto/encoding.hpp"
#include "identity/signing_keys.hpp"

namespace finhelm::identity {
namespace {

using nlohmann::json;

constexpr std::int64_t kNow = 1'800'000'000;
constexpr std::string_view kIssuer = "https://finhelm.example";
constexpr std::string_view kAudience = "https://finhelm.example/v1";

// RFC 8037 appendix A.1: the Ed25519 key of the examples.
constexpr std::string_view kRfcSeed = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
constexpr std::string_view kRfcPublic = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

crypto::Ed25519KeyPair RfcKey() {
  auto seed = crypto::Base64UrlDecode(kRfcSeed);
  EXPECT_TRUE(seed.ok());
  auto key = crypto::Ed25519KeyPair::FromSeed(*seed);
  EXPECT_TRUE(key.ok());
  return std::move(*key);
}

std::string Encode(std::string_view text) { return crypto::Base64UrlEncode(crypto::AsBytes(text)); }

TEST(Jws, Rfc8037PublicKeyComesFromTheSeed) {
  EXPECT_EQ(crypto::Base64UrlEncode(RfcKey().public_key()), kRfcPublic);
}

TEST(Jws, Rfc8037ThumbprintIsTheKeyId) {
  // RFC 8037 appendix A.3.
  EXPECT_EQ(JwkThumbprint(RfcKey().public_key()), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
}

TEST(Jws, Rfc8037SignatureIsReproducedAndVerifies) {
  // RFC 8037 appendix A.4 and A.5.
  constexpr std::string_view kExpected =
      "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
      "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
  crypto::Ed25519KeyPair key = RfcKey();
  EXPECT_EQ(SignCompactJws(R"({"alg":"EdDSA"})", "Example of Ed25519 signing", key), kExpected);
  auto parsed = ParseCompactJws(kExpected);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->payload, "Example of Ed25519 signing");
  EXPECT_TRUE(VerifyCompactJws(*parsed, key.public_key()));
  crypto::Ed25519KeyPair other = crypto::Ed25519KeyPair::Generate();
  EXPECT_FALSE(VerifyCompactJws(*parsed, other.public_key()));
}

TEST(Jws, MalformedShapesAreRefused) {
  for (std::string_view token : {"", "a", "a.b", "a.b.c.d", ".e30.c2ln", "e30.e30.", "e30.e30.!!",
                                 "e30=.e30.c2ln", "e30.e30.c2ln."}) {
    EXPECT_FALSE(ParseCompactJws(token).ok()) << token;
  }
  EXPECT_FALSE(ParseCompactJws(std::string(kMaxJwtLength + 1, 'a')).ok());
}

class AccessTokenTest : public ::testing::Test {
 protected:
  AccessTokenTest()
      : key_(crypto::Ed25519KeyPair::Generate()), kid_(JwkThumbprint(key_.public_key())) {
    claims_.issuer = kIssuer;
    claims_.audience = kAudience;
    claims_.subject = "fhc_client";
    claims_.token_id = "jti-1";
    claims_.scope = "org:read";
    claims_.organization = 7;
    claims_.issued_at = kNow;
    claims_.not_before = kNow;
    claims_.expires_at = kNow + 600;
  }

  AccessTokenRules Rules(std::int64_t now = kNow) const {
    AccessTokenRules rules;
    rules.issuer = kIssuer;
    rules.audience = kAudience;
    rules.now = now;
    return rules;
  }

  AccessTokenCheck Verify(std::string_view token, std::int64_t now = kNow) const {
    return VerifyAccessToken(
        token,
        [this](std::string_view kid) -> std::optional<crypto::Ed25519PublicKey> {
          if (kid == kid_) return key_.public_key();
          return std::nullopt;
        },
        Rules(now));
  }

  // A token of `header` and `payload` signed with the test key.
  std::string Signed(const json& header, const json& payload) const {
    return SignCompactJws(header.dump(), payload.dump(), key_);
  }

  json Header() const { return {{"alg", "EdDSA"}, {"typ", "at+jwt"}, {"kid", kid_}}; }

  json Payload() const {
    auto parsed = ParseCompactJws(SignAccessToken(claims_, kid_, key_));
    return json::parse(parsed->payload);
  }

  void ExpectRefused(std::string_view token, JwtRejection expected) const {
    AccessTokenCheck check = Verify(token);
    EXPECT_FALSE(check.ok());
    EXPECT_EQ(JwtRejectionName(check.rejection), JwtRejectionName(expected));
  }

  crypto::Ed25519KeyPair key_;
  std::string kid_;
  AccessTokenClaims claims_;
};

TEST_F(AccessTokenTest, AGoodTokenVerifiesWithItsClaims) {
  AccessTokenCheck check = Verify(SignAccessToken(claims_, kid_, key_));
  ASSERT_TRUE(check.ok()) << JwtRejectionName(check.rejection);
  EXPECT_EQ(check.claims->subject, "fhc_client");
  EXPECT_EQ(check.claims->organization, 7);
  EXPECT_EQ(check.claims->scope, "org:read");
  EXPECT_EQ(check.claims->expires_at, kNow + 600);
  // The same token built by hand from the parts also verifies: the helpers agree.
  EXPECT_TRUE(Verify(Signed(Header(), Payload())).ok());
}

TEST_F(AccessTokenTest, AlgNoneIsRefused) {
  json header = Header();
  header["alg"] = "none";
  std::string unsigned_token = Encode(header.dump()) + "." + Encode(Payload().dump()) + ".";
  ExpectRefused(unsigned_token, JwtRejection::kMalformed);  // No signature part at all.
  // With a signature part present, the header's algorithm is what refuses it.
  ExpectRefused(Signed(header, Payload()), JwtRejection::kAlgorithm);
  header["alg"] = "None";
  ExpectRefused(Signed(header, Payload()), JwtRejection::kAlgorithm);
}

TEST_F(AccessTokenTest, Hs256SignedWithThePublicKeyIsRefused) {
  // The classic confusion: an HMAC keyed with the (public) verification key.
  json header = Header();
  header["alg"] = "HS256";
  std::string input = Encode(header.dump()) + "." + Encode(Payload().dump());
  std::array<std::uint8_t, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key_.public_key().data(), key_.public_key().size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(input.data()),
                                input.size());
  crypto_auth_hmacsha256_final(&state, mac.data());
  ExpectRefused(input + "." + crypto::Base64UrlEncode(mac), JwtRejection::kAlgorithm);
}

TEST_F(AccessTokenTest, UnknownOrMissingKidIsRefused) {
  json header = Header();
  header["kid"] = "not-one-of-ours";
  ExpectRefused(Signed(header, Payload()), JwtRejection::kUnknownKey);
  header.erase("kid");
  ExpectRefused(Signed(header, Payload()), JwtRejection::kUnknownKey);
  header["kid"] = 5;
  ExpectRefused(Signed(header, Payload()), JwtRejection::kUnknownKey);
}

TEST_F(AccessTokenTest, ASignatureByAnotherKeyUnderOurKidIsRefused) {
  crypto::Ed25519KeyPair intruder = crypto::Ed25519KeyPair::Generate();
  ExpectRefused(SignAccessToken(claims_, kid_, intruder), JwtRejection::kSignature);
}

TEST_F(AccessTokenTest, WrongOrMissingTypeIsRefused) {
  json header = Header();
  header["typ"] = "JWT";
  ExpectRefused(Signed(header, Payload()), JwtRejection::kType);
  header.erase("typ");
  ExpectRefused(Signed(header, Payload()), JwtRejection::kType);
  header["typ"] = "application/AT+JWT";  // Media types compare without case.
  EXPECT_TRUE(Verify(Signed(header, Payload())).ok());
}

TEST_F(AccessTokenTest, CriticalHeaderExtensionsAreRefused) {
  json header = Header();
  header["crit"] = json::array({"exp"});
  ExpectRefused(Signed(header, Payload()), JwtRejection::kCritical);
}

TEST_F(AccessTokenTest, ExpiredBeyondTheSkewIsRefused) {
  std::string token = SignAccessToken(claims_, kid_, key_);
  EXPECT_TRUE(Verify(token, kNow + 600 + 59).ok());  // Within 60 s of skew.
  AccessTokenCheck late = Verify(token, kNow + 600 + 60);
  EXPECT_FALSE(late.ok());
  EXPECT_EQ(late.rejection, JwtRejection::kExpired);
}

TEST_F(AccessTokenTest, NotBeforeInTheFutureIsRefused) {
  json payload = Payload();
  payload["nbf"] = kNow + 61;
  ExpectRefused(Signed(Header(), payload), JwtRejection::kNotYetValid);
  payload["nbf"] = kNow + 60;  // Within the skew.
  EXPECT_TRUE(Verify(Signed(Header(), payload)).ok());
  payload["nbf"] = kNow;
  payload["iat"] = kNow + 120;
  payload["exp"] = kNow + 600;
  ExpectRefused(Signed(Header(), payload), JwtRejection::kNotYetValid);
}

TEST_F(AccessTokenTest, WrongIssuerOrAudienceIsRefused) {
  json payload = Payload();
  payload["iss"] = "https://evil.example";
  ExpectRefused(Signed(Header(), payload), JwtRejection::kIssuer);
  payload = Payload();
  payload.erase("iss");
  ExpectRefused(Signed(Header(), payload), JwtRejection::kIssuer);
  payload = Payload();
  payload["aud"] = "https://other.example/v1";
  ExpectRefused(Signed(Header(), payload), JwtRejection::kAudience);
  payload["aud"] = json::array({"https://other.example/v1"});
  ExpectRefused(Signed(Header(), payload), JwtRejection::kAudience);
  payload["aud"] = json::array({"https://other.example/v1", std::string(kAudience)});
  EXPECT_TRUE(Verify(Signed(Header(), payload)).ok());
}

TEST_F(AccessTokenTest, ExpiryMoreThanFifteenMinutesAfterIssueIsRefused) {
  json payload = Payload();
  payload["exp"] = kNow + 15 * 60;
  EXPECT_TRUE(Verify(Signed(Header(), payload)).ok());
  payload["exp"] = kNow + 15 * 60 + 1;
  ExpectRefused(Signed(Header(), payload), JwtRejection::kLifetime);
}

TEST_F(AccessTokenTest, ATamperedPayloadIsRefused) {
  std::string token = SignAccessToken(claims_, kid_, key_);
  auto first = token.find('.');
  auto second = token.find('.', first + 1);
  json payload = Payload();
  payload["org"] = 8;  // Another organization, under the original signature.
  std::string tampered = token.substr(0, first + 1) + Encode(payload.dump()) + token.substr(second);
  ExpectRefused(tampered, JwtRejection::kSignature);
  payload = Payload();
  payload["scope"] = "org:read org:operate";
  tampered = token.substr(0, first + 1) + Encode(payload.dump()) + token.substr(second);
  ExpectRefused(tampered, JwtRejection::kSignature);
}

TEST_F(AccessTokenTest, MissingOrMistypedClaimsAreRefused) {
  for (const char* name : {"exp", "iat", "sub", "org", "scope"}) {
    json payload = Payload();
    payload.erase(name);
    ExpectRefused(Signed(Header(), payload), JwtRejection::kMissingClaim);
  }
  json payload = Payload();
  payload["exp"] = 1.8e9;  // A fraction-capable number is not an integer NumericDate.
  ExpectRefused(Signed(Header(), payload), JwtRejection::kMalformed);
  payload = Payload();
  payload["org"] = "7";
  ExpectRefused(Signed(Header(), payload), JwtRejection::kMalformed);
  payload = Payload();
  payload["exp"] = std::int64_t{1} << 62;
  ExpectRefused(Signed(Header(), payload), JwtRejection::kMalformed);
}

TEST_F(AccessTokenTest, DuplicateKeysAreRefusedBeforeAnyReading) {
  // Two readers could pick different values of a repeated member; FinHelm picks neither.
  std::string header = R"({"alg":"EdDSA","typ":"at+jwt","kid":")" + kid_ + R"(","alg":"none"})";
  ExpectRefused(SignCompactJws(header, Payload().dump(), key_), JwtRejection::kMalformed);
  std::string payload = Payload().dump();
  payload.insert(payload.size() - 1, R"(,"org":8)");
  ExpectRefused(SignCompactJws(Header().dump(), payload, key_), JwtRejection::kMalformed);
}

TEST_F(AccessTokenTest, NonObjectPartsAreRefused) {
  ExpectRefused(SignCompactJws("[]", Payload().dump(), key_), JwtRejection::kMalformed);
  ExpectRefused(SignCompactJws(Header().dump(), "\"text\"", key_), JwtRejection::kMalformed);
  ExpectRefused(SignCompactJws(Header().dump(), "{", key_), JwtRejection::kMalformed);
}

}  // namespace
}  // namespace finhelm::identity
