// The web app's files: fingerprinted assets cached for good, the app shell revalidated,
// client-side routes answered with the shell, and nothing outside the web root.
#include <gtest/gtest.h>

#include <string>

#include "http_client.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"
#include "test_support.hpp"

namespace finhelm::integration {
namespace {

constexpr std::string_view kIndex = "<!doctype html><title>FinHelm</title>";
constexpr std::string_view kScript = "console.log('app');";

class StaticFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(WriteFile(web_ / "index.html", kIndex));
    ASSERT_TRUE(WriteFile(web_ / "assets/app-abc123.js", kScript));
    server_ = StartServer({"[server]\nweb_root = \"" + web_.path().string() + "\"\n", {}});
    ASSERT_NE(server_, nullptr);
  }

  TempDir web_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(StaticFiles, FingerprintedAssetIsImmutable) {
  HttpResponse response = Fetch(*server_, GetRequest("/assets/app-abc123.js"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, kScript);
  EXPECT_TRUE(response.Header("Content-Type").value_or("").starts_with("text/javascript"));
  EXPECT_NE(response.Header("Cache-Control").value_or("").find("immutable"), std::string::npos);
  EXPECT_TRUE(response.HasHeader("ETag"));
  // proves WEB-3: the app's own files carry the policy that keeps inline script out.
  ExpectSecurityHeaders(response);
}

TEST_F(StaticFiles, ClientRouteIsAnsweredWithTheAppShell) {
  for (std::string_view target : {"/", "/some/client/route", "/orgs/42/insights?tab=cash"}) {
    HttpResponse response = Fetch(*server_, GetRequest(target));
    EXPECT_EQ(response.status, 200) << target;
    EXPECT_EQ(response.body, kIndex) << target;
    EXPECT_TRUE(response.Header("Content-Type").value_or("").starts_with("text/html"));
    EXPECT_EQ(response.Header("Cache-Control"), "no-cache") << target;
    ExpectSecurityHeaders(response);
  }
}

TEST_F(StaticFiles, MissingAssetIs404NotTheShell) {
  HttpResponse response = Fetch(*server_, GetRequest("/assets/missing.js"));
  EXPECT_EQ(response.status, 404);
  EXPECT_NE(response.body, kIndex);
  // Unknown API routes are API errors, never the app shell.
  response = Fetch(*server_, GetRequest("/v1/missing"));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
}

TEST_F(StaticFiles, MatchingETagIs304) {
  HttpResponse first = Fetch(*server_, GetRequest("/assets/app-abc123.js"));
  auto etag = first.Header("ETag");
  ASSERT_TRUE(etag.has_value());
  HttpResponse again =
      Fetch(*server_, GetRequest("/assets/app-abc123.js", "If-None-Match: " + *etag + "\r\n"));
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.Header("ETag"), etag);
  HttpResponse stale =
      Fetch(*server_, GetRequest("/assets/app-abc123.js", "If-None-Match: \"stale\"\r\n"));
  EXPECT_EQ(stale.status, 200);
}

TEST_F(StaticFiles, NothingOutsideTheWebRootIsServed) {
  ASSERT_TRUE(WriteFile(web_.path().parent_path() / "outside-secret.txt", "TOP-SECRET"));
  for (std::string_view target :
       {"/../outside-secret.txt", "/assets/../../outside-secret.txt", "/%2e%2e/outside-secret.txt",
        "/assets/%2e%2e%2f%2e%2e%2foutside-secret.txt", "/..%2foutside-secret.txt",
        "/../../../../etc/passwd"}) {
    HttpResponse response = Fetch(*server_, GetRequest(target));
    EXPECT_EQ(response.body.find("TOP-SECRET"), std::string::npos) << target;
    EXPECT_EQ(response.body.find("root:"), std::string::npos) << target;
  }
  std::filesystem::remove(web_.path().parent_path() / "outside-secret.txt");
}

}  // namespace
}  // namespace finhelm::integration
