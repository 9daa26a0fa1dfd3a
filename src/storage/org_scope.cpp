#include "storage/org_scope.hpp"

#include <span>
#include <utility>

namespace finhelm::storage {

Result<std::vector<Row>> OrgScope::Query(const Sql& sql, Params params) {
  auto result = connection_.Run(sql, std::span(params.begin(), params.size()), &bound_);
  if (!result.ok()) return result.error();
  return std::move(result->rows);
}

Result<std::vector<Row>> OrgScope::QueryRows(const Sql& sql, std::span<const Value> params) {
  auto result = connection_.Run(sql, params, &bound_);
  if (!result.ok()) return result.error();
  return std::move(result->rows);
}

Result<std::optional<Row>> OrgScope::QueryOptional(const Sql& sql, Params params) {
  auto rows = Query(sql, params);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows->front()));
}

Result<std::int64_t> OrgScope::Execute(const Sql& sql, Params params) {
  auto result = connection_.Run(sql, std::span(params.begin(), params.size()), &bound_);
  if (!result.ok()) return result.error();
  return result->affected_rows;
}

}  // namespace finhelm::storage
