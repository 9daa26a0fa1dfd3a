// Operating spend with the regular vendors of vendor_catalog.hpp (internal to
// finhelm_demo).
#pragma once

#include "demo/internal/company_plan.hpp"
#include "demo/internal/ledger_builder.hpp"
#include "demo/internal/open_item_book.hpp"

namespace finhelm::demo {

// Posts every purchase from the regular vendors: bills are requested in `payables` (with
// the day the company means to pay them), checks and expenses go to `builder`.
void PostRegularSpend(const CompanyPlan& plan, LedgerBuilder& builder, OpenItemBook& payables);

}  // namespace finhelm::demo
