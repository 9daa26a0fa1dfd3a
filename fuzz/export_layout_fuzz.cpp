// Fuzzes the QuickBooks layout detector and the row readers: the input is read as CSV,
// its layout detected, and every record after the header read as a General Ledger,
// newer-layout, Transaction List, bank-statement (with the detector's suggested mapping)
// or Budget Overview row. Nothing may crash; every line read must carry an account, a
// real date and a non-zero amount, every budget cell a month of the header, and every
// rejection a reason.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "imports/budget_rows.hpp"
#include "imports/csv_reader.hpp"
#include "imports/layout.hpp"
#include "imports/ledger_rows.hpp"

using finhelm::imports::CsvRecord;

namespace {

void ReadBudgetRows(const finhelm::imports::DetectedLayout& layout,
                    const finhelm::imports::ReadOptions& options,
                    const std::vector<CsvRecord>& records) {
  const finhelm::imports::BudgetRowReader reader(layout.months, options);
  finhelm::imports::BudgetRow row;
  for (std::size_t i = layout.header_index + 1; i < records.size(); ++i) {
    finhelm::imports::RowRejection rejection;
    switch (reader.Read(records[i], row, rejection)) {
      case finhelm::imports::RowOutcome::kLines:
        if (row.account.empty() || row.cells.empty()) std::abort();
        for (const auto& cell : row.cells) {
          if (cell.month.day() != 1) std::abort();
        }
        break;
      case finhelm::imports::RowOutcome::kRejected:
        if (rejection.reason.empty()) std::abort();
        break;
      case finhelm::imports::RowOutcome::kSkipped:
        break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  finhelm::imports::CsvReader reader(finhelm::imports::MemorySource(text));
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (records.size() < 200) {
    auto step = reader.Next(record);
    if (!step.ok() || *step == finhelm::imports::CsvStep::kEnd) break;
    if (*step == finhelm::imports::CsvStep::kMalformed) record.fields.clear();
    records.push_back(record);
  }
  auto layout = finhelm::imports::DetectLayout(records);
  if (!layout.ok()) return 0;
  if (layout->header_index >= records.size()) std::abort();
  finhelm::imports::ReadOptions options(*finhelm::CurrencyCode::Parse("USD"));
  if (size > 0 && data[size - 1] % 2 == 0) {
    options.date_order = finhelm::imports::DateOrder::kDayFirst;
    options.amount_style = finhelm::imports::AmountStyle::kDecimalComma;
  }
  if (layout->format == finhelm::imports::ExportFormat::kBudget) {
    ReadBudgetRows(*layout, options, records);
    return 0;
  }
  if (layout->format == finhelm::imports::ExportFormat::kBankStatement) {
    finhelm::imports::BankMapping mapping;
    mapping.date = layout->columns.date;
    mapping.description = layout->columns.memo;
    mapping.amount = layout->columns.amount;
    mapping.debit = layout->columns.debit;
    mapping.credit = layout->columns.credit;
    mapping.balance = layout->columns.balance;
    mapping.bank_account = "1000 Checking";
    options.bank = mapping;
  }
  auto rows = finhelm::imports::MakeRowReader(*layout, options);
  if (!rows.ok()) return 0;
  std::vector<finhelm::imports::ImportedLine> lines;
  for (std::size_t i = layout->header_index + 1; i < records.size(); ++i) {
    finhelm::imports::RowRejection rejection;
    switch ((*rows)->Read(records[i], lines, rejection)) {
      case finhelm::imports::RowOutcome::kLines:
        if (lines.empty()) std::abort();
        for (const auto& line : lines) {
          if (line.account.empty() || line.group.empty()) std::abort();
          if (line.amount == 0 && line.sense != finhelm::imports::AmountSense::kBalancesRecord) {
            std::abort();
          }
          if (!finhelm::CalendarDate::FromNumber(line.date.Number()).ok()) std::abort();
        }
        break;
      case finhelm::imports::RowOutcome::kRejected:
        if (rejection.reason.empty()) std::abort();
        break;
      case finhelm::imports::RowOutcome::kSkipped:
        break;
    }
  }
  return 0;
}
