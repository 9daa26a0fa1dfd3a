#include "imports/ledger_rows.hpp"

#include <string_view>
#include <utility>

namespace finhelm::imports {

std::string_view TrimmedCell(const CsvRecord& record, int column) {
  if (column < 0 || static_cast<std::size_t>(column) >= record.fields.size()) return {};
  std::string_view cell = record.fields[static_cast<std::size_t>(column)];
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
  return cell;
}

namespace {

std::string_view Cell(const CsvRecord& record, int column) { return TrimmedCell(record, column); }

bool IsBlank(const CsvRecord& record) {
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    if (!Cell(record, static_cast<int>(i)).empty()) return false;
  }
  return true;
}

// Cells other than the first are all empty: a section title, a footer or a total.
bool OnlyFirstCell(const CsvRecord& record) {
  if (record.fields.empty() || Cell(record, 0).empty()) return false;
  for (std::size_t i = 1; i < record.fields.size(); ++i) {
    if (!Cell(record, static_cast<int>(i)).empty()) return false;
  }
  return true;
}

bool StartsWithWords(std::string_view text, std::string_view words) {
  if (text.size() < words.size()) return false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const char a = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] + 32) : text[i];
    if (a != words[i]) return false;
  }
  return true;
}

// QuickBooks ends a report with "Accrual Basis Friday, December 4, 2026 ..."; quoted, it is
// one cell, unquoted its commas split it into several.
bool IsReportFooter(const CsvRecord& record) {
  if (record.fields.empty()) return false;
  std::string_view first = Cell(record, 0);
  return StartsWithWords(first, "accrual basis") || StartsWithWords(first, "cash basis");
}

bool MentionsBeginningBalance(const CsvRecord& record) {
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    if (StartsWithWords(Cell(record, static_cast<int>(i)), "beginning balance")) return true;
  }
  return false;
}

RowOutcome Reject(RowRejection& rejection, const CsvRecord& record, std::string reason) {
  rejection.line = record.line;
  rejection.reason = std::move(reason);
  return RowOutcome::kRejected;
}

std::string GroupOf(const ImportedLine& line) {
  std::string group = std::to_string(line.date.Number());
  for (const std::string* part : {&line.type, &line.num, &line.name}) {
    group.push_back('\x1f');
    group += *part;
  }
  return group;
}

// The columns QuickBooks' three ledger layouts share; `account` comes from the caller.
class QuickBooksRows : public RowReader {
 public:
  QuickBooksRows(const DetectedLayout& layout, const ReadOptions& options)
      : layout_(layout), options_(options) {}

 protected:
  // Reads date, type, num, name, memo, amount and due date of a data row; kSkipped when
  // the row is not one (no date and no amount).
  RowOutcome ReadCommon(const CsvRecord& record, ImportedLine& line, RowRejection& rejection) {
    const ColumnMap& columns = layout_.columns;
    std::string_view date_text = Cell(record, columns.date);
    std::string_view amount_text = Cell(record, columns.amount);
    std::string_view debit_text = Cell(record, columns.debit);
    std::string_view credit_text = Cell(record, columns.credit);
    if (date_text.empty() && amount_text.empty() && debit_text.empty() && credit_text.empty()) {
      return RowOutcome::kSkipped;
    }
    auto date = ParseExportDate(date_text, options_.date_order);
    if (!date.ok()) {
      return Reject(rejection, record,
                    "the date is not a " + std::string(DateOrderName(options_.date_order)) +
                        " date: \"" + std::string(date_text.substr(0, 40)) + "\"");
    }
    line.line = record.line;
    line.date = *date;
    line.type = std::string(Cell(record, columns.type));
    line.num = std::string(Cell(record, columns.num));
    line.name = std::string(Cell(record, columns.name));
    line.memo = std::string(Cell(record, columns.memo));
    if (columns.amount >= 0) {
      auto amount = ParseExportAmount(amount_text, options_.currency, options_.amount_style);
      if (!amount.ok()) return Reject(rejection, record, "the amount is not a number");
      line.amount = amount->minor_units();
      line.sense = AmountSense::kNatural;
    } else {
      auto debit = debit_text.empty()
                       ? Result<Money>(Money::Zero(options_.currency))
                       : ParseExportAmount(debit_text, options_.currency, options_.amount_style);
      auto credit = credit_text.empty()
                        ? Result<Money>(Money::Zero(options_.currency))
                        : ParseExportAmount(credit_text, options_.currency, options_.amount_style);
      if (!debit.ok() || !credit.ok()) {
        return Reject(rejection, record, "the debit or credit is not a number");
      }
      auto net = debit->Subtract(*credit);
      if (!net.ok()) return Reject(rejection, record, "the amount is out of range");
      line.amount = net->minor_units();
      line.sense = AmountSense::kDebitPositive;
    }
    if (line.amount == 0) return RowOutcome::kSkipped;  // A zero line moves no balance.
    line.due.reset();
    if (std::string_view due = Cell(record, columns.due_date); !due.empty()) {
      auto parsed = ParseExportDate(due, options_.date_order);
      if (!parsed.ok()) return Reject(rejection, record, "the due date is not a date");
      line.due = *parsed;
    }
    if (line.type.empty()) return Reject(rejection, record, "the transaction type is empty");
    return RowOutcome::kLines;
  }

