#include "api/ledger_routes.hpp"

#include <charconv>
#include <ctime>
#include <nlohmann/json.hpp>

#include "api/internal/handler_support.hpp"
#include "api/internal/ledger_support.hpp"
#include "ledger/ledger_queries.hpp"
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
using internal::ProblemOf;
using internal::QueryReader;
using nlohmann::json;

constexpr int kMaxPage = 200;

// "20260301.1234": the date and id of the last transaction of a page.
std::optional<ledger::TransactionCursor> ParseCursor(std::string_view text) {
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  ledger::TransactionCursor cursor;
  auto [date_end, date_error] = std::from_chars(text.data(), text.data() + dot, cursor.posted_on);
  auto [id_end, id_error] =
      std::from_chars(text.data() + dot + 1, text.data() + text.size(), cursor.id);
  if (date_error != std::errc() || date_end != text.data() + dot || id_error != std::errc() ||
      id_end != text.data() + text.size() || cursor.id <= 0 ||
      !CalendarDate::FromNumber(cursor.posted_on).ok()) {
    return std::nullopt;
  }
  return cursor;
}

json SummaryJson(const ledger::TransactionSummary& summary, CurrencyCode currency) {
  return {
      {"id", summary.id},
      {"date", DateText(summary.posted_on)},
      {"type", summary.type},
      {"num", summary.num},
      {"name", summary.name},
      {"counterparty_id", summary.counterparty_id ? json(*summary.counterparty_id) : json(nullptr)},
      {"memo", summary.memo},
      {"total", AmountText(summary.total, currency)},
      {"line_count", summary.line_count}};
}

class LedgerHandlers {
 public:
  explicit LedgerHandlers(LedgerRouteDependencies dependencies) : deps_(dependencies) {}

  Response Accounts(Request& request) const {
    return WithScope(
        request,
        [&](storage::OrgScope& scope, CurrencyCode currency, QueryReader& query) -> Response {
          const std::int32_t as_of = query.Date("as_of").value_or(TodayNumber(*deps_.clock));
          if (query.failed()) return query.TakeProblem();
          auto accounts = ledger::ListAccountBalances(scope, as_of);
          if (!accounts.ok()) return http::ErrorResponse(accounts.error(), request.request_id);
          json items = json::array();
          for (const ledger::AccountBalance& account : *accounts) {
            items.push_back(
                {{"id", account.id},
                 {"parent_id", account.parent_id ? json(*account.parent_id) : json(nullptr)},
                 {"number", account.number},
                 {"name", account.name},
                 {"full_name", account.full_name},
                 {"type", ledger::AccountTypeName(account.type)},
                 {"classification",
                  ledger::ClassificationName(ledger::ClassificationOf(account.type))},
                 {"active", account.active},
                 {"balance", AmountText(account.own_balance, currency)},
                 {"rolled_up_balance", AmountText(account.rolled_up_balance, currency)}});
          }
          return Response::Json(200, Dump({{"currency", currency.code()},
                                           {"as_of", DateText(as_of)},
                                           {"accounts", items}}));
        });
  }

  Response Transactions(Request& request) const {
    return WithScope(
        request,
        [&](storage::OrgScope& scope, CurrencyCode currency, QueryReader& query) -> Response {
          Response problem;
          auto filter = internal::ReadTransactionFilter(request, query, currency, problem);
          if (!filter) return problem;
          const int limit = query.Limit(50, kMaxPage);
          auto cursor_text = query.Text("cursor", 40);
          if (query.failed()) return query.TakeProblem();
          std::optional<ledger::TransactionCursor> cursor;
          if (cursor_text) {
            cursor = ParseCursor(*cursor_text);
            if (!cursor) return FieldProblem(request, "cursor", "expected a next_cursor value");
          }
          auto found = ledger::SearchTransactions(scope, *filter, cursor, limit);
          if (!found.ok()) return http::ErrorResponse(found.error(), request.request_id);
          json items = json::array();
          for (const ledger::TransactionSummary& summary : *found) {
            items.push_back(SummaryJson(summary, currency));
          }
          json body = {{"currency", currency.code()}, {"transactions", items}};
          body["next_cursor"] = nullptr;
          if (static_cast<int>(found->size()) == limit) {
            body["next_cursor"] =
                std::to_string(found->back().posted_on) + "." + std::to_string(found->back().id);
          }
          return Response::Json(200, Dump(body));
        });
  }

