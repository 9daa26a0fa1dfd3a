// The imports table: one row per uploaded file, from queued to its report.
//
// Status moves queued -> running -> committed | rejected | failed. `committed` and
// `rejected` are written in the same transaction as the ledger rows (or their absence)
// and the job's completion, so a report never disagrees with the ledger.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "imports/ledger_import.hpp"
#include "imports/upload_store.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::imports {

struct NewImport {
  std::optional<std::int64_t> created_by;  // user id
  std::string file_name;
  StoredUpload upload;
  TextEncoding encoding = TextEncoding::kUtf8;
  std::string options_json;
  std::optional<std::int64_t> duplicate_of;
  std::int64_t created_at = 0;
};

struct ImportRecord {
  std::int64_t id = 0;
  std::optional<std::int64_t> created_by;
  std::string file_name;
  std::string stored_name;
  std::string file_sha256;
  std::int64_t file_bytes = 0;
  std::string encoding;
  std::string options_json;
  std::string status;
  std::optional<std::int64_t> job_id;
  std::optional<std::string> format;
  std::int64_t rows_read = 0;
  std::int64_t rows_new = 0;
  std::int64_t rows_duplicate = 0;
  std::int64_t rows_rejected = 0;
  std::int64_t rows_skipped = 0;
  std::int64_t transactions_new = 0;
  std::optional<std::int64_t> duplicate_of;
  std::optional<std::string> error;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> finished_at;
};

Result<std::int64_t> InsertImport(storage::OrgScope& scope, const NewImport& import);
Status SetImportJob(storage::OrgScope& scope, std::int64_t import_id, std::int64_t job_id);
Result<std::optional<ImportRecord>> FindImport(storage::OrgScope& scope, std::int64_t import_id);
// Newest first, ids below `before` when given.
Result<std::vector<ImportRecord>> ListImports(storage::OrgScope& scope,
                                              std::optional<std::int64_t> before, int limit);
// The latest committed import of the same content, for the report's "duplicate of".
Result<std::optional<std::int64_t>> FindCommittedImportOf(storage::OrgScope& scope,
                                                          std::string_view sha256);

Status MarkImportRunning(storage::OrgScope& scope, std::int64_t import_id);
// Writes the report and the rejections; `status` is committed, rejected or failed.
Status SaveImportReport(storage::OrgScope& scope, std::int64_t import_id, std::string_view status,
                        const ImportReport& report, std::int64_t finished_at);

Result<std::vector<RowRejection>> ListImportRejections(storage::OrgScope& scope,
                                                       std::int64_t import_id, int limit);

// Bank mappings saved per header, so that the next statement from the same bank needs
// none. The signature is the SHA-256 of the normalized header cells.
std::string HeaderSignature(const std::vector<std::string>& header);
Status SaveBankMapping(storage::OrgScope& scope, std::string_view signature,
                       const BankMapping& mapping, std::int64_t now);
Result<std::optional<BankMapping>> FindBankMapping(storage::OrgScope& scope,
                                                   std::string_view signature);

}  // namespace finhelm::imports
