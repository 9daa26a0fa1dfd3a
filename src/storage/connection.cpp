#include "storage/connection.hpp"

#include <string>

#include "observability/log.hpp"

namespace finhelm::storage {
namespace {

Error ScopeViolation(const Sql& sql, std::string_view reason) {
  // The statement text is a compile-time constant, so it is safe to log; it names the bug.
  log::Error("storage_tenant_scope_violation",
             {{"reason", reason}, {"table", sql.tenant_table()}, {"sql", sql.text()}});
  return MakeError(ErrorCode::kInternal, "tenant scope violation: " + std::string(reason));
}

Status CheckScope(const Sql& sql, bool through_org_scope) {
  if (through_org_scope) {
    if (!sql.binds_organization()) {
      return ScopeViolation(sql, "statement run through OrgScope does not bind :org_id");
    }
    return Status::Ok();
  }
  if (sql.binds_organization()) {
    return ScopeViolation(sql, "statement binds :org_id but was run without OrgScope");
  }
  if (sql.names_tenant_table() && !sql.cross_tenant()) {
    return ScopeViolation(sql, "statement on a tenant table was run without OrgScope");
  }
  return Status::Ok();
}

}  // namespace

const char* DialectName(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "sqlite" : "postgresql";
}

Result<StatementResult> Connection::Run(const Sql& sql, std::span<const Value> params,
                                        const Value* organization) {
  if (Status scope = CheckScope(sql, organization != nullptr); !scope.ok()) return scope.error();
  if (params.size() != sql.positional_parameters()) {
    return MakeError(ErrorCode::kInternal, "statement expects " +
                                               std::to_string(sql.positional_parameters()) +
                                               " parameters, got " + std::to_string(params.size()));
  }
  for (const Value& value : params) {
    // PostgreSQL cannot store NUL in text; refusing it on both backends keeps them alike.
    if (value.type() == Value::Type::kText && value.AsText().find('\0') != std::string::npos) {
      return MakeError(ErrorCode::kInvalidArgument, "text parameter contains a NUL character");
    }
  }

  // Statements are constants, so each is translated once per connection and reused: a
  // bulk import runs the same few statements a million times.
  auto found = translations_.find(sql.text().data());
  if (found == translations_.end()) {
    found = translations_.emplace(sql.text().data(), Translate(sql)).first;
  }
  const Translation& translation = found->second;
  std::vector<const Value*> bound;
  bound.reserve(translation.sources.size());
  for (int source : translation.sources) {
    bound.push_back(source < 0 ? organization : &params[static_cast<std::size_t>(source)]);
  }
  return RunStatement(translation.text, bound);
}

Connection::Translation Connection::Translate(const Sql& sql) const {
  const bool numbered = dialect() == Dialect::kPostgres;
  Translation translation;
  std::string& text = translation.text;
  text.reserve(sql.text().size() + 16);
  std::size_t copied_until = 0;
  int next_positional = 0;
  std::string_view source = sql.text();
  std::size_t i = 0;
  // Walks the text with the same lexer that counted the placeholders at compile time.
  while (i < source.size()) {
    std::size_t skipped = internal::SkipNonCode(source, i);
    if (skipped != i) {
      i = skipped;
      continue;
    }
    std::size_t length = 0;
    if (source[i] == '?') {
      length = 1;
      translation.sources.push_back(next_positional++);
    } else if (internal::IsOrgMarkerAt(source, i)) {
      length = internal::kOrgMarker.size();
      translation.sources.push_back(-1);
    } else {
      ++i;
      continue;
    }
    text.append(source.substr(copied_until, i - copied_until));
    text += numbered ? "$" + std::to_string(translation.sources.size()) : "?";
    i += length;
    copied_until = i;
  }
  text.append(source.substr(copied_until));
  return translation;
}

Result<std::vector<Row>> Connection::Query(const Sql& sql, Params params) {
  auto result = Run(sql, std::span(params.begin(), params.size()), nullptr);
  if (!result.ok()) return result.error();
  return std::move(result->rows);
}

Result<std::optional<Row>> Connection::QueryOptional(const Sql& sql, Params params) {
  auto rows = Query(sql, params);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows->front()));
}

Result<std::int64_t> Connection::Execute(const Sql& sql, Params params) {
  auto result = Run(sql, std::span(params.begin(), params.size()), nullptr);
  if (!result.ok()) return result.error();
  return result->affected_rows;
}

Status Connection::ExecuteScript(const Sql& script) {
  if (Status scope = CheckScope(script, false); !scope.ok()) return scope;
  if (script.positional_parameters() != 0) {
    return MakeError(ErrorCode::kInternal, "a script cannot take parameters");
  }
  return RunScript(script.text());
}

}  // namespace finhelm::storage
