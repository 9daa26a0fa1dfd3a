#include "imports/upload_sweeper.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/clock.hpp"
#include "imports/import_records.hpp"
#include "storage/org_scope.hpp"
#include "storage/organizations.hpp"
#include "tests/storage/test_database.hpp"

namespace finhelm::imports {
namespace {

using storage::testing::Backend;
using storage::testing::BackendTest;

class UploadSweeper : public BackendTest {};

TEST_P(UploadSweeper, DeletesOnlyOrphans) {
  const auto directory = std::filesystem::temp_directory_path() /
                         ("finhelm_sweep_" + std::to_string(::getpid()) +
                          (GetParam() == Backend::kSqlite ? "_sqlite" : "_postgresql"));
  std::filesystem::remove_all(directory);
  UploadStore uploads(directory);
  auto pending = uploads.Save("Date,Amount\n");
  auto orphan = uploads.Save("Date,Amount\n");
  auto fresh_orphan = uploads.Save("Date,Amount\n");
  ASSERT_TRUE(pending.ok() && orphan.ok() && fresh_orphan.ok());
  std::filesystem::path stranger = directory / "notes.txt";  // Not a name the store makes.
  std::ofstream(stranger) << "keep";

  SystemClock clock;
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  auto organization = storage::CreateOrganization(**connection, "Acme", clock);
  ASSERT_TRUE(organization.ok());
  storage::OrgScope scope(**connection, *organization);
  NewImport record;
  record.file_name = "a.csv";
  record.upload = *pending;
  record.options_json = "{}";
  ASSERT_TRUE(InsertImport(scope, record).ok());

  const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::hours(2);
  for (const auto* upload : {&*pending, &*orphan}) {
    std::filesystem::last_write_time(*uploads.PathOf(upload->stored_name), old);
  }
  std::filesystem::last_write_time(stranger, old);
  auto swept = SweepOrphanUploads(database(), uploads);
  ASSERT_TRUE(swept.ok()) << swept.error().message;
  EXPECT_EQ(*swept, 1);
  EXPECT_TRUE(std::filesystem::exists(*uploads.PathOf(pending->stored_name)));
  EXPECT_FALSE(std::filesystem::exists(*uploads.PathOf(orphan->stored_name)));
  EXPECT_TRUE(std::filesystem::exists(*uploads.PathOf(fresh_orphan->stored_name)));
  EXPECT_TRUE(std::filesystem::exists(stranger));
  EXPECT_EQ(std::filesystem::status(*uploads.PathOf(pending->stored_name)).permissions() &
                std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::filesystem::remove_all(directory);
}

INSTANTIATE_TEST_SUITE_P(Backends, UploadSweeper,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);

}  // namespace
}  // namespace finhelm::imports
