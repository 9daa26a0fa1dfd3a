// DATA-6 through the real server: a user downloads what FinHelm holds about them, and
// nothing secret is in it.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "identity_fixture.hpp"

namespace finhelm::integration {
namespace {

// proves DATA-6: users can export their data (JSON).
TEST_F(Identity, AUserExportsTheirOwnDataWithoutSecrets) {
  RegisterAndVerify("jo@example.com");
  Client jo = Login("jo@example.com");
  HttpResponse created = Post("/v1/orgs", {{"name", "Acme"}}, jo);
  ASSERT_EQ(created.status, 201) << created.body;
  RegisterAndVerify("al@example.com");
  Client al = Login("al@example.com");

  HttpResponse exported = Get("/v1/me/export", jo);
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.Header("Content-Disposition"),
            "attachment; filename=\"finhelm-personal-data.json\"");
  EXPECT_EQ(exported.Header("Cache-Control"), "no-store");
  json data = json::parse(exported.body);
  EXPECT_EQ(data["user"]["email"], "jo@example.com");
  EXPECT_TRUE(data["user"]["email_verified_at"].is_number());
  ASSERT_EQ(data["memberships"].size(), 1u);
  EXPECT_EQ(data["memberships"][0]["organization_name"], "Acme");
  EXPECT_EQ(data["memberships"][0]["role"], "admin");
  ASSERT_EQ(data["sessions"].size(), 1u);
  EXPECT_EQ(data["sessions"][0]["user_agent"], kAgent);
  EXPECT_FALSE(data["second_factor"]["enrolled"]);

  // Their own events, and nobody else's.
  std::set<std::string> events;
  for (const json& event : data["audit_events"]) events.insert(event["event"]);
  EXPECT_TRUE(events.contains("authn_login_success")) << exported.body;
  EXPECT_TRUE(events.contains("organization_created")) << exported.body;
  EXPECT_EQ(exported.body.find("al@example.com"), std::string::npos);

  // No password hash, session token or CSRF token.
  EXPECT_EQ(exported.body.find("$argon2id$"), std::string::npos);
  EXPECT_EQ(exported.body.find("password_hash"), std::string::npos);
  const std::string csrf = json::parse(Get("/v1/me", jo).body)["csrf_token"];
  EXPECT_EQ(exported.body.find(csrf), std::string::npos);
  ASSERT_FALSE(jo.cookie.empty());
  EXPECT_EQ(exported.body.find(jo.cookie), std::string::npos);

  EXPECT_EQ(Get("/v1/me/export", Client{}).status, 401);
  EXPECT_EQ(json::parse(Get("/v1/me/export", al).body)["user"]["email"], "al@example.com");
}

}  // namespace
}  // namespace finhelm::integration
