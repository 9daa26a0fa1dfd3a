#include "api/export_routes.hpp"

#include <nlohmann/json.hpp>

#include "api/internal/handler_support.hpp"
#include "api/internal/ledger_support.hpp"
#include "api/request_audit.hpp"
#include "exports/transaction_export.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::api {
namespace {

using access::Permission;
using http::BodyKind;
using http::Request;
using http::Response;
using internal::Dump;
using internal::ProblemOf;

enum class Format { kCsv, kXlsx };

class ExportHandlers {
 public:
  explicit ExportHandlers(ExportRouteDependencies dependencies) : deps_(std::move(dependencies)) {}

  Response Csv(Request& request) const { return Export(request, Format::kCsv); }
  Response Xlsx(Request& request) const { return Export(request, Format::kXlsx); }

 private:
  Response Export(Request& request, Format format) const {
    return internal::WithBooks(
        *deps_.database, request,
        [&](storage::OrgScope& scope, CurrencyCode currency, internal::QueryReader& query) {
          return Export(request, format, scope, currency, query);
        });
  }

  Response Export(Request& request, Format format, storage::OrgScope& scope, CurrencyCode currency,
                  internal::QueryReader& query) const {
    const OrganizationId organization = scope.organization();
    Response problem;
    auto filter = internal::ReadTransactionFilter(request, query, currency, problem);
    if (!filter) return problem;
    auto file =
        format == Format::kCsv
            ? exports::ExportTransactionsCsv(scope, *filter, currency, deps_.scratch_directory)
            : exports::ExportTransactionsXlsx(scope, *filter, currency, deps_.scratch_directory);
    if (!file.ok()) {
      if (file.error().code == ErrorCode::kResourceExhausted) {
        return ProblemOf(request, 422, "export-too-large", file.error().message);
      }
      return http::ErrorResponse(file.error(), request.request_id);
    }
    const char* extension = format == Format::kCsv ? "csv" : "xlsx";
    AuditRequest(*deps_.database, *deps_.clock, request, "data_exported",
                 std::string("transactions.") + extension,
                 Dump({{"query", request.query}, {"lines", file->lines}, {"bytes", file->bytes}}),
                 organization);
    Response response;
    response.status = 200;
    response.body_file =
        std::make_shared<const http::BodyFile>(http::BodyFile{std::move(file->file), file->bytes});
    response.headers.Set("Content-Type",
                         format == Format::kCsv
                             ? "text/csv; charset=utf-8"
                             : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.headers.Set("Content-Disposition",
                         std::string("attachment; filename=\"transactions.") + extension + "\"");
    response.headers.Set("Cache-Control", "no-store");
    return response;
  }

  ExportRouteDependencies deps_;
};

}  // namespace

Status AddExportRoutes(http::Router& router, ExportRouteDependencies dependencies) {
  using H = ExportHandlers;
  auto handlers = std::make_shared<const H>(std::move(dependencies));
  static constexpr internal::RouteEntry<H> kRoutes[] = {
      {"GET", "/v1/orgs/{org}/exports/transactions.csv", Permission::kOperateOrg, &H::Csv,
       BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/exports/transactions.xlsx", Permission::kOperateOrg, &H::Xlsx,
       BodyKind::kNone, ""},
  };
  return internal::AddRouteTable<H>(router, handlers, kRoutes);
}

}  // namespace finhelm::api
