// ReadLinesAhead: both passes of an import read their file on a second thread.
//
// Reading -- decoding, splitting fields, parsing dates and amounts -- is half of the
// validation pass and a sixth of the write pass, and it needs nothing from the database,
// while resolving accounts, summing transactions and storing need nothing from the file
// but the parsed lines. So one thread reads records into batches and the caller's thread
// handles them, a few batches apart, on two cores. The queue between them is bounded
// (kBatchesAhead of kBatchRecords records), so memory does not grow with the file. Either
// side stopping stops the other; the reading thread is joined before this returns,
// however it returns.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "imports/export_reader.hpp"
#include "imports/ledger_import.hpp"
#include "imports/ledger_rows.hpp"

namespace finhelm::imports {

inline constexpr std::size_t kBatchRecords = 1024;
inline constexpr std::size_t kBatchesAhead = 4;

// Handles the lines of one accepted record, which stay in their batch (valid for the call
// only). kInvalidArgument rejects the record with the error's message; any other error
// ends the pass.
using RecordLinesVisitor = std::function<Status(std::span<const ImportedLine> lines)>;

// Calls `visit` on the caller's thread with the lines of every record `rows` accepts, in
// file order, and counts every record in `report`: read, skipped, and rejected by the
// reader or by `visit`. `progress` (may be empty) is called from the reading thread, with
// percentages from `progress_from` to `progress_to` as the file is read.
Status ReadLinesAhead(ExportFile& file, RowReader& rows, ImportReport& report,
                      const ImportProgress& progress, int progress_from, int progress_to,
                      const RecordLinesVisitor& visit);

}  // namespace finhelm::imports
