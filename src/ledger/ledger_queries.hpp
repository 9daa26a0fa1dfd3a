// Reading the ledger: the account tree with balances, transactions by filter with a
// cursor, one transaction with its lines, and customers and vendors with what they owe.
//
// Every read runs through an OrgScope (ACL-4), so an id of another organization finds
// nothing. Amounts are minor units, debit-positive as stored, except where a field says
// it is in the account's natural sign.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ledger/account_type.hpp"
#include "ledger/counterparties.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::ledger {

struct AccountBalance {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string full_name;
  std::string name;
  std::string number;
  AccountType type = AccountType::kExpense;
  bool active = true;
  std::int64_t own_balance = 0;        // natural sign, its own lines only
  std::int64_t rolled_up_balance = 0;  // natural sign, with every sub-account
};

// Every account with its balance from the first line to `as_of` (YYYYMMDD) inclusive,
// parents before their children, siblings by number then name.
Result<std::vector<AccountBalance>> ListAccountBalances(storage::OrgScope& scope,
                                                        std::int32_t as_of);

struct TransactionFilter {
  std::optional<std::int32_t> from;             // YYYYMMDD, inclusive
  std::optional<std::int32_t> to;               // YYYYMMDD, inclusive
  std::optional<std::int64_t> account_id;       // includes its sub-accounts
  std::optional<std::int64_t> counterparty_id;  // a customer or a vendor
  std::optional<std::string> type;
  std::optional<std::int64_t> min_amount;  // on the transaction's total debits
  std::optional<std::int64_t> max_amount;
  std::optional<std::string> text;  // in name, number or any line's memo, no case
};

// Position after the last transaction of a page: newest first by date, then id.
struct TransactionCursor {
  std::int32_t posted_on = 0;
  std::int64_t id = 0;
};

struct TransactionSummary {
  std::int64_t id = 0;
  std::int32_t posted_on = 0;
  std::string type;
  std::string num;
  std::string name;
  std::optional<std::int64_t> counterparty_id;
  std::int64_t total = 0;  // sum of the debits
  std::string memo;        // the first line's memo
  int line_count = 0;
};

Result<std::vector<TransactionSummary>> SearchTransactions(
    storage::OrgScope& scope, const TransactionFilter& filter,
    const std::optional<TransactionCursor>& after, int limit);

struct TransactionLine {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string account_full_name;
  AccountType account_type = AccountType::kExpense;
  std::int64_t amount = 0;  // debit-positive
  std::string memo;
  std::optional<std::int64_t> counterparty_id;
  std::optional<std::int64_t> import_id;
  std::optional<std::int64_t> source_line;
};

struct TransactionDetail {
  TransactionSummary summary;
  std::optional<std::int32_t> due_on;
  std::string source;
  std::optional<std::int64_t> import_id;
  std::vector<TransactionLine> lines;
};

Result<std::optional<TransactionDetail>> FindTransaction(storage::OrgScope& scope,
                                                         std::int64_t transaction_id);

// One line of a transaction, with its transaction's header, as exports list them.
struct ExportedLine {
  std::int64_t transaction_id = 0;
  std::int32_t posted_on = 0;
  std::string type;
  std::string num;
  std::string name;
  std::int64_t line_id = 0;
  std::string account_full_name;
  std::int64_t amount = 0;  // debit-positive
  std::string memo;
};

// Calls `visit` with every line of every transaction that `filter` selects, newest
// transaction first, in pages, so that memory holds one page; stops early when `visit`
// returns false. Returns the number of lines visited.
Result<std::int64_t> ForEachExportedLine(storage::OrgScope& scope, const TransactionFilter& filter,
                                         const std::function<bool(const ExportedLine&)>& visit);

struct CounterpartyBalance {
  std::int64_t id = 0;
  CounterpartyKind kind = CounterpartyKind::kCustomer;
  std::string name;
  std::int64_t open_balance = 0;  // what is open on their invoices or bills
  std::int64_t overdue_balance = 0;
  int open_items = 0;
};

// Counterparties of `kind`, largest open balance first; overdue as of `as_of`.
Result<std::vector<CounterpartyBalance>> ListCounterparties(storage::OrgScope& scope,
                                                            CounterpartyKind kind,
                                                            std::int32_t as_of);

}  // namespace finhelm::ledger
