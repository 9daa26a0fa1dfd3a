// Customers and revenue of the demo company (internal to finhelm_demo).
//
// About 40 customers with Pareto-like weights (the three largest bring about a third of
// the revenue), joining over the years, a few leaving. Each is invoiced on business days,
// net 30, and pays after its own typical delay: some early, most around the due date, a few
// one to two months late, and one retailer that stops paying about five months before the
// ledger's last day, so that open invoices fill every aging bucket.
#pragma once

#include <vector>

#include "demo/internal/company_plan.hpp"
#include "demo/internal/open_item_book.hpp"

namespace finhelm::demo {

// The target invoiced revenue of each ledger month, in dollars: a ramp-up over the first
// quarter, 30 % growth a year (linear), times SeasonFactor.
std::vector<double> PlanRevenue(const LedgerCalendar& calendar);

// Requests every invoice of the ledger in `receivables`, with the day its customer will
// pay it.
void RequestInvoices(const CompanyPlan& plan, OpenItemBook& receivables);

}  // namespace finhelm::demo
