#include "imports/ledger_import.hpp"

#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>

#include "imports/budget_import.hpp"
#include "imports/deferred_indexes.hpp"
#include "imports/export_reader.hpp"
#include "imports/fingerprint.hpp"
#include "imports/ledger_writer.hpp"
#include "imports/read_ahead.hpp"
#include "ledger/chart.hpp"
#include "ledger/counterparties.hpp"
#include "ledger/open_items.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::imports {
namespace {

using storage::Sql;

// SQLite's page cache is 2 MiB by default; the write pass updates four indexes over what
// may be millions of lines, so it runs with 48 MiB and gives it back afterwards.
constexpr Sql kLargePageCache{"PRAGMA cache_size = -49152"};
constexpr Sql kDefaultPageCache{"PRAGMA cache_size = -2000"};

class LargePageCache {
 public:
  explicit LargePageCache(storage::Connection& connection)
      : connection_(connection.dialect() == storage::Dialect::kSqlite ? &connection : nullptr) {
    if (connection_ != nullptr) (void)connection_->ExecuteScript(kLargePageCache);
  }
  ~LargePageCache() {
    if (connection_ != nullptr) (void)connection_->ExecuteScript(kDefaultPageCache);
  }
  LargePageCache(const LargePageCache&) = delete;
  LargePageCache& operator=(const LargePageCache&) = delete;

 private:
  storage::Connection* connection_;
};

// The debit-positive amount of `line`; `record_debit` is the debit of the record's first
// line, which a kBalancesRecord line offsets.
Result<std::int64_t> DebitAmount(const ImportedLine& line, ledger::AccountType type,
                                 std::int64_t record_debit) {
  switch (line.sense) {
    case AmountSense::kNatural:
      return ledger::NaturalSign(type) < 0 ? -line.amount : line.amount;
    case AmountSense::kDebitPositive:
      return line.amount;
    case AmountSense::kBalancesRecord:
      return -record_debit;
  }
  return line.amount;
}

// The row reader of the file's layout; null, with the reason in the report, when there is
// none for it.
std::unique_ptr<RowReader> RowReaderOf(const ExportFile& file, const ReadOptions& options,
                                       ImportReport& report) {
  auto rows = MakeRowReader(file.layout, options);
  if (!rows.ok()) {
    report.file_problem = rows.error().message;
    return nullptr;
  }
  return std::move(*rows);
}

Error Rejected(std::string reason) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(reason));
}

struct GroupBalance {
  std::int64_t sum = 0;
  std::int64_t first_line = 0;
  bool overflowed = false;
};

}  // namespace

Result<FilePreview> PreviewContent(std::string_view content, TextEncoding encoding,
                                   std::size_t rows) {
  // Enough for the title rows, the header and the preview rows of any real export.
  constexpr std::size_t kPreviewBytes = std::size_t{1024} * 1024;
  std::string text;
  Utf8Decoder(encoding).Decode(content.substr(0, kPreviewBytes), text);
  CsvReader reader(MemorySource(text));
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (records.size() < kLayoutProbeRecords + rows) {
    auto step = reader.Next(record);
    if (!step.ok()) return step.error();
    if (*step == CsvStep::kEnd) break;
    if (*step == CsvStep::kMalformed) record.fields.clear();
    records.push_back(record);
  }
  auto layout = DetectLayout(records);
  if (!layout.ok()) return layout.error();
  FilePreview preview{std::move(*layout), {}};
  for (std::size_t i = preview.layout.header_index + 1;
       i < records.size() && preview.rows.size() < rows; ++i) {
    preview.rows.push_back(records[i].fields);
  }
  return preview;
}

Result<ImportReport> ValidateImport(const ImportSource& source, storage::OrgScope& scope,
                                    const ImportProgress& progress) {
  ImportReport report;
  auto file = OpenExport(source, report);
  if (!file.ok()) return file.error();
  if (!*file) return report;
  if ((*file)->layout.format == ExportFormat::kBudget) {
    return ReadBudget(**file, source.options, scope, std::move(report), progress, false);
  }
  std::unique_ptr<RowReader> rows = RowReaderOf(**file, source.options, report);
  if (!rows) return report;
  auto chart = ledger::ChartOfAccounts::Load(scope);
  if (!chart.ok()) return chart.error();
  std::unordered_map<DatedKey, GroupBalance, DatedKeyHash> balances;
  Status read = ReadLinesAhead(
      **file, *rows, report, progress, 0, 90, [&](std::span<const ImportedLine> lines) -> Status {
        std::int64_t record_debit = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
          auto account = chart->Resolve(lines[i].account);
          if (!account.ok()) return Rejected(account.error().message);
          auto debit = DebitAmount(lines[i], account->type, record_debit);
          if (!debit.ok()) return debit.error();
          if (i == 0) record_debit = *debit;
          GroupBalance& balance = balances[TransactionKey(lines[i].date.Number(), lines[i].group)];
          if (balance.first_line == 0) balance.first_line = lines[i].line;
          if (__builtin_add_overflow(balance.sum, *debit, &balance.sum)) balance.overflowed = true;
        }
        return Status::Ok();
      });
  if (!read.ok()) return read.error();
  for (const auto& [key, balance] : balances) {
    if (balance.sum != 0 || balance.overflowed) {
      AddRejection(report, balance.first_line,
                   "the transaction starting here does not balance: its debits and credits "
                   "differ by " +
                       std::to_string(balance.sum) +
                       " minor units (is an account's type wrong, or a line missing?)");
    }
  }
  std::sort(report.rejections.begin(), report.rejections.end(),
            [](const RowRejection& a, const RowRejection& b) { return a.line < b.line; });
  return report;
}

