#include "api/import_routes.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "api/audit_routes.hpp"
#include "api/internal/handler_support.hpp"
#include "api/internal/ledger_support.hpp"
#include "api/request_audit.hpp"
#include "http/multipart.hpp"
#include "http/url.hpp"
#include "imports/import_job.hpp"
#include "imports/import_options.hpp"
#include "imports/import_queue.hpp"
#include "imports/import_records.hpp"
#include "imports/ledger_import.hpp"
#include "imports/malware_scanner.hpp"
#include "imports/upload_checks.hpp"
#include "imports/upload_store.hpp"
#include "jobs/job_queue.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"

namespace finhelm::api {
namespace {

using access::Permission;
using http::BodyKind;
using http::Request;
using http::Response;
using internal::Dump;
using internal::FieldProblem;
using internal::ProblemOf;
using nlohmann::json;

constexpr std::size_t kPreviewRows = 20;
constexpr int kMaxRejectionsShown = 1000;

std::optional<std::int64_t> PositiveId(std::string_view text) {
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

json MappingJson(const imports::ColumnMap& columns, bool bank) {
  json mapping = json::object();
  auto put = [&](const char* key, int column) {
    if (column >= 0) mapping[key] = column;
  };
  put("date", columns.date);
  put(bank ? "description" : "memo", columns.memo);
  put("amount", columns.amount);
  put("debit", columns.debit);
  put("credit", columns.credit);
  put("balance", columns.balance);
  put(bank ? "reference" : "num", columns.num);
  if (!bank) {
    put("type", columns.type);
    put("name", columns.name);
    put("account", columns.account);
    put("split", columns.split);
  }
  return mapping;
}

// What an upload is once it has passed every check.
struct CheckedUpload {
  std::string file_name;
  std::string_view content;
  imports::TextEncoding encoding = imports::TextEncoding::kUtf8;
  imports::ImportOptions options;
  imports::FilePreview preview;
};

class ImportHandlers {
 public:
  explicit ImportHandlers(ImportRouteDependencies dependencies)
      : deps_(std::move(dependencies)), uploads_(deps_.uploads_directory) {}

  Response Create(Request& request) const {
    Response refusal;
    auto upload = Check(request, refusal);
    if (!upload) return refusal;
    return Store(request, *upload);
  }

  Response Preview(Request& request) const {
    Response refusal;
    auto upload = Check(request, refusal);
    if (!upload) return refusal;
    const imports::FilePreview& preview = upload->preview;
    const bool bank = preview.layout.format == imports::ExportFormat::kBankStatement;
    json body = {{"file_name", upload->file_name},
                 {"format", imports::ExportFormatName(preview.layout.format)},
                 {"encoding", imports::TextEncodingName(upload->encoding)},
                 {"header_line", preview.layout.header_line},
                 {"header", preview.layout.header},
                 {"rows", preview.rows},
                 {"columns", MappingJson(preview.layout.columns, bank)}};
    if (bank) {
      auto connection = deps_.database->Acquire();
      if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
      storage::OrgScope scope(**connection, Org(request));
      auto saved = imports::FindBankMapping(scope, imports::HeaderSignature(preview.layout.header));
      if (!saved.ok()) return http::ErrorResponse(saved.error(), request.request_id);
      if (*saved) {
        body["saved_mapping"] = json::parse(imports::EncodeBankMapping(**saved));
      }
    }
    return Response::Json(200, Dump(body));
  }

  Response List(Request& request) const {
    auto params = http::ParseQuery(request.query);
    if (!params.ok()) return FieldProblem(request, "query", "malformed query string");
    std::optional<std::int64_t> before;
    int limit = 50;
    if (auto text = http::FindParam(*params, "before")) {
      before = PositiveId(*text);
      if (!before) return FieldProblem(request, "before", "expected an import id");
    }
    if (auto text = http::FindParam(*params, "limit")) {
      auto value = PositiveId(*text);
      if (!value || *value > 100) return FieldProblem(request, "limit", "expected 1 to 100");
      limit = static_cast<int>(*value);
    }
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    auto records = imports::ListImports(scope, before, limit);
    if (!records.ok()) return http::ErrorResponse(records.error(), request.request_id);
    json items = json::array();
    for (const imports::ImportRecord& record : *records) items.push_back(RecordJson(record));
    json body = {{"imports", items}};
    if (static_cast<int>(records->size()) == limit) body["next_before"] = records->back().id;
    return Response::Json(200, Dump(body));
  }

  Response Get(Request& request) const {
    auto id = PositiveId(request.path_params.at("id"));
    if (!id) return ProblemOf(request, 404, "");
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    auto record = imports::FindImport(scope, *id);
    if (!record.ok()) return http::ErrorResponse(record.error(), request.request_id);
    if (!*record) return ProblemOf(request, 404, "");
    json body = RecordJson(**record);
    body["progress"] = {{"percent", 0}, {"message", ""}};
    if ((*record)->status == "committed" || (*record)->status == "rejected") {
      body["progress"] = {{"percent", 100}, {"message", "done"}};
    } else if ((*record)->job_id) {
      auto job = jobs::JobQueue(*deps_.clock).Get(scope, jobs::JobId{*(*record)->job_id});
      if (job.ok()) {
        body["progress"] = {{"percent", job->progress_percent}, {"message", job->progress_message}};
      }
    }
    auto rejections = imports::ListImportRejections(scope, *id, kMaxRejectionsShown);
    if (!rejections.ok()) return http::ErrorResponse(rejections.error(), request.request_id);
    json rows = json::array();
    for (const imports::RowRejection& rejection : *rejections) {
      rows.push_back({{"line", rejection.line}, {"reason", rejection.reason}});
    }
    body["rejections"] = rows;
    return Response::Json(200, Dump(body));
  }

 private:
  static OrganizationId Org(const Request& request) {
    return OrganizationId{request.principal.organization_id};
  }

  static json RecordJson(const imports::ImportRecord& record) {
    json body = {
        {"id", record.id},
        {"file_name", record.file_name},
        {"file_bytes", record.file_bytes},
        {"file_sha256", record.file_sha256},
        {"encoding", record.encoding},
        {"status", record.status},
        {"format", record.format ? json(*record.format) : json(nullptr)},
        {"rows",
         {{"read", record.rows_read},
          {"new", record.rows_new},
          {"duplicate", record.rows_duplicate},
          {"rejected", record.rows_rejected},
          {"skipped", record.rows_skipped}}},
        {"transactions_new", record.transactions_new},
        {"duplicate_of", record.duplicate_of ? json(*record.duplicate_of) : json(nullptr)},
        {"problem", record.error ? json(*record.error) : json(nullptr)},
        {"created_at", FormatUtcTimestamp(record.created_at * 1000)},
        {"finished_at", record.finished_at ? json(FormatUtcTimestamp(*record.finished_at * 1000))
                                           : json(nullptr)}};
    return body;
  }

  static Response Rejected(const Request& request, std::string_view reason) {
    return ProblemOf(request, 422, "upload-rejected", reason);
  }

  // Runs every check of IN-5 on the request's upload; on failure, fills `refusal`.
  std::optional<CheckedUpload> Check(const Request& request, Response& refusal) const {
    auto content_type = request.headers.Get("Content-Type");
    auto parts = http::ParseMultipart(content_type.value_or(""), request.body);
    if (!parts.ok()) {
      refusal = FieldProblem(request, "", parts.error().message);
      return std::nullopt;
    }
    const http::MultipartPart* file = http::FindPart(*parts, "file");
    if (file == nullptr || !file->filename) {
      refusal = FieldProblem(request, "file", "required: the CSV file");
      return std::nullopt;
    }
    for (const http::MultipartPart& part : *parts) {
      if (part.name != "file" && part.name != "options") {
        refusal = FieldProblem(request, part.name, "unknown field");
        return std::nullopt;
      }
    }
    CheckedUpload upload;
    auto name = imports::CheckUploadFileName(*file->filename);
    if (!name.ok()) {
      refusal = Rejected(request, name.error().message);
      return std::nullopt;
    }
    upload.file_name = std::move(*name);
    upload.content = file->body;
    if (const http::MultipartPart* options = http::FindPart(*parts, "options")) {
      auto parsed = imports::ParseImportOptions(options->body);
      if (!parsed.ok()) {
        refusal = FieldProblem(request, "options", parsed.error().message);
        return std::nullopt;
      }
      upload.options = std::move(*parsed);
    }
    auto encoding = imports::CheckUploadContent(upload.content);
    if (!encoding.ok()) {
      if (encoding.error().code != ErrorCode::kInvalidArgument) {
        refusal = http::ErrorResponse(encoding.error(), request.request_id);
      } else {
        refusal = Rejected(request, encoding.error().message);
      }
      return std::nullopt;
    }
    upload.encoding = *encoding;
    if (!Scan(request, upload, refusal)) return std::nullopt;
    auto preview = imports::PreviewContent(upload.content, upload.encoding, kPreviewRows);
    if (!preview.ok()) {
      refusal = Rejected(request, preview.error().message);
      return std::nullopt;
    }
    upload.preview = std::move(*preview);
    return upload;
  }

  bool Scan(const Request& request, const CheckedUpload& upload, Response& refusal) const {
    if (deps_.scanner == nullptr) {
      if (deps_.require_scan) {
        log::Error("import_scan_unconfigured", {{"request_id", request.request_id}});
        refusal = ProblemOf(request, 503, "scanner-unavailable");
        return false;
      }
      log::Warn("import_scan_skipped",
                {{"request_id", request.request_id}, {"reason", "no clamd socket configured"}});
      return true;
    }
    auto verdict = deps_.scanner->Scan(upload.content);
    if (!verdict.ok()) {
      // Fail closed (IN-5): an upload nobody could scan is not accepted.
      log::Error("import_scan_failed",
                 {{"request_id", request.request_id}, {"error", verdict.error().message}});
      refusal = ProblemOf(request, 503, "scanner-unavailable");
      return false;
    }
    if (!verdict->clean) {
      log::Warn("import_malware_rejected",
                {{"request_id", request.request_id}, {"signature", verdict->signature}});
      AuditRequest(*deps_.database, *deps_.clock, request, "import_malware_rejected",
                   "upload:" + upload.file_name, Dump({{"signature", verdict->signature}}),
                   Org(request));
      refusal = Rejected(request, "the file holds malware (" + verdict->signature + ")");
      return false;
    }
    return true;
  }

  Response Store(const Request& request, CheckedUpload& upload) const {
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    const imports::DetectedLayout& layout = upload.preview.layout;
    const std::string signature = imports::HeaderSignature(layout.header);
    const bool bank = layout.format == imports::ExportFormat::kBankStatement;
    if (bank && !upload.options.mapping) {
      auto saved = imports::FindBankMapping(scope, signature);
      if (!saved.ok()) return http::ErrorResponse(saved.error(), request.request_id);
      if (!*saved) {
        return ProblemOf(request, 422, "mapping-required",
                         "a bank statement needs a column mapping: preview it, then upload it "
                         "with options.mapping");
      }
      upload.options.mapping = std::move(**saved);
    }
    // The mapping must fit this file's header before anything is stored.
    auto currency = internal::OrganizationCurrency(**connection, Org(request));
    if (!currency.ok()) return http::ErrorResponse(currency.error(), request.request_id);
    if (layout.format != imports::ExportFormat::kBudget) {
      auto reader =
          imports::MakeRowReader(layout, imports::ToReadOptions(upload.options, *currency));
      if (!reader.ok()) return FieldProblem(request, "options", reader.error().message);
    }

    imports::QueuedFile file;
    file.file_name = upload.file_name;
    file.content = upload.content;
    file.encoding = upload.encoding;
    file.options = upload.options;
    if (request.principal.kind == access::Principal::Kind::kUser) {
      file.created_by = PositiveId(request.principal.subject_id);
    }
    if (bank) file.mapping_signature = signature;
    auto queued = imports::QueueImport(scope, uploads_, *deps_.clock, file);
    if (!queued.ok()) return http::ErrorResponse(queued.error(), request.request_id);
    const std::int64_t created = queued->id;
    const imports::StoredUpload* stored = &queued->upload;
    AuditRequest(*deps_.database, *deps_.clock, request, "import_created",
                 "import:" + std::to_string(created),
                 Dump({{"file_sha256", stored->sha256},
                       {"bytes", stored->bytes},
                       {"format", imports::ExportFormatName(layout.format)}}),
                 Org(request));
    Response response =
        Response::Json(202, Dump({{"id", created},
                                  {"status", "queued"},
                                  {"format", imports::ExportFormatName(layout.format)}}));
    response.headers.Set("Location", "/v1/orgs/" + std::to_string(Org(request).value) +
                                         "/imports/" + std::to_string(created));
    return response;
  }

  ImportRouteDependencies deps_;
  imports::UploadStore uploads_;
};

}  // namespace

Status AddImportRoutes(http::Router& router, ImportRouteDependencies dependencies) {
  auto handlers = std::make_shared<const ImportHandlers>(std::move(dependencies));
  static constexpr internal::RouteEntry<ImportHandlers> kRoutes[] = {
      {"POST", "/v1/orgs/{org}/imports", Permission::kOperateOrg, &ImportHandlers::Create,
       BodyKind::kMultipart, ""},
      {"POST", "/v1/orgs/{org}/imports/preview", Permission::kOperateOrg, &ImportHandlers::Preview,
       BodyKind::kMultipart, ""},
      {"GET", "/v1/orgs/{org}/imports", Permission::kReadOrg, &ImportHandlers::List,
       BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/imports/{id}", Permission::kReadOrg, &ImportHandlers::Get,
       BodyKind::kNone, ""},
  };
  return internal::AddRouteTable<ImportHandlers>(router, handlers, kRoutes);
}

}  // namespace finhelm::api