  const DetectedLayout layout_;
  const ReadOptions options_;
};

// Classic layout: "4000 Service Revenue" opens a section, "Total for ..." closes it; a
// title inside an open section is its sub-account.
class ClassicLedgerRows : public QuickBooksRows {
 public:
  using QuickBooksRows::QuickBooksRows;

  RowOutcome Read(const CsvRecord& record, std::vector<ImportedLine>& lines,
                  RowRejection& rejection) override {
    lines.clear();
    if (IsBlank(record) || MentionsBeginningBalance(record)) return RowOutcome::kSkipped;
    if (IsReportFooter(record)) {
      sections_.clear();
      return RowOutcome::kSkipped;
    }
    if (OnlyFirstCell(record)) return Title(Cell(record, 0));
    std::string_view first = Cell(record, 0);
    if (StartsWithWords(first, "total for ")) return Close(first);
    ImportedLine line;
    RowOutcome outcome = ReadCommon(record, line, rejection);
    if (outcome != RowOutcome::kLines) return outcome;
    if (sections_.empty()) {
      return Reject(rejection, record, "the row is outside any account section");
    }
    line.account = sections_.back();
    line.group = GroupOf(line);
    lines.push_back(std::move(line));
    return RowOutcome::kLines;
  }

 private:
  RowOutcome Title(std::string_view title) {
    if (StartsWithWords(title, "total for ")) return Close(title);
    std::string full(title);
    if (!sections_.empty() && !full.starts_with(sections_.back() + ":")) {
      full = sections_.back() + ":" + full;
    }
    sections_.push_back(std::move(full));
    return RowOutcome::kSkipped;
  }

  RowOutcome Close(std::string_view total) {
    std::string_view name = total.substr(10);
    if (name.ends_with(" with sub-accounts")) name.remove_suffix(18);
    for (std::size_t depth = sections_.size(); depth > 0; --depth) {
      std::string_view open = sections_[depth - 1];
      const std::size_t colon = open.rfind(':');
      std::string_view last = colon == std::string_view::npos ? open : open.substr(colon + 1);
      if (open == name || last == name) {
        sections_.resize(depth - 1);
        break;
      }
    }
    return RowOutcome::kSkipped;
  }

  std::vector<std::string> sections_;
};

// Newer layout and Transaction List by Date: the account is a column. A Transaction List
// row is a whole transaction: its account and its split account, whose line is the
// opposite; a split with more lines ("-Split-") cannot be rebuilt from this report.
class AccountColumnRows : public QuickBooksRows {
 public:
  AccountColumnRows(const DetectedLayout& layout, const ReadOptions& options, bool with_split)
      : QuickBooksRows(layout, options), with_split_(with_split) {}

