// The planted anomalies (internal to finhelm_demo): deliberate oddities with known
// answers, for anomaly detection to find.
//
//   duplicate-bill         a utility bill entered twice: same vendor, amount and Num,
//                          three days apart (both are paid);
//   outlier-expense        an office-supplies purchase about 15 times the usual size;
//   round-amount-transfer  three transfers of exactly $50,000.00 and $100,000.00 from
//                          Checking to Savings and $25,000.00 back (the only transfers);
//   weekend-payment        one bill payment dated on a Saturday, the only transaction of
//                          the ledger on a weekend.
#pragma once

#include <string>
#include <vector>

#include "demo/internal/company_plan.hpp"
#include "demo/internal/ledger_builder.hpp"
#include "demo/internal/open_item_book.hpp"

namespace finhelm::demo {

struct PlantedDraft {
  std::string kind;
  TransactionId id = 0;
  std::string description;
};

// Plants the duplicate bill (after payables.Issue, before payables.Settle), the outlier
// expense and the round transfers.
void PlantBeforeSettlement(const CompanyPlan& plan, LedgerBuilder& builder, OpenItemBook& payables,
                           std::vector<PlantedDraft>& planted);

// Moves one bill payment from a Monday to the Saturday before it.
void PlantWeekendPayment(const CompanyPlan& plan, const std::vector<Settlement>& bill_payments,
                         LedgerBuilder& builder, std::vector<PlantedDraft>& planted);

}  // namespace finhelm::demo
