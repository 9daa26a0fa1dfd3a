// Sql: the text of a statement, fixed at compile time (IN-3).
//
// The constructor is consteval, so an Sql can only be made from text the compiler sees:
// a string assembled at run time -- from request data or anything else -- cannot become
// a statement. Values travel separately, as bound parameters.
//
// FinHelm writes statements in one neutral form, translated for each database in one
// place (Connection::Run):
//   ?        a positional parameter, bound from the caller's list in order;
//   :org_id  the organization of the OrgScope running the statement (ACL-4); it may
//            appear several times and is never passed by the caller.
// Statements live as named constants beside the code that uses them:
//   inline constexpr Sql kSelectDataKey{"SELECT ... WHERE organization_id = :org_id"};
//
// Scope rules, enforced when the statement runs (see org_scope.hpp):
//   - a statement naming a tenant table (tenant_tables.hpp) must contain :org_id and run
//     through OrgScope, unless it is declared Sql::CrossTenant(...);
//   - a statement containing :org_id can only run through OrgScope.
#pragma once

#include <cstddef>
#include <string_view>

#include "storage/internal/sql_lexer.hpp"
#include "storage/tenant_tables.hpp"

namespace finhelm::storage {

class Sql {
 public:
  // Implicit so that a literal can be passed where an Sql is expected.
  consteval Sql(const char* text) : Sql(text, false) {}  // NOLINT(google-explicit-constructor)

  // For the system tasks that legitimately span organizations (claiming jobs, metrics,
  // retention). Every use is a place to review: grep for CrossTenant.
  static consteval Sql CrossTenant(const char* text) { return Sql(text, true); }

  constexpr std::string_view text() const { return text_; }
  constexpr std::size_t positional_parameters() const { return shape_.positional_parameters; }
  constexpr bool binds_organization() const { return shape_.org_markers > 0; }
  constexpr std::string_view tenant_table() const { return shape_.tenant_table; }
  constexpr bool names_tenant_table() const { return !shape_.tenant_table.empty(); }
  constexpr bool cross_tenant() const { return cross_tenant_; }

 private:
  consteval Sql(std::string_view text, bool cross_tenant)
      : text_(text),
        shape_(internal::AnalyzeSql(text, kTenantTables)),
        cross_tenant_(cross_tenant) {}

  std::string_view text_;
  internal::SqlShape shape_;
  bool cross_tenant_ = false;
};

// A statement written once per dialect, where the two cannot share one text.
struct DialectSql {
  Sql sqlite;
  Sql postgres;
};

// A statement whose one text serves both dialects.
constexpr DialectSql Portable(Sql statement) { return DialectSql{statement, statement}; }

}  // namespace finhelm::storage
