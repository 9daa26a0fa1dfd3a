// Staffing and payroll of the demo company (internal to finhelm_demo).
//
// Nine people at the start, hiring through the three years and fast in the last months
// (ahead of revenue, which is what turns the last half-year into a loss). Payroll runs on
// the 15th and the last day of each month (the business day on or before): one "Paycheck"
// per pay date for the whole staff, with US-style taxes computed per employee (Social
// Security up to its wage base, Medicare, federal and state unemployment up to theirs,
// flat income-tax withholding). The taxes accrued in a month are paid to the Treasury by
// one check in the middle of the next month.
#pragma once

#include <vector>

#include "demo/internal/company_plan.hpp"
#include "demo/internal/ledger_builder.hpp"

namespace finhelm::demo {

struct Employee {
  // Yearly, in the first ledger year; each later ledger year adds 4 % of it.
  int salary_dollars = 0;
  int first_month = 0;  // Ledger month of the first paycheck.
  int last_month = 0;   // Ledger month of the last paycheck.
};

// The staff over the ledger's months, from `seed`.
std::vector<Employee> PlanStaffing(std::uint64_t seed);

// Fills plan.headcount and plan.hires from `staff`.
void CountStaff(const std::vector<Employee>& staff, CompanyPlan& plan);

// Posts every paycheck and payroll tax payment of the ledger.
void PostPayroll(const CompanyPlan& plan, const std::vector<Employee>& staff,
                 LedgerBuilder& builder);

}  // namespace finhelm::demo
