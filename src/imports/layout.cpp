#include "imports/layout.hpp"

#include <cctype>
#include <utility>

#include "imports/budget_rows.hpp"

namespace finhelm::imports {
namespace {

int Find(const std::vector<std::string>& cells, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (cells[i] == name) return static_cast<int>(i);
    }
  }
  return -1;
}

// The first cell that contains one of `words`, for bank headers worded freely.
int FindContaining(const std::vector<std::string>& cells,
                   std::initializer_list<std::string_view> words, int skip = -1) {
  for (std::string_view word : words) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (static_cast<int>(i) != skip && cells[i].find(word) != std::string::npos) {
        return static_cast<int>(i);
      }
    }
  }
  return -1;
}

ColumnMap QuickBooksColumns(const std::vector<std::string>& cells) {
  ColumnMap map;
  map.date = Find(cells, {"date", "transactiondate"});
  map.type = Find(cells, {"transactiontype", "type"});
  map.num = Find(cells, {"num", "no", "number", "refno"});
  map.name = Find(cells, {"name", "customervendor", "payee"});
  map.memo = Find(cells, {"memodescription", "memo", "description"});
  map.account = Find(cells, {"distributionaccount", "account", "accountfullname"});
  map.split = Find(cells, {"split", "splitaccount"});
  map.amount = Find(cells, {"amount"});
  map.debit = Find(cells, {"debit"});
  map.credit = Find(cells, {"credit"});
  map.balance = Find(cells, {"balance"});
  map.due_date = Find(cells, {"duedate"});
  return map;
}

ColumnMap BankColumns(const std::vector<std::string>& cells) {
  ColumnMap map;
  map.date = FindContaining(cells, {"postingdate", "transactiondate", "date", "posted"});
  map.memo = FindContaining(cells, {"description", "memo", "details", "narrative", "payee"});
  map.debit = FindContaining(cells, {"debit", "withdrawal", "moneyout", "paidout"});
  map.credit = FindContaining(cells, {"credit", "deposit", "moneyin", "paidin"});
  map.amount = Find(cells, {"amount", "transactionamount", "value"});
  map.balance = FindContaining(cells, {"balance"});
  if (map.amount >= 0) {
    map.debit = -1;
    map.credit = -1;
  }
  map.num = Find(cells, {"checknumber", "check", "reference", "ref", "num"});
  return map;
}

}  // namespace

const char* ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGeneralLedgerClassic:
      return "quickbooks-general-ledger";
    case ExportFormat::kGeneralLedgerModern:
      return "quickbooks-general-ledger-modern";
    case ExportFormat::kTransactionList:
      return "quickbooks-transaction-list";
    case ExportFormat::kBankStatement:
      return "bank-statement";
    case ExportFormat::kBudget:
      return "quickbooks-budget";
  }
  return "bank-statement";
}

std::string NormalizeHeaderCell(std::string_view cell) {
  std::string out;
  for (char c : cell) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0) out.push_back(static_cast<char>(std::tolower(byte)));
  }
  return out;
}

Result<DetectedLayout> DetectLayout(std::span<const CsvRecord> records) {
  std::optional<std::size_t> bank_header;
  for (std::size_t index = 0; index < records.size() && index < kLayoutProbeRecords; ++index) {
    std::vector<std::string> cells;
    int filled = 0;
    for (const std::string& field : records[index].fields) {
      cells.push_back(NormalizeHeaderCell(field));
      if (!cells.back().empty()) ++filled;
    }
    if (filled < 2) continue;
    const ColumnMap quickbooks = QuickBooksColumns(cells);
    DetectedLayout layout;
    layout.header_index = index;
    layout.header_line = records[index].line;
    layout.header = records[index].fields;
    const bool ledger_like =
        quickbooks.date >= 0 && quickbooks.type >= 0 &&
        (quickbooks.amount >= 0 || (quickbooks.debit >= 0 && quickbooks.credit >= 0));
    if (ledger_like) {
      layout.columns = quickbooks;
      if (Find(cells, {"distributionaccount"}) >= 0) {
        layout.format = ExportFormat::kGeneralLedgerModern;
      } else if (quickbooks.account >= 0) {
        layout.format = ExportFormat::kTransactionList;
      } else if (quickbooks.split >= 0) {
        layout.format = ExportFormat::kGeneralLedgerClassic;
      } else {
        continue;
      }
      return layout;
    }
    if (auto months = BudgetHeaderMonths(records[index].fields); !months.empty()) {
      layout.format = ExportFormat::kBudget;
      layout.months = std::move(months);
      return layout;
    }
    if (!bank_header && FindContaining(cells, {"date", "posted"}) >= 0) bank_header = index;
  }
  if (bank_header) {
    DetectedLayout layout;
    layout.format = ExportFormat::kBankStatement;
    layout.header_index = *bank_header;
    layout.header_line = records[*bank_header].line;
    layout.header = records[*bank_header].fields;
    std::vector<std::string> cells;
    for (const std::string& field : layout.header) cells.push_back(NormalizeHeaderCell(field));
    layout.columns = BankColumns(cells);
    return layout;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "no header row with a date column in the first 64 records");
}

}  // namespace finhelm::imports
