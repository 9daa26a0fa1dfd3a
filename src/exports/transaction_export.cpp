#include "exports/transaction_export.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

#include "core/calendar_date.hpp"
#include "crypto/random.hpp"
#include "exports/spreadsheet_cell.hpp"

namespace finhelm::exports {
namespace {

constexpr std::array<const char*, 9> kColumns = {
    "Date", "Transaction ID", "Type", "Num", "Name", "Account", "Memo", "Debit", "Credit"};

Error TooLarge() {
  return MakeError(ErrorCode::kResourceExhausted,
                   "an XLSX sheet holds at most 1,048,575 lines: narrow the filters, or export "
                   "CSV");
}

Error ScratchError(std::string_view what) {
  return MakeError(ErrorCode::kUnavailable, std::string("export scratch file: ") +
                                                std::string(what) + ": " + std::strerror(errno));
}

// A new file in `directory`, mode 0600, unlinked at once: it lives as long as its
// descriptor, so a crash leaves nothing behind.
Result<UniqueFd> ScratchFile(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) return MakeError(ErrorCode::kUnavailable, "scratch directory: " + error.message());
  const std::filesystem::path path = directory / (crypto::RandomId128Hex() + ".csv");
  UniqueFd file(::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (!file.valid()) return ScratchError("open");
  if (::unlink(path.c_str()) != 0) return ScratchError("unlink");
  return file;
}

Status WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return ScratchError("write");
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return Status::Ok();
}

std::string DateText(std::int32_t yyyymmdd) {
  auto date = CalendarDate::FromNumber(yyyymmdd);
  return date.ok() ? date->ToIso() : std::string();
}

std::string AmountText(std::int64_t minor_units, CurrencyCode currency) {
  return Money::FromMinorUnits(minor_units, currency).ToString();
}

struct WorkbookClose {
  void operator()(lxw_workbook* workbook) const { workbook_close(workbook); }
};

// The number a spreadsheet shows for `minor_units`. Spreadsheet cells are binary floating
// point by definition of the format; an amount below 10^13 in two-decimal units still
// displays and sums exactly at the 15 significant digits spreadsheets show. Nothing in
// FinHelm reads these numbers back.
double SpreadsheetNumber(std::int64_t minor_units, CurrencyCode currency) {
  double scale = 1;
  for (int i = 0; i < currency.minor_unit_digits(); ++i) scale *= 10;
  return static_cast<double>(minor_units) / scale;
}

}  // namespace

Result<ExportedFile> ExportTransactionsCsv(storage::OrgScope& scope,
                                           const ledger::TransactionFilter& filter,
                                           CurrencyCode currency,
                                           const std::filesystem::path& scratch_directory) {
  // Written out whenever this much has gathered.
  constexpr std::size_t kFlushBytes = std::size_t{64} * 1024;
  auto scratch = ScratchFile(scratch_directory);
  if (!scratch.ok()) return scratch.error();
  ExportedFile file;
  file.file = std::move(*scratch);
  std::string out;
  out.reserve(kFlushBytes * 2);
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += kColumns[i];
  }
  out += "\r\n";
  Status written = Status::Ok();
  auto flush = [&] {
    written = WriteAll(file.file.get(), out);
    file.bytes += out.size();
    out.clear();
    return written.ok();
  };
  auto visited = ledger::ForEachExportedLine(scope, filter, [&](const ledger::ExportedLine& line) {
    ++file.lines;
    out += DateText(line.posted_on);
    out.push_back(',');
    out += std::to_string(line.transaction_id);
    for (const std::string* text :
         {&line.type, &line.num, &line.name, &line.account_full_name, &line.memo}) {
      out.push_back(',');
      AppendCsvCell(out, *text);
    }
    out.push_back(',');
    if (line.amount > 0) out += AmountText(line.amount, currency);
    out.push_back(',');
    if (line.amount < 0) out += AmountText(-line.amount, currency);
    out += "\r\n";
    return out.size() < kFlushBytes || flush();
  });
  if (!visited.ok()) return visited.error();
  if (!written.ok() || !flush()) return written.error();
  return file;
}

Result<ExportedFile> ExportTransactionsXlsx(storage::OrgScope& scope,
                                            const ledger::TransactionFilter& filter,
                                            CurrencyCode currency,
                                            const std::filesystem::path& scratch_directory,
                                            std::int64_t max_lines) {
  std::error_code error;
  std::filesystem::create_directories(scratch_directory, error);
  if (error) return MakeError(ErrorCode::kUnavailable, "scratch directory: " + error.message());
  // libxlsxwriter writes to a path; the file is opened once written and unlinked on return.
  const std::filesystem::path path = scratch_directory / (crypto::RandomId128Hex() + ".xlsx");
  struct Remove {
    std::filesystem::path path;
    ~Remove() {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  } remove{path};

  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // Rows go to disk as they are written.
  std::unique_ptr<lxw_workbook, WorkbookClose> workbook(workbook_new_opt(path.c_str(), &options));
  if (!workbook) return MakeError(ErrorCode::kUnavailable, "workbook_new_opt failed");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), "Transactions");
  lxw_format* bold = workbook_add_format(workbook.get());
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(workbook.get());
  format_set_num_format(money, currency.minor_unit_digits() == 0 ? "#,##0" : "#,##0.00");
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(i), kColumns[i], bold);
  }
  ExportedFile file;
  bool too_large = false;
  auto visited = ledger::ForEachExportedLine(scope, filter, [&](const ledger::ExportedLine& line) {
    if (file.lines == max_lines) {
      too_large = true;
      return false;
    }
    const auto row = static_cast<lxw_row_t>(++file.lines);
    worksheet_write_string(sheet, row, 0, DateText(line.posted_on).c_str(), nullptr);
    worksheet_write_number(sheet, row, 1, static_cast<double>(line.transaction_id), nullptr);
    lxw_col_t column = 2;
    for (const std::string* text :
         {&line.type, &line.num, &line.name, &line.account_full_name, &line.memo}) {
      worksheet_write_string(sheet, row, column++, NeutralizeCell(*text).c_str(), nullptr);
    }
    if (line.amount > 0) {
      worksheet_write_number(sheet, row, 7, SpreadsheetNumber(line.amount, currency), money);
    } else {
      worksheet_write_number(sheet, row, 8, SpreadsheetNumber(-line.amount, currency), money);
    }
    return true;
  });
  if (!visited.ok()) return visited.error();
  if (too_large) return TooLarge();
  if (workbook_close(workbook.release()) != LXW_NO_ERROR) {
    return MakeError(ErrorCode::kUnavailable, "writing the workbook failed");
  }
  file.file = UniqueFd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  struct stat status {};
  if (!file.file.valid() || ::fstat(file.file.get(), &status) != 0) {
    return ScratchError("reading the workbook");
  }
  file.bytes = static_cast<std::uint64_t>(status.st_size);
  return file;
}

}  // namespace finhelm::exports
