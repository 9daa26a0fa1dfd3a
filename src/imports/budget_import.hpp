// Importing a Budget Overview (budget_rows.hpp) into an organization's budgets.
//
// It comes through the same upload, checks and job as a ledger export; the layout
// detector tells it apart. All of it or nothing, like a ledger import: validation
// rejects a row whose account is not in the chart of accounts (budgets are set on the
// accounts the ledger has, so the ledger comes first), an amount that does not parse,
// and an account's month given twice. Writing sets each account's budget for each month
// in the file, replacing what an earlier budget said for that month; months and accounts
// the file does not name keep theirs. A row is new when it changed at least one month,
// and a duplicate when the budgets already said the same.
#pragma once

#include "core/result.hpp"
#include "imports/export_reader.hpp"
#include "imports/ledger_import.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::imports {

// Validates the rows of `file` (a kBudget layout), and with `write`, stores them in the
// caller's transaction. `report` comes from OpenExport.
Result<ImportReport> ReadBudget(ExportFile& file, const ReadOptions& options,
                                storage::OrgScope& scope, ImportReport report,
                                const ImportProgress& progress, bool write);

}  // namespace finhelm::imports
