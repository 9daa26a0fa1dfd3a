// IN-3 scanner: finds SQL built from strings in C++ source.
//
// FinHelm's statements are Sql constants (storage/sql.hpp) whose constructor only accepts
// compile-time text, so string-built SQL cannot reach Connection. This scanner is the
// second line, for code that would bypass the type (a raw sqlite3/libpq call, a string
// built "for logging" and then run). It reads C++ as a sequence of statements (split at
// `;` outside literals and comments) and reports one where
//   - a string literal looks like SQL (SELECT ... FROM, INSERT INTO, UPDATE x SET,
//     DELETE FROM in any case; WHERE or VALUES ( in upper case), and
//   - the code around it builds strings: `+`, `+=`, `<<`, append, format, printf, StrCat;
// or where the raw C APIs are called outside storage/internal/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace finhelm::storage::testing {

struct SqlBuildFinding {
  std::string file;
  int line = 0;
  std::string reason;
};

std::vector<SqlBuildFinding> ScanForStringBuiltSql(std::string_view source,
                                                   std::string_view file_name);

}  // namespace finhelm::storage::testing
