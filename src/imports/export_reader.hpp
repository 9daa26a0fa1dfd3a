// Reading an uploaded export record by record, after its layout is known; shared by the
// ledger import (ledger_import.hpp) and the budget import (budget_import.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
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

}  // namespace finhelm::imports
