#include "imports/import_job.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "imports/import_options.hpp"
#include "imports/import_records.hpp"
#include "imports/ledger_import.hpp"
#include "jobs/job_context.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::imports {
namespace {

using storage::Sql;

constexpr Sql kSelectCurrency{"SELECT currency FROM organizations WHERE id = ?"};

class ImportRun {
 public:
  ImportRun(storage::Database& database, const Clock& clock, const UploadStore& uploads)
      : database_(database), clock_(clock), uploads_(uploads) {}

  Status Run(jobs::JobContext& context, const ImportJobPayload& payload) {
    auto connection = database_.Acquire();
    if (!connection.ok()) return connection.error();
    storage::OrgScope scope(**connection, context.organization());
    auto record = FindImport(scope, payload.import_id);
    if (!record.ok()) return record.error();
    if (!*record) return context.Complete({});  // Deleted with its organization.
    if ((*record)->status == "committed" || (*record)->status == "rejected" ||
        (*record)->status == "failed") {
      Status done = context.Complete({});
      (void)uploads_.Remove((*record)->stored_name);
      return done;
    }
    if (Status running = MarkImportRunning(scope, payload.import_id); !running.ok()) {
      return running;
    }
    auto source = SourceOf(**connection, context, **record);
    if (!source.ok()) return Fail(context, **record, source.error());

    const auto started = std::chrono::steady_clock::now();
    auto validated = ValidateImport(*source, scope, [&](int percent, std::string_view message) {
      return context.ReportProgress(percent, message);
    });
    if (!validated.ok()) return Fail(context, **record, validated.error());
    const std::int64_t import_id = payload.import_id;
    const auto validated_at = std::chrono::steady_clock::now();
    Status completed = Status::Ok();
    if (!validated->clean()) {
      completed = context.Complete([&](storage::OrgScope& effect) {
        return SaveImportReport(effect, import_id, "rejected", *validated, clock_.NowUnixSeconds());
      });
    } else {
      if (Status reported = context.ReportProgress(90, "committing"); !reported.ok()) {
        return reported;
      }
      completed = context.Complete([&](storage::OrgScope& effect) -> Status {
        auto written = WriteImport(*source, effect, *validated, import_id, clock_.NowUnixSeconds());
        if (!written.ok()) return written.error();
        if (!written->clean()) {
          return MakeError(ErrorCode::kConflict, "the upload changed after validation");
        }
        return SaveImportReport(effect, import_id, "committed", *written, clock_.NowUnixSeconds());
      });
    }
    if (!completed.ok()) return Fail(context, **record, completed.error());
    const auto finished_at = std::chrono::steady_clock::now();
    auto milliseconds = [](auto duration) {
      return std::to_string(
          std::chrono::duration_cast<std::chrono::milliseconds>(duration).count());
    };
    // The validation pass is parsing alone; the write pass parses again and stores.
    log::Info("import_finished", {{"import_id", std::to_string(import_id)},
                                  {"organization_id", std::to_string(context.organization().value)},
                                  {"status", validated->clean() ? "committed" : "rejected"},
                                  {"rows", std::to_string(validated->rows_read)},
                                  {"validate_ms", milliseconds(validated_at - started)},
                                  {"write_ms", milliseconds(finished_at - validated_at)}});
    (void)uploads_.Remove((*record)->stored_name);
    return Status::Ok();
  }

 private:
  Result<ImportSource> SourceOf(storage::Connection& connection, const jobs::JobContext& context,
                                const ImportRecord& record) const {
    auto currency_row = connection.QueryOptional(kSelectCurrency, {context.organization().value});
    if (!currency_row.ok()) return currency_row.error();
    if (!*currency_row) return MakeError(ErrorCode::kNotFound, "organization is gone");
    auto currency = CurrencyCode::Parse((*currency_row)->Text(0));
    if (!currency.ok()) return currency.error();
    auto options = ParseImportOptions(record.options_json);
    if (!options.ok()) return options.error();
    auto path = uploads_.PathOf(record.stored_name);
    if (!path.ok()) return path.error();
    TextEncoding encoding = TextEncoding::kUtf8;
    if (record.encoding == "utf-8-bom") encoding = TextEncoding::kUtf8WithBom;
    if (record.encoding == "windows-1252") encoding = TextEncoding::kWindows1252;
    return ImportSource{*path, encoding, ToReadOptions(*options, *currency)};
  }

  // On the last attempt the import is marked failed, so that it does not stay "running"
  // after its job went to the dead letters; before that the job is retried.
  Status Fail(jobs::JobContext& context, const ImportRecord& record, const Error& error) {
    log::Warn("import_attempt_failed", {{"import_id", std::to_string(record.id)},
                                        {"attempt", std::to_string(context.attempt())},
                                        {"error", error.message}});
    const bool final = error.code == ErrorCode::kInvalidArgument ||
                       error.code == ErrorCode::kNotFound ||
                       context.attempt() >= context.max_attempts();
    if (!final) return error;
    ImportReport report;
    report.file_problem = error.code == ErrorCode::kNotFound
                              ? "the uploaded file is gone"
                              : "the import failed; it can be uploaded again";
    Status marked = context.Complete([&](storage::OrgScope& effect) {
      return SaveImportReport(effect, record.id, "failed", report, clock_.NowUnixSeconds());
    });
    (void)uploads_.Remove(record.stored_name);
    return marked;
  }

  storage::Database& database_;
  const Clock& clock_;
  const UploadStore& uploads_;
};

}  // namespace

std::string EncodeImportJob(const ImportJobPayload& payload) {
  return nlohmann::json{{"import_id", payload.import_id}}.dump();
}

Result<ImportJobPayload> DecodeImportJob(std::string_view json) {
  auto document = nlohmann::json::parse(json, nullptr, false);
  if (document.is_discarded() || !document.is_object() || !document.contains("import_id") ||
      !document["import_id"].is_number_integer()) {
    return MakeError(ErrorCode::kInvalidArgument, "import job payload");
  }
  return ImportJobPayload{document["import_id"].get<std::int64_t>()};
}

Status RegisterImportJob(jobs::JobRegistry& registry, storage::Database& database,
                         const Clock& clock, UploadStore uploads) {
  auto store = std::make_shared<UploadStore>(std::move(uploads));
  return registry.Register<ImportJobPayload>(
      kImportJob,
      [&database, &clock, store](jobs::JobContext& context, const ImportJobPayload& payload) {
        ImportRun run(database, clock, *store);
        return run.Run(context, payload);
      });
}

}  // namespace finhelm::imports
