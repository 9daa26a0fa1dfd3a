#include "imports/import_records.hpp"

#include "crypto/hash.hpp"
#include "imports/import_options.hpp"
#include "imports/layout.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::imports {
namespace {

using storage::Row;
using storage::Sql;

constexpr Sql kInsertImport{
    "INSERT INTO imports (organization_id, created_by, file_name, stored_name, file_sha256, "
    "file_bytes, encoding, options, status, duplicate_of, created_at) "
    "VALUES (:org_id, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) RETURNING id"};
constexpr Sql kSetJob{"UPDATE imports SET job_id = ? WHERE organization_id = :org_id AND id = ?"};
// The columns FromRow reads, in its order.
constexpr Sql kSelectImport{
    "SELECT id, created_by, file_name, stored_name, file_sha256, file_bytes, encoding, options, "
    "status, job_id, format, rows_read, rows_new, rows_duplicate, rows_rejected, rows_skipped, "
    "transactions_new, duplicate_of, error, created_at, finished_at "
    "FROM imports WHERE organization_id = :org_id AND id = ?"};
constexpr Sql kListImports{
    "SELECT id, created_by, file_name, stored_name, file_sha256, file_bytes, encoding, options, "
    "status, job_id, format, rows_read, rows_new, rows_duplicate, rows_rejected, rows_skipped, "
    "transactions_new, duplicate_of, error, created_at, finished_at "
    "FROM imports WHERE organization_id = :org_id AND id < ? ORDER BY id DESC LIMIT ?"};
constexpr Sql kSelectCommittedOf{
    "SELECT id FROM imports WHERE organization_id = :org_id AND file_sha256 = ? "
    "AND status = 'committed' ORDER BY id DESC LIMIT 1"};
constexpr Sql kMarkRunning{
    "UPDATE imports SET status = 'running' WHERE organization_id = :org_id AND id = ? "
    "AND status IN ('queued', 'running')"};
constexpr Sql kSaveReport{
    "UPDATE imports SET status = ?, format = ?, rows_read = ?, rows_new = ?, rows_duplicate = ?, "
    "rows_rejected = ?, rows_skipped = ?, transactions_new = ?, error = ?, finished_at = ? "
    "WHERE organization_id = :org_id AND id = ?"};
constexpr Sql kDeleteRejections{
    "DELETE FROM import_rejections WHERE organization_id = :org_id AND import_id = ?"};
constexpr Sql kInsertRejection{
    "INSERT INTO import_rejections (organization_id, import_id, line, reason) "
    "VALUES (:org_id, ?, ?, ?) ON CONFLICT (import_id, line) DO NOTHING"};
constexpr Sql kListRejections{
    "SELECT line, reason FROM import_rejections WHERE organization_id = :org_id "
    "AND import_id = ? ORDER BY line LIMIT ?"};
constexpr Sql kUpsertMapping{
    "INSERT INTO import_mappings (organization_id, header_signature, mapping, updated_at) "
    "VALUES (:org_id, ?, ?, ?) ON CONFLICT (organization_id, header_signature) "
    "DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at"};
constexpr Sql kSelectMapping{
    "SELECT mapping FROM import_mappings WHERE organization_id = :org_id "
    "AND header_signature = ?"};

ImportRecord FromRow(const Row& row) {
  ImportRecord record;
  record.id = row.Int(0);
  record.created_by = row.OptionalInt(1);
  record.file_name = row.Text(2);
  record.stored_name = row.Text(3);
  record.file_sha256 = row.Text(4);
  record.file_bytes = row.Int(5);
  record.encoding = row.Text(6);
  record.options_json = row.Text(7);
  record.status = row.Text(8);
  record.job_id = row.OptionalInt(9);
  record.format = row.OptionalText(10);
  record.rows_read = row.Int(11);
  record.rows_new = row.Int(12);
  record.rows_duplicate = row.Int(13);
  record.rows_rejected = row.Int(14);
  record.rows_skipped = row.Int(15);
  record.transactions_new = row.Int(16);
  record.duplicate_of = row.OptionalInt(17);
  record.error = row.OptionalText(18);
  record.created_at = row.Int(19);
  record.finished_at = row.OptionalInt(20);
  return record;
}

}  // namespace

