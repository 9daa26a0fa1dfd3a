// RetentionSweeper: deletes identity data past its retention (DATA-6): sessions after
// their idle or absolute end, and one-time and setup tokens once used or expired (after a
// day, so that a late click still reads "expired" in the logs' terms, not "unknown").
//
// One background thread sweeps at start and then every `interval`; Stop wakes it and
// joins. Safe with several instances: each sweep is a few idempotent DELETEs.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/sessions.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::identity {

// Deletes tokens used or expired more than a day ago; returns how many.
Result<std::int64_t> PurgeSpentTokens(storage::Connection& connection, const Clock& clock);

class RetentionSweeper {
 public:
  RetentionSweeper(storage::Database& database, SessionStore& sessions, const Clock& clock,
                   std::chrono::seconds interval = std::chrono::hours(1))
      : database_(database), sessions_(sessions), clock_(clock), interval_(interval) {}
  RetentionSweeper(const RetentionSweeper&) = delete;
  RetentionSweeper& operator=(const RetentionSweeper&) = delete;
  ~RetentionSweeper() { Stop(); }

  void Start();
  void Stop();
  // One sweep, now, on the calling thread.
  Status SweepOnce();

 private:
  void Loop();

  storage::Database& database_;
  SessionStore& sessions_;
  const Clock& clock_;
  const std::chrono::seconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace finhelm::identity
