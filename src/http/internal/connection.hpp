// One HTTP connection's life: read, limit, dispatch, write, repeat. Internal to the
// server; includes Asio, so only server.cpp and connection.cpp may include it.
#pragma once

// Boost 1.74's awaitable.hpp needs <utility> first (TRAPS.md); keep this block first.
#include <utility>

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/pipeline.hpp"

namespace finhelm::http {

// State shared by every connection of one server, across I/O threads.
struct SharedState {
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> open_connections{0};
  std::mutex mutex;
  std::unordered_map<std::string, std::size_t> per_address;  // Guarded by mutex.

  // Gives back the connection slot taken when `address` was admitted.
  void Release(const std::string& address);
};

struct ConnectionSettings {
  const Pipeline* pipeline = nullptr;
  std::shared_ptr<SharedState> shared;
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds body_timeout{30};
  std::chrono::seconds write_timeout{30};
  std::size_t max_header_bytes = std::size_t{16} * 1024;
  std::size_t max_header_fields = 100;
  std::size_t max_requests = 10000;
  std::size_t max_body_bytes = std::size_t{25} * 1024 * 1024;  // The largest any route accepts.
  bool secure = false;
  bool redirect_only = false;  // Answer everything with 308 to https (DATA-1).
  std::uint16_t redirect_https_port = 443;
};

// The connections of one I/O thread, so that shutdown can close the idle ones. Used only
// from that thread: no locking.
class ConnectionRegistry {
 public:
  struct Entry {
    bool busy = false;            // A request is being read past its header, or served.
    std::function<void()> close;  // Cancels the connection's pending operations.
  };
  using Handle = std::list<Entry>::iterator;

  Handle Add(std::function<void()> close) {
    return entries_.insert(entries_.end(), {false, std::move(close)});
  }
  void Remove(Handle handle) { entries_.erase(handle); }
  void CloseIdle() {
    for (auto& entry : entries_) {
      if (!entry.busy) entry.close();
    }
  }

 private:
  std::list<Entry> entries_;
};

boost::asio::awaitable<void> ServePlain(boost::asio::ip::tcp::socket socket,
                                        ConnectionSettings settings, std::string address,
                                        ConnectionRegistry& registry);

boost::asio::awaitable<void> ServeTls(boost::asio::ip::tcp::socket socket,
                                      boost::asio::ssl::context& tls, ConnectionSettings settings,
                                      std::string address, ConnectionRegistry& registry);

}  // namespace finhelm::http
