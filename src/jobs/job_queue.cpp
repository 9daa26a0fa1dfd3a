#include "jobs/job_queue.hpp"

#include <utility>

#include "jobs/internal/job_sql.hpp"
#include "jobs/internal/unix_millis.hpp"

namespace finhelm::jobs {

using storage::Row;

Result<EnqueueResult> JobQueue::Enqueue(storage::OrgScope& scope, std::string_view kind,
                                        std::string payload_json, const EnqueueOptions& options) {
  if (kind.empty() || options.max_attempts < 1 || options.delay.count() < 0) {
    return MakeError(ErrorCode::kInvalidArgument, "job needs a kind and max_attempts >= 1");
  }
  const std::int64_t now_ms = internal::UnixMillis(clock_);
  const std::int64_t now_s = clock_.NowUnixSeconds();
  auto inserted =
      scope.QueryOptional(internal::kInsertJob,
                          {kind, std::move(payload_json), options.max_attempts,
                           now_ms + options.delay.count(), options.idempotency_key, now_s, now_s});
  if (!inserted.ok()) return inserted.error();
  if (inserted->has_value()) return EnqueueResult{JobId{(*inserted)->Int(0)}, true};

  // The insert did nothing: the idempotency key is taken. Return the job that holds it.
  auto existing = scope.QueryOptional(internal::kSelectJobIdByKey, {kind, options.idempotency_key});
  if (!existing.ok()) return existing.error();
  if (!existing->has_value()) {
    return MakeError(ErrorCode::kInternal, "job insert was skipped but no job holds its key");
  }
  return EnqueueResult{JobId{(*existing)->Int(0)}, false};
}

Result<JobSnapshot> JobQueue::Get(storage::OrgScope& scope, JobId id) {
  auto found = scope.QueryOptional(internal::kSelectJob, {id.value});
  if (!found.ok()) return found.error();
  if (!found->has_value()) return MakeError(ErrorCode::kNotFound, "no such job");
  const Row& row = **found;
  auto status = ParseJobStatus(row.Text(3));
  if (!status.ok()) return status.error();
  JobSnapshot job;
  job.id = JobId{row.Int(0)};
  job.kind = row.Text(1);
  job.payload = row.Text(2);
  job.status = *status;
  job.attempts = static_cast<int>(row.Int(4));
  job.max_attempts = static_cast<int>(row.Int(5));
  job.run_after_ms = row.Int(6);
  job.progress_percent = static_cast<int>(row.Int(7));
  job.progress_message = row.OptionalText(8).value_or("");
  job.last_error = row.OptionalText(9);
  return job;
}

Result<QueueDepth> JobQueue::Depth(storage::Connection& connection) {
  auto rows = connection.Query(internal::kCountByStatus);
  if (!rows.ok()) return rows.error();
  QueueDepth depth;
  for (const Row& row : *rows) {
    auto status = ParseJobStatus(row.Text(0));
    if (!status.ok()) return status.error();
    switch (*status) {
      case JobStatus::kQueued:
        depth.queued = row.Int(1);
        break;
      case JobStatus::kRunning:
        depth.running = row.Int(1);
        break;
      case JobStatus::kSucceeded:
        depth.succeeded = row.Int(1);
        break;
      case JobStatus::kDead:
        depth.dead = row.Int(1);
        break;
    }
  }
  return depth;
}

}  // namespace finhelm::jobs
