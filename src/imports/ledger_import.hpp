// Importing one export file into an organization's ledger, all of it or nothing.
//
// Two passes over the file, both streaming:
//   Validate reads every record, resolves every account (without creating any), and
//   checks that every transaction balances; it writes nothing, so progress can be
//   reported as it goes. Any rejected row rejects the whole file: the report lists each
//   rejection with its line and reason, and the user fixes the file.
//   Write, run only after a clean validation, inside the caller's transaction, adds the
//   accounts, counterparties, transactions and lines that are new, skips those already
//   stored (fingerprint.hpp), and rebuilds the open invoices and bills.
// Memory holds one record, one day's fingerprints and the chart of accounts, never the
// file; besides, Validate keeps a running sum per transaction (about 100 bytes each), and
// Write the id of each transaction of the file (about 40 bytes each) and the few hundred
// rows its LedgerWriter (ledger_writer.hpp) has queued for its next statements.
// A Budget Overview is told apart by its header and goes to budget_import.hpp instead,
// through the same two calls.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "imports/layout.hpp"
#include "imports/ledger_rows.hpp"
#include "imports/text_encoding.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::imports {

struct ImportSource {
  std::filesystem::path file;
  TextEncoding encoding = TextEncoding::kUtf8;
  ReadOptions options;
};

// The report keeps the first kMaxReportedRejections; the count is always exact.
inline constexpr std::size_t kMaxReportedRejections = 1000;

struct ImportReport {
  std::optional<ExportFormat> format;
  std::int64_t rows_read = 0;  // records after the header
  std::int64_t rows_new = 0;
  std::int64_t rows_duplicate = 0;
  std::int64_t rows_rejected = 0;
  std::int64_t rows_skipped = 0;  // titles, totals, blank lines, beginning balances
  std::int64_t transactions_new = 0;
  std::vector<RowRejection> rejections;
  // A problem with the file as a whole (no header, a bank file without mapping).
  std::string file_problem;

  bool clean() const { return file_problem.empty() && rows_rejected == 0; }
};

// Called now and then with 0 to 100; an error (the job lost its lease) stops the pass.
using ImportProgress = std::function<Status(int percent, std::string_view message)>;

// The layout of the file, from its first records: for previews and for choosing a
// mapping before the import.
struct FilePreview {
  DetectedLayout layout;
  std::vector<std::vector<std::string>> rows;  // up to `rows` records after the header
};
// Reads only the start of `content` (raw bytes of `encoding`); kInvalidArgument when no
// header is found there.
Result<FilePreview> PreviewContent(std::string_view content, TextEncoding encoding,
                                   std::size_t rows);

// Reads without writing. Errors are failures to read (a vanished file, the database);
// what is wrong with the file is in the report.
Result<ImportReport> ValidateImport(const ImportSource& source, storage::OrgScope& scope,
                                    const ImportProgress& progress);

// Writes what Validate accepted, in the transaction the caller holds on `scope`;
// `validated` is the report Validate gave (its size decides how indexes are kept,
// deferred_indexes.hpp).
Result<ImportReport> WriteImport(const ImportSource& source, storage::OrgScope& scope,
                                 const ImportReport& validated, std::int64_t import_id,
                                 std::int64_t now_unix_seconds);

}  // namespace finhelm::imports
