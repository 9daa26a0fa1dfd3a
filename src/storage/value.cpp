#include "storage/value.hpp"

namespace finhelm::storage {

std::optional<std::int64_t> Row::OptionalInt(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

std::optional<std::string> Row::OptionalText(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

std::optional<Blob> Row::OptionalBytes(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Bytes(column);
}

}  // namespace finhelm::storage
