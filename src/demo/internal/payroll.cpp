#include "demo/internal/payroll.hpp"

#include <cmath>
#include <string>

#include "demo/internal/chart_of_accounts.hpp"
#include "demo/internal/demo_random.hpp"

namespace finhelm::demo {
namespace {

// The yearly salaries of the founding staff, in dollars, before a small random spread.
constexpr int kFoundingSalaries[] = {150000, 135000, 128000, 120000, 112000,
                                     105000, 98000,  92000,  85000};
// Each later hire: the ledger month of the first paycheck and the salary. Steady growth,
// then hiring ahead of revenue in the last year.
constexpr struct {
  int month;
  int salary;
} kHires[] = {{2, 95000},  {5, 110000},  {8, 88000},   {11, 125000}, {14, 100000},
              {16, 92000}, {19, 118000}, {22, 105000}, {25, 98000},  {28, 130000},
              {29, 90000}, {30, 112000}, {31, 96000},  {32, 104000}, {33, 120000}};
// Founding employees who leave, and the ledger month of their last paycheck.
constexpr struct {
  int employee;
  int last_month;
} kDepartures[] = {{3, 13}, {6, 21}};

constexpr int kRaisePercentPerYear = 4;

// Rates in basis points (1/100 of a percent) and wage bases in dollars.
constexpr std::int64_t kSocialSecurityBp = 620;
constexpr std::int64_t kSocialSecurityWageBase = 168600;
constexpr std::int64_t kMedicareBp = 145;
constexpr std::int64_t kFederalUnemploymentBp = 60;
constexpr std::int64_t kFederalUnemploymentWageBase = 7000;
constexpr std::int64_t kStateUnemploymentBp = 270;
constexpr std::int64_t kStateUnemploymentWageBase = 9000;
constexpr std::int64_t kFederalWithholdingBp = 1500;
constexpr std::int64_t kStateWithholdingBp = 450;

std::int64_t Percent(std::int64_t cents, std::int64_t basis_points) {
  return (cents * basis_points + 5000) / 10000;
}

// The part of `wages` that falls under a wage base, given `year_to_date` already paid.
std::int64_t UnderBase(std::int64_t wages, std::int64_t year_to_date, std::int64_t base_dollars) {
  const std::int64_t room = base_dollars * 100 - year_to_date;
  return room <= 0 ? 0 : (wages < room ? wages : room);
}

struct PayRun {
  std::int64_t gross = 0;
  std::int64_t employer_taxes = 0;
  std::int64_t withholdings = 0;
};

std::string PayNum(DayNumber day) { return "PAY-" + DateOf(day).ToIso(); }

}  // namespace

std::vector<Employee> PlanStaffing(std::uint64_t seed) {
  DemoRandom random(seed, "staffing");
  // Within 5 %, to the nearest $500: seeds vary the people, not the size of the payroll.
  auto salary = [&random](int dollars) {
    return static_cast<int>(std::llround(dollars * random.Jitter(0.05) / 500.0)) * 500;
  };
  std::vector<Employee> staff;
  for (int dollars : kFoundingSalaries) {
    staff.push_back(Employee{salary(dollars), 0, LedgerCalendar::kMonths - 1});
  }
  for (const auto& departure : kDepartures) {
    staff[static_cast<std::size_t>(departure.employee)].last_month = departure.last_month;
  }
  for (const auto& hire : kHires) {
    staff.push_back(Employee{salary(hire.salary), hire.month, LedgerCalendar::kMonths - 1});
  }
  return staff;
}

void CountStaff(const std::vector<Employee>& staff, CompanyPlan& plan) {
  plan.headcount.assign(LedgerCalendar::kMonths, 0);
  plan.hires.assign(LedgerCalendar::kMonths, 0);
  for (const Employee& employee : staff) {
    for (int month = employee.first_month; month <= employee.last_month; ++month) {
      ++plan.headcount[static_cast<std::size_t>(month)];
    }
    if (employee.first_month > 0) ++plan.hires[static_cast<std::size_t>(employee.first_month)];
  }
}

void PostPayroll(const CompanyPlan& plan, const std::vector<Employee>& staff,
                 LedgerBuilder& builder) {
  // Wages paid so far in the calendar year, per employee, for the wage bases.
  std::vector<std::int64_t> year_to_date(staff.size(), 0);
  int tax_year = 0;
  std::int64_t accrued_last_month = 0;
  for (const LedgerMonth& month : plan.calendar.months()) {
    if (month.year != tax_year) {
      tax_year = month.year;
      year_to_date.assign(staff.size(), 0);
    }
    if (accrued_last_month > 0) {
      const DayNumber day = LedgerCalendar::BusinessDayNear(month, 15);
      if (plan.calendar.Covers(day)) {
        const LedgerMonth& previous =
            plan.calendar.months()[static_cast<std::size_t>(month.index - 1)];
        const std::string memo = "Payroll taxes for " + MonthLabel(previous);
        builder.AddNumbered(day, "Check", "U.S. Treasury", "CHK-",
                            {Debit(accounts::kPayrollLiabilities, accrued_last_month, memo),
                             Credit(accounts::kChecking, accrued_last_month, memo)});
      }
    }
    accrued_last_month = 0;
    const int raise_percent = 100 + kRaisePercentPerYear * (month.index / 12);
    for (const DayNumber pay_day :
         {BusinessDayOnOrBefore(month.first + 14), LedgerCalendar::LastBusinessDay(month)}) {
      PayRun run;
      for (std::size_t k = 0; k < staff.size(); ++k) {
        const Employee& employee = staff[k];
        if (month.index < employee.first_month || month.index > employee.last_month) continue;
        const std::int64_t salary_cents =
            std::int64_t{employee.salary_dollars} * raise_percent;  // Dollars * % = cents.
        const std::int64_t wages = (salary_cents + 12) / 24;
        const std::int64_t social = UnderBase(wages, year_to_date[k], kSocialSecurityWageBase);
        const std::int64_t futa = UnderBase(wages, year_to_date[k], kFederalUnemploymentWageBase);
        const std::int64_t suta = UnderBase(wages, year_to_date[k], kStateUnemploymentWageBase);
        year_to_date[k] += wages;
        const std::int64_t fica = Percent(social, kSocialSecurityBp) + Percent(wages, kMedicareBp);
        run.gross += wages;
        run.employer_taxes +=
            fica + Percent(futa, kFederalUnemploymentBp) + Percent(suta, kStateUnemploymentBp);
        run.withholdings +=
            fica + Percent(wages, kFederalWithholdingBp) + Percent(wages, kStateWithholdingBp);
      }
      if (run.gross == 0 || !plan.calendar.Covers(pay_day)) continue;
      const std::int64_t liabilities = run.withholdings + run.employer_taxes;
      builder.AddWithNum(
          pay_day, "Paycheck", "Payroll", PayNum(pay_day),
          {Debit(accounts::kSalaries, run.gross, "Gross wages"),
           Debit(accounts::kPayrollTaxes, run.employer_taxes, "Employer payroll taxes"),
           Credit(accounts::kPayrollLiabilities, liabilities, "Withholdings and employer taxes"),
           Credit(accounts::kChecking, run.gross - run.withholdings, "Net pay")});
      accrued_last_month += liabilities;
    }
  }
}

}  // namespace finhelm::demo
