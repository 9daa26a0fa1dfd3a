// CompanyPlan: the few numbers every demo generator shares (internal to finhelm_demo).
//
// Revenue and staffing are planned first and the generators follow them: software seats,
// travel, benefits and laptops follow headcount; subcontractors follow revenue. That is
// what makes the ledger hang together (and lets the last months burn cash: the plan hires
// ahead of revenue).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "demo/internal/demo_calendar.hpp"

namespace finhelm::demo {

struct CompanyPlan {
  CompanyPlan(std::uint64_t plan_seed, LedgerCalendar plan_calendar)
      : seed(plan_seed), calendar(std::move(plan_calendar)) {}

  std::uint64_t seed;
  LedgerCalendar calendar;
  std::vector<double> revenue;  // Target invoiced revenue per ledger month, in dollars.
  std::vector<int> headcount;   // Employees on payroll in each ledger month.
  std::vector<int> hires;       // Employees starting in each ledger month.
};

// How busy a calendar month (1..12) is for a consulting firm, around 1.0: strong in spring
// and autumn, weak in July, August and December.
double SeasonFactor(int calendar_month);

}  // namespace finhelm::demo
