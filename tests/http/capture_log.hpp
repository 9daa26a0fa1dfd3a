// CaptureLog: routes every log line to memory for the lifetime of the object, so that a
// test can check what was logged (and what was not). One at a time: log::Configure is
// process-wide.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "observability/log.hpp"

namespace finhelm::testing {

class CaptureLog final : public log::Sink {
 public:
  CaptureLog() { log::Configure(log::Level::kDebug, this); }
  ~CaptureLog() override { log::Configure(log::Level::kInfo, nullptr); }
  CaptureLog(const CaptureLog&) = delete;
  CaptureLog& operator=(const CaptureLog&) = delete;

  void WriteLine(std::string_view line) override {
    std::lock_guard lock(mutex_);
    lines_.emplace_back(line);
  }

  std::vector<std::string> lines() const {
    std::lock_guard lock(mutex_);
    return lines_;
  }

  // Every line captured so far, joined by newlines.
  std::string Text() const {
    std::string text;
    for (const std::string& line : lines()) text += line + "\n";
    return text;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;  // Guarded by mutex_.
};

}  // namespace finhelm::testing
