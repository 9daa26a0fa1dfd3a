// ChartOfAccounts: an organization's accounts as one import (or sync) sees them.
//
// Loaded once per run; afterwards lookups are in memory. Accounts are named by their full
// name as exports write it, segments joined by ':' from the root ("6000 Utilities:
// Electric"); a segment may start with the account number ("6000 Utilities"). A missing
// account gets a type -- its parent's when it is a sub-account without a number of its
// own, otherwise InferAccountType's -- and Ensure creates it, parents first.
//
// Not thread-safe: one import uses one chart.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ledger/account_type.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::ledger {

struct AccountName {
  std::string number;  // "6000", or empty
  std::string name;    // "Utilities"
};

// "6000 Utilities:6010 Electric" -> {{"6000","Utilities"},{"6010","Electric"}}. Fails with
// kInvalidArgument on an empty segment, more than 8 levels, or more than 255 bytes.
Result<std::vector<AccountName>> ParseAccountFullName(std::string_view full_name);

struct ChartAccount {
  std::int64_t id = 0;  // 0 until stored
  std::string full_name;
  AccountType type = AccountType::kExpense;
};

class ChartOfAccounts {
 public:
  static Result<ChartOfAccounts> Load(storage::OrgScope& scope);

  // The account of `full_name`, stored or as it would be created (id 0); kInvalidArgument
  // when the name is not a valid account name.
  Result<ChartAccount> Resolve(std::string_view full_name);

  // The stored account a report row names: by its full name, or by the last segment of
  // exactly one stored account's full name (a sub-account shown under its parent, as the
  // Budget Overview does). Nullopt when none or several match.
  std::optional<ChartAccount> FindStored(std::string_view label) const;

  // The id of `full_name`, creating it and its missing parents (with `created_at`).
  Result<std::int64_t> Ensure(storage::OrgScope& scope, std::string_view full_name,
                              std::int64_t created_at);

  std::size_t size() const { return accounts_.size(); }

 private:
  std::map<std::string, ChartAccount, std::less<>> accounts_;
};

}  // namespace finhelm::ledger
