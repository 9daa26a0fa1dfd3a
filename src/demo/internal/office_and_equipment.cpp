#include "demo/internal/office_and_equipment.hpp"

#include <string>
#include <vector>

#include "demo/internal/chart_of_accounts.hpp"
#include "demo/internal/demo_random.hpp"

namespace finhelm::demo {
namespace {

constexpr const char* kLandlord = "Harborview Properties LLC";
constexpr const char* kComputerVendor = "Northgate Computers";
constexpr const char* kInsurer = "Sentinel Mutual Insurance";

constexpr std::int64_t kRentCents = 8'500'00;
constexpr std::int64_t kRentDepositCents = 17'000'00;
constexpr int kExpansionMonth = 30;
constexpr std::int64_t kExpansionRentCents = 4'200'00;
constexpr std::int64_t kExpansionDepositCents = 8'400'00;

constexpr double kLaptopDollars = 2450.0;
constexpr double kNetworkDollars = 6800.0;
constexpr int kConferenceRoomMonth = 18;
constexpr double kConferenceRoomDollars = 9800.0;
constexpr int kDepreciationMonths = 36;

constexpr double kPolicyDollars = 12600.0;
constexpr int kPolicyMonths = 12;

struct Asset {
  int month;  // Bought in this ledger month, depreciated from the next.
  std::int64_t cents;
};

void PostRent(const CompanyPlan& plan, LedgerBuilder& builder) {
  for (const LedgerMonth& month : plan.calendar.months()) {
    const DayNumber day = LedgerCalendar::BusinessDayNear(month, 1);
    if (!plan.calendar.Covers(day)) continue;
    std::int64_t rent = kRentCents;
    for (int year = 0; year < month.index / 12; ++year) rent = (rent * 103 + 50) / 100;
    std::string memo = "Rent, " + MonthLabel(month);
    if (month.index >= kExpansionMonth) {
      rent += kExpansionRentCents;
      memo += ", suites 300 and 310";
    }
    if (month.index == 0 || month.index == kExpansionMonth) {
      const std::int64_t deposit = month.index == 0 ? kRentDepositCents : kExpansionDepositCents;
      builder.AddNumbered(day, "Check", kLandlord, "CHK-",
                          {Debit(accounts::kSecurityDeposits, deposit, "Security deposit"),
                           Credit(accounts::kChecking, deposit, "Security deposit")});
    }
    builder.AddNumbered(
        day, "Check", kLandlord, "CHK-",
        {Debit(accounts::kRent, rent, memo), Credit(accounts::kChecking, rent, memo)});
  }
}

// Buys the computers and returns what was capitalized, in month order.
std::vector<Asset> BuyEquipment(const CompanyPlan& plan, LedgerBuilder& builder,
                                OpenItemBook& payables, DemoRandom& random) {
  std::vector<Asset> assets;
  auto bill = [&](const LedgerMonth& month, double dollars, const std::string& memo) {
    const DayNumber day = LedgerCalendar::BusinessDayNear(month, 8);
    if (!plan.calendar.Covers(day)) return;
    const std::int64_t cents = Cents(dollars);
    payables.Request(ItemRequest{kComputerVendor,
                                 day,
                                 {Debit(accounts::kComputerEquipment, cents, memo)},
                                 memo,
                                 BusinessDayOnOrAfter(day + 25)});
    assets.push_back(Asset{month.index, cents});
  };
  for (const LedgerMonth& month : plan.calendar.months()) {
    const auto index = static_cast<std::size_t>(month.index);
    if (month.index == 0) {
      const int people = plan.headcount[index] + 1;
      bill(month, people * kLaptopDollars * random.Jitter(0.03) + kNetworkDollars,
           "Laptops (" + std::to_string(people) + ") and office network");
    }
    if (month.index == kConferenceRoomMonth) {
      bill(month, kConferenceRoomDollars * random.Jitter(0.05), "Conference room AV system");
    }
    const int hires = plan.hires[index];
    const DayNumber day = LedgerCalendar::BusinessDayNear(month, 3);
    if (hires == 0 || !plan.calendar.Covers(day)) continue;
    const std::int64_t cents = Cents(hires * kLaptopDollars * random.Jitter(0.04));
    const std::string memo = "Laptops for new hires (" + std::to_string(hires) + ")";
    builder.AddNumbered(day, "Check", kComputerVendor, "CHK-",
                        {Debit(accounts::kComputerEquipment, cents, memo),
                         Credit(accounts::kChecking, cents, memo)});
    assets.push_back(Asset{month.index, cents});
  }
  return assets;
}

void PostDepreciation(const CompanyPlan& plan, const std::vector<Asset>& assets,
                      LedgerBuilder& builder) {
  for (const LedgerMonth& month : plan.calendar.months()) {
    const DayNumber day = LedgerCalendar::LastBusinessDay(month);
    if (!plan.calendar.Covers(day)) continue;
    std::int64_t cents = 0;
    for (const Asset& asset : assets) {
      const int age = month.index - asset.month;
      if (age < 1 || age > kDepreciationMonths) continue;
      // Straight-line in whole cents; the last month takes what division left over.
      const std::int64_t monthly = asset.cents / kDepreciationMonths;
      cents +=
          age < kDepreciationMonths ? monthly : asset.cents - monthly * (kDepreciationMonths - 1);
    }
    if (cents == 0) continue;
    const char* memo = "Depreciation, computer equipment";
    builder.AddNumbered(day, "Journal Entry", "", "JE-",
                        {Debit(accounts::kDepreciation, cents, memo),
                         Credit(accounts::kAccumulatedDepreciation, cents, memo)});
  }
}

void PostInsurance(const CompanyPlan& plan, LedgerBuilder& builder, OpenItemBook& payables) {
  std::int64_t premium = 0;
  int policy_start = 0;
  for (const LedgerMonth& month : plan.calendar.months()) {
    if (month.index % kPolicyMonths == 0) {
      const int year = month.index / kPolicyMonths;
      premium = Cents(kPolicyDollars * (1.0 + 0.06 * year));
      policy_start = month.index;
      const DayNumber day = LedgerCalendar::BusinessDayNear(month, 5);
      const std::string memo = "General liability policy, " + MonthLabel(month) + " renewal";
      if (plan.calendar.Covers(day)) {
        payables.Request(ItemRequest{kInsurer,
                                     day,
                                     {Debit(accounts::kPrepaid, premium, memo)},
                                     memo,
                                     BusinessDayOnOrAfter(day + 20)});
      }
    }
    const DayNumber day = LedgerCalendar::LastBusinessDay(month);
    if (!plan.calendar.Covers(day)) continue;
    const int elapsed = month.index - policy_start;
    const std::int64_t monthly = premium / kPolicyMonths;
    const std::int64_t cents =
        elapsed < kPolicyMonths - 1 ? monthly : premium - monthly * (kPolicyMonths - 1);
    const char* memo = "Insurance expense, general liability";
    builder.AddNumbered(
        day, "Journal Entry", "", "JE-",
        {Debit(accounts::kInsurance, cents, memo), Credit(accounts::kPrepaid, cents, memo)});
  }
}

}  // namespace

void PostOfficeAndEquipment(const CompanyPlan& plan, LedgerBuilder& builder,
                            OpenItemBook& payables) {
  DemoRandom random(plan.seed, "office");
  PostRent(plan, builder);
  PostDepreciation(plan, BuyEquipment(plan, builder, payables, random), builder);
  PostInsurance(plan, builder, payables);
}

}  // namespace finhelm::demo
