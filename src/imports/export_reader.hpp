// Reading an uploaded export record by record, after its layout is known; shared by the
// ledger import (ledger_import.hpp) and the budget import (budget_import.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "imports/csv_reader.hpp"
#include "imports/layout.hpp"
#include "imports/ledger_import.hpp"

namespace finhelm::imports {

struct ExportFile {
  CsvReader reader;
  std::vector<CsvRecord> probe;  // the first records, header included
  DetectedLayout layout;
  std::uint64_t file_bytes = 0;
};

// Opens the file and finds its header. Nullopt, with report.file_problem saying why, when
// the file has no header FinHelm knows; report.format is set otherwise.
Result<std::optional<ExportFile>> OpenExport(const ImportSource& source, ImportReport& report);

// Calls `handle` with every record after the header, and whether it is malformed (its
// error is in the record); reports progress between `progress_from` and `progress_to`
// percent as the file is read. An error from `handle` or `progress` ends the pass.
using RecordHandler = std::function<Status(const CsvRecord& record, bool malformed)>;
Status ForEachRecord(ExportFile& file, const ImportProgress& progress, int progress_from,
                     int progress_to, const RecordHandler& handle);

// Counts a rejection; the report keeps the first kMaxReportedRejections of them.
void AddRejection(ImportReport& report, std::int64_t line, std::string reason);

// Counts `record` in `report` -- read, and skipped or rejected when it is -- and says
// whether it has rows for the caller. `read(rejection)` is the row reader's Read, bound to
// where its rows go.
template <typename Read>
bool CountRecord(ImportReport& report, const CsvRecord& record, bool malformed, Read&& read) {
  ++report.rows_read;
  if (malformed) {
    AddRejection(report, record.line, record.error);
    return false;
  }
  RowRejection rejection;
  switch (read(rejection)) {
    case RowOutcome::kSkipped:
      ++report.rows_skipped;
      return false;
    case RowOutcome::kRejected:
      AddRejection(report, rejection.line, std::move(rejection.reason));
      return false;
    case RowOutcome::kLines:
      return true;
  }
  return false;
}

}  // namespace finhelm::imports
