// Machine clients through the real server (AUTH-7, AUTH-8): an admin creates a service
// client, the client takes a token with the client-credentials grant and uses it where,
// and only where, its scopes allow. The token's signature is checked here with OpenSSL
// against the published JWKS, independently of the server's own code.
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include <set>

#include "identity_fixture.hpp"

namespace finhelm::integration {
namespace {

std::string Base64(std::string_view text) {
  std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
  int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

std::vector<std::uint8_t> FromBase64Url(std::string_view text) {
  std::string standard(text);
  for (char& c : standard) c = c == '-' ? '+' : (c == '_' ? '/' : c);
  std::size_t padding = (4 - standard.size() % 4) % 4;
  standard.append(padding, '=');
  std::vector<std::uint8_t> out(standard.size());
  int length = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(standard.data()),
                               static_cast<int>(standard.size()));
  // EVP_DecodeBlock counts each '=' as a zero byte.
  out.resize(length < 0 ? 0 : static_cast<std::size_t>(length) - padding);
  return out;
}

// The JSON of one base64url part of a compact JWS.
json PartOf(const std::string& token, int index) {
  std::size_t start = 0;
  for (int i = 0; i < index; ++i) start = token.find('.', start) + 1;
  std::vector<std::uint8_t> bytes =
      FromBase64Url(token.substr(start, token.find('.', start) - start));
  return json::parse(std::string(bytes.begin(), bytes.end()), nullptr, false);
}

// Ed25519 verification with OpenSSL, from the JWK's `x`.
bool VerifiesWith(const std::string& token, const std::string& x) {
  std::vector<std::uint8_t> public_key = FromBase64Url(x);
  std::size_t last = token.rfind('.');
  std::string input = token.substr(0, last);
  std::vector<std::uint8_t> signature = FromBase64Url(token.substr(last + 1));
  EVP_PKEY* key =
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, public_key.data(), public_key.size());
  if (key == nullptr) return false;
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  bool valid =
      EVP_DigestVerifyInit(context, nullptr, nullptr, nullptr, key) == 1 &&
      EVP_DigestVerify(context, signature.data(), signature.size(),
                       reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  EVP_MD_CTX_free(context);
  EVP_PKEY_free(key);
  return valid;
}

class MachineClients : public Identity {
 protected:
  void SetUp() override {
    Identity::SetUp();
    if (HasFatalFailure()) return;
    RegisterAndVerify("admin@example.com");
    admin_ = Login("admin@example.com");
    org_ = json::parse(Post("/v1/orgs", {{"name", "Acme"}}, admin_).body)["id"];
    other_org_ = json::parse(Post("/v1/orgs", {{"name", "Beta"}}, admin_).body)["id"];
    secret_ = EnrollMfa(admin_);
  }

  std::string OrgPath(std::int64_t org, std::string_view rest = "") const {
    return "/v1/orgs/" + std::to_string(org) + std::string(rest);
  }

  // Proves the password and a fresh code again (AUTH-8).
  void Reauthenticate() {
    HttpResponse proven =
        Post("/v1/me/reauthenticate",
             {{"password", kPassword}, {"code", Totp(secret_, Now() + 30)}}, admin_);
    ASSERT_EQ(proven.status, 204) << proven.body;
  }

  json CreateClient(const json& scopes, std::string_view name = "nightly export") {
    HttpResponse created =
        Post(OrgPath(org_, "/service-clients"), {{"name", name}, {"scopes", scopes}}, admin_);
    EXPECT_EQ(created.status, 201) << created.body;
    return json::parse(created.body, nullptr, false);
  }

  HttpResponse TokenRequest(std::string_view form, std::string_view extra_headers = "",
                            std::string_view media = "application/x-www-form-urlencoded") {
    std::string request =
        "POST /v1/oauth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + std::string(media) +
        "\r\nContent-Length: " + std::to_string(form.size()) + "\r\n" + std::string(extra_headers) +
        "\r\n" + std::string(form);
    return Fetch(*server_, request);
  }

  static std::string BasicFor(const json& client) {
    return "Authorization: Basic " +
           Base64(client["id"].get<std::string>() + ":" + client["secret"].get<std::string>()) +
           "\r\n";
  }

