// The export routes (SPEC section 4), for accountants and admins (org:operate):
//   GET /v1/orgs/{org}/exports/transactions.csv
//   GET /v1/orgs/{org}/exports/transactions.xlsx
// with the filters of GET transactions. Every export is audited (`data_exported`, with
// its filters and size): it is the organization's books leaving FinHelm.
#pragma once

#include <filesystem>

#include "core/clock.hpp"
#include "http/router.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::api {

struct ExportRouteDependencies {
  storage::Database* database = nullptr;
  const Clock* clock = nullptr;
  std::filesystem::path scratch_directory;  // where XLSX files are assembled
};

Status AddExportRoutes(http::Router& router, ExportRouteDependencies dependencies);

}  // namespace finhelm::api
