#include "tests/storage/sql_build_scanner.hpp"

#include <cctype>
#include <regex>

namespace finhelm::storage::testing {
namespace {

struct Literal {
  std::string text;
  int line = 0;
};

// One C++ statement: its code with literals and comments blanked out, and its literals.
struct Chunk {
  std::string code;
  std::vector<Literal> literals;
  int line = 0;
};

bool LooksLikeSql(const std::string& text) {
  static const std::regex kAnyCase(
      R"(\bselect\b[\s\S]*\bfrom\b|\binsert\s+into\b|\bupdate\s+\w+\s+set\b|\bdelete\s+from\b)",
      std::regex::icase);
  static const std::regex kUpperCase(R"(\bWHERE\b|\bVALUES\s*\(|\bSELECT\s*$|\bFROM\s*$)");
  return std::regex_search(text, kAnyCase) || std::regex_search(text, kUpperCase);
}

bool BuildsStrings(const std::string& code) {
  static const std::regex kBuilders(
      R"((^|[^+])\+([^+]|$)|<<|\b(append|format|vformat|sprintf|snprintf|StrCat|StrAppend)\s*\()");
  return std::regex_search(code, kBuilders);
}

bool CallsRawApi(const std::string& code) {
  static const std::regex kRaw(R"(\b(sqlite3_exec|sqlite3_prepare\w*|PQexec\w*|PQprepare)\s*\()");
  return std::regex_search(code, kRaw);
}

// Splits `source` into chunks, lexing comments, string, raw-string and character literals.
std::vector<Chunk> SplitStatements(std::string_view source) {
  std::vector<Chunk> chunks(1);
  int line = 1;
  chunks.back().line = line;
  std::size_t i = 0;
  auto count_lines = [&](std::string_view text) {
    for (char c : text) line += c == '\n' ? 1 : 0;
  };
  while (i < source.size()) {
    char c = source[i];
    Chunk& chunk = chunks.back();
    if (source.substr(i, 2) == "//") {
      i = source.find('\n', i);
      if (i == std::string_view::npos) break;
    } else if (source.substr(i, 2) == "/*") {
      std::size_t end = source.find("*/", i + 2);
      end = end == std::string_view::npos ? source.size() : end + 2;
      count_lines(source.substr(i, end - i));
      i = end;
    } else if (c == 'R' && source.substr(i + 1, 1) == "\"" &&
               (i == 0 || !std::isalnum(static_cast<unsigned char>(source[i - 1])) ||
                source[i - 1] == 'u' || source[i - 1] == '8' || source[i - 1] == 'L')) {
      std::size_t open = source.find('(', i);
      std::string close = ")" + std::string(source.substr(i + 2, open - i - 2)) + "\"";
      std::size_t end = source.find(close, open);
      end = end == std::string_view::npos ? source.size() : end;
      chunk.literals.push_back({std::string(source.substr(open + 1, end - open - 1)), line});
      chunk.code += " \"\" ";
      count_lines(source.substr(i, end - i));
      i = std::min(source.size(), end + close.size());
    } else if (c == '"') {
      std::string text;
      std::size_t j = i + 1;
      for (; j < source.size() && source[j] != '"'; ++j) {
        if (source[j] == '\\' && j + 1 < source.size()) ++j;
        text += source[j];
      }
      chunk.literals.push_back({text, line});
      chunk.code += " \"\" ";
      i = j + 1;
    } else if (c == '\'' && i + 2 < source.size() &&
               (source[i + 2] == '\'' ||
                (source[i + 1] == '\\' && source.find('\'', i + 2) < i + 6))) {
      i = source.find('\'', i + 2) + 1;  // a character literal; digit separators fall through
      chunk.code += " 'c' ";
    } else if (c == ';') {
      chunks.emplace_back();
      chunks.back().line = line;
      ++i;
    } else {
      if (c == '\n') ++line;
      chunk.code += c;
      ++i;
    }
  }
  return chunks;
}

}  // namespace

std::vector<SqlBuildFinding> ScanForStringBuiltSql(std::string_view source,
                                                   std::string_view file_name) {
  std::vector<SqlBuildFinding> findings;
  const bool storage_internal = file_name.find("storage/internal/") != std::string_view::npos;
  for (const Chunk& chunk : SplitStatements(source)) {
    if (!storage_internal && CallsRawApi(chunk.code)) {
      findings.push_back(
          {std::string(file_name), chunk.line, "raw SQLite/libpq call outside storage/internal/"});
    }
    if (!BuildsStrings(chunk.code)) continue;
    for (const Literal& literal : chunk.literals) {
      if (LooksLikeSql(literal.text)) {
        findings.push_back({std::string(file_name), literal.line,
                            "SQL text next to string building: \"" + literal.text + "\""});
        break;
      }
    }
  }
  return findings;
}

}  // namespace finhelm::storage::testing
