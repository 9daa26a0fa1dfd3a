#include "ledger/ledger_queries.hpp"

#include <algorithm>
#include <map>

#include "storage/org_scope.hpp"

namespace finhelm::ledger {
namespace {

using storage::Row;
using storage::Sql;

constexpr Sql kSelectAccountBalances{
    "SELECT a.id, a.parent_id, a.full_name, a.name, a.number, a.account_type, a.active, "
    "COALESCE((SELECT CAST(SUM(l.amount) AS BIGINT) FROM ledger_lines l WHERE l.organization_id = "
    "a.organization_id "
    "AND l.account_id = a.id AND l.posted_on <= ?), 0) "
    "FROM ledger_accounts a WHERE a.organization_id = :org_id"};

// Optional filters bind NULL to switch themselves off; CAST gives PostgreSQL the type.
constexpr Sql kSearchTransactions{
    "WITH RECURSIVE subtree (id) AS ("
    "  SELECT id FROM ledger_accounts WHERE organization_id = :org_id AND id = ?"
    "  UNION ALL SELECT a.id FROM ledger_accounts a JOIN subtree s ON a.parent_id = s.id), "
    "totals AS ("
    "  SELECT t.id, t.posted_on, t.transaction_type, t.num, t.name, t.counterparty_id, "
    "  (SELECT CAST(SUM(l.amount) AS BIGINT) FROM ledger_lines l WHERE l.transaction_id = t.id AND "
    "l.amount > 0) "
    "    AS total, "
    "  (SELECT l.memo FROM ledger_lines l WHERE l.transaction_id = t.id ORDER BY l.id LIMIT 1) "
    "    AS memo, "
    "  (SELECT COUNT(*) FROM ledger_lines l WHERE l.transaction_id = t.id) AS line_count "
    "  FROM ledger_transactions t WHERE t.organization_id = :org_id "
    "  AND (CAST(? AS BIGINT) IS NULL OR t.posted_on >= ?) "
    "  AND (CAST(? AS BIGINT) IS NULL OR t.posted_on <= ?) "
    "  AND (CAST(? AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM ledger_lines l "
    "       WHERE l.transaction_id = t.id AND l.account_id IN (SELECT id FROM subtree))) "
    "  AND (CAST(? AS BIGINT) IS NULL OR t.counterparty_id = ?) "
    "  AND (CAST(? AS TEXT) IS NULL OR t.transaction_type = ?) "
    "  AND (CAST(? AS TEXT) IS NULL OR LOWER(t.name) LIKE ? ESCAPE '!' "
    "       OR LOWER(t.num) LIKE ? ESCAPE '!' OR EXISTS (SELECT 1 FROM ledger_lines l "
    "       WHERE l.transaction_id = t.id AND LOWER(l.memo) LIKE ? ESCAPE '!')) "
    "  AND (CAST(? AS BIGINT) IS NULL OR t.posted_on < ? OR (t.posted_on = ? AND t.id < ?))) "
    "SELECT id, posted_on, transaction_type, num, name, counterparty_id, total, memo, line_count "
    "FROM totals WHERE (CAST(? AS BIGINT) IS NULL OR total >= ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR total <= ?) "
    "ORDER BY posted_on DESC, id DESC LIMIT ?"};

// The filters of kSearchTransactions, on lines; keyset-paged by transaction, then line.
constexpr Sql kExportLines{
    "WITH RECURSIVE subtree (id) AS ("
    "  SELECT id FROM ledger_accounts WHERE organization_id = :org_id AND id = ?"
    "  UNION ALL SELECT a.id FROM ledger_accounts a JOIN subtree s ON a.parent_id = s.id) "
    "SELECT t.id, t.posted_on, t.transaction_type, t.num, t.name, l.id, a.full_name, l.amount, "
    "l.memo FROM ledger_transactions t JOIN ledger_lines l ON l.transaction_id = t.id "
    "JOIN ledger_accounts a ON a.id = l.account_id "
    "WHERE t.organization_id = :org_id "
    "AND (CAST(? AS BIGINT) IS NULL OR t.posted_on >= ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR t.posted_on <= ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM ledger_lines x "
    "     WHERE x.transaction_id = t.id AND x.account_id IN (SELECT id FROM subtree))) "
    "AND (CAST(? AS BIGINT) IS NULL OR t.counterparty_id = ?) "
    "AND (CAST(? AS TEXT) IS NULL OR t.transaction_type = ?) "
    "AND (CAST(? AS TEXT) IS NULL OR LOWER(t.name) LIKE ? ESCAPE '!' "
    "     OR LOWER(t.num) LIKE ? ESCAPE '!' OR EXISTS (SELECT 1 FROM ledger_lines x "
    "     WHERE x.transaction_id = t.id AND LOWER(x.memo) LIKE ? ESCAPE '!')) "
    "AND (CAST(? AS BIGINT) IS NULL OR (SELECT SUM(x.amount) FROM ledger_lines x "
    "     WHERE x.transaction_id = t.id AND x.amount > 0) >= ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR (SELECT SUM(x.amount) FROM ledger_lines x "
    "     WHERE x.transaction_id = t.id AND x.amount > 0) <= ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR t.posted_on < ? OR (t.posted_on = ? AND "
    "     (t.id < ? OR (t.id = ? AND l.id > ?)))) "
    "ORDER BY t.posted_on DESC, t.id DESC, l.id LIMIT ?"};

constexpr int kExportPage = 2000;

constexpr Sql kSelectTransaction{
    "SELECT t.id, t.posted_on, t.transaction_type, t.num, t.name, t.counterparty_id, t.due_on, "
    "t.source, t.import_id FROM ledger_transactions t "
    "WHERE t.organization_id = :org_id AND t.id = ?"};
constexpr Sql kSelectLines{
    "SELECT l.id, l.account_id, a.full_name, a.account_type, l.amount, l.memo, "
    "l.counterparty_id, l.import_id, l.source_line FROM ledger_lines l "
    "JOIN ledger_accounts a ON a.id = l.account_id "
    "WHERE l.organization_id = :org_id AND l.transaction_id = ? ORDER BY l.id"};

constexpr Sql kSelectCounterparties{
    "SELECT c.id, c.name, "
    "COALESCE((SELECT CAST(SUM(o.open_amount) AS BIGINT) FROM open_items o WHERE o.organization_id "
    "= "
    "c.organization_id AND o.counterparty_id = c.id), 0), "
    "COALESCE((SELECT CAST(SUM(o.open_amount) AS BIGINT) FROM open_items o WHERE o.organization_id "
    "= "
    "c.organization_id AND o.counterparty_id = c.id AND o.due_on < ?), 0), "
    "(SELECT COUNT(*) FROM open_items o WHERE o.organization_id = c.organization_id "
    "AND o.counterparty_id = c.id) "
    "FROM counterparties c WHERE c.organization_id = :org_id AND c.kind = ?"};

// LIKE pattern for "contains `text`", lower case, with the wildcards of `text` escaped.
std::string ContainsPattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : text) {
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    if (lower == '%' || lower == '_' || lower == '!') pattern.push_back('!');
    pattern.push_back(lower);
  }
  pattern.push_back('%');
  return pattern;
}