  RowOutcome Read(const CsvRecord& record, std::vector<ImportedLine>& lines,
                  RowRejection& rejection) override {
    lines.clear();
    if (IsBlank(record) || MentionsBeginningBalance(record) || OnlyFirstCell(record) ||
        IsReportFooter(record)) {
      return RowOutcome::kSkipped;
    }
    std::string_view first = Cell(record, 0);
    if (StartsWithWords(first, "total for ")) return RowOutcome::kSkipped;
    ImportedLine line;
    RowOutcome outcome = ReadCommon(record, line, rejection);
    if (outcome != RowOutcome::kLines) return outcome;
    line.account = std::string(Cell(record, layout_.columns.account));
    if (line.account.empty()) return Reject(rejection, record, "the account is empty");
    line.group = GroupOf(line);
    if (!with_split_) {
      lines.push_back(std::move(line));
      return RowOutcome::kLines;
    }
    std::string split(Cell(record, layout_.columns.split));
    if (split.empty() || split == "-Split-") {
      return Reject(rejection, record,
                    "a transaction with more than two lines cannot be rebuilt from a "
                    "Transaction List; import a General Ledger export instead");
    }
    ImportedLine other = line;
    other.account = std::move(split);
    other.due.reset();
    other.sense = AmountSense::kBalancesRecord;
    other.amount = 0;
    lines.push_back(std::move(line));
    lines.push_back(std::move(other));
    return RowOutcome::kLines;
  }

 private:
  bool with_split_;
};

class BankStatementRows : public RowReader {
 public:
  BankStatementRows(BankMapping mapping, const ReadOptions& options)
      : mapping_(std::move(mapping)), options_(options) {}

  RowOutcome Read(const CsvRecord& record, std::vector<ImportedLine>& lines,
                  RowRejection& rejection) override {
    lines.clear();
    if (IsBlank(record)) return RowOutcome::kSkipped;
    std::string_view date_text = Cell(record, mapping_.date);
    auto date = ParseExportDate(date_text, options_.date_order);
    if (!date.ok()) {
      if (OnlyFirstCell(record)) return RowOutcome::kSkipped;  // A title or a footer.
      return Reject(
          rejection, record,
          "the date is not a " + std::string(DateOrderName(options_.date_order)) + " date");
    }
    auto amount = Amount(record);
    if (!amount.ok()) return Reject(rejection, record, amount.error().message);
    if (mapping_.balance >= 0) {
      if (auto problem = CheckBalance(record, *amount); !problem.empty()) {
        return Reject(rejection, record, problem);
      }
    }
    if (*amount == 0) return RowOutcome::kSkipped;

    ImportedLine bank;
    bank.line = record.line;
    bank.account = mapping_.bank_account;
    bank.date = *date;
    bank.type = *amount > 0 ? "Deposit" : "Expense";
    bank.num = std::string(Cell(record, mapping_.reference));
    bank.memo = std::string(Cell(record, mapping_.description));
    bank.amount = *amount;
    bank.sense = AmountSense::kDebitPositive;
    // Identical rows in a row are distinct transactions (two equal card payments on one
    // day); counting them keeps them apart and gives an overlapping statement the same
    // groups again.
    std::string content = std::to_string(bank.date.Number()) + '\x1f' + bank.num + '\x1f' +
                          bank.memo + '\x1f' + std::to_string(bank.amount);
    repeat_ = content == previous_content_ ? repeat_ + 1 : 0;
    previous_content_ = content;
    bank.group = "bank\x1f" + content + '\x1f' + std::to_string(repeat_);

    ImportedLine offset = bank;
    offset.account = std::string(*amount > 0 ? kUncategorizedIncome : kUncategorizedExpense);
    offset.amount = -*amount;
    lines.push_back(std::move(bank));
    lines.push_back(std::move(offset));
    return RowOutcome::kLines;
  }

