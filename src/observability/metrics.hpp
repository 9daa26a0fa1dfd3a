// Metrics in the Prometheus text exposition format (version 0.0.4), served at /metrics.
//
// Request counters and latency histograms are keyed by method, route template and status
// (never by raw path, which would let clients create unbounded series). Gauges that
// belong to other modules -- job queue depth, connection pool usage -- are read through
// callbacks at scrape time, so those modules do not depend on this one.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace finhelm::metrics {

// One labelled value a gauge callback reports: {"status=\"queued\"", 3}.
struct GaugeSample {
  std::string labels;  // Already rendered label pairs without braces; may be empty.
  double value = 0;
};
using GaugeCallback = std::function<std::vector<GaugeSample>()>;

class Registry {
 public:
  Registry();

  // Records one finished HTTP request. Thread-safe and lock-free once a series exists.
  void ObserveRequest(std::string_view method, std::string_view route, int status, double seconds);

  // Registers a gauge read at scrape time. Call during start-up.
  void AddGauge(std::string name, std::string help, GaugeCallback callback);

  // Renders every metric. Thread-safe.
  std::string Render() const;

  static constexpr std::array<double, 12> kLatencyBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0};

 private:
  struct RequestSeries {
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_micros{0};
    std::array<std::atomic<std::uint64_t>, kLatencyBuckets.size()> buckets{};
  };
  struct Gauge {
    std::string name;
    std::string help;
    GaugeCallback callback;
  };

  mutable std::shared_mutex mutex_;
  // Key: rendered labels `method="GET",route="/healthz",status="200"`. Guarded by mutex_.
  std::map<std::string, std::unique_ptr<RequestSeries>, std::less<>> requests_;
  std::vector<Gauge> gauges_;  // Written only during start-up.
};

// Escapes a label value per the exposition format (backslash, quote, newline).
std::string EscapeLabel(std::string_view value);

}  // namespace finhelm::metrics
