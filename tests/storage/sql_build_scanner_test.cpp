#include "tests/storage/sql_build_scanner.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace finhelm::storage::testing {
namespace {

std::size_t CountFindings(std::string_view source, std::string_view file = "src/x/y.cpp") {
  return ScanForStringBuiltSql(source, file).size();
}

TEST(StorageSqlBuildScanner, CatchesConcatenatedWhereClause) {
  auto findings = ScanForStringBuiltSql(
      "void F(const std::string& name) {\n"
      "  std::string q = \"SELECT * FROM users WHERE name = '\" + name + \"'\";\n"
      "}\n",
      "src/api/users.cpp");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 2);
  EXPECT_EQ(findings[0].file, "src/api/users.cpp");
}

TEST(StorageSqlBuildScanner, CatchesOtherWaysOfBuilding) {
  EXPECT_EQ(CountFindings("q.append(\"DELETE FROM jobs WHERE id = \"); q.append(id);"), 1u);
  EXPECT_EQ(CountFindings("q += \"UPDATE jobs SET status = '\";"), 1u);
  EXPECT_EQ(CountFindings("auto q = fmt::format(\"insert into t values ({})\", v);"), 1u);
  EXPECT_EQ(CountFindings("auto q = std::format(\"SELECT a FROM t WHERE b = {}\", v);"), 1u);
  EXPECT_EQ(CountFindings("out << \"SELECT id FROM t WHERE x = \" << x;"), 1u);
  EXPECT_EQ(CountFindings("snprintf(buf, n, \"DELETE FROM t WHERE id = %d\", id);"), 1u);
  EXPECT_EQ(CountFindings("auto q = std::string(R\"(SELECT a\nFROM t WHERE b = )\") + b;"), 1u);
  EXPECT_EQ(CountFindings("auto q = prefix + \" WHERE \" + column;"), 1u);
}

TEST(StorageSqlBuildScanner, CatchesRawApiOutsideStorageInternals) {
  EXPECT_EQ(CountFindings("sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr);"), 1u);
  EXPECT_EQ(CountFindings("PQexecParams(c, q, 0, nullptr, nullptr, nullptr, nullptr, 0);"), 1u);
  EXPECT_EQ(CountFindings("PQexec(c, q);", "src/storage/internal/postgres_connection.cpp"), 0u);
}

TEST(StorageSqlBuildScanner, AcceptsConstantsAndUnrelatedStrings) {
  EXPECT_EQ(CountFindings("constexpr Sql kQ = \"SELECT a FROM t WHERE b = ? AND c = 1 + 2\";"), 0u);
  EXPECT_EQ(CountFindings("inline constexpr Sql kQ{R\"sql(UPDATE t SET a = a + 1)sql\"};"), 0u);
  EXPECT_EQ(CountFindings("constexpr Sql kQ = \"SELECT a \" \"FROM t WHERE b = ?\";"), 0u);
  EXPECT_EQ(CountFindings("auto m = \"update failed for \" + name;"), 0u);
  EXPECT_EQ(CountFindings("auto m = \"select a plan\" + std::to_string(n);"), 0u);
  EXPECT_EQ(CountFindings("// q = \"SELECT * FROM t WHERE a = \" + a;\nint x = 1 + 2;"), 0u);
  EXPECT_EQ(CountFindings("int n = 1'000'000 + 2; auto c = '\"'; auto s = \"WHERE\";"), 0u);
}

// proves IN-3: no SQL is built from strings anywhere under src/.
TEST(StorageSqlBuildScanner, SourceTreeHasNoStringBuiltSql) {
  const std::filesystem::path root = std::filesystem::path(FINHELM_SOURCE_DIR) / "src";
  ASSERT_TRUE(std::filesystem::is_directory(root)) << root;
  std::size_t scanned = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    const auto extension = entry.path().extension();
    if (!entry.is_regular_file() ||
        (extension != ".cpp" && extension != ".hpp" && extension != ".h" && extension != ".cc")) {
      continue;
    }
    std::ifstream file(entry.path());
    std::stringstream text;
    text << file.rdbuf();
    std::string relative = std::filesystem::relative(entry.path(), root.parent_path()).string();
    for (const SqlBuildFinding& finding : ScanForStringBuiltSql(text.str(), relative)) {
      ADD_FAILURE() << finding.file << ":" << finding.line << ": " << finding.reason;
    }
    ++scanned;
  }
  EXPECT_GT(scanned, 10u) << "the scan must have found the sources";
}

}  // namespace
}  // namespace finhelm::storage::testing
