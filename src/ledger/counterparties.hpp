// Customers and vendors, as ledger rows name them.
//
// Exports name a transaction's counterparty without saying what it is; the transaction
// type says it (an Invoice's name is a customer, a Bill's a vendor), and failing that,
// the receivable or payable account the line is on. Employees on paychecks, and names on
// transfers or journal entries, are nobody's customer or vendor.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ledger/account_type.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::ledger {

enum class CounterpartyKind { kCustomer, kVendor };

// "customer" / "vendor".
const char* CounterpartyKindName(CounterpartyKind kind);
std::optional<CounterpartyKind> ParseCounterpartyKind(std::string_view text);

// The kind a transaction type implies ("Invoice" -> customer), or nullopt.
std::optional<CounterpartyKind> KindOfTransactionType(std::string_view transaction_type);
// The kind an account type implies (receivables -> customer, payables -> vendor).
std::optional<CounterpartyKind> KindOfAccountType(AccountType type);

// Finds or creates counterparties by kind and name; remembers what it has seen.
class CounterpartyDirectory {
 public:
  Result<std::int64_t> Ensure(storage::OrgScope& scope, CounterpartyKind kind,
                              std::string_view name, std::int64_t created_at);

 private:
  // Keyed by the kind's letter and the name: "c:Acme", "v:Acme".
  std::map<std::string, std::int64_t, std::less<>> ids_;
};

}  // namespace finhelm::ledger
