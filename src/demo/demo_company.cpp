#include "demo/demo_company.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "demo/internal/anomalies.hpp"
#include "demo/internal/chart_of_accounts.hpp"
#include "demo/internal/company_plan.hpp"
#include "demo/internal/expenses.hpp"
#include "demo/internal/financing.hpp"
#include "demo/internal/ledger_builder.hpp"
#include "demo/internal/ledger_guarantees.hpp"
#include "demo/internal/office_and_equipment.hpp"
#include "demo/internal/open_item_book.hpp"
#include "demo/internal/payroll.hpp"
#include "demo/internal/revenue.hpp"

namespace finhelm::demo {
namespace {

constexpr const char* kCompanyName = "Harbor & Pine Consulting LLC";

std::vector<DemoAccount> AccountsUsed(const std::vector<DemoTransaction>& transactions) {
  std::set<int> used;
  for (const DemoTransaction& transaction : transactions) {
    for (const DemoLine& line : transaction.lines) used.insert(line.account_number);
  }
  std::vector<DemoAccount> chart = accounts::ChartOfAccounts();
  std::erase_if(chart,
                [&used](const DemoAccount& account) { return !used.contains(account.number); });
  return chart;
}

std::vector<PlantedAnomaly> Resolve(const std::vector<PlantedDraft>& planted,
                                    const FinalizedTransactions& finalized) {
  std::vector<PlantedAnomaly> anomalies;
  for (const PlantedDraft& draft : planted) {
    const DemoTransaction& transaction = finalized.transactions[finalized.index_of[draft.id]];
    anomalies.push_back(
        PlantedAnomaly{draft.kind, transaction.num, transaction.date, draft.description});
  }
  std::stable_sort(
      anomalies.begin(), anomalies.end(),
      [](const PlantedAnomaly& a, const PlantedAnomaly& b) { return a.date < b.date; });
  return anomalies;
}

}  // namespace

std::string DemoAccount::Title() const { return std::to_string(number) + " " + name; }

CalendarDate DefaultDemoLastDay() { return CalendarDate::FromParts(2026, 12, 31).value(); }

int NaturalSign(std::string_view account_type) {
  static constexpr std::string_view kDebitNormal[] = {
      "Bank",        "Accounts Receivable", "Other Current Asset",
      "Fixed Asset", "Other Asset",         "Cost of Goods Sold",
      "Expense",     "Other Expense"};
  return std::find(std::begin(kDebitNormal), std::end(kDebitNormal), account_type) !=
                 std::end(kDebitNormal)
             ? 1
             : -1;
}

Result<DemoLedger> GenerateDemoCompany(const DemoOptions& options) {
  auto calendar = LedgerCalendar::EndingOn(options.last_day);
  if (!calendar.ok()) return calendar.error();
  CompanyPlan plan(options.seed, std::move(calendar).value());
  plan.revenue = PlanRevenue(plan.calendar);
  const std::vector<Employee> staff = PlanStaffing(options.seed);
  CountStaff(staff, plan);

  LedgerBuilder builder;
  OpenItemBook receivables(OpenItemKind::kInvoice);
  OpenItemBook payables(OpenItemKind::kBill);
  PostOwnerAndLoan(plan, builder);
  PostOfficeAndEquipment(plan, builder, payables);
  PostPayroll(plan, staff, builder);
  PostRegularSpend(plan, builder, payables);
  PostBankFees(plan, builder);
  RequestInvoices(plan, receivables);
  receivables.Issue(builder, plan.calendar);
  payables.Issue(builder, plan.calendar);

  std::vector<PlantedDraft> planted;
  PlantBeforeSettlement(plan, builder, payables, planted);
  PostSavingsInterest(plan, builder);
  PostCardPayments(plan, builder);
  receivables.Settle(builder, plan.calendar.last_day());
  const std::vector<Settlement> bill_payments = payables.Settle(builder, plan.calendar.last_day());
  PlantWeekendPayment(plan, bill_payments, builder, planted);

  FinalizedTransactions finalized = builder.Finalize();
  DemoLedger ledger;
  ledger.company_name = kCompanyName;
  ledger.first_day = DateOf(plan.calendar.first_day());
  ledger.last_day = options.last_day;
  ledger.accounts = AccountsUsed(finalized.transactions);
  ledger.open_invoices = receivables.OpenItems();
  ledger.open_bills = payables.OpenItems();
  ledger.anomalies = Resolve(planted, finalized);
  ledger.transactions = std::move(finalized.transactions);
  if (Status status = CheckGuarantees(ledger); !status.ok()) return status.error();
  return ledger;
}

}  // namespace finhelm::demo
