#include "api/static_files.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

namespace finhelm::api {
namespace {

namespace fs = std::filesystem;

// A built web app in a private temporary directory, removed afterwards.
class WebRoot {
 public:
  WebRoot() {
    std::string pattern = fs::temp_directory_path() / "finhelm-static-XXXXXX";
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~WebRoot() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  WebRoot(const WebRoot&) = delete;
  WebRoot& operator=(const WebRoot&) = delete;

  void Write(const std::string& name, const std::string& contents) const {
    fs::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name, std::ios::binary) << contents;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

http::Request Get(std::string path) {
  http::Request request;
  request.method = "GET";
  request.target = path;
  request.path = std::move(path);
  return request;
}

std::string Header(const http::Response& response, std::string_view name) {
  return std::string(response.headers.Get(name).value_or("<missing>"));
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_.Write("index.html", "<!doctype html><title>FinHelm</title>");
    root_.Write("favicon.ico", "icon");
    root_.Write("robots.txt", "User-agent: *");
    root_.Write("manifest.webmanifest", "{}");
    root_.Write("assets/app-1a2b3c.js", "console.log(1)");
    root_.Write("assets/app-4d5e6f.css", "body{}");
    root_.Write("assets/logo.svg", "<svg/>");
    root_.Write("assets/font.woff2", "font");
    root_.Write("assets/data.bin", "bytes");
    auto loaded = StaticFiles::Load(root_.path().string());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    files_.emplace(std::move(*loaded));
  }

  http::Response Serve(const http::Request& request) const { return files_->Serve(request); }

  WebRoot root_;
  std::optional<StaticFiles> files_;
};

TEST_F(StaticFilesTest, LoadsEveryFile) { EXPECT_EQ(files_->file_count(), 9u); }

TEST_F(StaticFilesTest, ServesContentTypesByExtension) {
  const std::pair<const char*, const char*> kExpected[] = {
      {"/index.html", "text/html; charset=utf-8"},
      {"/favicon.ico", "image/x-icon"},
      {"/robots.txt", "text/plain; charset=utf-8"},
      {"/manifest.webmanifest", "application/manifest+json"},
      {"/assets/app-1a2b3c.js", "text/javascript; charset=utf-8"},
      {"/assets/app-4d5e6f.css", "text/css; charset=utf-8"},
      {"/assets/logo.svg", "image/svg+xml"},
      {"/assets/font.woff2", "font/woff2"},
      {"/assets/data.bin", "application/octet-stream"},
  };
  for (const auto& [path, type] : kExpected) {
    http::Response response = Serve(Get(path));
    EXPECT_EQ(response.status, 200) << path;
    EXPECT_EQ(Header(response, "Content-Type"), type) << path;
  }
  EXPECT_EQ(Serve(Get("/assets/app-1a2b3c.js")).body, "console.log(1)");
}

TEST(ContentTypeFor, FallsBackToOctetStream) {
  EXPECT_EQ(ContentTypeFor("a.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("a.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.png"), "image/png");
  EXPECT_EQ(ContentTypeFor("a.js.map"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("noextension"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor(""), "application/octet-stream");
}

TEST_F(StaticFilesTest, FallsBackToTheAppForClientRoutes) {
  for (const char* path : {"/", "/settings/profile", "/orgs/acme/reports", "/index.htm"}) {
    http::Response response = Serve(Get(path));
    EXPECT_EQ(response.status, 200) << path;
    EXPECT_EQ(response.body, "<!doctype html><title>FinHelm</title>") << path;
    EXPECT_EQ(Header(response, "Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_EQ(Header(response, "Cache-Control"), "no-cache") << path;
  }
}

TEST_F(StaticFilesTest, AnswersNotFoundForMissingAssets) {
  for (const char* path : {"/assets/app-000000.js", "/assets/", "/assets/sub/x.css"}) {
    http::Response response = Serve(Get(path));
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.body.find("<!doctype"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, CachesHashedAssetsForAYearAndRevalidatesTheRest) {
  EXPECT_EQ(Header(Serve(Get("/assets/app-1a2b3c.js")), "Cache-Control"),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(Header(Serve(Get("/index.html")), "Cache-Control"), "no-cache");
  EXPECT_EQ(Header(Serve(Get("/favicon.ico")), "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, AnswersNotModifiedForAMatchingEtag) {
  http::Response first = Serve(Get("/assets/app-1a2b3c.js"));
  std::string etag = Header(first, "ETag");
  ASSERT_EQ(etag.size(), 34u);  // 32 hex digits in quotes.
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');

  http::Request again = Get("/assets/app-1a2b3c.js");
  again.headers.Add("If-None-Match", etag);
  http::Response revalidated = Serve(again);
  EXPECT_EQ(revalidated.status, 304);
  EXPECT_TRUE(revalidated.body.empty());
  EXPECT_EQ(Header(revalidated, "ETag"), etag);

  http::Request stale = Get("/assets/app-1a2b3c.js");
  stale.headers.Add("If-None-Match", "\"0000\"");
  EXPECT_EQ(Serve(stale).status, 200);

  EXPECT_NE(Header(Serve(Get("/assets/app-4d5e6f.css")), "ETag"), etag);
}

TEST(StaticFiles, RefusesAMissingRoot) {
  auto loaded = StaticFiles::Load("/nonexistent/web/dist");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kNotFound);
}

TEST(StaticFiles, RefusesARootOverTheSizeLimit) {
  WebRoot root;
  root.Write("index.html", std::string(2048, 'x'));
  EXPECT_FALSE(StaticFiles::Load(root.path().string(), 1024).ok());
  EXPECT_TRUE(StaticFiles::Load(root.path().string(), 4096).ok());
}

TEST(StaticFiles, NeverFollowsSymbolicLinksOutOfTheRoot) {
  WebRoot outside;
  outside.Write("secret.txt", "master key");
  outside.Write("private/key.pem", "private key");
  WebRoot root;
  root.Write("index.html", "app");
  fs::create_directories(root.path() / "assets");
  fs::create_symlink(outside.path() / "secret.txt", root.path() / "secret.txt");
  fs::create_directory_symlink(outside.path() / "private", root.path() / "assets" / "private");

  auto loaded = StaticFiles::Load(root.path().string());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->file_count(), 1u);
  EXPECT_EQ(loaded->Serve(Get("/secret.txt")).body, "app");
  EXPECT_EQ(loaded->Serve(Get("/assets/private/key.pem")).status, 404);
}

}  // namespace
}  // namespace finhelm::api
