// The text of an INSERT with a fixed number of VALUES tuples, built at compile time.
//
// Bulk writers send many rows per statement (imports/ledger_writer.hpp). The statement
// must still be a constant like every other (sql.hpp, IN-3): kRepeatedRows joins a head,
// `Rows` copies of one tuple and a tail into a static array while compiling, and Sql
// analyses that array as it does a literal.
//
//   inline constexpr char kHead[] = "INSERT INTO t (organization_id, a) VALUES ";
//   inline constexpr char kRow[] = "(:org_id, ?)";
//   inline constexpr char kTail[] = " ON CONFLICT DO NOTHING";
//   constexpr Sql kInsert16{kRepeatedRows<kHead, kRow, kTail, 16>.data()};
#pragma once

#include <array>
#include <cstddef>

namespace finhelm::storage {
namespace internal {

consteval std::size_t TextLength(const char* text) {
  std::size_t length = 0;
  while (text[length] != '\0') ++length;
  return length;
}

template <const char* Head, const char* Row, const char* Tail, std::size_t Rows>
requires(Rows > 0) consteval auto RepeatRows() {
  constexpr std::size_t kHead = TextLength(Head);
  constexpr std::size_t kRow = TextLength(Row);
  constexpr std::size_t kTail = TextLength(Tail);
  constexpr std::size_t kSeparator = 2;  // ", "
  std::array<char, kHead + Rows * kRow + (Rows - 1) * kSeparator + kTail + 1> text{};
  std::size_t at = 0;
  auto put = [&](const char* part, std::size_t length) {
    for (std::size_t i = 0; i < length; ++i) text[at++] = part[i];
  };
  put(Head, kHead);
  for (std::size_t row = 0; row < Rows; ++row) {
    if (row > 0) put(", ", kSeparator);
    put(Row, kRow);
  }
  put(Tail, kTail);
  text[at] = '\0';
  return text;
}

}  // namespace internal

template <const char* Head, const char* Row, const char* Tail, std::size_t Rows>
inline constexpr auto kRepeatedRows = internal::RepeatRows<Head, Row, Tail, Rows>();

}  // namespace finhelm::storage
