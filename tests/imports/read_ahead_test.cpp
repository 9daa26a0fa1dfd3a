// ReadLinesAhead: a General Ledger of several batches read on a second thread, handled in
// file order, with rejections from the handler counted, and a handler that fails ending
// the pass without waiting for the rest of the file.
#include "imports/read_ahead.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

namespace finhelm::imports {
namespace {

// Records of the account section start on line 7 of the file.
constexpr std::int64_t kFirstRecordLine = 7;

class ReadAhead : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("finhelm_read_ahead_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv");
    std::ofstream out(path_, std::ios::binary);
    out << "Harbor & Pine Consulting LLC\r\nGeneral Ledger\r\n\"January 1, 2024 - December 31, "
           "2024\"\r\n\r\n,Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,"
           "Balance\r\n1000 Checking,,,,,,,,\r\n";
    for (std::size_t i = 0; i < kRecords; ++i) {
      out << ",01/02/2024,Deposit,DEP-" << i << ",Client," << kMemo
          << ",4000 Revenue,1.00,1.00\r\n";
    }
    out << "Total for 1000 Checking,,,,,,," << kRecords << ".00,\r\n";
  }
  void TearDown() override { std::filesystem::remove(path_); }

  // Opens the file and reads it ahead into `visit`.
  Status Read(ImportReport& report, const RecordLinesVisitor& visit,
              const ImportProgress& progress = nullptr) {
    ImportSource source{path_, TextEncoding::kUtf8, ReadOptions(*CurrencyCode::Parse("USD"))};
    auto file = OpenExport(source, report);
    EXPECT_TRUE(file.ok() && file->has_value());
    auto rows = MakeRowReader((**file).layout, source.options);
    EXPECT_TRUE(rows.ok());
    return ReadLinesAhead(**file, **rows, report, progress, 10, 50, visit);
  }

  // A memo long enough for the file to pass the 1 MiB between two progress reports.
  static constexpr std::string_view kMemo =
      "Consulting fee for the quarter as agreed in the engagement letter of the year before";
  // More records than the queue holds, and a batch left part full at the end.
  static constexpr std::size_t kRecords = kBatchRecords * (kBatchesAhead + 10) + 17;
  std::filesystem::path path_;
};

TEST_F(ReadAhead, HandsEveryRecordInFileOrder) {
  ImportReport report;
  std::int64_t expected = kFirstRecordLine;
  std::size_t records = 0;
  Status read = Read(report, [&](std::span<const ImportedLine> lines) -> Status {
    EXPECT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines.front().line, expected);
    EXPECT_EQ(lines.front().num, "DEP-" + std::to_string(records));
    ++expected;
    ++records;
    return Status::Ok();
  });
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(records, kRecords);
  EXPECT_TRUE(report.clean());
  // and the section's title and total, read and skipped
  EXPECT_EQ(report.rows_read, static_cast<std::int64_t>(kRecords) + 2);
  EXPECT_EQ(report.rows_skipped, 2);
}

TEST_F(ReadAhead, CountsTheRecordsTheHandlerRejectsWithTheirLines) {
  ImportReport report;
  std::size_t records = 0;
  Status read = Read(report, [&](std::span<const ImportedLine>) -> Status {
    return records++ % 1000 == 999 ? MakeError(ErrorCode::kInvalidArgument, "no such account")
                                   : Status::Ok();
  });
  ASSERT_TRUE(read.ok());
  const std::int64_t rejected = static_cast<std::int64_t>(kRecords / 1000);
  EXPECT_EQ(report.rows_rejected, rejected);
  ASSERT_EQ(report.rejections.size(), static_cast<std::size_t>(rejected));
  for (std::size_t i = 0; i < report.rejections.size(); ++i) {
    EXPECT_EQ(report.rejections[i].line,
              kFirstRecordLine + 999 + static_cast<std::int64_t>(i) * 1000);
    EXPECT_EQ(report.rejections[i].reason, "no such account");
  }
}

TEST_F(ReadAhead, AFailingHandlerEndsThePassWithItsError) {
  ImportReport report;
  std::size_t records = 0;
  Status read = Read(report, [&](std::span<const ImportedLine>) -> Status {
    return ++records == 10 ? MakeError(ErrorCode::kUnavailable, "database is locked")
                           : Status::Ok();
  });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message, "database is locked");
  EXPECT_EQ(records, 10U);
  // The reader stopped within the queue's reach instead of reading the whole file.
  EXPECT_LT(report.rows_read, static_cast<std::int64_t>(kBatchRecords * (kBatchesAhead + 3)));
}

TEST_F(ReadAhead, ReportsProgressFromTheReadingThread) {
  ImportReport report;
  std::vector<int> percents;  // only the reading thread appends
  Status read = Read(
      report, [](std::span<const ImportedLine>) { return Status::Ok(); },
      [&](int percent, std::string_view) {
        percents.push_back(percent);
        return Status::Ok();
      });
  ASSERT_TRUE(read.ok());
  ASSERT_FALSE(percents.empty());
  EXPECT_TRUE(std::is_sorted(percents.begin(), percents.end()));
  EXPECT_GE(percents.front(), 10);
  EXPECT_LE(percents.back(), 50);
}

TEST_F(ReadAhead, AFailingProgressEndsThePassWithItsError) {
  ImportReport report;
  Status read = Read(
      report, [](std::span<const ImportedLine>) { return Status::Ok(); },
      [](int, std::string_view) { return MakeError(ErrorCode::kConflict, "job lease lost"); });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message, "job lease lost");
}

}  // namespace
}  // namespace finhelm::imports
