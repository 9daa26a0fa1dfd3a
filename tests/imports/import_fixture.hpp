// The fixture of the import tests against the real databases (both backends): two
// organizations, a scratch directory, and Import(), which validates and, when clean,
// writes and commits as the import job does.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "imports/file_source.hpp"
#include "imports/import_records.hpp"
#include "imports/ledger_import.hpp"
#include "storage/org_scope.hpp"
#include "storage/organizations.hpp"
#include "storage/transaction.hpp"
#include "tests/storage/test_database.hpp"

namespace finhelm::imports::testing {

inline constexpr storage::Sql kCountLines{
    "SELECT COUNT(*) FROM ledger_lines WHERE organization_id = :org_id"};

inline CurrencyCode Usd() { return *CurrencyCode::Parse("USD"); }

class ImportFixture : public storage::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    directory_ = std::filesystem::temp_directory_path() /
                 ("finhelm_import_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
    auto connection = database().Acquire();
    ASSERT_TRUE(connection.ok());
    org_ = *storage::CreateOrganization(**connection, "Acme", clock_);
    other_org_ = *storage::CreateOrganization(**connection, "Beta", clock_);
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
    BackendTest::TearDown();
  }

  std::filesystem::path Write(const std::string& name, std::string_view content) {
    std::filesystem::path path = directory_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  ImportSource Source(const std::filesystem::path& path, ReadOptions options = ReadOptions(Usd())) {
    auto encoding = DetectFileEncoding(path);
    EXPECT_TRUE(encoding.ok());
    return ImportSource{path, encoding.ok() ? *encoding : TextEncoding::kUtf8, std::move(options)};
  }

  // Validates, and when clean writes and commits, as the import job does.
  ImportReport Import(const ImportSource& source, OrganizationId organization) {
    auto connection = database().Acquire();
    EXPECT_TRUE(connection.ok());
    storage::OrgScope scope(**connection, organization);
    auto validated = ValidateImport(source, scope, nullptr);
    EXPECT_TRUE(validated.ok()) << (validated.ok() ? "" : validated.error().message);
    if (!validated.ok() || !validated->clean()) return validated.ok() ? *validated : ImportReport{};
    auto transaction = storage::Transaction::Begin(**connection);
    EXPECT_TRUE(transaction.ok());
    NewImport record;
    record.file_name = source.file.filename().string();
    record.upload = {"00000000000000000000000000000000", "sha", 1};
    record.options_json = "{}";
    auto import_id = InsertImport(scope, record);
    EXPECT_TRUE(import_id.ok());
    auto written = WriteImport(source, scope, *validated, *import_id, clock_.NowUnixSeconds());
    EXPECT_TRUE(written.ok()) << (written.ok() ? "" : written.error().message);
    EXPECT_TRUE(transaction->Commit().ok());
    return written.ok() ? *written : ImportReport{};
  }

  std::int64_t CountLines(OrganizationId organization) {
    auto connection = database().Acquire();
    storage::OrgScope scope(**connection, organization);
    return (*scope.QueryOptional(kCountLines))->Int(0);
  }

  SystemClock clock_;
  std::filesystem::path directory_;
  OrganizationId org_{0};
  OrganizationId other_org_{0};
};

}  // namespace finhelm::imports::testing
