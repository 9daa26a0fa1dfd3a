#include "demo/internal/expenses.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "demo/internal/chart_of_accounts.hpp"
#include "demo/internal/demo_random.hpp"
#include "demo/internal/vendor_catalog.hpp"

namespace finhelm::demo {
namespace {

// The company holds every bill of the disputed vendor dated this many days or fewer before
// the ledger's last day.
constexpr int kDisputeDays = 165;

struct Purchase {
  DayNumber day;
  double dollars;
};

bool IsQuarterStart(int calendar_month) { return calendar_month % 3 == 1; }

// Electricity: air conditioning in summer, heating in winter.
double WeatherFactor(int calendar_month) {
  static constexpr double kFactors[] = {1.25, 1.20, 1.00, 0.85, 0.90, 1.15,
                                        1.40, 1.45, 1.10, 0.85, 0.95, 1.20};
  return kFactors[calendar_month - 1];
}

double SeasonOf(const Vendor& vendor, const LedgerMonth& month) {
  switch (vendor.season) {
    case Season::kBusy:
      return SeasonFactor(month.month);
    case Season::kWeather:
      return WeatherFactor(month.month);
    case Season::kFlat:
      break;
  }
  return 1.0;
}

DayNumber RandomBusinessDay(const LedgerMonth& month, DemoRandom& random) {
  return LedgerCalendar::BusinessDayNear(month, 1 + random.Below(month.days()));
}

// What the company buys from `vendor` in `month`, before the ledger's end is applied.
std::vector<Purchase> PurchasesInMonth(const Vendor& vendor, const CompanyPlan& plan,
                                       const LedgerMonth& month, DemoRandom& random) {
  const auto index = static_cast<std::size_t>(month.index);
  const int people = plan.headcount[index] + 1;
  const double season = SeasonOf(vendor, month);
  auto scheduled = [&] {
    return (vendor.base + vendor.per_head * people) * season * random.Jitter(vendor.spread);
  };
  std::vector<Purchase> purchases;
  switch (vendor.cadence) {
    case Cadence::kMonthly:
      purchases.push_back({LedgerCalendar::BusinessDayNear(month, vendor.day), scheduled()});
      break;
    case Cadence::kQuarterly:
      if (IsQuarterStart(month.month)) {
        purchases.push_back({LedgerCalendar::BusinessDayNear(month, vendor.day), scheduled()});
      }
      break;
    case Cadence::kAnnual:
      if (month.month == vendor.month_of_year) {
        purchases.push_back({LedgerCalendar::BusinessDayNear(month, vendor.day), scheduled()});
      }
      break;
    case Cadence::kPerHire:
      for (int hire = 0; hire < plan.hires[index]; ++hire) {
        purchases.push_back(
            {LedgerCalendar::BusinessDayNear(month, vendor.day + hire), scheduled()});
      }
      break;
    case Cadence::kRevenueShare: {
      const double total = plan.revenue[index] * vendor.base * random.Jitter(vendor.spread);
      const bool twice = total > 6000.0 || vendor.name == kDisputedVendor;
      if (twice) {
        purchases.push_back({LedgerCalendar::BusinessDayNear(month, 15), total * 0.5});
        purchases.push_back({LedgerCalendar::LastBusinessDay(month), total * 0.5});
      } else {
        purchases.push_back({LedgerCalendar::LastBusinessDay(month), total});
      }
      break;
    }
    case Cadence::kRandom:
    case Cadence::kOccasional: {
      const double expected =
          vendor.rate * season * (vendor.cadence == Cadence::kRandom ? people : 1);
      const int count = random.StochasticRound(expected);
      for (int k = 0; k < count; ++k) {
        const DayNumber day = RandomBusinessDay(month, random);
        purchases.push_back({day, vendor.base * random.Jitter(vendor.spread)});
      }
      break;
    }
  }
  std::stable_sort(purchases.begin(), purchases.end(),
                   [](const Purchase& a, const Purchase& b) { return a.day < b.day; });
  return purchases;
}

std::string MemoFor(const Vendor& vendor, const CompanyPlan& plan, const LedgerMonth& month) {
  std::string memo(vendor.memo);
  if (vendor.per_head > 0.0) {
    memo += " (" + std::to_string(plan.headcount[static_cast<std::size_t>(month.index)] + 1) +
            " people)";
  }
  return memo;
}

void PostPurchase(const Vendor& vendor, const Purchase& purchase, std::string memo,
                  const CompanyPlan& plan, LedgerBuilder& builder, OpenItemBook& payables,
                  DemoRandom& random) {
  const std::int64_t cents = std::max<std::int64_t>(1, Cents(purchase.dollars));
  const std::string name(vendor.name);
  switch (vendor.channel) {
    case Channel::kBill: {
      const bool disputed =
          vendor.name == kDisputedVendor && purchase.day >= plan.calendar.last_day() - kDisputeDays;
      const auto delay = std::llround(vendor.pay_days * random.Jitter(0.15));
      ItemRequest request;
      request.party = name;
      request.day = purchase.day;
      request.lines = {Debit(vendor.account, cents, memo)};
      request.memo = std::move(memo);
      request.target_pay_day = disputed ? kNever : BusinessDayOnOrAfter(purchase.day + delay);
      payables.Request(std::move(request));
      break;
    }
    case Channel::kCheck:
      builder.AddNumbered(
          purchase.day, "Check", name, "CHK-",
          {Debit(vendor.account, cents, memo), Credit(accounts::kChecking, cents, memo)});
      break;
    case Channel::kBankExpense:
    case Channel::kCardExpense: {
      const int paid_from =
          vendor.channel == Channel::kCardExpense ? accounts::kCompanyVisa : accounts::kChecking;
      builder.AddNumbered(purchase.day, "Expense", name, "EXP-",
                          {Debit(vendor.account, cents, memo), Credit(paid_from, cents, memo)});
      break;
    }
  }
}

}  // namespace

void PostRegularSpend(const CompanyPlan& plan, LedgerBuilder& builder, OpenItemBook& payables) {
  DemoRandom random(plan.seed, "spend");
  for (const Vendor& vendor : RegularVendors()) {
    for (const LedgerMonth& month : plan.calendar.months()) {
      if (month.index < vendor.first_month) continue;
      for (const Purchase& purchase : PurchasesInMonth(vendor, plan, month, random)) {
        if (!plan.calendar.Covers(purchase.day)) continue;
        PostPurchase(vendor, purchase, MemoFor(vendor, plan, month), plan, builder, payables,
                     random);
      }
    }
  }
}

}  // namespace finhelm::demo
