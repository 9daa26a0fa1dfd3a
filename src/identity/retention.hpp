// RetentionSweeper: deletes identity data past its retention (DATA-6): sessions after
// their idle or absolute end, and one-time and setup tokens once used or expired (after a
// day, so that a late click still reads "expired" in the logs' terms, not "unknown").
//
// Periodic tasks of other modules ride on the same thread (AddTask).
//
// One background thread sweeps at start and then every `interval`; Stop wakes it and
// joins. Safe with several instances: each sweep is a few idempotent DELETEs.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

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

  // Another task for every sweep (scheduling the signing-key rotation job); call before
  // Start. A failing task is logged and does not stop the others.
  void AddTask(std::string name, std::function<Status()> task);

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
  std::vector<std::pair<std::string, std::function<Status()>>> tasks_;  // Fixed once started.
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace finhelm::identity
