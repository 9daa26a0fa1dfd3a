#include "observability/metrics.hpp"

#include <cstdio>

namespace finhelm::metrics {
namespace {

std::string FormatDouble(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.6g", value);
  return text;
}

}  // namespace

Registry::Registry() = default;

std::string EscapeLabel(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      escaped += "\\\\";
    } else if (c == '"') {
      escaped += "\\\"";
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

void Registry::ObserveRequest(std::string_view method, std::string_view route, int status,
                              double seconds) {
  std::string key;
  key.reserve(64);
  key += "method=\"";
  key += EscapeLabel(method);
  key += "\",route=\"";
  key += EscapeLabel(route.empty() ? std::string_view("unmatched") : route);
  key += "\",status=\"";
  key += std::to_string(status);
  key += '"';

  RequestSeries* series = nullptr;
  {
    std::shared_lock read(mutex_);
    if (auto found = requests_.find(key); found != requests_.end()) series = found->second.get();
  }
  if (series == nullptr) {
    std::unique_lock write(mutex_);
    auto& slot = requests_[key];
    if (!slot) slot = std::make_unique<RequestSeries>();
    series = slot.get();
  }
  series->count.fetch_add(1, std::memory_order_relaxed);
  series->sum_micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6),
                               std::memory_order_relaxed);
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) {
      series->buckets[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
}

void Registry::AddGauge(std::string name, std::string help, GaugeCallback callback) {
  std::unique_lock write(mutex_);
  gauges_.push_back(Gauge{std::move(name), std::move(help), std::move(callback)});
}

std::string Registry::Render() const {
  std::string out;
  std::shared_lock read(mutex_);
  out += "# HELP finhelm_http_requests_total HTTP requests by method, route and status.\n";
  out += "# TYPE finhelm_http_requests_total counter\n";
  for (const auto& [labels, series] : requests_) {
    out += "finhelm_http_requests_total{" + labels + "} " +
           std::to_string(series->count.load(std::memory_order_relaxed)) + "\n";
  }
  out += "# HELP finhelm_http_request_duration_seconds Time from request read to response.\n";
  out += "# TYPE finhelm_http_request_duration_seconds histogram\n";
  for (const auto& [labels, series] : requests_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      cumulative += series->buckets[i].load(std::memory_order_relaxed);
      out += "finhelm_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
             FormatDouble(kLatencyBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    std::uint64_t count = series->count.load(std::memory_order_relaxed);
    out += "finhelm_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
           std::to_string(count) + "\n";
    out += "finhelm_http_request_duration_seconds_sum{" + labels + "} " +
           FormatDouble(static_cast<double>(series->sum_micros.load()) / 1e6) + "\n";
    out += "finhelm_http_request_duration_seconds_count{" + labels + "} " + std::to_string(count) +
           "\n";
  }
  for (const Gauge& gauge : gauges_) {
    out += "# HELP " + gauge.name + " " + gauge.help + "\n";
    out += "# TYPE " + gauge.name + " gauge\n";
    for (const GaugeSample& sample : gauge.callback()) {
      out += gauge.name;
      if (!sample.labels.empty()) out += "{" + sample.labels + "}";
      out += " " + FormatDouble(sample.value) + "\n";
    }
  }
  return out;
}

}  // namespace finhelm::metrics
