#include "jobs/job_context.hpp"

#include <utility>

#include "jobs/internal/job_sql.hpp"
#include "jobs/internal/unix_millis.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"
#include "storage/transaction.hpp"

namespace finhelm::jobs {

JobContext::JobContext(storage::Database& database, const Clock& clock,
                       std::chrono::milliseconds lease, const std::atomic<bool>& stopping,
                       ClaimedJob job)
    : database_(database),
      clock_(clock),
      lease_(lease),
      stopping_(stopping),
      job_(std::move(job)) {}

Status JobContext::ReportProgress(int percent, std::string_view message) {
  if (percent < 0 || percent > 100) {
    return MakeError(ErrorCode::kInvalidArgument, "progress must be within 0..100");
  }
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto updated = (*connection)
                     ->Execute(internal::kRecordProgress,
                               {percent, message, internal::UnixMillis(clock_) + lease_.count(),
                                clock_.NowUnixSeconds(), job_.id.value, job_.lease_token});
  if (!updated.ok()) return updated.error();
  if (*updated == 0) return MakeError(ErrorCode::kConflict, "job lease lost");
  return Status::Ok();
}

Status JobContext::Complete(const Effect& effect) {
  if (completed_) return MakeError(ErrorCode::kInternal, "job completed twice");
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto tx = storage::Transaction::Begin(**connection);
  if (!tx.ok()) return tx.error();
  // Marking first takes the row lock, so a concurrent holder of a stale lease waits for
  // this transaction and then finds the job no longer running.
  auto marked = (*connection)
                    ->Execute(internal::kMarkSucceeded,
                              {clock_.NowUnixSeconds(), job_.id.value, job_.lease_token});
  if (!marked.ok()) return marked.error();
  if (*marked == 0) return MakeError(ErrorCode::kConflict, "job lease lost");
  if (effect) {
    storage::OrgScope scope(**connection, job_.organization);
    if (Status applied = effect(scope); !applied.ok()) return applied;
  }
  Status committed = tx->Commit();
  completed_ = committed.ok();
  return committed;
}

}  // namespace finhelm::jobs
