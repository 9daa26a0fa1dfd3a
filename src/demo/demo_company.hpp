// The demo company: a deterministic, realistic three-year ledger for a fictional
// professional-services firm, "Harbor & Pine Consulting LLC".
//
// It exists so that dashboards, forecasts and anomaly detection have believable data to
// work on before a customer connects their own books, and so that importers have a large
// fixture with known answers. Everything in it is derived from DemoOptions alone: the same
// options give the same ledger, transaction for transaction, on every platform (the
// generator uses its own PRNG and only exactly-rounded floating-point operations, and
// amounts become integer cents once, through std::llround).
//
// What a generated ledger guarantees (tests/demo pins each of these):
//   - every transaction has at least two lines, no line is zero, and the lines balance;
//   - accounts follow the numbering convention of the QuickBooks import (10xx Bank,
//     11xx Accounts Receivable, ... 9xxx Other Expense; see chart_of_accounts.hpp);
//   - customers and vendors are paid first-in first-out, one payment per invoice or bill,
//     and open_invoices / open_bills are exactly what is left unpaid at last_day, with at
//     least one item in each aging bucket (current, 1-30, 31-60, 61-90, over 90 days);
//   - every transaction falls on a weekday except the one planted weekend payment;
//   - (date, type, num, name) is unique per transaction;
//   - Checking never ends a day below zero.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_date.hpp"
#include "core/result.hpp"

namespace finhelm::demo {

struct DemoAccount {
  int number = 0;    // 1000
  std::string name;  // "Checking"
  // The QuickBooks account type, one of: "Bank", "Accounts Receivable", "Other Current
  // Asset", "Fixed Asset", "Other Asset", "Accounts Payable", "Credit Card", "Other Current
  // Liability", "Long Term Liability", "Equity", "Income", "Cost of Goods Sold", "Expense",
  // "Other Income", "Other Expense".
  std::string type;

  // "1000 Checking": the account's section title in a General Ledger report.
  std::string Title() const;
};

struct DemoLine {
  int account_number = 0;
  std::int64_t debit_cents = 0;  // Debit > 0, credit < 0, never 0.
  std::string memo;
};

struct DemoTransaction {
  CalendarDate date;
  // The QuickBooks transaction type: "Invoice", "Payment", "Bill", "Bill Payment (Check)",
  // "Expense", "Check", "Deposit", "Transfer", "Journal Entry", "Credit Card Payment" or
  // "Paycheck".
  std::string type;
  // Always set: "INV-1001", "PMT-0001", "B-1001", "CHK-0001", "EXP-0001", "DEP-0001",
  // "JE-0001", "TRF-0001", "CCP-0001" (numbered in date order) or "PAY-2024-01-15".
  std::string num;
  std::string name;  // Customer, vendor or payee; empty for transfers and journal entries.
  std::vector<DemoLine> lines;  // At least two; the debit_cents sum to exactly zero.
};

// An invoice or a bill with money still owed on it at the ledger's last day.
struct OpenItem {
  std::string name;  // The customer or the vendor.
  std::string num;
  CalendarDate date;
  CalendarDate due;
  std::int64_t open_cents = 0;  // Positive: what remains to be paid.
};

// Something deliberately odd in the ledger, for anomaly detection to find.
struct PlantedAnomaly {
  // "duplicate-bill", "outlier-expense", "round-amount-transfer" or "weekend-payment".
  std::string kind;
  std::string num;  // The planted transaction's Num (for duplicate-bill, shared with the
                    // original bill, which is dated three days earlier).
  CalendarDate date;
  std::string description;
};

// The last day used when a caller has no preference.
CalendarDate DefaultDemoLastDay();

struct DemoOptions {
  std::uint64_t seed = 20240101;
  // The ledger covers the 36 whole months ending with this day's month, up to and including
  // this day (the "as of" day of open items and of the report).
  CalendarDate last_day = DefaultDemoLastDay();
};

struct DemoLedger {
  std::string company_name;  // "Harbor & Pine Consulting LLC"
  // CalendarDate has no default; GenerateDemoCompany sets both.
  CalendarDate first_day = DefaultDemoLastDay();
  CalendarDate last_day = DefaultDemoLastDay();
  std::vector<DemoAccount> accounts;          // Every account used, sorted by number.
  std::vector<DemoTransaction> transactions;  // By date, then by generation order.
  std::vector<OpenItem> open_invoices;        // By customer name, then date, then num.
  std::vector<OpenItem> open_bills;           // By vendor name, then date, then num.
  std::vector<PlantedAnomaly> anomalies;      // By date.
};

// Generates the demo company. Fails with kInvalidArgument when last_day is too close to
// the supported calendar's edges (its year must be in [CalendarDate::kMinYear + 3,
// CalendarDate::kMaxYear - 1]), and with kInternal if a guarantee listed above would be
// broken (a bug, never expected for any seed).
Result<DemoLedger> GenerateDemoCompany(const DemoOptions& options);

// The natural sign of a QuickBooks account type: +1 for debit-normal types (the five asset
// types, "Cost of Goods Sold", "Expense", "Other Expense"), -1 for every other type.
int NaturalSign(std::string_view account_type);

}  // namespace finhelm::demo
