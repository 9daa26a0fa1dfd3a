// Ledger rows: what one CSV record of an export says about one transaction's lines.
//
// A RowReader turns each record after the header into zero, one or two ImportedLines,
// a skip (blank rows, section titles, totals, beginning balances, footers) or a
// rejection with its reason. Readers keep only the state of the current section and the
// previous row, so a file of any length streams through them.
//
// Lines of one transaction share `group`: QuickBooks exports have no transaction id, so
// the General Ledger readers group by date, type, number and name, which is what
// identifies a transaction on a QuickBooks report. Bank-statement rows are each a
// transaction of two lines: the bank account and an uncategorized income or expense
// account, where QuickBooks puts bank-feed lines until someone categorizes them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar_date.hpp"
#include "core/money.hpp"
#include "imports/amount_text.hpp"
#include "imports/csv_reader.hpp"
#include "imports/date_text.hpp"
#include "imports/layout.hpp"

namespace finhelm::imports {

// How to read an amount: in the account's natural sign, as QuickBooks reports it (an
// invoice is positive under both receivables and income); debit-positive; or, for the
// split line of a Transaction List row, whatever balances the record's first line, which
// only the writer can work out, since it knows the first account's type.
enum class AmountSense { kNatural, kDebitPositive, kBalancesRecord };

struct ImportedLine {
  std::int64_t line = 0;
  std::string account;  // as exported: "4000 Service Revenue", "Utilities:Electric"
  CalendarDate date;
  std::string type;
  std::string num;
  std::string name;
  std::string memo;
  std::int64_t amount = 0;  // minor units of the import's currency
  AmountSense sense = AmountSense::kNatural;
  std::optional<CalendarDate> due;
  std::string group;
};

enum class RowOutcome { kLines, kSkipped, kRejected };

struct RowRejection {
  std::int64_t line = 0;
  std::string reason;
};

// The column mapping of a bank statement, chosen by the user at preview and saved.
struct BankMapping {
  int date = -1;
  int description = -1;
  int amount = -1;  // positive = money in; or debit and credit columns instead
  int debit = -1;   // money out
  int credit = -1;  // money in
  int balance = -1;
  int reference = -1;
  std::string bank_account;  // the account the statement is of: "1000 Checking"
};

// The cell of `record` in `column` without surrounding spaces and tabs; empty when the
// record is shorter.
std::string_view TrimmedCell(const CsvRecord& record, int column);

struct ReadOptions {
  explicit ReadOptions(CurrencyCode currency_code) : currency(currency_code) {}

  CurrencyCode currency;
  DateOrder date_order = DateOrder::kMonthFirst;
  AmountStyle amount_style = AmountStyle::kDecimalPoint;
  std::optional<BankMapping> bank;  // required for ExportFormat::kBankStatement
};

// Where bank-statement lines are balanced until someone categorizes them.
inline constexpr std::string_view kUncategorizedIncome = "Uncategorized Income";
inline constexpr std::string_view kUncategorizedExpense = "Uncategorized Expense";

class RowReader {
 public:
  virtual ~RowReader() = default;
  // `lines` is cleared first; on kLines it holds the record's lines, on kRejected
  // `rejection` says why.
  virtual RowOutcome Read(const CsvRecord& record, std::vector<ImportedLine>& lines,
                          RowRejection& rejection) = 0;
};

// kInvalidArgument when the layout needs what the options lack (a bank mapping) or the
// mapping names columns the header does not have.
Result<std::unique_ptr<RowReader>> MakeRowReader(const DetectedLayout& layout,
                                                 const ReadOptions& options);

}  // namespace finhelm::imports
