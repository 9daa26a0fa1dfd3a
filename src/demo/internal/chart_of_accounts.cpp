#include "demo/internal/chart_of_accounts.hpp"

#include <string>

namespace finhelm::demo::accounts {
namespace {

struct AccountName {
  int number;
  std::string_view name;
};

constexpr AccountName kAccountNames[] = {
    {kChecking, "Checking"},
    {kSavings, "Savings"},
    {kReceivable, "Accounts Receivable (A/R)"},
    {kPrepaid, "Prepaid Expenses"},
    {kComputerEquipment, "Computer Equipment"},
    {kAccumulatedDepreciation, "Accumulated Depreciation"},
    {kSecurityDeposits, "Security Deposits"},
    {kPayable, "Accounts Payable (A/P)"},
    {kCompanyVisa, "Company Visa"},
    {kPayrollLiabilities, "Payroll Liabilities"},
    {kBankLoan, "Bank Loan"},
    {kOwnersEquity, "Owner's Equity"},
    {kConsultingRevenue, "Consulting Revenue"},
    {kImplementationRevenue, "Implementation Revenue"},
    {kTrainingRevenue, "Training Revenue"},
    {kSubcontractors, "Subcontractors"},
    {kSalaries, "Salaries & Wages"},
    {kPayrollTaxes, "Payroll Taxes"},
    {kBenefits, "Employee Benefits"},
    {kRent, "Rent"},
    {kJanitorial, "Janitorial & Maintenance"},
    {kSoftware, "Software Subscriptions"},
    {kUtilities, "Utilities"},
    {kInsurance, "Insurance"},
    {kTravel, "Travel"},
    {kMeals, "Meals & Entertainment"},
    {kOfficeSupplies, "Office Supplies"},
    {kProfessionalFees, "Professional Fees"},
    {kRecruiting, "Recruiting"},
    {kMarketing, "Marketing"},
    {kDepreciation, "Depreciation Expense"},
    {kBankFees, "Bank Fees"},
    {kDues, "Dues & Memberships"},
    {kLicenses, "Licenses & Permits"},
    {kStaffTraining, "Staff Training"},
    {kInterestIncome, "Interest Income"},
    {kInterestExpense, "Interest Expense"},
};

}  // namespace

std::string_view AccountTypeForNumber(int number) {
  if (number < 1000 || number > 9999) return {};
  const int hundreds = number / 100;
  if (hundreds == 10) return "Bank";
  if (hundreds == 11) return "Accounts Receivable";
  if (hundreds <= 14) return "Other Current Asset";
  if (hundreds <= 17) return "Fixed Asset";
  if (hundreds <= 19) return "Other Asset";
  if (hundreds == 20) return "Accounts Payable";
  if (hundreds == 21) return "Credit Card";
  if (hundreds <= 24) return "Other Current Liability";
  if (hundreds <= 29) return "Long Term Liability";
  if (hundreds <= 39) return "Equity";
  if (hundreds <= 49) return "Income";
  if (hundreds <= 59) return "Cost of Goods Sold";
  if (hundreds <= 79) return "Expense";
  if (hundreds <= 89) return "Other Income";
  return "Other Expense";
}

std::vector<DemoAccount> ChartOfAccounts() {
  std::vector<DemoAccount> chart;
  for (const AccountName& entry : kAccountNames) {
    chart.push_back(DemoAccount{entry.number, std::string(entry.name),
                                std::string(AccountTypeForNumber(entry.number))});
  }
  return chart;
}

}  // namespace finhelm::demo::accounts
