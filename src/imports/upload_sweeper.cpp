#include "imports/upload_sweeper.hpp"

#include <filesystem>

#include "storage/database.hpp"

namespace finhelm::imports {
namespace {

// Across organizations on purpose: the directory is the installation's.
constexpr storage::Sql kPendingImportOf = storage::Sql::CrossTenant(
    "SELECT 1 FROM imports WHERE stored_name = ? AND status IN ('queued', 'running')");

}  // namespace

Result<std::int64_t> SweepOrphanUploads(storage::Database& database, const UploadStore& uploads,
                                        std::chrono::seconds min_age) {
  std::error_code error;
  std::filesystem::directory_iterator files(uploads.directory(), error);
  if (error) return std::int64_t{0};  // No directory yet: nothing was ever uploaded.
  auto connection = database.Acquire();
  if (!connection.ok()) return connection.error();
  const auto oldest = std::filesystem::file_time_type::clock::now() - min_age;
  std::int64_t deleted = 0;
  for (const auto& entry : files) {
    const std::string name = entry.path().filename().string();
    if (!uploads.PathOf(name).ok()) continue;  // Not a file the store made.
    const auto written = entry.last_write_time(error);
    if (error || written > oldest) continue;
    auto pending = (*connection)->QueryOptional(kPendingImportOf, {name});
    if (!pending.ok()) return pending.error();
    if (*pending) continue;
    if (Status removed = uploads.Remove(name); !removed.ok()) return removed.error();
    ++deleted;
  }
  return deleted;
}

}  // namespace finhelm::imports
