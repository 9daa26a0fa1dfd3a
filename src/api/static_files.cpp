#include "api/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "crypto/hash.hpp"

namespace finhelm::api {
namespace {

constexpr std::pair<std::string_view, std::string_view> kContentTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
};

}  // namespace

std::string_view ContentTypeFor(std::string_view name) {
  for (const auto& [extension, type] : kContentTypes) {
    if (name.ends_with(extension)) return type;
  }
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::Load(const std::string& root, std::size_t max_bytes) {
  namespace fs = std::filesystem;
  StaticFiles files;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return MakeError(ErrorCode::kNotFound, "web root " + root + " is not a directory");
  }
  std::size_t total = 0;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    // Symbolic links could lead out of the web root: only regular files are served.
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    std::ifstream input(it->path(), std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(input)), std::istreambuf_iterator<char>());
    total += content.size();
    if (total > max_bytes) {
      return MakeError(ErrorCode::kResourceExhausted, "web root " + root + " is too large");
    }
    std::string key = "/" + fs::relative(it->path(), root, ec).generic_string();
    File file;
    file.content_type = std::string(ContentTypeFor(key));
    file.etag = "\"" + crypto::Sha256Hex(content).substr(0, 32) + "\"";
    file.content = std::move(content);
    files.files_.emplace(std::move(key), std::move(file));
  }
  if (ec) return MakeError(ErrorCode::kUnavailable, "cannot read web root: " + ec.message());
  return files;
}

http::Response StaticFiles::Serve(const http::Request& request) const {
  auto found = files_.find(request.path);
  bool is_asset = request.path.starts_with("/assets/");
  if (found == files_.end() && !is_asset) found = files_.find("/index.html");
  if (found == files_.end()) {
    http::Response missing = http::Response::Empty(404);
    missing.headers.Set("Content-Type", "text/plain; charset=utf-8");
    missing.body = "Not Found";
    return missing;
  }
  const File& file = found->second;
  http::Response response;
  response.headers.Set("Content-Type", file.content_type);
  response.headers.Set("ETag", file.etag);
  response.headers.Set("Cache-Control",
                       is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  if (auto match = request.headers.Get("If-None-Match"); match && *match == file.etag) {
    response.status = 304;
    return response;
  }
  response.body = file.content;
  return response;
}

}  // namespace finhelm::api
