// Cells of exported spreadsheets that cannot turn into formulas (IN-7).
//
// A spreadsheet program runs a CSV cell that begins with '=', '+', '-' or '@' as a
// formula (and tab or carriage return let an attacker hide one), so any text FinHelm
// exports from the ledger -- names, memos, numbers of documents, all of which came from
// outside -- gets a leading apostrophe when it begins with one of them: the program
// shows the text as it is and evaluates nothing. Amounts are written as plain numbers
// and never start with a sign: exports split them into debit and credit.
#pragma once

#include <string>
#include <string_view>

namespace finhelm::exports {

// `text`, with a leading apostrophe when it would start a formula.
std::string NeutralizeCell(std::string_view text);

// Appends `text` neutralized and quoted as RFC 4180 requires (when it holds a comma, a
// quote or a line break).
void AppendCsvCell(std::string& out, std::string_view text);

}  // namespace finhelm::exports
