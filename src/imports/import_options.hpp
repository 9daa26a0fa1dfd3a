// How to read a file, as the uploader chose it: the date order, the decimal separator
// and, for a bank statement, the column mapping. Stored with the import as JSON:
//   {"date_order": "month-first", "amount_style": "decimal-point",
//    "mapping": {"date": 0, "description": 1, "amount": 2, "balance": 3,
//                "bank_account": "1000 Checking"}}
// where mapping columns are 0-based indexes into the header row, and a mapping has
// either "amount" or both "debit" and "credit".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "imports/amount_text.hpp"
#include "imports/date_text.hpp"
#include "imports/ledger_rows.hpp"

namespace finhelm::imports {

struct ImportOptions {
  DateOrder date_order = DateOrder::kMonthFirst;
  AmountStyle amount_style = AmountStyle::kDecimalPoint;
  std::optional<BankMapping> mapping;
};

// kInvalidArgument, naming the field, when `json` is not a valid options document. Ignores
// nothing: unknown fields are refused.
Result<ImportOptions> ParseImportOptions(std::string_view json);
std::string EncodeImportOptions(const ImportOptions& options);
std::string EncodeBankMapping(const BankMapping& mapping);
Result<BankMapping> ParseBankMapping(std::string_view json);

ReadOptions ToReadOptions(const ImportOptions& options, CurrencyCode currency);

}  // namespace finhelm::imports
