// StaticFiles: serves the built web app (web/dist) from memory.
//
// The files are read once at start-up, so serving never touches the disk from an I/O
// thread. Hashed assets under /assets/ are cached for a year (their names change when
// their content does); index.html is revalidated on every load. Any other path that is
// not a file gets index.html, so the app's client-side routes survive a reload.
#pragma once

#include <map>
#include <string>

#include "core/result.hpp"
#include "http/message.hpp"

namespace finhelm::api {

class StaticFiles {
 public:
  // Loads every regular file under `root` (at most `max_bytes` in all).
  static Result<StaticFiles> Load(const std::string& root, std::size_t max_bytes = 64 << 20);

  // Answers a GET or HEAD for `request.path`.
  http::Response Serve(const http::Request& request) const;

  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string etag;
  };
  std::map<std::string, File, std::less<>> files_;  // Key: "/assets/app-1a2b.js".
};

// The Content-Type for a file name, by extension; "application/octet-stream" if unknown.
std::string_view ContentTypeFor(std::string_view name);

}  // namespace finhelm::api