TransactionSummary SummaryFrom(const Row& row) {
  TransactionSummary summary;
  summary.id = row.Int(0);
  summary.posted_on = static_cast<std::int32_t>(row.Int(1));
  summary.type = row.Text(2);
  summary.num = row.Text(3);
  summary.name = row.Text(4);
  summary.counterparty_id = row.OptionalInt(5);
  return summary;
}

}  // namespace

Result<std::vector<AccountBalance>> ListAccountBalances(storage::OrgScope& scope,
                                                        std::int32_t as_of) {
  auto rows = scope.Query(kSelectAccountBalances, {as_of});
  if (!rows.ok()) return rows.error();
  std::vector<AccountBalance> accounts;
  accounts.reserve(rows->size());
  std::map<std::int64_t, std::size_t> index;
  for (const Row& row : *rows) {
    AccountBalance account;
    account.id = row.Int(0);
    account.parent_id = row.OptionalInt(1);
    account.full_name = row.Text(2);
    account.name = row.Text(3);
    account.number = row.Text(4);
    account.type = ParseAccountType(row.Text(5)).value_or(AccountType::kExpense);
    account.active = row.Int(6) != 0;
    account.own_balance = row.Int(7) * NaturalSign(account.type);
    index[account.id] = accounts.size();
    accounts.push_back(std::move(account));
  }
  // Roll each account's debit-positive balance up its chain of parents, then turn every
  // total into its own account's natural sign.
  std::vector<std::int64_t> debit_totals(accounts.size(), 0);
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    const std::int64_t debit = accounts[i].own_balance * NaturalSign(accounts[i].type);
    for (std::optional<std::int64_t> at = accounts[i].id; at;) {
      auto found = index.find(*at);
      if (found == index.end()) break;
      debit_totals[found->second] += debit;
      at = accounts[found->second].parent_id;
    }
  }
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    accounts[i].rolled_up_balance = debit_totals[i] * NaturalSign(accounts[i].type);
  }
  // Depth-first order: compared segment by segment, a parent sorts right before its
  // children ("6000 Utilities", "6000 Utilities:Electric", "6000 Utilities Other"), and
  // numbers lead the names.
  auto path_key = [](std::string name) {
    std::replace(name.begin(), name.end(), ':', '\x01');
    return name;
  };
  std::sort(accounts.begin(), accounts.end(),
            [&](const AccountBalance& a, const AccountBalance& b) {
              return path_key(a.full_name) < path_key(b.full_name);
            });
  return accounts;
}