  std::string TokenFor(const json& client,
                       std::string_view form = "grant_type=client_credentials") {
    HttpResponse response = TokenRequest(form, BasicFor(client));
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body, nullptr, false).value("access_token", "");
  }

  HttpResponse WithBearer(std::string_view method, std::string_view target,
                          const std::string& token) {
    std::string request = std::string(method) + " " + std::string(target) +
                          " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token +
                          "\r\nContent-Length: 0\r\n\r\n";
    return Fetch(*server_, request);
  }

  Client admin_;
  std::int64_t org_ = 0;
  std::int64_t other_org_ = 0;
  std::vector<std::uint8_t> secret_;
};

// proves AUTH-7 and AUTH-8: creation needs re-authentication with password and code; the
// secret is shown once.
TEST_F(MachineClients, AdminCreatesAClientAfterReauthenticating) {
  HttpResponse wrong =
      Post("/v1/me/reauthenticate", {{"password", kPassword}, {"code", "000000"}}, admin_);
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(json::parse(wrong.body)["type"],
            "https://finhelm.dev/problems/reauthentication-failed");
  HttpResponse no_code = Post("/v1/me/reauthenticate", {{"password", kPassword}}, admin_);
  EXPECT_EQ(no_code.status, 403);
  Reauthenticate();

  json client = CreateClient({"org:read"});
  EXPECT_TRUE(client["id"].get<std::string>().starts_with("fhc_"));
  EXPECT_TRUE(client["secret"].get<std::string>().starts_with("fhs_"));
  HttpResponse listed = Get(OrgPath(org_, "/service-clients"), admin_);
  ASSERT_EQ(listed.status, 200);
  json clients = json::parse(listed.body)["service_clients"];
  ASSERT_EQ(clients.size(), 1u);
  EXPECT_EQ(clients[0]["id"], client["id"]);
  EXPECT_FALSE(clients[0].contains("secret"));  // Never again after creation.
  EXPECT_EQ(clients[0]["scopes"], json::array({"org:read"}));

  HttpResponse bad_scope =
      Post(OrgPath(org_, "/service-clients"), {{"name", "x"}, {"scopes", {"org:manage"}}}, admin_);
  EXPECT_EQ(bad_scope.status, 422);
}

// proves AUTH-7: the grant, its errors (RFC 6749 section 5.2), and a token whose
// signature verifies against the JWKS with OpenSSL.
TEST_F(MachineClients, TheTokenEndpointSpeaksOAuth) {
  Reauthenticate();
  json client = CreateClient({"org:read"});
  HttpResponse granted = TokenRequest("grant_type=client_credentials", BasicFor(client));
  ASSERT_EQ(granted.status, 200) << granted.body;
  EXPECT_EQ(granted.Header("Cache-Control"), "no-store");
  json body = json::parse(granted.body);
  EXPECT_EQ(body["token_type"], "Bearer");
  EXPECT_EQ(body["expires_in"], 600);
  EXPECT_EQ(body["scope"], "org:read");
  std::string token = body["access_token"];

  json header = PartOf(token, 0);
  EXPECT_EQ(header["alg"], "EdDSA");
  EXPECT_EQ(header["typ"], "at+jwt");
  json claims = PartOf(token, 1);
  EXPECT_EQ(claims["sub"], client["id"]);
  EXPECT_EQ(claims["org"], org_);
  EXPECT_LE(claims["exp"].get<std::int64_t>() - claims["iat"].get<std::int64_t>(), 900);

  HttpResponse jwks = Get("/.well-known/jwks.json", {});
  ASSERT_EQ(jwks.status, 200);
  EXPECT_EQ(jwks.Header("Content-Type"), "application/jwk-set+json");
  bool verified = false;
  json key_set = json::parse(jwks.body);
  for (const json& key : key_set["keys"]) {
    EXPECT_EQ(key["kty"], "OKP");
    EXPECT_EQ(key["crv"], "Ed25519");
    EXPECT_FALSE(key.contains("d"));  // Never the private part.
    if (key["kid"] == header["kid"]) verified = VerifiesWith(token, key["x"]);
  }
  EXPECT_TRUE(verified) << jwks.body;

  std::string id = client["id"], secret = client["secret"];
  EXPECT_EQ(
      TokenRequest("grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret)
          .status,
      200);
  HttpResponse both =
      TokenRequest("grant_type=client_credentials&client_secret=" + secret, BasicFor(client));
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(json::parse(both.body)["error"], "invalid_request");
  json impostor = {{"id", id}, {"secret", secret + "x"}};
  HttpResponse wrong = TokenRequest("grant_type=client_credentials", BasicFor(impostor));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(json::parse(wrong.body)["error"], "invalid_client");
  EXPECT_EQ(wrong.Header("WWW-Authenticate"), R"(Basic realm="finhelm")");
  HttpResponse password = TokenRequest("grant_type=password", BasicFor(client));
  EXPECT_EQ(json::parse(password.body)["error"], "unsupported_grant_type");
  HttpResponse repeated =
      TokenRequest("grant_type=client_credentials&grant_type=client_credentials", BasicFor(client));
  EXPECT_EQ(json::parse(repeated.body)["error"], "invalid_request");
  HttpResponse wider =
      TokenRequest("grant_type=client_credentials&scope=org%3Aaudit", BasicFor(client));
  EXPECT_EQ(json::parse(wider.body)["error"], "invalid_scope");
  EXPECT_EQ(
      TokenRequest(R"({"grant_type":"client_credentials"})", BasicFor(client), "application/json")
          .status,
      415);
}

// proves AUTH-7 and ACL-3: a bearer token works on the routes its scopes allow, is
// refused (403) on others of its organization, does not exist for another organization
// (404), and is never accepted on cookie-only routes (401).
TEST_F(MachineClients, BearerTokensOpenOnlyWhatTheirScopesAllow) {
  Reauthenticate();
  std::string token = TokenFor(CreateClient({"org:read"}));

  HttpResponse read = WithBearer("GET", OrgPath(org_), token);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(json::parse(read.body)["scopes"], json::array({"org:read"}));

  HttpResponse audit = WithBearer("GET", OrgPath(org_, "/audit-events"), token);
  EXPECT_EQ(audit.status, 403);
  EXPECT_EQ(audit.Header("WWW-Authenticate"),
            R"(Bearer error="insufficient_scope", scope="org:audit")");

  EXPECT_EQ(WithBearer("GET", OrgPath(other_org_), token).status, 404);  // Organization B.
  EXPECT_EQ(WithBearer("GET", OrgPath(999999), token).status, 404);
  for (std::string target : {std::string("/v1/me"), std::string("/v1/orgs"),
                             OrgPath(org_, "/members"), OrgPath(org_, "/service-clients")}) {
    EXPECT_EQ(WithBearer("GET", target, token).status, 401) << target;
  }
  EXPECT_EQ(WithBearer("POST", "/v1/me/mfa/totp", token).status, 401);

  std::string tampered = token;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  HttpResponse refused = WithBearer("GET", OrgPath(org_), tampered);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.Header("WWW-Authenticate"), R"(Bearer error="invalid_token")");

  // A token for audit export reads the audit log, where the grant left its trace.
  std::string auditor = TokenFor(CreateClient({"org:audit"}, "siem"));
  HttpResponse events = WithBearer("GET", OrgPath(org_, "/audit-events"), auditor);
  ASSERT_EQ(events.status, 200) << events.body;
  std::set<std::string> kinds;
  json listed = json::parse(events.body);
  for (const json& event : listed["events"]) {
    kinds.insert(event["event"].get<std::string>());
  }
  EXPECT_TRUE(kinds.contains("service_client_created"));
  EXPECT_TRUE(kinds.contains("authn_token_created"));
  EXPECT_TRUE(kinds.contains("authz_fail"));  // The 403 above.
}

// proves AUTH-7: revocation takes effect on the next request.
TEST_F(MachineClients, RevokedClientsLoseTheirTokensAtOnce) {
  Reauthenticate();
  json client = CreateClient({"org:read"});
  std::string token = TokenFor(client);
  ASSERT_EQ(WithBearer("GET", OrgPath(org_), token).status, 200);
  std::string path = OrgPath(org_, "/service-clients/" + client["id"].get<std::string>());
  EXPECT_EQ(Send("DELETE", path, admin_).status, 204);
  EXPECT_EQ(Send("DELETE", path, admin_).status, 404);
  EXPECT_EQ(WithBearer("GET", OrgPath(org_), token).status, 401);
  EXPECT_EQ(TokenRequest("grant_type=client_credentials", BasicFor(client)).status, 401);
}

// proves AUTH-7: `finhelm keys rotate-signing` starts a new key; tokens of the old one
// keep working until they expire, and the rotation is audited.
TEST_F(MachineClients, RotatingTheSigningKeyKeepsIssuedTokensValid) {
  Reauthenticate();
  json client = CreateClient({"org:read", "org:audit"});
  std::string before = TokenFor(client);
  Environment environment = {{"FINHELM_DATA_DIR", (server_->directory() / "data").string()}};
  auto rotated = RunFinhelm({"keys", "rotate-signing"}, environment);
  ASSERT_TRUE(rotated.ok()) << rotated.error().message;
  ASSERT_EQ(rotated->exit_status, 0) << rotated->err;
  EXPECT_NE(rotated->out.find("signed with key"), std::string::npos);
  EXPECT_EQ(WithBearer("GET", OrgPath(org_), before).status, 200);
  HttpResponse events = Get("/v1/orgs/0/audit-events", admin_);
  EXPECT_EQ(events.status, 404);  // The installation's log is not an organization's.
  auto verified = RunFinhelm({"admin", "audit-verify"}, environment);
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified->exit_status, 0) << verified->out << verified->err;
}

