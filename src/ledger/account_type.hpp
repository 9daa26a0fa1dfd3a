// The kinds of ledger accounts: QuickBooks Online's account types (PROTOCOLS.md), each
// with its classification, the side it increases on, and where the cash-flow statement
// puts its changes.
//
// When an export does not say an account's type -- a General Ledger CSV names accounts
// only -- InferAccountType reads it from the number and the name, in that order:
//   numbers by the common chart convention: 10xx Bank, 11xx Accounts Receivable, 12xx-14xx
//   Other Current Asset, 15xx-17xx Fixed Asset, 18xx-19xx Other Asset, 20xx Accounts
//   Payable, 21xx Credit Card, 22xx-24xx Other Current Liability, 25xx-29xx Long Term
//   Liability, 3xxx Equity, 4xxx Income, 5xxx Cost of Goods Sold, 6xxx-7xxx Expense, 8xxx
//   Other Income, 9xxx Other Expense;
//   names by the words QuickBooks' default charts use ("Accounts Receivable", "Checking",
//   "Loan", "Retained Earnings", "Sales", "Cost of Goods Sold", ...);
//   anything else is an Expense, the most common type, and a wrong guess shows up at once
//   as an unbalanced transaction in the import report.
#pragma once

#include <optional>
#include <string_view>

namespace finhelm::ledger {

enum class AccountType {
  kBank,
  kAccountsReceivable,
  kOtherCurrentAsset,
  kFixedAsset,
  kOtherAsset,
  kAccountsPayable,
  kCreditCard,
  kOtherCurrentLiability,
  kLongTermLiability,
  kEquity,
  kIncome,
  kCostOfGoodsSold,
  kExpense,
  kOtherIncome,
  kOtherExpense,
};

enum class Classification { kAsset, kLiability, kEquity, kRevenue, kExpense };

// Where the indirect cash-flow statement reports a balance-sheet account's change.
enum class CashFlowSection { kCash, kOperating, kInvesting, kFinancing, kNone };

// QuickBooks' spelling: "Bank", "Accounts Receivable", "Other Current Asset", ...
std::string_view AccountTypeName(AccountType type);
// Reads QuickBooks' spelling, ignoring case and spaces ("AccountsReceivable" as the API
// writes it works too).
std::optional<AccountType> ParseAccountType(std::string_view text);

Classification ClassificationOf(AccountType type);
// "Asset", "Liability", "Equity", "Revenue", "Expense".
std::string_view ClassificationName(Classification classification);
CashFlowSection CashFlowSectionOf(AccountType type);

// +1 when the account increases with debits (assets and expenses), -1 otherwise. An
// export's natural amount times this sign is the debit-positive amount FinHelm stores.
int NaturalSign(AccountType type);
// Income and expense accounts: closed into earnings, reported on the profit and loss.
bool IsProfitAndLoss(AccountType type);

// The type an account most likely has, from its number (may be empty) and its name.
AccountType InferAccountType(std::string_view number, std::string_view name);

}  // namespace finhelm::ledger