Result<ImportReport> WriteImport(const ImportSource& source, storage::OrgScope& scope,
                                 const ImportReport& validated, std::int64_t import_id,
                                 std::int64_t now_unix_seconds) {
  ImportReport report;
  auto file = OpenExport(source, report);
  if (!file.ok()) return file.error();
  if (!*file) return report;
  if ((*file)->layout.format == ExportFormat::kBudget) {
    return ReadBudget(**file, source.options, scope, std::move(report), nullptr, true);
  }
  std::unique_ptr<RowReader> rows = RowReaderOf(**file, source.options, report);
  if (!rows) return report;
  LargePageCache cache(scope.connection());
  auto indexes = DeferredIndexes::DropIfWorthwhile(scope.connection(), validated.rows_read);
  if (!indexes.ok()) return indexes.error();
  auto chart = ledger::ChartOfAccounts::Load(scope);
  if (!chart.ok()) return chart.error();
  ledger::CounterpartyDirectory counterparties;
  LineFingerprinter fingerprinter;
  LedgerWriter writer(scope, import_id, now_unix_seconds);
  std::vector<PendingLine> pending;

  Status read = ReadLinesAhead(
      **file, *rows, report, nullptr, 0, 0, [&](std::span<const ImportedLine> lines) -> Status {
        std::int64_t record_debit = 0;
        pending.clear();  // of a record rejected halfway
        for (std::size_t i = 0; i < lines.size(); ++i) {
          const ImportedLine& line = lines[i];
          auto account = chart->Resolve(line.account);
          if (!account.ok()) return Rejected(account.error().message);
          auto account_id = chart->Ensure(scope, line.account, now_unix_seconds);
          if (!account_id.ok()) return account_id.error();
          auto debit = DebitAmount(line, account->type, record_debit);
          if (!debit.ok()) return debit.error();
          if (i == 0) record_debit = *debit;

          std::optional<std::int64_t> counterparty;
          auto kind = ledger::KindOfTransactionType(line.type);
          if (!kind) kind = ledger::KindOfAccountType(account->type);
          if (kind && !line.name.empty()) {
            auto id = counterparties.Ensure(scope, *kind, line.name, now_unix_seconds);
            if (!id.ok()) return id.error();
            counterparty = *id;
          }
          const std::int32_t posted_on = line.date.Number();
          const DatedKey key = TransactionKey(posted_on, line.group);
          const LedgerWriter::Slot slot = writer.TransactionSlot(key);
          if (slot.first) {
            PendingTransaction transaction{key,      slot.id,   posted_on,    line.type,
                                           line.num, line.name, counterparty, {}};
            if (line.due) transaction.due_on = line.due->Number();
            writer.Queue(std::move(transaction));
          }
          pending.push_back({slot.id, *account_id, posted_on, *debit, line.memo, counterparty,
                             fingerprinter.Fingerprint(line.group, account->full_name, posted_on,
                                                       line.memo, *debit),
                             line.line});
        }
        return writer.AddRecord(pending);
      });
  if (Status flushed = read.ok() ? writer.Flush() : read; !flushed.ok()) return flushed.error();
  report.rows_new = writer.records_new();
  report.rows_duplicate = writer.records_duplicate();
  report.transactions_new = writer.transactions_new();
  // Rebuilt before anything else can return, so that no caller commits without them.
  if (Status rebuilt = indexes->Rebuild(); !rebuilt.ok()) return rebuilt.error();
  if (!report.clean()) return report;  // The file changed since it was validated.
  if (Status rebuilt = ledger::RebuildOpenItems(scope); !rebuilt.ok()) return rebuilt.error();
  return report;
}

}  // namespace finhelm::imports