// proves DATA-6 and AUTH-8: an admin deletes the organization; it is gone for its members
// and its machine clients at once, and the admin may then delete the account.
TEST_F(MachineClients, AdminDeletesTheOrganization) {
  Reauthenticate();
  std::string token = TokenFor(CreateClient({"org:read"}));
  HttpResponse last_admin = Send("DELETE", "/v1/me", admin_);
  EXPECT_EQ(last_admin.status, 409);
  json organizations = json::parse(last_admin.body)["organizations"];
  EXPECT_EQ(organizations.size(), 2u);  // Acme and Beta.

  EXPECT_EQ(Send("DELETE", OrgPath(org_), admin_).status, 204);
  EXPECT_EQ(Get(OrgPath(org_), admin_).status, 404);
  EXPECT_EQ(Send("DELETE", OrgPath(org_), admin_).status, 404);
  EXPECT_EQ(WithBearer("GET", OrgPath(org_), token).status, 401);
  json listed = json::parse(Get("/v1/orgs", admin_).body)["organizations"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["id"], other_org_);

  EXPECT_EQ(Send("DELETE", OrgPath(other_org_), admin_).status, 204);
  HttpResponse gone = Send("DELETE", "/v1/me", admin_);
  EXPECT_EQ(gone.status, 204) << gone.body;
  EXPECT_NE(gone.Header("Set-Cookie").value_or("").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Get("/v1/me", admin_).status, 401);
  Environment environment = {{"FINHELM_DATA_DIR", (server_->directory() / "data").string()}};
  auto verified = RunFinhelm({"admin", "audit-verify"}, environment);
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified->exit_status, 0) << verified->out << verified->err;  // AUD-2 still holds.
}