 private:
  Result<std::int64_t> Amount(const CsvRecord& record) const {
    auto read = [&](int column) -> Result<std::int64_t> {
      std::string_view text = Cell(record, column);
      if (text.empty()) return std::int64_t{0};
      auto money = ParseExportAmount(text, options_.currency, options_.amount_style);
      if (!money.ok()) return MakeError(ErrorCode::kInvalidArgument, "the amount is not a number");
      return money->minor_units();
    };
    if (mapping_.amount >= 0) {
      if (Cell(record, mapping_.amount).empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "the amount is empty");
      }
      return read(mapping_.amount);
    }
    auto out = read(mapping_.debit);
    auto in = read(mapping_.credit);
    if (!out.ok()) return out;
    if (!in.ok()) return in;
    // Banks write withdrawals as positive numbers in their own column; some sign them.
    const std::int64_t withdrawal = *out < 0 ? -*out : *out;
    if (*in > INT64_MAX / 2 || withdrawal > INT64_MAX / 2) {
      return MakeError(ErrorCode::kInvalidArgument, "the amount is out of range");
    }
    return *in - withdrawal;
  }

  // Running balances may run down the file (oldest first) or up it (newest first); the
  // first pair of rows decides which, and every later row must agree.
  std::string CheckBalance(const CsvRecord& record, std::int64_t amount) {
    auto balance =
        ParseExportAmount(Cell(record, mapping_.balance), options_.currency, options_.amount_style);
    if (!balance.ok()) return "the balance is not a number";
    const std::int64_t current = balance->minor_units();
    if (current > INT64_MAX / 4 || current < INT64_MIN / 4 || amount > INT64_MAX / 4 ||
        amount < INT64_MIN / 4) {
      return "the balance is out of range";
    }
    std::string problem;
    if (previous_balance_) {
      const bool down = current == *previous_balance_ + amount;
      const bool up = *previous_balance_ == current + previous_amount_;
      if (direction_ == 0 && (down || up)) direction_ = down ? 1 : -1;
      if ((direction_ == 1 && !down) || (direction_ == -1 && !up) || (direction_ == 0)) {
        problem = "the balance does not follow from the row before: a row may be missing";
      }
    }
    previous_balance_ = current;
    previous_amount_ = amount;
    return problem;
  }

  BankMapping mapping_;
  ReadOptions options_;
  std::string previous_content_;
  int repeat_ = 0;
  std::optional<std::int64_t> previous_balance_;
  std::int64_t previous_amount_ = 0;
  int direction_ = 0;  // 1 oldest first, -1 newest first, 0 not known yet
};

bool InRange(int column, const DetectedLayout& layout) {
  return column >= 0 && static_cast<std::size_t>(column) < layout.header.size();
}

}  // namespace

Result<std::unique_ptr<RowReader>> MakeRowReader(const DetectedLayout& layout,
                                                 const ReadOptions& options) {
  switch (layout.format) {
    case ExportFormat::kGeneralLedgerClassic:
      return std::unique_ptr<RowReader>(std::make_unique<ClassicLedgerRows>(layout, options));
    case ExportFormat::kGeneralLedgerModern:
      return std::unique_ptr<RowReader>(
          std::make_unique<AccountColumnRows>(layout, options, false));
    case ExportFormat::kTransactionList:
      return std::unique_ptr<RowReader>(std::make_unique<AccountColumnRows>(layout, options, true));
    case ExportFormat::kBudget:
      return MakeError(ErrorCode::kInvalidArgument, "a budget holds no ledger rows");
    case ExportFormat::kBankStatement:
      break;
  }
  if (!options.bank) {
    return MakeError(ErrorCode::kInvalidArgument, "a bank statement needs a column mapping");
  }
  const BankMapping& mapping = *options.bank;
  if (!InRange(mapping.date, layout)) {
    return MakeError(ErrorCode::kInvalidArgument, "the mapping's date column is not in the file");
  }
  const bool single = InRange(mapping.amount, layout);
  const bool pair = InRange(mapping.debit, layout) && InRange(mapping.credit, layout);
  if (single == pair) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the mapping needs either an amount column or debit and credit columns");
  }
  for (int column : {mapping.description, mapping.balance, mapping.reference}) {
    if (column != -1 && !InRange(column, layout)) {
      return MakeError(ErrorCode::kInvalidArgument, "the mapping names a column not in the file");
    }
  }
  if (mapping.bank_account.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "the mapping needs the bank account");
  }
  return std::unique_ptr<RowReader>(std::make_unique<BankStatementRows>(mapping, options));
}

}  // namespace finhelm::imports