Result<std::vector<TransactionSummary>> SearchTransactions(
    storage::OrgScope& scope, const TransactionFilter& filter,
    const std::optional<TransactionCursor>& after, int limit) {
  std::optional<std::string> pattern;
  if (filter.text) pattern = ContainsPattern(*filter.text);
  std::optional<std::int64_t> after_date;
  std::optional<std::int64_t> after_id;
  if (after) {
    after_date = after->posted_on;
    after_id = after->id;
  }
  auto rows = scope.Query(kSearchTransactions, {filter.account_id.value_or(0),
                                                filter.from,
                                                filter.from,
                                                filter.to,
                                                filter.to,
                                                filter.account_id,
                                                filter.counterparty_id,
                                                filter.counterparty_id,
                                                filter.type,
                                                filter.type,
                                                pattern,
                                                pattern,
                                                pattern,
                                                pattern,
                                                after_date,
                                                after_date,
                                                after_date,
                                                after_id,
                                                filter.min_amount,
                                                filter.min_amount,
                                                filter.max_amount,
                                                filter.max_amount,
                                                limit});
  if (!rows.ok()) return rows.error();
  std::vector<TransactionSummary> summaries;
  summaries.reserve(rows->size());
  for (const Row& row : *rows) {
    TransactionSummary summary = SummaryFrom(row);
    summary.total = row.OptionalInt(6).value_or(0);
    summary.memo = row.OptionalText(7).value_or("");
    summary.line_count = static_cast<int>(row.Int(8));
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

Result<std::int64_t> ForEachExportedLine(storage::OrgScope& scope, const TransactionFilter& filter,
                                         const std::function<bool(const ExportedLine&)>& visit) {
  std::optional<std::string> pattern;
  if (filter.text) pattern = ContainsPattern(*filter.text);
  std::optional<std::int64_t> after_date;
  std::int64_t after_transaction = 0;
  std::int64_t after_line = 0;
  std::int64_t visited = 0;
  for (;;) {
    auto rows = scope.Query(kExportLines, {filter.account_id.value_or(0),
                                           filter.from,
                                           filter.from,
                                           filter.to,
                                           filter.to,
                                           filter.account_id,
                                           filter.counterparty_id,
                                           filter.counterparty_id,
                                           filter.type,
                                           filter.type,
                                           pattern,
                                           pattern,
                                           pattern,
                                           pattern,
                                           filter.min_amount,
                                           filter.min_amount,
                                           filter.max_amount,
                                           filter.max_amount,
                                           after_date,
                                           after_date,
                                           after_date,
                                           after_transaction,
                                           after_transaction,
                                           after_line,
                                           kExportPage});
    if (!rows.ok()) return rows.error();
    for (const Row& row : *rows) {
      ExportedLine line;
      line.transaction_id = row.Int(0);
      line.posted_on = static_cast<std::int32_t>(row.Int(1));
      line.type = row.Text(2);
      line.num = row.Text(3);
      line.name = row.Text(4);
      line.line_id = row.Int(5);
      line.account_full_name = row.Text(6);
      line.amount = row.Int(7);
      line.memo = row.Text(8);
      after_date = line.posted_on;
      after_transaction = line.transaction_id;
      after_line = line.line_id;
      ++visited;
      if (!visit(line)) return visited;
    }
    if (static_cast<int>(rows->size()) < kExportPage) return visited;
  }
}

Result<std::optional<TransactionDetail>> FindTransaction(storage::OrgScope& scope,
                                                         std::int64_t transaction_id) {
  auto row = scope.QueryOptional(kSelectTransaction, {transaction_id});
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<TransactionDetail>();
  TransactionDetail detail;
  detail.summary = SummaryFrom(**row);
  if (auto due = (*row)->OptionalInt(6)) detail.due_on = static_cast<std::int32_t>(*due);
  detail.source = (*row)->Text(7);
  detail.import_id = (*row)->OptionalInt(8);
  auto lines = scope.Query(kSelectLines, {transaction_id});
  if (!lines.ok()) return lines.error();
  for (const Row& line_row : *lines) {
    TransactionLine line;
    line.id = line_row.Int(0);
    line.account_id = line_row.Int(1);
    line.account_full_name = line_row.Text(2);
    line.account_type = ParseAccountType(line_row.Text(3)).value_or(AccountType::kExpense);
    line.amount = line_row.Int(4);
    line.memo = line_row.Text(5);
    line.counterparty_id = line_row.OptionalInt(6);
    line.import_id = line_row.OptionalInt(7);
    line.source_line = line_row.OptionalInt(8);
    if (line.amount > 0) detail.summary.total += line.amount;
    detail.lines.push_back(std::move(line));
  }
  detail.summary.line_count = static_cast<int>(detail.lines.size());
  if (!detail.lines.empty()) detail.summary.memo = detail.lines.front().memo;
  return std::optional<TransactionDetail>(std::move(detail));
}

Result<std::vector<CounterpartyBalance>> ListCounterparties(storage::OrgScope& scope,
                                                            CounterpartyKind kind,
                                                            std::int32_t as_of) {
  auto rows = scope.Query(kSelectCounterparties, {as_of, CounterpartyKindName(kind)});
  if (!rows.ok()) return rows.error();
  std::vector<CounterpartyBalance> balances;
  for (const Row& row : *rows) {
    CounterpartyBalance balance;
    balance.id = row.Int(0);
    balance.kind = kind;
    balance.name = row.Text(1);
    balance.open_balance = row.Int(2);
    balance.overdue_balance = row.Int(3);
    balance.open_items = static_cast<int>(row.Int(4));
    balances.push_back(std::move(balance));
  }
  std::sort(balances.begin(), balances.end(),
            [](const CounterpartyBalance& a, const CounterpartyBalance& b) {
              return a.open_balance != b.open_balance ? a.open_balance > b.open_balance
                                                      : a.name < b.name;
            });
  return balances;
}

}  // namespace finhelm::ledger
