// The import routes (SPEC section 4), for accountants and admins (org:operate to upload,
// org:read to follow):
//   POST /v1/orgs/{org}/imports           multipart: `file` (.csv) and optional `options`
//                                         (JSON, imports/import_options.hpp) -> 202
//   POST /v1/orgs/{org}/imports/preview   the same checks, nothing stored: the detected
//                                         layout, header, first rows, suggested mapping
//   GET  /v1/orgs/{org}/imports           newest first, `before` cursor, `limit` <= 100
//   GET  /v1/orgs/{org}/imports/{id}      status, progress, counts, rejected rows
// Upload checks run in the request (IN-5): name, size, libmagic, encoding, then clamd;
// a file that fails any of them is never stored. A bank statement needs a mapping, given
// with the upload or saved from an earlier one with the same header.
#pragma once

#include <filesystem>

#include "core/clock.hpp"
#include "http/router.hpp"

namespace finhelm::storage {
class Database;
}
namespace finhelm::imports {
class MalwareScanner;
}

namespace finhelm::api {

struct ImportRouteDependencies {
  storage::Database* database = nullptr;
  const Clock* clock = nullptr;
  std::filesystem::path uploads_directory;
  // Null when no scanner is configured: uploads are then refused when `require_scan`
  // (production), and accepted unscanned with a warning otherwise.
  const imports::MalwareScanner* scanner = nullptr;
  bool require_scan = true;
};

Status AddImportRoutes(http::Router& router, ImportRouteDependencies dependencies);

}  // namespace finhelm::api
