#include "ledger/account_type.hpp"

#include <array>
#include <cctype>
#include <string>

namespace finhelm::ledger {
namespace {

struct TypeFacts {
  AccountType type;
  std::string_view name;
  Classification classification;
  CashFlowSection cash_flow;
};

constexpr std::array<TypeFacts, 15> kTypes = {{
    {AccountType::kBank, "Bank", Classification::kAsset, CashFlowSection::kCash},
    {AccountType::kAccountsReceivable, "Accounts Receivable", Classification::kAsset,
     CashFlowSection::kOperating},
    {AccountType::kOtherCurrentAsset, "Other Current Asset", Classification::kAsset,
     CashFlowSection::kOperating},
    {AccountType::kFixedAsset, "Fixed Asset", Classification::kAsset, CashFlowSection::kInvesting},
    {AccountType::kOtherAsset, "Other Asset", Classification::kAsset, CashFlowSection::kInvesting},
    {AccountType::kAccountsPayable, "Accounts Payable", Classification::kLiability,
     CashFlowSection::kOperating},
    {AccountType::kCreditCard, "Credit Card", Classification::kLiability,
     CashFlowSection::kOperating},
    {AccountType::kOtherCurrentLiability, "Other Current Liability", Classification::kLiability,
     CashFlowSection::kOperating},
    {AccountType::kLongTermLiability, "Long Term Liability", Classification::kLiability,
     CashFlowSection::kFinancing},
    {AccountType::kEquity, "Equity", Classification::kEquity, CashFlowSection::kFinancing},
    {AccountType::kIncome, "Income", Classification::kRevenue, CashFlowSection::kNone},
    {AccountType::kCostOfGoodsSold, "Cost of Goods Sold", Classification::kExpense,
     CashFlowSection::kNone},
    {AccountType::kExpense, "Expense", Classification::kExpense, CashFlowSection::kNone},
    {AccountType::kOtherIncome, "Other Income", Classification::kRevenue, CashFlowSection::kNone},
    {AccountType::kOtherExpense, "Other Expense", Classification::kExpense, CashFlowSection::kNone},
}};

const TypeFacts& FactsOf(AccountType type) { return kTypes[static_cast<std::size_t>(type)]; }

// Lowercase letters and digits only: "Accounts Receivable (A/R)" -> "accountsreceivablear".
std::string Squeeze(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0) out.push_back(static_cast<char>(std::tolower(byte)));
  }
  return out;
}

std::optional<AccountType> FromNumber(std::string_view number) {
  if (number.size() < 4 || number.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const int head = (number[0] - '0') * 10 + (number[1] - '0');
  if (head == 10) return AccountType::kBank;
  if (head == 11) return AccountType::kAccountsReceivable;
  if (head >= 12 && head <= 14) return AccountType::kOtherCurrentAsset;
  if (head >= 15 && head <= 17) return AccountType::kFixedAsset;
  if (head >= 18 && head <= 19) return AccountType::kOtherAsset;
  if (head == 20) return AccountType::kAccountsPayable;
  if (head == 21) return AccountType::kCreditCard;
  if (head >= 22 && head <= 24) return AccountType::kOtherCurrentLiability;
  if (head >= 25 && head <= 29) return AccountType::kLongTermLiability;
  switch (number[0]) {
    case '3':
      return AccountType::kEquity;
    case '4':
      return AccountType::kIncome;
    case '5':
      return AccountType::kCostOfGoodsSold;
    case '6':
    case '7':
      return AccountType::kExpense;
    case '8':
      return AccountType::kOtherIncome;
    case '9':
      return AccountType::kOtherExpense;
    default:
      return std::nullopt;
  }
}

struct NameRule {
  std::string_view word;  // squeezed
  AccountType type;
};

// First match wins, so the more specific words come first.
constexpr std::array<NameRule, 30> kNameRules = {{
    {"accountsreceivable", AccountType::kAccountsReceivable},
    {"accountspayable", AccountType::kAccountsPayable},
    {"undepositedfunds", AccountType::kOtherCurrentAsset},
    {"accumulateddepreciation", AccountType::kFixedAsset},
    {"depreciation", AccountType::kExpense},
    {"costofgoodssold", AccountType::kCostOfGoodsSold},
    {"costofsales", AccountType::kCostOfGoodsSold},
    {"cogs", AccountType::kCostOfGoodsSold},
    {"interestincome", AccountType::kOtherIncome},
    {"otherincome", AccountType::kOtherIncome},
    {"interestexpense", AccountType::kOtherExpense},
    {"retainedearnings", AccountType::kEquity},
    {"openingbalanceequity", AccountType::kEquity},
    {"equity", AccountType::kEquity},
    {"ownersdraw", AccountType::kEquity},
    {"creditcard", AccountType::kCreditCard},
    {"visa", AccountType::kCreditCard},
    {"mastercard", AccountType::kCreditCard},
    {"payrollliabilities", AccountType::kOtherCurrentLiability},
    {"salestaxpayable", AccountType::kOtherCurrentLiability},
    {"loan", AccountType::kLongTermLiability},
    {"notespayable", AccountType::kLongTermLiability},
    {"checking", AccountType::kBank},
    {"savings", AccountType::kBank},
    {"bank", AccountType::kBank},
    {"cash", AccountType::kBank},
    {"equipment", AccountType::kFixedAsset},
    {"revenue", AccountType::kIncome},
    {"sales", AccountType::kIncome},
    {"income", AccountType::kIncome},
}};

}  // namespace

std::string_view AccountTypeName(AccountType type) { return FactsOf(type).name; }

std::optional<AccountType> ParseAccountType(std::string_view text) {
  const std::string wanted = Squeeze(text);
  for (const TypeFacts& facts : kTypes) {
    if (Squeeze(facts.name) == wanted) return facts.type;
  }
  return std::nullopt;
}

Classification ClassificationOf(AccountType type) { return FactsOf(type).classification; }

std::string_view ClassificationName(Classification classification) {
  switch (classification) {
    case Classification::kAsset:
      return "Asset";
    case Classification::kLiability:
      return "Liability";
    case Classification::kEquity:
      return "Equity";
    case Classification::kRevenue:
      return "Revenue";
    case Classification::kExpense:
      return "Expense";
  }
  return "Expense";
}

CashFlowSection CashFlowSectionOf(AccountType type) { return FactsOf(type).cash_flow; }

int NaturalSign(AccountType type) {
  const Classification classification = ClassificationOf(type);
  return classification == Classification::kAsset || classification == Classification::kExpense
             ? 1
             : -1;
}

bool IsProfitAndLoss(AccountType type) {
  const Classification classification = ClassificationOf(type);
  return classification == Classification::kRevenue || classification == Classification::kExpense;
}

AccountType InferAccountType(std::string_view number, std::string_view name) {
  if (auto by_number = FromNumber(number)) return *by_number;
  const std::string squeezed = Squeeze(name);
  for (const NameRule& rule : kNameRules) {
    if (squeezed.find(rule.word) != std::string::npos) return rule.type;
  }
  return AccountType::kExpense;
}

}  // namespace finhelm::ledger
