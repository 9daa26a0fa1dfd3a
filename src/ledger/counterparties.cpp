#include "ledger/counterparties.hpp"

#include <array>
#include <utility>

#include "storage/org_scope.hpp"

namespace finhelm::ledger {
namespace {

using storage::Sql;

constexpr Sql kInsertCounterparty{
    "INSERT INTO counterparties (organization_id, kind, name, created_at) VALUES (:org_id, ?, ?, "
    "?) ON CONFLICT (organization_id, kind, name) DO NOTHING RETURNING id"};
constexpr Sql kSelectCounterparty{
    "SELECT id FROM counterparties WHERE organization_id = :org_id AND kind = ? AND name = ?"};

constexpr std::array<std::string_view, 8> kCustomerTypes = {
    "Invoice",        "Payment",         "Sales Receipt",    "Credit Memo",
    "Refund Receipt", "Receive Payment", "Customer Payment", "Estimate"};
constexpr std::array<std::string_view, 10> kVendorTypes = {"Bill",
                                                           "Bill Payment (Check)",
                                                           "Bill Payment (Credit Card)",
                                                           "Bill Payment",
                                                           "Vendor Credit",
                                                           "Expense",
                                                           "Check",
                                                           "Purchase Order",
                                                           "Credit Card Credit",
                                                           "Credit Card Expense"};

}  // namespace

const char* CounterpartyKindName(CounterpartyKind kind) {
  return kind == CounterpartyKind::kCustomer ? "customer" : "vendor";
}

std::optional<CounterpartyKind> ParseCounterpartyKind(std::string_view text) {
  if (text == "customer") return CounterpartyKind::kCustomer;
  if (text == "vendor") return CounterpartyKind::kVendor;
  return std::nullopt;
}

std::optional<CounterpartyKind> KindOfTransactionType(std::string_view transaction_type) {
  for (std::string_view type : kCustomerTypes) {
    if (type == transaction_type) return CounterpartyKind::kCustomer;
  }
  for (std::string_view type : kVendorTypes) {
    if (type == transaction_type) return CounterpartyKind::kVendor;
  }
  return std::nullopt;
}

std::optional<CounterpartyKind> KindOfAccountType(AccountType type) {
  if (type == AccountType::kAccountsReceivable) return CounterpartyKind::kCustomer;
  if (type == AccountType::kAccountsPayable) return CounterpartyKind::kVendor;
  return std::nullopt;
}

Result<std::int64_t> CounterpartyDirectory::Ensure(storage::OrgScope& scope, CounterpartyKind kind,
                                                   std::string_view name, std::int64_t created_at) {
  std::string key = kind == CounterpartyKind::kCustomer ? "c:" : "v:";
  key += name;
  if (auto found = ids_.find(key); found != ids_.end()) return found->second;
  const char* kind_name = CounterpartyKindName(kind);
  auto inserted = scope.QueryOptional(kInsertCounterparty, {kind_name, name, created_at});
  if (!inserted.ok()) return inserted.error();
  std::int64_t id = 0;
  if (*inserted) {
    id = (*inserted)->Int(0);
  } else {
    auto existing = scope.QueryOptional(kSelectCounterparty, {kind_name, name});
    if (!existing.ok()) return existing.error();
    if (!*existing) return MakeError(ErrorCode::kInternal, "counterparty vanished");
    id = (*existing)->Int(0);
  }
  ids_.emplace(std::move(key), id);
  return id;
}

}  // namespace finhelm::ledger
