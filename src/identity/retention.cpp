#include "identity/retention.hpp"

#include "observability/log.hpp"
#include "storage/database.hpp"

namespace finhelm::identity {
namespace {

using storage::Sql;

constexpr std::int64_t kKeepSpentSeconds = std::int64_t{24} * 3600;

constexpr Sql kPurgeOneTimeTokens =
    "DELETE FROM one_time_tokens WHERE (used_at IS NOT NULL AND used_at < ?) OR expires_at < ?";
constexpr Sql kPurgeSetupTokens =
    "DELETE FROM setup_tokens WHERE (used_at IS NOT NULL AND used_at < ?) OR expires_at < ?";

}  // namespace

Result<std::int64_t> PurgeSpentTokens(storage::Connection& connection, const Clock& clock) {
  std::int64_t cutoff = clock.NowUnixSeconds() - kKeepSpentSeconds;
  auto tokens = connection.Execute(kPurgeOneTimeTokens, {cutoff, cutoff});
  if (!tokens.ok()) return tokens.error();
  auto setup = connection.Execute(kPurgeSetupTokens, {cutoff, cutoff});
  if (!setup.ok()) return setup.error();
  return *tokens + *setup;
}

Status RetentionSweeper::SweepOnce() {
  {
    auto connection = database_.Acquire();
    if (!connection.ok()) return connection.error();
    auto sessions = sessions_.PurgeExpired(**connection);
    if (!sessions.ok()) return sessions.error();
    auto tokens = PurgeSpentTokens(**connection, clock_);
    if (!tokens.ok()) return tokens.error();
    if (*sessions > 0 || *tokens > 0) {
      log::Info("retention_sweep", {{"sessions", *sessions}, {"tokens", *tokens}});
    }
  }  // The tasks take connections of their own.
  for (const auto& [name, task] : tasks_) {
    if (Status done = task(); !done.ok()) {
      log::Warn("periodic_task_failed", {{"task", name}, {"detail", done.error().message}});
    }
  }
  return Status::Ok();
}

void RetentionSweeper::AddTask(std::string name, std::function<Status()> task) {
  tasks_.emplace_back(std::move(name), std::move(task));
}

void RetentionSweeper::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void RetentionSweeper::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RetentionSweeper::Loop() {
  std::unique_lock lock(mutex_);
  // The first sweep runs even when Stop comes at once: a server that starts and stops
  // still leaves the tables swept.
  do {
    lock.unlock();
    if (Status swept = SweepOnce(); !swept.ok()) {
      log::Warn("retention_sweep_failed", {{"detail", swept.error().message}});
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  } while (!stopping_);
}

}  // namespace finhelm::identity
