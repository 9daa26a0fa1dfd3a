// Exporting transactions: every line of every transaction the ledger API's filters
// select, newest first, as CSV (UTF-8, CRLF, RFC 4180) or XLSX (libxlsxwriter), with the
// columns Date, Transaction ID, Type, Num, Name, Account, Memo, Debit, Credit. Text cells
// are neutralized (spreadsheet_cell.hpp).
//
// The ledger is read page by page; the file is built in memory up to `max_lines` lines
// (kResourceExhausted beyond), because the HTTP layer sends bodies whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/money.hpp"
#include "core/result.hpp"
#include "ledger/ledger_queries.hpp"

namespace finhelm::exports {

struct ExportedFile {
  std::string content;
  std::int64_t lines = 0;
};

inline constexpr std::int64_t kMaxExportLines = 500'000;

Result<ExportedFile> ExportTransactionsCsv(storage::OrgScope& scope,
                                           const ledger::TransactionFilter& filter,
                                           CurrencyCode currency,
                                           std::int64_t max_lines = kMaxExportLines);

// libxlsxwriter writes to a file: it goes in `scratch_directory` (mode 0600) and is
// removed once read.
Result<ExportedFile> ExportTransactionsXlsx(storage::OrgScope& scope,
                                            const ledger::TransactionFilter& filter,
                                            CurrencyCode currency,
                                            const std::filesystem::path& scratch_directory,
                                            std::int64_t max_lines = kMaxExportLines);

}  // namespace finhelm::exports
