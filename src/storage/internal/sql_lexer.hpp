// A minimal SQL lexer, usable at compile time, shared by Sql (which classifies statement
// text when a constant is built) and by the renderer (which turns FinHelm's neutral
// placeholders into a dialect's). Both must skip exactly the same regions, or the count of
// parameters would disagree with what is bound; keeping one lexer makes that impossible.
#pragma once

#include <cstddef>
#include <string_view>

namespace finhelm::storage::internal {

inline constexpr std::string_view kOrgMarker = ":org_id";

constexpr bool IsIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

constexpr char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

constexpr bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

// If a string literal, quoted identifier or comment starts at `i`, returns the index just
// past it; otherwise returns `i`. An unterminated one runs to the end of the text.
constexpr std::size_t SkipNonCode(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  if (text[i] == '\'' || text[i] == '"') {
    const char quote = text[i];
    for (std::size_t j = i + 1; j < n; ++j) {
      if (text[j] != quote) continue;
      if (j + 1 < n && text[j + 1] == quote) {  // A doubled quote is an escaped quote.
        ++j;
        continue;
      }
      return j + 1;
    }
    return n;
  }
  if (text.substr(i, 2) == "--") {
    std::size_t end = text.find('\n', i);
    return end == std::string_view::npos ? n : end + 1;
  }
  if (text.substr(i, 2) == "/*") {
    std::size_t end = text.find("*/", i + 2);
    return end == std::string_view::npos ? n : end + 2;
  }
  return i;
}

// Whether the organization marker starts at `i` (and is not part of a `::` cast or of a
// longer identifier).
constexpr bool IsOrgMarkerAt(std::string_view text, std::size_t i) {
  if (text.substr(i, kOrgMarker.size()) != kOrgMarker) return false;
  if (i > 0 && text[i - 1] == ':') return false;
  std::size_t end = i + kOrgMarker.size();
  return end >= text.size() || !IsIdentifierChar(text[end]);
}

// What a statement's text reveals about it, computed once when an Sql constant is built.
struct SqlShape {
  std::size_t positional_parameters = 0;  // `?` placeholders
  std::size_t org_markers = 0;            // `:org_id` placeholders
  std::string_view tenant_table;          // the first tenant table named, if any
};

// Calls `on_word(word)` for every identifier or keyword outside literals and comments,
// and `on_placeholder(is_org)` for every placeholder, in order of appearance.
template <typename OnWord, typename OnPlaceholder>
constexpr void Lex(std::string_view text, OnWord on_word, OnPlaceholder on_placeholder) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t skipped = SkipNonCode(text, i);
    if (skipped != i) {
      i = skipped;
      continue;
    }
    if (text[i] == '?') {
      on_placeholder(false);
      ++i;
    } else if (IsOrgMarkerAt(text, i)) {
      on_placeholder(true);
      i += kOrgMarker.size();
    } else if (IsIdentifierChar(text[i])) {
      std::size_t start = i;
      while (i < text.size() && IsIdentifierChar(text[i])) ++i;
      on_word(text.substr(start, i - start));
    } else {
      ++i;
    }
  }
}

// Finds placeholders and the tenant tables that follow FROM, JOIN, INTO or UPDATE.
// Table names must be written unquoted for the check to see them (see tenant_tables.hpp).
template <typename Tables>
constexpr SqlShape AnalyzeSql(std::string_view text, const Tables& tenant_tables) {
  SqlShape shape;
  bool expect_table = false;
  Lex(
      text,
      [&](std::string_view word) {
        if (expect_table && shape.tenant_table.empty()) {
          for (std::string_view table : tenant_tables) {
            if (EqualsIgnoreCase(word, table)) shape.tenant_table = table;
          }
        }
        // A schema-qualified name (`public.jobs`) keeps looking at the next word.
        std::size_t end = static_cast<std::size_t>(word.data() - text.data()) + word.size();
        bool qualified = expect_table && end < text.size() && text[end] == '.';
        expect_table = qualified || EqualsIgnoreCase(word, "from") ||
                       EqualsIgnoreCase(word, "join") || EqualsIgnoreCase(word, "into") ||
                       EqualsIgnoreCase(word, "update");
      },
      [&](bool is_org) {
        expect_table = false;
        if (is_org) {
          ++shape.org_markers;
        } else {
          ++shape.positional_parameters;
        }
      });
  return shape;
}

}  // namespace finhelm::storage::internal
