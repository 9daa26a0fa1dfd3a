// WorkerPool: a fixed set of threads for blocking work (database, hashing, outbound
// calls), so that the HTTP I/O threads never block.
//
// The queue is bounded: when it is full, Submit refuses the task and the caller answers
// 503 instead of letting latency grow without limit.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace finhelm {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t max_queued);
  ~WorkerPool();  // Runs the tasks already queued, then joins.
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false when the queue is full or the pool is shutting down.
  [[nodiscard]] bool Submit(std::function<void()> task);

  std::size_t queued() const;
  std::size_t busy() const;
  std::size_t size() const { return threads_.size(); }

 private:
  void Run();

  const std::size_t max_queued_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;  // Guarded by mutex_.
  std::size_t busy_ = 0;                     // Guarded by mutex_.
  bool stopping_ = false;                    // Guarded by mutex_.
  std::vector<std::thread> threads_;
};

}  // namespace finhelm
