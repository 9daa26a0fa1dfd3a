#include "imports/import_options.hpp"

#include <nlohmann/json.hpp>

#include "json/strict_json.hpp"

namespace finhelm::imports {
namespace {

using nlohmann::json;

constexpr int kMaxColumn = 511;

Error Bad(const std::string& field, const std::string& why) {
  return MakeError(ErrorCode::kInvalidArgument, field + ": " + why);
}

Result<BankMapping> MappingFrom(const json& object) {
  if (!object.is_object()) return Bad("mapping", "expected an object");
  BankMapping mapping;
  for (const auto& [key, value] : object.items()) {
    if (key == "bank_account") {
      if (!value.is_string() || value.get<std::string>().empty() ||
          value.get<std::string>().size() > 255) {
        return Bad("mapping.bank_account", "expected an account name of 1 to 255 bytes");
      }
      mapping.bank_account = value.get<std::string>();
      continue;
    }
    int* column = key == "date"          ? &mapping.date
                  : key == "description" ? &mapping.description
                  : key == "amount"      ? &mapping.amount
                  : key == "debit"       ? &mapping.debit
                  : key == "credit"      ? &mapping.credit
                  : key == "balance"     ? &mapping.balance
                  : key == "reference"   ? &mapping.reference
                                         : nullptr;
    if (column == nullptr) return Bad("mapping." + key, "unknown field");
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0 ||
        value.get<std::int64_t>() > kMaxColumn) {
      return Bad("mapping." + key, "expected a column index from 0 to 511");
    }
    *column = value.get<int>();
  }
  if (mapping.date < 0) return Bad("mapping.date", "required");
  if (mapping.bank_account.empty()) return Bad("mapping.bank_account", "required");
  if ((mapping.amount >= 0) == (mapping.debit >= 0 || mapping.credit >= 0) ||
      (mapping.amount < 0 && (mapping.debit < 0 || mapping.credit < 0))) {
    return Bad("mapping.amount", "give either amount, or both debit and credit");
  }
  return mapping;
}

json MappingJson(const BankMapping& mapping) {
  json object = {{"date", mapping.date}, {"bank_account", mapping.bank_account}};
  auto put = [&](const char* key, int column) {
    if (column >= 0) object[key] = column;
  };
  put("description", mapping.description);
  put("amount", mapping.amount);
  put("debit", mapping.debit);
  put("credit", mapping.credit);
  put("balance", mapping.balance);
  put("reference", mapping.reference);
  return object;
}

}  // namespace

Result<ImportOptions> ParseImportOptions(std::string_view text) {
  std::string problem;
  auto document = ParseOutsideJson(text, problem);
  if (!document) return Bad("options", problem);
  if (!document->is_object()) return Bad("options", "expected an object");
  ImportOptions options;
  for (const auto& [key, value] : document->items()) {
    if (key == "date_order") {
      if (value == "month-first") {
        options.date_order = DateOrder::kMonthFirst;
      } else if (value == "day-first") {
        options.date_order = DateOrder::kDayFirst;
      } else {
        return Bad("date_order", "expected month-first or day-first");
      }
    } else if (key == "amount_style") {
      if (value == "decimal-point") {
        options.amount_style = AmountStyle::kDecimalPoint;
      } else if (value == "decimal-comma") {
        options.amount_style = AmountStyle::kDecimalComma;
      } else {
        return Bad("amount_style", "expected decimal-point or decimal-comma");
      }
    } else if (key == "mapping") {
      auto mapping = MappingFrom(value);
      if (!mapping.ok()) return mapping.error();
      options.mapping = std::move(*mapping);
    } else {
      return Bad(key, "unknown field");
    }
  }
  return options;
}

std::string EncodeImportOptions(const ImportOptions& options) {
  json object = {
      {"date_order", DateOrderName(options.date_order)},
      {"amount_style",
       options.amount_style == AmountStyle::kDecimalPoint ? "decimal-point" : "decimal-comma"}};
  if (options.mapping) object["mapping"] = MappingJson(*options.mapping);
  return object.dump();
}

std::string EncodeBankMapping(const BankMapping& mapping) { return MappingJson(mapping).dump(); }

Result<BankMapping> ParseBankMapping(std::string_view text) {
  std::string problem;
  auto document = ParseOutsideJson(text, problem);
  if (!document) return Bad("mapping", problem);
  return MappingFrom(*document);
}

ReadOptions ToReadOptions(const ImportOptions& options, CurrencyCode currency) {
  ReadOptions read(currency);
  read.date_order = options.date_order;
  read.amount_style = options.amount_style;
  read.bank = options.mapping;
  return read;
}

}  // namespace finhelm::imports
