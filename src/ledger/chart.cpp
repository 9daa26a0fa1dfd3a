#include "ledger/chart.hpp"

#include <utility>

#include "storage/org_scope.hpp"

namespace finhelm::ledger {
namespace {

using storage::Sql;

constexpr std::size_t kMaxFullName = 255;
constexpr std::size_t kMaxDepth = 8;

constexpr Sql kSelectAccounts{
    "SELECT id, full_name, account_type FROM ledger_accounts WHERE organization_id = :org_id"};
constexpr Sql kInsertAccount{
    "INSERT INTO ledger_accounts (organization_id, parent_id, full_name, name, number, "
    "account_type, type_source, active, created_at) VALUES (:org_id, ?, ?, ?, ?, ?, "
    "'inferred', 1, ?) RETURNING id"};

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

Result<std::vector<AccountName>> ParseAccountFullName(std::string_view full_name) {
  if (full_name.size() > kMaxFullName) {
    return MakeError(ErrorCode::kInvalidArgument, "the account name is longer than 255 bytes");
  }
  std::vector<AccountName> segments;
  std::size_t start = 0;
  for (;;) {
    const std::size_t colon = full_name.find(':', start);
    std::string_view segment = Trim(full_name.substr(
        start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
    if (segment.empty()) return MakeError(ErrorCode::kInvalidArgument, "an account name is empty");
    AccountName name;
    const std::size_t space = segment.find(' ');
    std::string_view first = segment.substr(0, space);
    if (space != std::string_view::npos && first.size() <= 12 &&
        first.find_first_not_of("0123456789.-") == std::string_view::npos &&
        first.find_first_of("0123456789") != std::string_view::npos) {
      name.number = std::string(first);
      name.name = std::string(Trim(segment.substr(space + 1)));
    } else {
      name.name = std::string(segment);
    }
    segments.push_back(std::move(name));
    if (segments.size() > kMaxDepth) {
      return MakeError(ErrorCode::kInvalidArgument, "the account is nested more than 8 deep");
    }
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  return segments;
}

Result<ChartOfAccounts> ChartOfAccounts::Load(storage::OrgScope& scope) {
  auto rows = scope.Query(kSelectAccounts);
  if (!rows.ok()) return rows.error();
  ChartOfAccounts chart;
  for (const storage::Row& row : *rows) {
    ChartAccount account;
    account.id = row.Int(0);
    account.full_name = row.Text(1);
    account.type = ParseAccountType(row.Text(2)).value_or(AccountType::kExpense);
    chart.accounts_.emplace(account.full_name, account);
  }
  return chart;
}

Result<ChartAccount> ChartOfAccounts::Resolve(std::string_view full_name) {
  if (auto found = accounts_.find(full_name); found != accounts_.end()) return found->second;
  auto segments = ParseAccountFullName(full_name);
  if (!segments.ok()) return segments.error();
  // Resolve from the root down, so that each level is known (and cached) before its child.
  std::string prefix;
  std::optional<AccountType> parent_type;
  ChartAccount account;
  for (std::size_t i = 0; i < segments->size(); ++i) {
    const AccountName& segment = (*segments)[i];
    if (!prefix.empty()) prefix.push_back(':');
    prefix += segment.number.empty() ? segment.name : segment.number + " " + segment.name;
    auto found = accounts_.find(prefix);
    if (found == accounts_.end()) {
      ChartAccount fresh;
      fresh.full_name = prefix;
      fresh.type = parent_type && segment.number.empty()
                       ? *parent_type
                       : InferAccountType(segment.number, segment.name);
      found = accounts_.emplace(prefix, fresh).first;
    }
    parent_type = found->second.type;
    account = found->second;
  }
  // The canonical spelling may differ from the caller's ("6000  Rent"); remember both.
  if (account.full_name != full_name) accounts_.emplace(std::string(full_name), account);
  return account;
}

std::optional<ChartAccount> ChartOfAccounts::FindStored(std::string_view label) const {
  if (auto found = accounts_.find(label); found != accounts_.end() && found->second.id != 0) {
    return found->second;
  }
  std::optional<ChartAccount> match;
  for (const auto& [name, account] : accounts_) {
    if (account.id == 0 || name != account.full_name) continue;  // unstored, or an alias
    const std::size_t colon = name.rfind(':');
    const std::string_view leaf = colon == std::string::npos
                                      ? std::string_view(name)
                                      : std::string_view(name).substr(colon + 1);
    if (leaf != label) continue;
    if (match) return std::nullopt;
    match = account;
  }
  return match;
}

Result<std::int64_t> ChartOfAccounts::Ensure(storage::OrgScope& scope, std::string_view full_name,
                                             std::int64_t created_at) {
  auto resolved = Resolve(full_name);
  if (!resolved.ok()) return resolved.error();
  if (resolved->id != 0) return resolved->id;
  auto segments = ParseAccountFullName(resolved->full_name);
  if (!segments.ok()) return segments.error();
  std::string prefix;
  std::optional<std::int64_t> parent;
  for (const AccountName& segment : *segments) {
    if (!prefix.empty()) prefix.push_back(':');
    prefix += segment.number.empty() ? segment.name : segment.number + " " + segment.name;
    ChartAccount& account = accounts_.find(prefix)->second;
    if (account.id == 0) {
      auto row = scope.QueryOptional(kInsertAccount,
                                     {parent, prefix, segment.name, segment.number,
                                      std::string(AccountTypeName(account.type)), created_at});
      if (!row.ok()) return row.error();
      if (!*row) return MakeError(ErrorCode::kInternal, "account insert returned no id");
      account.id = (*row)->Int(0);
    }
    parent = account.id;
  }
  accounts_.find(full_name)->second.id = *parent;
  return *parent;
}

}  // namespace finhelm::ledger
