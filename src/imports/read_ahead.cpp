#include "imports/read_ahead.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace finhelm::imports {
namespace {

// The records of a batch, their lines one after another.
struct Batch {
  std::vector<ImportedLine> lines;
  std::vector<std::size_t> ends;           // one past each record's last line
  std::vector<std::int64_t> record_lines;  // each record's line in the file
};

class BatchQueue {
 public:
  // Waits for room; false once the storing side has stopped.
  bool Push(Batch batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || batches_.size() < kBatchesAhead; });
    if (stopped_) return false;
    batches_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
  }

  // Waits for a batch; nullopt once the reading side has finished and all are taken.
  std::optional<Batch> Pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return finished_ || !batches_.empty(); });
    if (batches_.empty()) return std::nullopt;
    Batch batch = std::move(batches_.front());
    batches_.pop_front();
    changed_.notify_all();
    return batch;
  }

  void Finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    changed_.notify_all();
  }

  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> batches_;
  bool finished_ = false;
  bool stopped_ = false;
};

// Reads every record into batches for `queue`; counts them in `report`, which nothing
// else touches until the thread is joined.
Status ReadBatches(ExportFile& file, RowReader& rows, ImportReport& report,
                   const ImportProgress& progress, int progress_from, int progress_to,
                   BatchQueue& queue) {
  Batch batch;
  std::vector<ImportedLine> lines;
  Status read = ForEachRecord(
      file, progress, progress_from, progress_to,
      [&](const CsvRecord& record, bool malformed) -> Status {
        const bool has_lines = CountRecord(report, record, malformed, [&](RowRejection& why) {
          return rows.Read(record, lines, why);
        });
        if (!has_lines) return Status::Ok();
        std::move(lines.begin(), lines.end(), std::back_inserter(batch.lines));
        batch.ends.push_back(batch.lines.size());
        batch.record_lines.push_back(record.line);
        if (batch.ends.size() < kBatchRecords) return Status::Ok();
        if (!queue.Push(std::exchange(batch, Batch{}))) {
          return MakeError(ErrorCode::kUnavailable, "the import stopped storing");
        }
        return Status::Ok();
      });
  if (read.ok() && !batch.ends.empty()) (void)queue.Push(std::move(batch));
  queue.Finish();
  return read;
}

}  // namespace

Status ReadLinesAhead(ExportFile& file, RowReader& rows, ImportReport& report,
                      const ImportProgress& progress, int progress_from, int progress_to,
                      const RecordLinesVisitor& visit) {
  BatchQueue queue;
  Status read = Status::Ok();
  ImportReport handled;  // the records `visit` rejects
  {
    std::jthread reader([&] {
      read = ReadBatches(file, rows, report, progress, progress_from, progress_to, queue);
    });
    // Declared after the thread, so it runs first on every way out of this block: a
    // reader waiting for room must wake before the thread is joined.
    struct StopReading {
      BatchQueue& queue;
      ~StopReading() { queue.Stop(); }
    } stop_reading{queue};

    Status stored = Status::Ok();
    while (stored.ok()) {
      std::optional<Batch> batch = queue.Pop();
      if (!batch) break;
      std::size_t begin = 0;
      for (std::size_t record = 0; record < batch->ends.size() && stored.ok(); ++record) {
        const std::size_t end = batch->ends[record];
        Status visited =
            visit(std::span<const ImportedLine>(batch->lines).subspan(begin, end - begin));
        begin = end;
        if (!visited.ok() && visited.error().code == ErrorCode::kInvalidArgument) {
          AddRejection(handled, batch->record_lines[record], visited.error().message);
        } else {
          stored = visited;
        }
      }
    }
    if (!stored.ok()) return stored;  // stops and joins the reader on the way out
  }
  if (!read.ok()) return read;
  // Both sides keep their first rejections; of those, the report keeps the earliest.
  report.rows_rejected += handled.rows_rejected;
  std::move(handled.rejections.begin(), handled.rejections.end(),
            std::back_inserter(report.rejections));
  std::sort(report.rejections.begin(), report.rejections.end(),
            [](const RowRejection& a, const RowRejection& b) { return a.line < b.line; });
  if (report.rejections.size() > kMaxReportedRejections) {
    report.rejections.resize(kMaxReportedRejections);
  }
  return Status::Ok();
}

}  // namespace finhelm::imports
