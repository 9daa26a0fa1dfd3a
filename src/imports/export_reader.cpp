#include "imports/export_reader.hpp"

#include <algorithm>
#include <utility>

#include "imports/file_source.hpp"

namespace finhelm::imports {
namespace {

// How often, in bytes read, a pass reports progress.
constexpr std::uint64_t kProgressEveryBytes = std::uint64_t{1024} * 1024;

}  // namespace

void AddRejection(ImportReport& report, std::int64_t line, std::string reason) {
  ++report.rows_rejected;
  if (report.rejections.size() < kMaxReportedRejections) {
    report.rejections.push_back({line, std::move(reason)});
  }
}

Result<std::optional<ExportFile>> OpenExport(const ImportSource& source, ImportReport& report) {
  std::uint64_t file_bytes = 0;
  auto bytes = OpenFileSource(source.file, source.encoding, &file_bytes);
  if (!bytes.ok()) return bytes.error();
  CsvReader reader(std::move(*bytes));
  std::vector<CsvRecord> probe;
  CsvRecord record;
  while (probe.size() < kLayoutProbeRecords) {
    auto step = reader.Next(record);
    if (!step.ok()) return step.error();
    if (*step == CsvStep::kEnd) break;
    if (*step == CsvStep::kMalformed) record.fields.clear();
    probe.push_back(record);
  }
  auto layout = DetectLayout(probe);
  if (!layout.ok()) {
    report.file_problem = layout.error().message;
    return std::optional<ExportFile>();
  }
  report.format = layout->format;
  return std::optional<ExportFile>(
      ExportFile{std::move(reader), std::move(probe), std::move(*layout), file_bytes});
}

Status ForEachRecord(ExportFile& file, const ImportProgress& progress, int progress_from,
                     int progress_to, const RecordHandler& handle) {
  for (std::size_t i = file.layout.header_index + 1; i < file.probe.size(); ++i) {
    const CsvRecord& record = file.probe[i];
    if (Status handled = handle(record, record.fields.empty() && !record.error.empty());
        !handled.ok()) {
      return handled;
    }
  }
  std::uint64_t next_report = kProgressEveryBytes;
  CsvRecord record;
  for (;;) {
    auto step = file.reader.Next(record);
    if (!step.ok()) return step.error();
    if (*step == CsvStep::kEnd) break;
    if (Status handled = handle(record, *step == CsvStep::kMalformed); !handled.ok()) {
      return handled;
    }
    if (progress && file.reader.bytes_read() >= next_report && file.file_bytes > 0) {
      next_report = file.reader.bytes_read() + kProgressEveryBytes;
      const auto share = static_cast<int>(
          std::min<std::uint64_t>(100, file.reader.bytes_read() * 100 / file.file_bytes));
      const int percent = progress_from + (progress_to - progress_from) * share / 100;
      if (Status reported = progress(percent, "reading"); !reported.ok()) return reported;
    }
  }
  return Status::Ok();
}

}  // namespace finhelm::imports
