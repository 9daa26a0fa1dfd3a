#include "api/report_routes.hpp"

#include <nlohmann/json.hpp>

#include "api/internal/handler_support.hpp"
#include "api/internal/ledger_support.hpp"
#include "reports/aging.hpp"
#include "reports/budgets.hpp"
#include "reports/statements.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::api {
namespace {

using access::Permission;
using http::BodyKind;
using http::Request;
using http::Response;
using internal::AmountText;
using internal::DateText;
using internal::Dump;
using internal::FieldProblem;
using internal::QueryReader;
using nlohmann::json;

json Amounts(const std::vector<std::int64_t>& amounts, CurrencyCode currency) {
  json out = json::array();
  for (std::int64_t amount : amounts) out.push_back(AmountText(amount, currency));
  return out;
}

json StatementJson(const reports::Statement& statement, CurrencyCode currency) {
  json sections = json::array();
  for (const reports::StatementSection& section : statement.sections) {
    json rows = json::array();
    for (const reports::StatementRow& row : section.rows) {
      rows.push_back({{"account_id", row.account_id == 0 ? json(nullptr) : json(row.account_id)},
                      {"account", row.account},
                      {"account_type", row.account_type},
                      {"amounts", Amounts(row.amounts, currency)},
                      {"total", AmountText(row.total, currency)}});
    }
    sections.push_back({{"key", section.key},
                        {"title", section.title},
                        {"rows", rows},
                        {"totals", Amounts(section.totals, currency)},
                        {"total", AmountText(section.total, currency)}});
  }
  json summaries = json::array();
  for (const reports::StatementSummary& summary : statement.summaries) {
    summaries.push_back({{"key", summary.key},
                         {"title", summary.title},
                         {"amounts", Amounts(summary.amounts, currency)},
                         {"total", AmountText(summary.total, currency)}});
  }
  return {{"currency", currency.code()},
          {"columns", statement.columns},
          {"sections", sections},
          {"summaries", summaries}};
}

// `from` and `to` of the query; by default from 1 January of this year to `default_to`
// (today when not given).
reports::Period ReadPeriod(QueryReader& query, std::int32_t today,
                           std::optional<std::int32_t> default_to = std::nullopt) {
  reports::Period period;
  period.from = query.Date("from").value_or(today / 10000 * 10000 + 101);
  period.to = query.Date("to").value_or(default_to.value_or(today));
  return period;
}

class ReportHandlers {
 public:
  explicit ReportHandlers(ReportRouteDependencies dependencies) : deps_(dependencies) {}

  Response ProfitAndLoss(Request& request) const {
    return PeriodReport(request, reports::ProfitAndLoss);
  }
  Response CashFlow(Request& request) const { return PeriodReport(request, reports::CashFlow); }

  Response BalanceSheet(Request& request) const {
    return WithScope(
        request,
        [&](storage::OrgScope& scope, CurrencyCode currency, QueryReader& query) -> Response {
          const std::int32_t as_of = query.Date("as_of").value_or(TodayNumber(*deps_.clock));
          if (query.failed()) return query.TakeProblem();
          auto statement = reports::BalanceSheet(scope, as_of);
          if (!statement.ok()) return http::ErrorResponse(statement.error(), request.request_id);
          json body = StatementJson(*statement, currency);
          body["as_of"] = DateText(as_of);
          return Response::Json(200, Dump(body));
        });
  }

  Response BudgetVersusActual(Request& request) const {
    return WithScope(
        request,
        [&](storage::OrgScope& scope, CurrencyCode currency, QueryReader& query) -> Response {
          const std::int32_t today = TodayNumber(*deps_.clock);
          const reports::Period period = ReadPeriod(query, today, today / 10000 * 10000 + 1231);
          if (query.failed()) return query.TakeProblem();
          if (period.to < period.from)
            return FieldProblem(request, "to", "must not be before from");
          auto report = reports::BudgetVersusActual(scope, period);
          if (!report.ok()) {
            if (report.error().code == ErrorCode::kInvalidArgument) {
              return FieldProblem(request, "to", report.error().message);
            }
            return http::ErrorResponse(report.error(), request.request_id);
          }
          json lines = json::array();
          for (const reports::BudgetLine& line : report->lines) {
            std::vector<std::int64_t> variance(line.budget.size());
            for (std::size_t i = 0; i < line.budget.size(); ++i) {
              variance[i] = line.actual[i] - line.budget[i];
            }
            lines.push_back(
                {{"account_id", line.account_id},
                 {"account", line.account},
                 {"account_type", line.account_type},
                 {"budget", Amounts(line.budget, currency)},
                 {"actual", Amounts(line.actual, currency)},
                 {"variance", Amounts(variance, currency)},
                 {"budget_total", AmountText(line.budget_total, currency)},
                 {"actual_total", AmountText(line.actual_total, currency)},
                 {"variance_total", AmountText(line.actual_total - line.budget_total, currency)}});
          }
          return Response::Json(200, Dump({{"currency", currency.code()},
                                           {"from", DateText(period.from)},
                                           {"to", DateText(period.to)},
                                           {"months", report->months},
                                           {"lines", lines}}));
        });
  }

