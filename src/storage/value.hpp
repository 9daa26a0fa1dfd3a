// Value and Row: what crosses the boundary between FinHelm and a database.
//
// A Value is one bound parameter or one result cell: NULL, a 64-bit integer, UTF-8 text or
// a blob. These four are all FinHelm stores (money is integer minor units, times are Unix
// seconds or milliseconds), so both SQLite and PostgreSQL round-trip them exactly.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace finhelm::storage {

using Blob = std::vector<std::uint8_t>;

class Value {
 public:
  enum class Type { kNull, kInt, kText, kBlob };

  // Constructors are implicit so that parameter lists read like `{org_name, 42, key}`.
  Value() = default;
  Value(std::nullopt_t) {}  // NOLINT(google-explicit-constructor)
  template <std::integral T>
  requires(!std::same_as<T, bool>) Value(T number)
      : data_(static_cast<std::int64_t>(number)) {}           // NOLINT
  Value(const char* text) : data_(std::string(text)) {}       // NOLINT
  Value(std::string_view text) : data_(std::string(text)) {}  // NOLINT
  Value(std::string text) : data_(std::move(text)) {}         // NOLINT
  Value(Blob bytes) : data_(std::move(bytes)) {}              // NOLINT
  template <typename T>
  Value(const std::optional<T>& maybe) {  // NOLINT
    if (maybe.has_value()) *this = Value(*maybe);
  }

  Type type() const { return static_cast<Type>(data_.index()); }
  bool is_null() const { return type() == Type::kNull; }

  // Each accessor requires the matching type(); a mismatch is a programming error.
  std::int64_t AsInt() const { return std::get<std::int64_t>(data_); }
  const std::string& AsText() const { return std::get<std::string>(data_); }
  const Blob& AsBlob() const { return std::get<Blob>(data_); }

  friend bool operator==(const Value&, const Value&) = default;

 private:
  std::variant<std::monostate, std::int64_t, std::string, Blob> data_;
};

// One result row. Columns are addressed by position, in the order of the SELECT list.
// The typed accessors require the column to hold that type: the schema decides it, so a
// mismatch is a bug in FinHelm (it asserts), never a consequence of client input.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  const Value& at(std::size_t column) const { return values_.at(column); }
  bool IsNull(std::size_t column) const { return at(column).is_null(); }

  std::int64_t Int(std::size_t column) const { return at(column).AsInt(); }
  const std::string& Text(std::size_t column) const { return at(column).AsText(); }
  const Blob& Bytes(std::size_t column) const { return at(column).AsBlob(); }

  std::optional<std::int64_t> OptionalInt(std::size_t column) const;
  std::optional<std::string> OptionalText(std::size_t column) const;
  std::optional<Blob> OptionalBytes(std::size_t column) const;

 private:
  std::vector<Value> values_;
};

}  // namespace finhelm::storage
