// The demo company's regular vendors and how it spends with each (internal to
// finhelm_demo).
//
// A vendor is a row of data, not code: who, which expense account, how it is paid, how
// often and how much. The few vendors with a story of their own (the landlord, the insurer,
// the computer supplier, the bank, the Treasury) are posted by financing.cpp instead.
#pragma once

#include <span>
#include <string_view>

namespace finhelm::demo {

enum class Channel {
  kBill,         // "Bill" to A/P, paid later by "Bill Payment (Check)".
  kCheck,        // "Check" from Checking.
  kBankExpense,  // "Expense" from Checking (the debit card).
  kCardExpense,  // "Expense" on the Company Visa, paid with the card's monthly statement.
};

enum class Cadence {
  kMonthly,       // Once a month, near `day`.
  kQuarterly,     // In January, April, July and October, near `day`.
  kAnnual,        // Once a year in calendar month `month_of_year`, near `day`.
  kPerHire,       // Once for each employee starting in the month, near `day`.
  kRevenueShare,  // `base` times the month's planned revenue, in one or two bills.
  kRandom,        // `rate` purchases a month per person, on random business days.
  kOccasional,    // `rate` purchases a month whatever the headcount, on random days.
};

enum class Season {
  kFlat,
  kBusy,     // Follows the consulting season (SeasonFactor): travel, meals, events.
  kWeather,  // Peaks in summer and winter: electricity.
};

struct Vendor {
  std::string_view name;
  int account;
  Channel channel;
  Cadence cadence;
  int day;            // Day of the month, for the scheduled cadences.
  int month_of_year;  // For kAnnual.
  double base;        // Dollars a purchase (a fraction of revenue for kRevenueShare).
  double per_head;    // Dollars more per person on staff (seats, premiums), the owner too.
  double spread;      // How much an amount varies: 0.2 = up to 20 % either way.
  double rate;        // For kRandom and kOccasional.
  int first_month;    // The ledger month the company starts buying.
  int pay_days;       // For bills: days from the bill to its payment, typically.
  std::string_view memo;
  Season season = Season::kFlat;
};

std::span<const Vendor> RegularVendors();

// The subcontractor whose bills the company disputes and holds, unpaid, over the ledger's
// last five months (its bills fill the payables' aging buckets).
inline constexpr std::string_view kDisputedVendor = "Keystone Data Partners";

}  // namespace finhelm::demo