  Response ReceivablesAging(Request& request) const { return AgingReport(request, true); }
  Response PayablesAging(Request& request) const { return AgingReport(request, false); }

 private:
  template <typename Body>
  Response WithScope(Request& request, Body body) const {
    return internal::WithBooks(*deps_.database, request, std::move(body));
  }

  using PeriodStatement = Result<reports::Statement> (*)(storage::OrgScope&, reports::Period,
                                                         reports::Columns);

  Response PeriodReport(Request& request, PeriodStatement compute) const {
    return WithScope(
        request,
        [&](storage::OrgScope& scope, CurrencyCode currency, QueryReader& query) -> Response {
          const reports::Period period = ReadPeriod(query, TodayNumber(*deps_.clock));
          auto columns_text = query.Text("columns", 10);
          if (query.failed()) return query.TakeProblem();
          reports::Columns columns = reports::Columns::kTotal;
          if (columns_text && *columns_text == "month") {
            columns = reports::Columns::kByMonth;
          } else if (columns_text && *columns_text != "total") {
            return FieldProblem(request, "columns", "expected total or month");
          }
          if (period.to < period.from)
            return FieldProblem(request, "to", "must not be before from");
          auto statement = compute(scope, period, columns);
          if (!statement.ok()) {
            if (statement.error().code == ErrorCode::kInvalidArgument) {
              return FieldProblem(request, "from", statement.error().message);
            }
            return http::ErrorResponse(statement.error(), request.request_id);
          }
          json body = StatementJson(*statement, currency);
          body["from"] = DateText(period.from);
          body["to"] = DateText(period.to);
          return Response::Json(200, Dump(body));
        });
  }

  Response AgingReport(Request& request, bool receivable) const {
    return WithScope(
        request,
        [&](storage::OrgScope& scope, CurrencyCode currency, QueryReader& query) -> Response {
          const std::int32_t as_of = query.Date("as_of").value_or(TodayNumber(*deps_.clock));
          if (query.failed()) return query.TakeProblem();
          auto report = reports::Aging(scope, receivable, as_of);
          if (!report.ok()) return http::ErrorResponse(report.error(), request.request_id);
          auto buckets = [&](const std::array<std::int64_t, 5>& amounts) {
            json out = json::object();
            for (std::size_t i = 0; i < amounts.size(); ++i) {
              out[reports::kAgingBuckets[i]] = AmountText(amounts[i], currency);
            }
            return out;
          };
          json rows = json::array();
          for (const reports::AgingRow& row : report->rows) {
            rows.push_back({{"counterparty_id", row.counterparty_id},
                            {"name", row.name},
                            {"buckets", buckets(row.buckets)},
                            {"total", AmountText(row.total, currency)}});
          }
          return Response::Json(200, Dump({{"currency", currency.code()},
                                           {"as_of", DateText(as_of)},
                                           {"rows", rows},
                                           {"totals", buckets(report->totals)},
                                           {"total", AmountText(report->total, currency)}}));
        });
  }

  ReportRouteDependencies deps_;
};

}  // namespace

Status AddReportRoutes(http::Router& router, ReportRouteDependencies dependencies) {
  using H = ReportHandlers;
  auto handlers = std::make_shared<const H>(dependencies);
  static constexpr internal::RouteEntry<H> kRoutes[] = {
      {"GET", "/v1/orgs/{org}/reports/profit-and-loss", Permission::kReadOrg, &H::ProfitAndLoss,
       BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/reports/balance-sheet", Permission::kReadOrg, &H::BalanceSheet,
       BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/reports/cash-flow", Permission::kReadOrg, &H::CashFlow,
       BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/reports/budget-vs-actual", Permission::kReadOrg,
       &H::BudgetVersusActual, BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/reports/ar-aging", Permission::kReadOrg, &H::ReceivablesAging,
       BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/reports/ap-aging", Permission::kReadOrg, &H::PayablesAging,
       BodyKind::kNone, ""},
  };
  return internal::AddRouteTable<H>(router, handlers, kRoutes);
}

}  // namespace finhelm::api