Result<std::int64_t> InsertImport(storage::OrgScope& scope, const NewImport& import) {
  auto row = scope.QueryOptional(
      kInsertImport,
      {import.created_by, import.file_name, import.upload.stored_name, import.upload.sha256,
       static_cast<std::int64_t>(import.upload.bytes), TextEncodingName(import.encoding),
       import.options_json, import.duplicate_of, import.created_at});
  if (!row.ok()) return row.error();
  if (!*row) return MakeError(ErrorCode::kInternal, "import insert returned no id");
  return (*row)->Int(0);
}

Status SetImportJob(storage::OrgScope& scope, std::int64_t import_id, std::int64_t job_id) {
  auto updated = scope.Execute(kSetJob, {job_id, import_id});
  return updated.ok() ? Status::Ok() : Status(updated.error());
}

Result<std::optional<ImportRecord>> FindImport(storage::OrgScope& scope, std::int64_t import_id) {
  auto row = scope.QueryOptional(kSelectImport, {import_id});
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<ImportRecord>();
  return std::optional<ImportRecord>(FromRow(**row));
}

Result<std::vector<ImportRecord>> ListImports(storage::OrgScope& scope,
                                              std::optional<std::int64_t> before, int limit) {
  auto rows = scope.Query(kListImports, {before.value_or(INT64_MAX), limit});
  if (!rows.ok()) return rows.error();
  std::vector<ImportRecord> records;
  for (const Row& row : *rows) records.push_back(FromRow(row));
  return records;
}

Result<std::optional<std::int64_t>> FindCommittedImportOf(storage::OrgScope& scope,
                                                          std::string_view sha256) {
  auto row = scope.QueryOptional(kSelectCommittedOf, {sha256});
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>((*row)->Int(0));
}

Status MarkImportRunning(storage::OrgScope& scope, std::int64_t import_id) {
  auto updated = scope.Execute(kMarkRunning, {import_id});
  return updated.ok() ? Status::Ok() : Status(updated.error());
}

Status SaveImportReport(storage::OrgScope& scope, std::int64_t import_id, std::string_view status,
                        const ImportReport& report, std::int64_t finished_at) {
  std::optional<std::string> format;
  if (report.format) format = ExportFormatName(*report.format);
  std::optional<std::string> error;
  if (!report.file_problem.empty()) error = report.file_problem;
  auto saved =
      scope.Execute(kSaveReport, {status, format, report.rows_read, report.rows_new,
                                  report.rows_duplicate, report.rows_rejected, report.rows_skipped,
                                  report.transactions_new, error, finished_at, import_id});
  if (!saved.ok()) return saved.error();
  if (auto deleted = scope.Execute(kDeleteRejections, {import_id}); !deleted.ok()) {
    return deleted.error();
  }
  for (const RowRejection& rejection : report.rejections) {
    auto inserted = scope.Execute(kInsertRejection, {import_id, rejection.line, rejection.reason});
    if (!inserted.ok()) return inserted.error();
  }
  return Status::Ok();
}

Result<std::vector<RowRejection>> ListImportRejections(storage::OrgScope& scope,
                                                       std::int64_t import_id, int limit) {
  auto rows = scope.Query(kListRejections, {import_id, limit});
  if (!rows.ok()) return rows.error();
  std::vector<RowRejection> rejections;
  for (const Row& row : *rows) rejections.push_back({row.Int(0), row.Text(1)});
  return rejections;
}

std::string HeaderSignature(const std::vector<std::string>& header) {
  std::string joined;
  for (const std::string& cell : header) {
    joined += NormalizeHeaderCell(cell);
    joined.push_back('\x1f');
  }
  return crypto::Sha256Hex(joined);
}

Status SaveBankMapping(storage::OrgScope& scope, std::string_view signature,
                       const BankMapping& mapping, std::int64_t now) {
  auto saved = scope.Execute(kUpsertMapping, {signature, EncodeBankMapping(mapping), now});
  return saved.ok() ? Status::Ok() : Status(saved.error());
}

Result<std::optional<BankMapping>> FindBankMapping(storage::OrgScope& scope,
                                                   std::string_view signature) {
  auto row = scope.QueryOptional(kSelectMapping, {signature});
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<BankMapping>();
  auto mapping = ParseBankMapping((*row)->Text(0));
  if (!mapping.ok()) return mapping.error();
  return std::optional<BankMapping>(std::move(*mapping));
}

}  // namespace finhelm::imports
