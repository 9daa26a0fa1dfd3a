// What the ledger, report and export routes share: the organization's currency, amounts
// as exact decimal strings, and reading dates, ids and amounts from a query string with a
// 422 that names the parameter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/internal/handler_support.hpp"
#include "core/calendar_date.hpp"
#include "core/money.hpp"
#include "http/message.hpp"
#include "http/url.hpp"
#include "ledger/ledger_queries.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"
#include "storage/organization_id.hpp"

namespace finhelm::api::internal {

// The currency the organization keeps its books in.
Result<CurrencyCode> OrganizationCurrency(storage::Connection& connection,
                                          OrganizationId organization);

struct OrganizationBooks {
  CurrencyCode currency;
  std::string locale;  // BCP 47, for the web app's number formats ("en-US")
};
Result<OrganizationBooks> OrganizationBooksOf(storage::Connection& connection,
                                              OrganizationId organization);

// "1234.56" for 123456 minor units of USD: a string, so no client reads it as a float.
std::string AmountText(std::int64_t minor_units, CurrencyCode currency);
// "2026-03-31" for 20260331.
std::string DateText(std::int32_t yyyymmdd);

// Reads query parameters; each returns nullopt when the parameter is absent and sets
// `problem` (a 422 naming it) when it is malformed.
class QueryReader {
 public:
  QueryReader(const http::Request& request, const http::QueryParams& params)
      : request_(request), params_(params) {}

  std::optional<std::int32_t> Date(std::string_view name);
  std::optional<std::int64_t> Id(std::string_view name);
  std::optional<std::int64_t> Amount(std::string_view name, CurrencyCode currency);
  std::optional<std::string> Text(std::string_view name, std::size_t max_bytes);
  // 1..max, `fallback` when absent.
  int Limit(int fallback, int max);

  bool failed() const { return problem_.has_value(); }
  http::Response TakeProblem() { return std::move(*problem_); }

 private:
  void Fail(std::string_view name, std::string message);

  const http::Request& request_;
  const http::QueryParams& params_;
  std::optional<http::Response> problem_;
};

// The filters of GET transactions and of the exports: from, to, account, customer,
// vendor, type, min_amount, max_amount, q. Nullopt with `problem` set when one is bad.
std::optional<ledger::TransactionFilter> ReadTransactionFilter(const http::Request& request,
                                                               QueryReader& query,
                                                               CurrencyCode currency,
                                                               http::Response& problem);

// The preamble the ledger, report and export handlers share: parses the query string,
// takes a connection, reads the organization's currency, and calls
// `body(scope, currency, query)` with the request's organization.
template <typename Body>
http::Response WithBooks(storage::Database& database, const http::Request& request, Body body) {
  auto params = http::ParseQuery(request.query);
  if (!params.ok()) return FieldProblem(request, "query", "malformed query string");
  auto connection = database.Acquire();
  if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
  const OrganizationId organization{request.principal.organization_id};
  auto currency = OrganizationCurrency(**connection, organization);
  if (!currency.ok()) return http::ErrorResponse(currency.error(), request.request_id);
  storage::OrgScope scope(**connection, organization);
  QueryReader query(request, *params);
  return body(scope, *currency, query);
}

}  // namespace finhelm::api::internal
