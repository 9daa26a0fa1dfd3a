#include "exports/spreadsheet_cell.hpp"

namespace finhelm::exports {

std::string NeutralizeCell(std::string_view text) {
  if (!text.empty()) {
    switch (text.front()) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r':
        return "'" + std::string(text);
      default:
        break;
    }
  }
  return std::string(text);
}

void AppendCsvCell(std::string& out, std::string_view text) {
  const std::string cell = NeutralizeCell(text);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    out += cell;
    return;
  }
  out.push_back('"');
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace finhelm::exports
