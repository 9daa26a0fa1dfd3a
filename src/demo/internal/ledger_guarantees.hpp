// The guarantees of demo_company.hpp, checked on a finished ledger (internal to
// finhelm_demo). GenerateDemoCompany runs this before returning, so a generator bug shows
// up as a kInternal error naming the broken guarantee rather than as odd demo data.
#pragma once

#include "core/result.hpp"
#include "demo/demo_company.hpp"

namespace finhelm::demo {

// kInternal naming the first broken guarantee, if any: a transaction with fewer than two
// lines, a zero line or lines that do not balance; an account missing from
// ledger.accounts; a date outside first_day..last_day or out of order; a weekend date on
// anything but the planted weekend payment; a repeated (date, type, num, name); Checking
// below zero at the end of a day.
Status CheckGuarantees(const DemoLedger& ledger);

}  // namespace finhelm::demo