  Response Transaction(Request& request) const {
    return WithScope(
        request, [&](storage::OrgScope& scope, CurrencyCode currency, QueryReader&) -> Response {
          std::int64_t id = 0;
          const std::string& text = request.path_params.at("id");
          auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
          if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
            return ProblemOf(request, 404, "");
          }
          auto detail = ledger::FindTransaction(scope, id);
          if (!detail.ok()) return http::ErrorResponse(detail.error(), request.request_id);
          if (!*detail) return ProblemOf(request, 404, "");
          json body = SummaryJson((*detail)->summary, currency);
          body["currency"] = currency.code();
          body["due_date"] = (*detail)->due_on ? json(DateText(*(*detail)->due_on)) : json(nullptr);
          body["source"] = (*detail)->source;
          body["import_id"] = (*detail)->import_id ? json(*(*detail)->import_id) : json(nullptr);
          json lines = json::array();
          for (const ledger::TransactionLine& line : (*detail)->lines) {
            lines.push_back(
                {{"id", line.id},
                 {"account_id", line.account_id},
                 {"account", line.account_full_name},
                 {"account_type", ledger::AccountTypeName(line.account_type)},
                 {"debit", AmountText(line.amount > 0 ? line.amount : 0, currency)},
                 {"credit", AmountText(line.amount < 0 ? -line.amount : 0, currency)},
                 {"memo", line.memo},
                 {"counterparty_id",
                  line.counterparty_id ? json(*line.counterparty_id) : json(nullptr)},
                 {"import_id", line.import_id ? json(*line.import_id) : json(nullptr)},
                 {"source_line", line.source_line ? json(*line.source_line) : json(nullptr)}});
          }
          body["lines"] = lines;
          return Response::Json(200, Dump(body));
        });
  }

  Response Customers(Request& request) const {
    return Counterparties(request, ledger::CounterpartyKind::kCustomer, "customers");
  }
  Response Vendors(Request& request) const {
    return Counterparties(request, ledger::CounterpartyKind::kVendor, "vendors");
  }

 private:
  template <typename Body>
  Response WithScope(Request& request, Body body) const {
    return internal::WithBooks(*deps_.database, request, std::move(body));
  }

  Response Counterparties(Request& request, ledger::CounterpartyKind kind, const char* key) const {
    return WithScope(
        request,
        [&](storage::OrgScope& scope, CurrencyCode currency, QueryReader& query) -> Response {
          const std::int32_t as_of = query.Date("as_of").value_or(TodayNumber(*deps_.clock));
          if (query.failed()) return query.TakeProblem();
          auto balances = ledger::ListCounterparties(scope, kind, as_of);
          if (!balances.ok()) return http::ErrorResponse(balances.error(), request.request_id);
          json items = json::array();
          for (const ledger::CounterpartyBalance& balance : *balances) {
            items.push_back({{"id", balance.id},
                             {"name", balance.name},
                             {"open_balance", AmountText(balance.open_balance, currency)},
                             {"overdue_balance", AmountText(balance.overdue_balance, currency)},
                             {"open_items", balance.open_items}});
          }
          return Response::Json(
              200, Dump({{"currency", currency.code()}, {"as_of", DateText(as_of)}, {key, items}}));
        });
  }

  LedgerRouteDependencies deps_;
};

}  // namespace

std::int32_t TodayNumber(const Clock& clock) {
  const std::time_t now = static_cast<std::time_t>(clock.NowUnixSeconds());
  std::tm utc{};
  gmtime_r(&now, &utc);
  return (utc.tm_year + 1900) * 10000 + (utc.tm_mon + 1) * 100 + utc.tm_mday;
}

Status AddLedgerRoutes(http::Router& router, LedgerRouteDependencies dependencies) {
  using H = LedgerHandlers;
  auto handlers = std::make_shared<const H>(dependencies);
  static constexpr internal::RouteEntry<H> kRoutes[] = {
      {"GET", "/v1/orgs/{org}/accounts", Permission::kReadOrg, &H::Accounts, BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/transactions", Permission::kReadOrg, &H::Transactions,
       BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/transactions/{id}", Permission::kReadOrg, &H::Transaction,
       BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/customers", Permission::kReadOrg, &H::Customers, BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/vendors", Permission::kReadOrg, &H::Vendors, BodyKind::kNone, ""},
  };
  return internal::AddRouteTable<H>(router, handlers, kRoutes);
}

}  // namespace finhelm::api
