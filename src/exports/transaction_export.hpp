// Exporting transactions: every line of every transaction the ledger API's filters
// select, newest first, as CSV (UTF-8, CRLF, RFC 4180) or XLSX (libxlsxwriter), with the
// columns Date, Transaction ID, Type, Num, Name, Account, Memo, Debit, Credit. Text cells
// are neutralized (spreadsheet_cell.hpp).
//
// The ledger is read page by page and the file written to `scratch_directory` as it goes
// (created mode 0600 and unlinked at once, so nothing is left behind however the process
// ends); the HTTP layer sends it from there in chunks (http::BodyFile). Memory does not
// grow with the export: a CSV has no limit, an XLSX sheet holds at most kMaxXlsxLines
// (kResourceExhausted beyond).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/money.hpp"
#include "core/result.hpp"
#include "core/unique_fd.hpp"
#include "ledger/ledger_queries.hpp"

namespace finhelm::exports {

struct ExportedFile {
  UniqueFd file;  // open for reading, at offset 0, already unlinked
  std::uint64_t bytes = 0;
  std::int64_t lines = 0;
};

// A worksheet's 1,048,576 rows, less the header.
inline constexpr std::int64_t kMaxXlsxLines = 1'048'575;

Result<ExportedFile> ExportTransactionsCsv(storage::OrgScope& scope,
                                           const ledger::TransactionFilter& filter,
                                           CurrencyCode currency,
                                           const std::filesystem::path& scratch_directory);

Result<ExportedFile> ExportTransactionsXlsx(storage::OrgScope& scope,
                                            const ledger::TransactionFilter& filter,
                                            CurrencyCode currency,
                                            const std::filesystem::path& scratch_directory,
                                            std::int64_t max_lines = kMaxXlsxLines);

}  // namespace finhelm::exports
