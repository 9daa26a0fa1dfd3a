#include "storage/database.hpp"

#include <cassert>
#include <string>
#include <utility>

#include "observability/log.hpp"
#include "storage/internal/postgres_connection.hpp"
#include "storage/internal/sqlite_connection.hpp"

namespace finhelm::storage {

PooledConnection::PooledConnection(PooledConnection&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)), connection_(std::move(other.connection_)) {}

PooledConnection& PooledConnection::operator=(PooledConnection&& other) noexcept {
  if (this != &other) {
    Return();
    owner_ = std::exchange(other.owner_, nullptr);
    connection_ = std::move(other.connection_);
  }
  return *this;
}

PooledConnection::~PooledConnection() { Return(); }

void PooledConnection::Return() {
  if (owner_ != nullptr && connection_) owner_->Release(std::move(connection_));
  owner_ = nullptr;
}

Result<std::unique_ptr<Database>> Database::Open(std::string_view url, DatabaseOptions options) {
  if (options.max_connections == 0) {
    return MakeError(ErrorCode::kInvalidArgument, "max_connections must be at least 1");
  }
  Dialect dialect = Dialect::kSqlite;
  Opener opener;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    dialect = Dialect::kPostgres;
    opener = [target = std::string(url)] { return internal::PostgresConnection::Open(target); };
  } else {
    std::string_view path = url;
    if (path.starts_with("sqlite:")) path.remove_prefix(7);
    if (path.starts_with("//")) path.remove_prefix(2);
    if (path.empty() || path == ":memory:" || path.find("://") != std::string_view::npos) {
      return MakeError(ErrorCode::kInvalidArgument, "unsupported database URL");
    }
    opener = [target = std::string(path), timeout = options.sqlite_busy_timeout] {
      return internal::SqliteConnection::Open(target, timeout);
    };
  }

  std::unique_ptr<Database> database(new Database(dialect, std::move(opener), options));
  auto first = database->Acquire();
  if (!first.ok()) return first.error();
  log::Info("storage_opened",
            {{"dialect", DialectName(dialect)},
             {"max_connections", static_cast<std::uint64_t>(options.max_connections)}});
  return database;
}

Database::Database(Dialect dialect, Opener opener, DatabaseOptions options)
    : dialect_(dialect), opener_(std::move(opener)), options_(options) {}

Database::~Database() {
  std::lock_guard lock(mutex_);
  assert(in_use_ == 0 && "a PooledConnection outlived its Database");
}

Result<PooledConnection> Database::Acquire() {
  const auto deadline = std::chrono::steady_clock::now() + options_.acquire_timeout;
  std::unique_lock lock(mutex_);
  ++waiting_;
  while (true) {
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      --waiting_;
      ++in_use_;
      return PooledConnection(this, std::move(connection));
    }
    if (open_ < options_.max_connections) {
      // Reserve the slot, then connect without the lock: connecting can take seconds.
      ++open_;
      --waiting_;
      lock.unlock();
      auto opened = opener_();
      lock.lock();
      if (!opened.ok()) {
        --open_;
        returned_.notify_one();
        return opened.error();
      }
      ++in_use_;
      return PooledConnection(this, std::move(opened).value());
    }
    if (returned_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= options_.max_connections) {
      --waiting_;
      ++acquire_timeouts_;
      log::Warn("storage_pool_timeout", {{"dialect", DialectName(dialect_)}});
      return MakeError(ErrorCode::kUnavailable, "no database connection free in time");
    }
  }
}

void Database::Release(std::unique_ptr<Connection> connection) {
  bool reusable = connection->ReusableNow();
  if (!reusable) {
    log::Warn("storage_connection_discarded", {{"dialect", DialectName(dialect_)}});
    connection.reset();  // closed outside the pool's bookkeeping below
  }
  std::lock_guard lock(mutex_);
  --in_use_;
  if (reusable) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  returned_.notify_one();
}

PoolStats Database::Stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{in_use_, idle_.size(), waiting_, options_.max_connections, acquire_timeouts_};
}

}  // namespace finhelm::storage
