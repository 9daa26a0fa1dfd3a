// The QuickBooks "General Ledger" report as CSV, in the classic layout QuickBooks Online
// exports, so the demo company can be imported like a real customer's file.
//
// The layout, line by line (every line ends with CRLF; fields are quoted per RFC 4180 when
// they hold a comma, a quote or a line break, with quotes doubled):
//
//   Harbor & Pine Consulting LLC
//   General Ledger
//   "January 1, 2024 - December 31, 2026"                     first_day - last_day
//   (an empty line)
//   ,Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance
//   1000 Checking,,,,,,,,                                     one section per account
//   ,01/02/2024,Deposit,DEP-0001,Dana Whitaker,Owner contribution,3000 Owner's Equity,
//       "150,000.00","150,000.00"                             (one line in the file)
//   Total for 1000 Checking,,,,,,,"100,265.90",
//   ...
//   ,,,,,,,,
//   "Accrual Basis Thursday, December 31, 2026 08:00 AM GMT-05:00"
//
// Sections come in account-number order, only for accounts with lines. A section lists
// its account's lines by date, then transaction order. Amount is in the account's natural
// sign (debit_cents * NaturalSign(type)); Balance is the running sum of Amount in the
// section, and the Total row carries the last Balance. Split is the other line's account
// title when the transaction has two lines, "-Split-" otherwise. Amounts have two decimals,
// thousands separators and a leading minus. The footer's date is last_day at a fixed time:
// nothing depends on the clock.
#pragma once

#include <ostream>

#include "core/result.hpp"
#include "demo/demo_company.hpp"

namespace finhelm::demo {

// Writes `ledger` to `out`. Fails with kInvalidArgument when a line names an account that
// ledger.accounts lacks, and with kUnavailable when the stream fails.
Status WriteGeneralLedgerCsv(const DemoLedger& ledger, std::ostream& out);

}  // namespace finhelm::demo
