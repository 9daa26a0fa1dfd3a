#include "api/internal/ledger_support.hpp"

#include <charconv>

#include "api/internal/handler_support.hpp"
#include "imports/text_encoding.hpp"

namespace finhelm::api::internal {
namespace {

constexpr storage::Sql kSelectBooks{"SELECT currency, locale FROM organizations WHERE id = ?"};

}  // namespace

Result<OrganizationBooks> OrganizationBooksOf(storage::Connection& connection,
                                              OrganizationId organization) {
  auto row = connection.QueryOptional(kSelectBooks, {organization.value});
  if (!row.ok()) return row.error();
  if (!*row) return MakeError(ErrorCode::kNotFound, "organization");
  auto currency = CurrencyCode::Parse((*row)->Text(0));
  if (!currency.ok()) return currency.error();
  return OrganizationBooks{*currency, (*row)->Text(1)};
}

Result<CurrencyCode> OrganizationCurrency(storage::Connection& connection,
                                          OrganizationId organization) {
  auto books = OrganizationBooksOf(connection, organization);
  if (!books.ok()) return books.error();
  return books->currency;
}

std::string AmountText(std::int64_t minor_units, CurrencyCode currency) {
  return Money::FromMinorUnits(minor_units, currency).ToString();
}

std::string DateText(std::int32_t yyyymmdd) {
  auto date = CalendarDate::FromNumber(yyyymmdd);
  return date.ok() ? date->ToIso() : std::string();
}

void QueryReader::Fail(std::string_view name, std::string message) {
  if (!problem_) problem_ = FieldProblem(request_, std::string(name), std::move(message));
}

std::optional<std::int32_t> QueryReader::Date(std::string_view name) {
  auto text = http::FindParam(params_, name);
  if (!text) return std::nullopt;
  auto date = CalendarDate::ParseIso(*text);
  if (!date.ok()) {
    Fail(name, "expected a date, YYYY-MM-DD");
    return std::nullopt;
  }
  return date->Number();
}

std::optional<std::int64_t> QueryReader::Id(std::string_view name) {
  auto text = http::FindParam(params_, name);
  if (!text) return std::nullopt;
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (error != std::errc() || end != text->data() + text->size() || id <= 0) {
    Fail(name, "expected an id");
    return std::nullopt;
  }
  return id;
}

std::optional<std::int64_t> QueryReader::Amount(std::string_view name, CurrencyCode currency) {
  auto text = http::FindParam(params_, name);
  if (!text) return std::nullopt;
  auto money = Money::Parse(*text, currency);
  if (!money.ok()) {
    Fail(name, "expected an amount such as 1250.00");
    return std::nullopt;
  }
  return money->minor_units();
}

std::optional<std::string> QueryReader::Text(std::string_view name, std::size_t max_bytes) {
  auto text = http::FindParam(params_, name);
  if (!text) return std::nullopt;
  if (text->empty() || text->size() > max_bytes || !imports::IsValidUtf8(*text)) {
    Fail(name, "expected 1 to " + std::to_string(max_bytes) + " bytes of UTF-8");
    return std::nullopt;
  }
  return std::string(*text);
}

int QueryReader::Limit(int fallback, int max) {
  auto text = http::FindParam(params_, "limit");
  if (!text) return fallback;
  int limit = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (error != std::errc() || end != text->data() + text->size() || limit < 1 || limit > max) {
    Fail("limit", "expected 1 to " + std::to_string(max));
    return fallback;
  }
  return limit;
}

std::optional<ledger::TransactionFilter> ReadTransactionFilter(const http::Request& request,
                                                               QueryReader& query,
                                                               CurrencyCode currency,
                                                               http::Response& problem) {
  constexpr std::size_t kMaxSearchText = 100;
  ledger::TransactionFilter filter;
  filter.from = query.Date("from");
  filter.to = query.Date("to");
  filter.account_id = query.Id("account");
  auto customer = query.Id("customer");
  auto vendor = query.Id("vendor");
  filter.type = query.Text("type", kMaxSearchText);
  filter.min_amount = query.Amount("min_amount", currency);
  filter.max_amount = query.Amount("max_amount", currency);
  filter.text = query.Text("q", kMaxSearchText);
  if (query.failed()) {
    problem = query.TakeProblem();
    return std::nullopt;
  }
  if (customer && vendor) {
    problem = FieldProblem(request, "vendor", "filter by a customer or a vendor, not both");
    return std::nullopt;
  }
  filter.counterparty_id = customer ? customer : vendor;
  return filter;
}

}  // namespace finhelm::api::internal
