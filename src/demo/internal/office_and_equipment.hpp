// The office, the computers and the insurance policy (internal to finhelm_demo).
//
// Rent is paid by check on the first business day (3 % more each ledger year, and a second
// suite from month 30, when hiring outgrows the office), after a security deposit held as
// an Other Asset. Computers are capitalized (a bill for the first fit-out and the
// conference-room system, a check for each new hire's laptop) and depreciated straight-line
// over 36 months by a monthly journal entry. The general liability policy is billed once a
// year to Prepaid Expenses and expensed a twelfth a month by journal entry.
#pragma once

#include "demo/internal/company_plan.hpp"
#include "demo/internal/ledger_builder.hpp"
#include "demo/internal/open_item_book.hpp"

namespace finhelm::demo {

void PostOfficeAndEquipment(const CompanyPlan& plan, LedgerBuilder& builder,
                            OpenItemBook& payables);

}  // namespace finhelm::demo
