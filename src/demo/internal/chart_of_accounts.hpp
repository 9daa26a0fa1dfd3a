// The demo company's chart of accounts (internal to finhelm_demo).
//
// Numbers follow the convention the QuickBooks importer falls back on when a file names no
// account type: the type is a function of the number's range (AccountTypeForNumber).
#pragma once

#include <string_view>
#include <vector>

#include "demo/demo_company.hpp"

namespace finhelm::demo::accounts {

inline constexpr int kChecking = 1000;
inline constexpr int kSavings = 1010;
inline constexpr int kReceivable = 1100;
inline constexpr int kPrepaid = 1200;
inline constexpr int kComputerEquipment = 1500;
inline constexpr int kAccumulatedDepreciation = 1590;
inline constexpr int kSecurityDeposits = 1800;
inline constexpr int kPayable = 2000;
inline constexpr int kCompanyVisa = 2100;
inline constexpr int kPayrollLiabilities = 2200;
inline constexpr int kBankLoan = 2500;
inline constexpr int kOwnersEquity = 3000;
inline constexpr int kConsultingRevenue = 4000;
inline constexpr int kImplementationRevenue = 4100;
inline constexpr int kTrainingRevenue = 4200;
inline constexpr int kSubcontractors = 5000;
inline constexpr int kSalaries = 6000;
inline constexpr int kPayrollTaxes = 6010;
inline constexpr int kBenefits = 6020;
inline constexpr int kRent = 6100;
inline constexpr int kJanitorial = 6120;
inline constexpr int kSoftware = 6200;
inline constexpr int kUtilities = 6300;
inline constexpr int kInsurance = 6400;
inline constexpr int kTravel = 6500;
inline constexpr int kMeals = 6550;
inline constexpr int kOfficeSupplies = 6600;
inline constexpr int kProfessionalFees = 6700;
inline constexpr int kRecruiting = 6750;
inline constexpr int kMarketing = 6800;
inline constexpr int kDepreciation = 6900;
inline constexpr int kBankFees = 7000;
inline constexpr int kDues = 7100;
inline constexpr int kLicenses = 7200;
inline constexpr int kStaffTraining = 7300;
inline constexpr int kInterestIncome = 8000;
inline constexpr int kInterestExpense = 9000;

// The QuickBooks account type of `number` by the range convention (10xx "Bank", 11xx
// "Accounts Receivable", 12xx-14xx "Other Current Asset", 15xx-17xx "Fixed Asset", 18xx-19xx
// "Other Asset", 20xx "Accounts Payable", 21xx "Credit Card", 22xx-24xx "Other Current
// Liability", 25xx-29xx "Long Term Liability", 3xxx "Equity", 4xxx "Income", 5xxx "Cost of
// Goods Sold", 6xxx-7xxx "Expense", 8xxx "Other Income", 9xxx "Other Expense"); empty
// outside 1000..9999.
std::string_view AccountTypeForNumber(int number);

// Every account the company has, sorted by number.
std::vector<DemoAccount> ChartOfAccounts();

}  // namespace finhelm::demo::accounts
