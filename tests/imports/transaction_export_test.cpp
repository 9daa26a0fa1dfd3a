// Exports written to unlinked scratch files, on both backends: the file holds every line,
// nothing is left in the scratch directory, and an XLSX past its line limit is refused.
#include "exports/transaction_export.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "demo/demo_company.hpp"
#include "demo/general_ledger_csv.hpp"
#include "tests/imports/import_fixture.hpp"

namespace finhelm::exports {
namespace {

using storage::testing::Backend;

class TransactionExport : public imports::testing::ImportFixture {
 protected:
  void SetUp() override {
    ImportFixture::SetUp();
    if (IsSkipped()) return;
    demo::DemoOptions options;
    options.last_day = *CalendarDate::FromParts(2025, 3, 31);
    auto ledger = demo::GenerateDemoCompany(options);
    ASSERT_TRUE(ledger.ok());
    for (const auto& transaction : ledger->transactions) lines_ += transaction.lines.size();
    std::ostringstream csv;
    ASSERT_TRUE(demo::WriteGeneralLedgerCsv(*ledger, csv).ok());
    ASSERT_TRUE(Import(Source(Write("demo.csv", csv.str())), org_).clean());
    scratch_ = directory_ / "scratch";
  }

  static std::string ReadAll(const ExportedFile& file) {
    std::string content(file.bytes, '\0');
    EXPECT_EQ(::pread(file.file.get(), content.data(), content.size(), 0),
              static_cast<ssize_t>(content.size()));
    return content;
  }

  bool ScratchIsEmpty() const { return std::filesystem::is_empty(scratch_); }

  std::size_t lines_ = 0;
  std::filesystem::path scratch_;
};

TEST_P(TransactionExport, ACsvHoldsEveryLineAndLeavesNoFileBehind) {
  auto connection = database().Acquire();
  storage::OrgScope scope(**connection, org_);
  auto file = ExportTransactionsCsv(scope, {}, imports::testing::Usd(), scratch_);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->lines, static_cast<std::int64_t>(lines_));
  EXPECT_GT(file->bytes, std::uint64_t{256} * 1024);  // more than one chunk of the HTTP layer
  EXPECT_TRUE(ScratchIsEmpty());                      // unlinked while still open
  const std::string content = ReadAll(*file);
  EXPECT_TRUE(content.starts_with("Date,Transaction ID,Type,Num,Name,Account,Memo,Debit,Credit"));
  EXPECT_EQ(static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n')), lines_ + 1);
}

TEST_P(TransactionExport, AnXlsxPastItsLimitIsRefusedAndLeavesNoFileBehind) {
  auto connection = database().Acquire();
  storage::OrgScope scope(**connection, org_);
  auto refused = ExportTransactionsXlsx(scope, {}, imports::testing::Usd(), scratch_, 100);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kResourceExhausted);
  auto file = ExportTransactionsXlsx(scope, {}, imports::testing::Usd(), scratch_);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->lines, static_cast<std::int64_t>(lines_));
  EXPECT_TRUE(ReadAll(*file).starts_with("PK"));  // a zip container
  EXPECT_TRUE(ScratchIsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Backends, TransactionExport,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);

}  // namespace
}  // namespace finhelm::exports
