#include "demo/internal/anomalies.hpp"

#include <cstdio>
#include <string_view>
#include <utility>

#include "core/money.hpp"
#include "demo/internal/chart_of_accounts.hpp"
#include "demo/internal/demo_random.hpp"

namespace finhelm::demo {
namespace {

constexpr std::string_view kDuplicatedVendor = "Coastal Electric Co.";
constexpr int kDuplicateFromMonth = 18;
constexpr int kDuplicateGapDays = 3;

constexpr const char* kOutlierVendor = "Paper Trail Office Supply";
constexpr double kUsualOfficePurchase = 165.0;  // As in vendor_catalog.cpp.
constexpr double kOutlierFactor = 15.0;
constexpr int kOutlierMonth = 25;

constexpr int kWeekendFromMonth = 20;

struct RoundTransfer {
  int month;
  std::int64_t cents;
  bool to_savings;
};
constexpr RoundTransfer kRoundTransfers[] = {
    {2, 50'000'00, true}, {14, 100'000'00, true}, {31, 25'000'00, false}};

std::string Dollars(std::int64_t cents) {
  return "$" + Money::FromMinorUnits(cents, CurrencyCode::Parse("USD").value()).ToGroupedString();
}

void PlantDuplicateBill(const CompanyPlan& plan, LedgerBuilder& builder, OpenItemBook& payables,
                        std::vector<PlantedDraft>& planted) {
  const DayNumber from = plan.calendar.months()[kDuplicateFromMonth].first;
  for (const BookItem& original : payables.items()) {
    // Only a Monday or Tuesday original keeps the copy on a weekday.
    if (original.party != kDuplicatedVendor || original.day < from ||
        IsoWeekday(original.day) > 2) {
      continue;
    }
    const DayNumber day = original.day + kDuplicateGapDays;
    if (!IsBusinessDay(day) || !plan.calendar.Covers(day)) continue;
    const DraftTransaction& draft = builder.draft(original.id);
    const TransactionId id =
        builder.AddWithNum(day, draft.type, draft.name, original.num, draft.lines);
    planted.push_back({"duplicate-bill", id,
                       "Bill " + original.num + " from " + original.party + " for " +
                           Dollars(original.cents) + " entered again " +
                           std::to_string(kDuplicateGapDays) + " days after the original"});
    BookItem copy = original;
    copy.id = id;
    copy.day = day;
    copy.due = day + kNetDays;
    copy.target_pay_day = BusinessDayOnOrAfter(day + 18);
    // `original` refers into the book, which this may reallocate: nothing reads it after.
    payables.AddPosted(std::move(copy));
    return;
  }
}

void PlantOutlierExpense(const CompanyPlan& plan, LedgerBuilder& builder,
                         std::vector<PlantedDraft>& planted) {
  DemoRandom random(plan.seed, "anomalies");
  const LedgerMonth& month = plan.calendar.months()[kOutlierMonth];
  DayNumber day = LedgerCalendar::BusinessDayNear(month, 10);
  while (IsoWeekday(day) != 3) day = BusinessDayOnOrAfter(day + 1);
  const std::int64_t cents = Cents(kUsualOfficePurchase * kOutlierFactor * random.Jitter(0.05));
  const char* memo = "Office supplies";
  const TransactionId id = builder.AddNumbered(
      day, "Expense", kOutlierVendor, "EXP-",
      {Debit(accounts::kOfficeSupplies, cents, memo), Credit(accounts::kChecking, cents, memo)});
  planted.push_back(
      {"outlier-expense", id,
       "Office supplies purchase of " + Dollars(cents) + ", about 15 times the usual size"});
}

void PlantRoundTransfers(const CompanyPlan& plan, LedgerBuilder& builder,
                         std::vector<PlantedDraft>& planted) {
  for (const RoundTransfer& transfer : kRoundTransfers) {
    const LedgerMonth& month = plan.calendar.months()[static_cast<std::size_t>(transfer.month)];
    const DayNumber day = LedgerCalendar::BusinessDayNear(month, 11);
    const int to = transfer.to_savings ? accounts::kSavings : accounts::kChecking;
    const int from = transfer.to_savings ? accounts::kChecking : accounts::kSavings;
    const std::string memo =
        transfer.to_savings ? "Move surplus cash to savings" : "Fund payroll from savings";
    const TransactionId id =
        builder.AddNumbered(day, "Transfer", "", "TRF-",
                            {Debit(to, transfer.cents, memo), Credit(from, transfer.cents, memo)});
    planted.push_back(
        {"round-amount-transfer", id,
         "Transfer of exactly " + Dollars(transfer.cents) +
             (transfer.to_savings ? " from Checking to Savings" : " from Savings to Checking")});
  }
}

}  // namespace

void PlantBeforeSettlement(const CompanyPlan& plan, LedgerBuilder& builder, OpenItemBook& payables,
                           std::vector<PlantedDraft>& planted) {
  PlantDuplicateBill(plan, builder, payables, planted);
  PlantOutlierExpense(plan, builder, planted);
  PlantRoundTransfers(plan, builder, planted);
}

void PlantWeekendPayment(const CompanyPlan& plan, const std::vector<Settlement>& bill_payments,
                         LedgerBuilder& builder, std::vector<PlantedDraft>& planted) {
  const DayNumber from = plan.calendar.months()[kWeekendFromMonth].first;
  for (const Settlement& settlement : bill_payments) {
    const DraftTransaction& draft = builder.draft(settlement.payment);
    const DayNumber saturday = draft.day - 2;
    if (draft.day < from || IsoWeekday(draft.day) != 1 || saturday <= settlement.item_day) {
      continue;
    }
    builder.MoveTo(settlement.payment, saturday);
    planted.push_back({"weekend-payment", settlement.payment,
                       "Bill payment to " + draft.name + " dated on a Saturday"});
    return;
  }
}

}  // namespace finhelm::demo
