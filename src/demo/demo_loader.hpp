// Loading the demo company into an organization, through the same import pipeline as any
// upload: the generator's General Ledger export becomes an import of the organization,
// queued as a durable job (SPEC section 6, the first-run offer and `finhelm demo load`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/calendar_date.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "imports/upload_store.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::demo {

// The demo ledger's export as of `last_day`, in the classic General Ledger layout.
Result<std::string> DemoGeneralLedgerCsv(CalendarDate last_day);

// Queues the demo company's export, as of today, for import into the scope's
// organization; returns the import's id.
Result<std::int64_t> QueueDemoCompany(storage::OrgScope& scope, const imports::UploadStore& uploads,
                                      const Clock& clock, std::optional<std::int64_t> created_by);

}  // namespace finhelm::demo