// The AUTH-8 window, shortened to a second so that it can pass in a test.
class StaleSessions : public Identity {
 protected:
  void Configure(ServerConfig& config) override {
    config.environment["FINHELM_REAUTHENTICATION_WINDOW_SECONDS"] = "1";
  }
};

// proves AUTH-8: past the window, email change and deletion need the password again.
TEST_F(StaleSessions, SensitiveChangesNeedARecentPassword) {
  RegisterAndVerify("jo@example.com");
  Client jo = Login("jo@example.com");
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  for (HttpResponse refused :
       {Send("DELETE", "/v1/me", jo), Post("/v1/me/email", {{"email", "new@example.com"}}, jo)}) {
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(json::parse(refused.body)["type"],
              "https://finhelm.dev/problems/reauthentication-required");
  }
  EXPECT_EQ(Get("/v1/me", jo).status, 200);  // The session itself lives on.
  ASSERT_EQ(Post("/v1/me/reauthenticate", {{"password", kPassword}}, jo).status, 204);
  EXPECT_EQ(Send("DELETE", "/v1/me", jo).status, 204);
  HttpResponse login =
      Post("/v1/auth/login", {{"email", "jo@example.com"}, {"password", kPassword}});
  EXPECT_NE(login.status, 200);
}

}  // namespace
}  // namespace finhelm::integration
