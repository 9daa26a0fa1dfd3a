// Which export a CSV file is, and which column holds what (PROTOCOLS.md).
//
// QuickBooks puts title rows (company, report name, date range) above its header row,
// so the header is found by its keywords among the first records, not assumed to be
// the first line:
//   General Ledger / Transaction Detail by Account, classic: Date, Transaction Type,
//     Amount and Split, and no account column -- the account comes from section rows;
//   the newer layout: a "Distribution account" column on every row;
//   Transaction List by Date: Date, Transaction Type, Amount and an "Account" column
//     (or "Posting" with "Account"), one row per transaction with its split account;
//   a Budget Overview: an empty or "Account" first cell, then months ("Jan 2026") and
//     perhaps "Total" (budget_rows.hpp);
//   anything else with a date column is a bank statement, which needs a column mapping
//     (the detector suggests one from the header's words).
// Header cells are compared without case, spaces or punctuation ("Memo/Description" is
// "memodescription").
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_date.hpp"
#include "core/result.hpp"
#include "imports/csv_reader.hpp"

namespace finhelm::imports {

enum class ExportFormat {
  kGeneralLedgerClassic,
  kGeneralLedgerModern,
  kTransactionList,
  kBankStatement,
  kBudget,
};

// "quickbooks-general-ledger", "quickbooks-general-ledger-modern",
// "quickbooks-transaction-list", "bank-statement", "quickbooks-budget".
const char* ExportFormatName(ExportFormat format);

// Column indexes in the header row; -1 where the export has no such column.
struct ColumnMap {
  int date = -1;
  int type = -1;
  int num = -1;
  int name = -1;
  int memo = -1;
  int account = -1;
  int split = -1;
  int amount = -1;
  int debit = -1;
  int credit = -1;
  int balance = -1;
  int due_date = -1;
};

struct DetectedLayout {
  ExportFormat format = ExportFormat::kBankStatement;
  std::size_t header_index = 0;  // position of the header among the records given
  std::int64_t header_line = 0;
  std::vector<std::string> header;
  ColumnMap columns;  // for a bank statement, only a suggestion
  // For a budget, the month of each header cell (nullopt for the account and Total).
  std::vector<std::optional<CalendarDate>> months;
};

// How many records the detector needs to see at most.
inline constexpr std::size_t kLayoutProbeRecords = 64;

// Finds the header among `records` (the file's first records, malformed ones included
// with no fields). kInvalidArgument when no record looks like a header.
Result<DetectedLayout> DetectLayout(std::span<const CsvRecord> records);

// "Memo/Description" -> "memodescription".
std::string NormalizeHeaderCell(std::string_view cell);

}  // namespace finhelm::imports
