#include "demo/demo_loader.hpp"

#include <ctime>
#include <sstream>

#include "demo/demo_company.hpp"
#include "demo/general_ledger_csv.hpp"
#include "imports/import_queue.hpp"

namespace finhelm::demo {
namespace {

Result<CalendarDate> Today(const Clock& clock) {
  const auto now = static_cast<std::time_t>(clock.NowUnixSeconds());
  std::tm utc{};
  gmtime_r(&now, &utc);
  return CalendarDate::FromParts(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

}  // namespace

Result<std::string> DemoGeneralLedgerCsv(CalendarDate last_day) {
  DemoOptions options;
  options.last_day = last_day;
  auto ledger = GenerateDemoCompany(options);
  if (!ledger.ok()) return ledger.error();
  std::ostringstream csv;
  if (Status written = WriteGeneralLedgerCsv(*ledger, csv); !written.ok()) return written.error();
  return csv.str();
}

Result<std::int64_t> QueueDemoCompany(storage::OrgScope& scope, const imports::UploadStore& uploads,
                                      const Clock& clock, std::optional<std::int64_t> created_by) {
  auto today = Today(clock);
  if (!today.ok()) return today.error();
  auto csv = DemoGeneralLedgerCsv(*today);
  if (!csv.ok()) return csv.error();
  imports::QueuedFile file;
  file.file_name = "harbor-and-pine-general-ledger.csv";
  file.content = *csv;
  file.created_by = created_by;
  auto queued = imports::QueueImport(scope, uploads, clock, file);
  if (!queued.ok()) return queued.error();
  return queued->id;
}

}  // namespace finhelm::demo
