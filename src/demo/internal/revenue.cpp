#include "demo/internal/revenue.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "demo/internal/chart_of_accounts.hpp"
#include "demo/internal/demo_random.hpp"

namespace finhelm::demo {
namespace {

struct Customer {
  std::string_view name;
  int pay_delay_days;   // Typical days from invoice to payment (net 30: 30 is on time).
  int first_month;      // The ledger month of the first invoice.
  int last_month;       // The ledger month of the last invoice.
  int hourly_rate;      // Dollars.
  bool implementation;  // Buys implementation projects besides consulting.
};

constexpr int kAlways = LedgerCalendar::kMonths - 1;

// Largest first: a customer's weight is 1 / (rank + 2).
constexpr Customer kCustomers[] = {
    {"Meridian Health Systems", 41, 0, kAlways, 225, true},
    {"Northwind Logistics", 33, 0, kAlways, 210, true},
    {"Atlas Municipal Credit Union", 27, 0, kAlways, 195, false},
    {"Baker, Lowe & Partners", 18, 0, kAlways, 240, false},
    {"Greywater Manufacturing", 36, 1, kAlways, 185, true},
    {"Solstice Energy Cooperative", 30, 2, kAlways, 200, false},
    {"Bramble & Finch Retail", 24, 0, 27, 175, false},
    {"Cobalt Ridge Software", 14, 3, kAlways, 230, true},
    {"Harmon County Schools", 62, 4, kAlways, 165, false},
    {"Lighthouse Dental Group", 21, 5, kAlways, 180, false},
    {"Pinecone Outdoor Supply", 29, 6, kAlways, 175, false},
    {"Larkspur Retail Group", 48, 1, kAlways, 190, true},
    {"Vantage Freight Brokers", 34, 8, kAlways, 195, false},
    {"Orchard Valley Growers", 75, 9, kAlways, 170, false},
    {"Quarry Hill Architects", 19, 10, kAlways, 215, false},
    {"Silverline Insurance Agency", 31, 11, 30, 185, false},
    {"Tamarack Biotech", 38, 12, kAlways, 245, true},
    {"Union Street Bakery Co.", 12, 13, kAlways, 165, false},
    {"Wexford Property Management", 44, 14, kAlways, 180, false},
    {"Juniper Legal Services", 25, 15, kAlways, 220, false},
    {"Kestrel Aviation Services", 33, 16, kAlways, 210, true},
    {"Foxglove Media Group", 27, 17, kAlways, 190, false},
    {"Driftwood Hospitality", 69, 18, kAlways, 170, false},
    {"Evergreen Senior Living", 35, 19, kAlways, 180, false},
    {"Ironbridge Construction", 40, 20, kAlways, 185, true},
    {"Mariner Credit Partners", 22, 21, kAlways, 230, false},
    {"Nimbus Weather Analytics", 16, 22, kAlways, 240, false},
    {"Oakhaven Veterinary Clinics", 30, 23, kAlways, 170, false},
    {"Prairie Wind Farms", 37, 24, kAlways, 195, false},
    {"Redwood Title & Escrow", 28, 25, kAlways, 185, false},
    {"Sable Point Marina", 33, 26, kAlways, 165, false},
    {"Thistle Home Goods", 26, 27, kAlways, 175, false},
    {"Upland Water District", 58, 28, kAlways, 170, false},
    {"Verity Clinical Labs", 32, 29, kAlways, 235, true},
    {"Willow Creek Dental", 20, 30, kAlways, 180, false},
    {"Yellowstone Outfitters", 34, 30, kAlways, 175, false},
    {"Zephyr Travel Agency", 29, 31, kAlways, 170, false},
    {"Alder & Ash Interiors", 23, 32, kAlways, 190, false},
    {"Beacon Hill Tutoring", 15, 33, kAlways, 165, false},
    {"Cedar Grove Hospice", 36, 34, kAlways, 180, false},
};

// The customer that stops paying: no invoice dated kStallDays or fewer before the ledger's
// last day is ever paid, and it is invoiced at least twice a month, so that its open
// invoices reach every aging bucket.
constexpr std::string_view kStalledCustomer = "Larkspur Retail Group";
constexpr int kStallDays = 170;

constexpr double kFirstMonthRevenue = 170000.0;
constexpr double kGrowthPerYear = 0.30;
constexpr double kRampUp[] = {0.55, 0.75, 0.9};
constexpr double kTypicalInvoice = 4500.0;  // Dollars; decides how often a customer is billed.
constexpr double kTrainingDayPrice = 2800.0;

double Weight(std::size_t rank) { return 1.0 / static_cast<double>(rank + 2); }

// The lines of one invoice worth about `dollars`: consulting hours at the customer's rate,
// sometimes with an implementation milestone or a training workshop.
std::vector<DemoLine> InvoiceLines(const Customer& customer, const LedgerMonth& month,
                                   double dollars, DemoRandom& random) {
  std::vector<DemoLine> lines;
  const std::string label = MonthLabel(month);
  if (random.Chance(0.06)) {
    const int days = random.Chance(0.5) ? 1 : 2;
    lines.push_back(Credit(accounts::kTrainingRevenue, Cents(days * kTrainingDayPrice),
                           "Training workshop, " + std::to_string(days) + " day(s)"));
    dollars -= days * kTrainingDayPrice;
  }
  if (customer.implementation && random.Chance(0.35)) {
    const double milestone = std::max(1.0, std::round(dollars * 0.45 / 250.0)) * 250.0;
    lines.push_back(
        Credit(accounts::kImplementationRevenue, Cents(milestone), "Implementation milestone"));
    dollars -= milestone;
  }
  // Quarter hours, at least two hours: every invoice carries some consulting.
  const std::int64_t quarter_hours =
      std::max<std::int64_t>(8, std::llround(dollars * 4.0 / customer.hourly_rate));
  lines.insert(lines.begin(),
               Credit(accounts::kConsultingRevenue, quarter_hours * customer.hourly_rate * 25,
                      "Consulting services, " + label));
  return lines;
}

}  // namespace

double SeasonFactor(int calendar_month) {
  static constexpr double kFactors[] = {0.95, 1.00, 1.12, 1.15, 1.10, 0.93,
                                        0.80, 0.78, 1.08, 1.15, 1.06, 0.82};
  return calendar_month >= 1 && calendar_month <= 12 ? kFactors[calendar_month - 1] : 1.0;
}

std::vector<double> PlanRevenue(const LedgerCalendar& calendar) {
  std::vector<double> revenue;
  for (const LedgerMonth& month : calendar.months()) {
    double target = kFirstMonthRevenue * (1.0 + kGrowthPerYear * month.index / 12.0) *
                    SeasonFactor(month.month);
    if (month.index < static_cast<int>(std::size(kRampUp))) target *= kRampUp[month.index];
    revenue.push_back(target);
  }
  return revenue;
}

void RequestInvoices(const CompanyPlan& plan, OpenItemBook& receivables) {
  DemoRandom random(plan.seed, "revenue");
  const DayNumber stall_day = plan.calendar.last_day() - kStallDays;
  for (const LedgerMonth& month : plan.calendar.months()) {
    double active_weight = 0.0;
    for (std::size_t rank = 0; rank < std::size(kCustomers); ++rank) {
      const Customer& customer = kCustomers[rank];
      if (month.index >= customer.first_month && month.index <= customer.last_month) {
        active_weight += Weight(rank);
      }
    }
    for (std::size_t rank = 0; rank < std::size(kCustomers); ++rank) {
      const Customer& customer = kCustomers[rank];
      if (month.index < customer.first_month || month.index > customer.last_month) continue;
      const bool stalled = customer.name == kStalledCustomer;
      double share = plan.revenue[static_cast<std::size_t>(month.index)] * Weight(rank) /
                     active_weight * random.Jitter(0.12);
      // Small customers are billed every other month, for two months' work.
      if (!stalled && share < 2500.0) {
        if ((month.index + static_cast<int>(rank)) % 2 != 0) continue;
        share *= 2.0;
      }
      const int invoices =
          std::clamp(static_cast<int>(share / kTypicalInvoice), stalled ? 2 : 1, 4);
      for (int k = 0; k < invoices; ++k) {
        const int target_day = (k + 1) * month.days() / invoices - random.Below(3);
        const DayNumber day = LedgerCalendar::BusinessDayNear(month, target_day);
        const double delay = customer.pay_delay_days * random.Jitter(0.25);
        ItemRequest request;
        request.party = std::string(customer.name);
        request.day = day;
        request.lines =
            InvoiceLines(customer, month, share / invoices * random.Jitter(0.15), random);
        request.memo = "Services, " + MonthLabel(month);
        request.target_pay_day =
            stalled && day >= stall_day
                ? kNever
                : BusinessDayOnOrAfter(day + std::max<std::int64_t>(5, std::llround(delay)));
        receivables.Request(std::move(request));
      }
    }
  }
}

}  // namespace finhelm::demo
