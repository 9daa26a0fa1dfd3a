// Database: a pool of connections to one SQLite file or one PostgreSQL database.
//
//   auto db = Database::Open("sqlite:/var/lib/finhelm/finhelm.db");
//   auto connection = (*db)->Acquire();          // waits at most acquire_timeout
//   auto rows = (*connection)->Query(kSelectSomething, {42});
//
// URLs: `postgresql://...` or `postgres://...` (handed to libpq as they are);
// `sqlite:PATH`, `sqlite:///ABSOLUTE/PATH`, or a bare file path for SQLite. In-memory
// SQLite is refused: each pooled connection would see a different, empty database.
//
// Thread-safe. Connections are opened lazily up to max_connections and reused; a
// connection returned broken or inside a transaction is closed rather than reused. The
// Database must outlive every PooledConnection taken from it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "storage/connection.hpp"

namespace finhelm::storage {

struct DatabaseOptions {
  std::size_t max_connections = 8;
  // How long Acquire waits for a free connection before failing with kUnavailable.
  std::chrono::milliseconds acquire_timeout{5000};
  // How long SQLite waits for another writer before a statement fails (busy_timeout).
  std::chrono::milliseconds sqlite_busy_timeout{5000};
};

// Usage counters for metrics (finhelm_db_pool_*).
struct PoolStats {
  std::size_t in_use = 0;   // handed out now
  std::size_t idle = 0;     // open and waiting to be reused
  std::size_t waiting = 0;  // callers blocked in Acquire
  std::size_t max_connections = 0;
  std::uint64_t acquire_timeouts = 0;  // since start
};

class Database;

// A connection on loan from the pool; gives it back when destroyed.
class PooledConnection {
 public:
  PooledConnection(PooledConnection&& other) noexcept;
  PooledConnection& operator=(PooledConnection&& other) noexcept;
  PooledConnection(const PooledConnection&) = delete;
  PooledConnection& operator=(const PooledConnection&) = delete;
  ~PooledConnection();

  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_.get(); }

 private:
  friend class Database;
  PooledConnection(Database* owner, std::unique_ptr<Connection> connection)
      : owner_(owner), connection_(std::move(connection)) {}
  void Return();

  Database* owner_ = nullptr;
  std::unique_ptr<Connection> connection_;
};

class Database {
 public:
  // Parses `url`, opens one connection to check that the database is reachable, and
  // keeps it in the pool. Fails with kInvalidArgument for a malformed URL and
  // kUnavailable when the database cannot be opened.
  static Result<std::unique_ptr<Database>> Open(std::string_view url, DatabaseOptions options = {});

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  Dialect dialect() const { return dialect_; }

  // Lends a connection, opening a new one if the pool has room. Fails with kUnavailable
  // after options.acquire_timeout, or with the error of opening a new connection.
  Result<PooledConnection> Acquire();

  PoolStats Stats() const;

 private:
  using Opener = std::function<Result<std::unique_ptr<Connection>>()>;
  Database(Dialect dialect, Opener opener, DatabaseOptions options);
  friend class PooledConnection;
  void Release(std::unique_ptr<Connection> connection);

  const Dialect dialect_;
  const Opener opener_;
  const DatabaseOptions options_;

  mutable std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mutex_
  std::size_t open_ = 0;                           // guarded by mutex_; idle + in use + opening
  std::size_t in_use_ = 0;                         // guarded by mutex_
  std::size_t waiting_ = 0;                        // guarded by mutex_
  std::uint64_t acquire_timeouts_ = 0;             // guarded by mutex_
};

}  // namespace finhelm::storage
