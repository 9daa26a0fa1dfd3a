#include "observability/log.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>
#include <thread>

namespace finhelm::log {
namespace {

void WriteAll(std::string_view data) {
  while (!data.empty()) {
    ssize_t written = ::write(STDERR_FILENO, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return;
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
}

// Standard error, written in batches: a request thread only appends its line to a buffer,
// and a writer thread hands the batch to write(2) every few milliseconds. One write(2)
// per request would cost a system call and a lock hand-off on every I/O thread's hot path.
// Warnings and errors are flushed at once (Write calls Flush), so nothing urgent waits
// and a crash loses at most a few milliseconds of access-log lines.
class StderrSink final : public Sink {
 public:
  ~StderrSink() override {
    {
      std::lock_guard lock(buffer_mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    if (writer_.joinable()) writer_.join();
    Flush();
  }

  void WriteLine(std::string_view line) override {
    std::call_once(started_, [this] { writer_ = std::thread([this] { Run(); }); });
    bool full = false;
    {
      std::lock_guard lock(buffer_mutex_);
      buffer_.append(line);
      buffer_.push_back('\n');
      full = buffer_.size() >= kFlushBytes;
    }
    if (full) Flush();
  }

  void Flush() override {
    // write_mutex_ is held across the write so that batches reach the file in order.
    std::lock_guard write_lock(write_mutex_);
    std::string batch;
    {
      std::lock_guard lock(buffer_mutex_);
      batch.swap(buffer_);
    }
    WriteAll(batch);
  }

 private:
  static constexpr std::size_t kFlushBytes = std::size_t{64} * 1024;
  static constexpr std::chrono::milliseconds kFlushInterval{20};

  void Run() {
    std::unique_lock lock(buffer_mutex_);
    while (!stopping_) {
      wake_.wait_for(lock, kFlushInterval);
      if (buffer_.empty()) continue;
      lock.unlock();
      Flush();
      lock.lock();
    }
  }

  std::mutex write_mutex_;
  std::mutex buffer_mutex_;
  std::string buffer_;     // Guarded by buffer_mutex_.
  bool stopping_ = false;  // Guarded by buffer_mutex_.
  std::condition_variable wake_;
  std::once_flag started_;
  std::thread writer_;
};

StderrSink& DefaultSink() {
  static StderrSink sink;
  return sink;
}

std::atomic<int> g_minimum{static_cast<int>(Level::kInfo)};
std::atomic<Sink*> g_sink{nullptr};

const char* LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

// Formats the date and time down to the second only when the second changes: every access
// log line needs a timestamp, and strftime with its time-zone handling is not cheap.
void AppendTimestamp(std::string& out) {
  auto now = std::chrono::system_clock::now();
  auto seconds = std::chrono::system_clock::to_time_t(now);
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  thread_local std::time_t cached_second = -1;
  thread_local std::array<char, 32> cached_text{};
  thread_local std::size_t cached_length = 0;
  if (seconds != cached_second) {
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    cached_length =
        std::strftime(cached_text.data(), cached_text.size(), "%Y-%m-%dT%H:%M:%S", &utc);
    cached_second = seconds;
  }
  out.append(cached_text.data(), cached_length);
  const char fraction[] = {'.', static_cast<char>('0' + millis / 100),
                           static_cast<char>('0' + millis / 10 % 10),
                           static_cast<char>('0' + millis % 10), 'Z'};
  out.append(fraction, sizeof fraction);
}

// The length of the UTF-8 character `text` starts with; 0 when it is not a whole one.
std::size_t FirstCharacterLength(std::string_view text) {
  if (text.empty()) return 0;
  auto lead = static_cast<unsigned char>(text.front());
  std::size_t length = lead < 0x80                    ? 1
                       : lead >= 0xC2 && lead <= 0xDF ? 2
                       : lead >= 0xE0 && lead <= 0xEF ? 3
                       : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                      : 0;
  if (length == 0 || length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

Field::Field(std::string_view key, double value) : key_(key), quoted_(false) {
  std::array<char, 32> text{};
  auto [end, ec] =
      std::to_chars(text.data(), text.data() + text.size(), value, std::chars_format::general, 6);
  value_.assign(text.data(), ec == std::errc() ? end : text.data());
}

void Configure(Level minimum, Sink* sink) {
  g_minimum.store(static_cast<int>(minimum));
  g_sink.store(sink);
}

Level MinimumLevel() { return static_cast<Level>(g_minimum.load()); }

void Flush() {
  Sink* installed = g_sink.load();
  (installed != nullptr ? *installed : static_cast<Sink&>(DefaultSink())).Flush();
}

namespace {

// The length of the well-formed UTF-8 sequence starting at `text[0]`, or 0 when the bytes
// there are not one (overlong forms, surrogates and values past U+10FFFF included).
std::size_t Utf8SequenceLength(std::string_view text) {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  auto continuation = [&](std::size_t i) { return i < text.size() && (at(i) & 0xC0) == 0x80; };
  unsigned char lead = at(0);
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (lead == 0xE0 && at(1) < 0xA0) return 0;  // Overlong.
    if (lead == 0xED && at(1) > 0x9F) return 0;  // Surrogate.
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (lead == 0xF0 && at(1) < 0x90) return 0;  // Overlong.
    if (lead == 0xF4 && at(1) > 0x8F) return 0;  // Past U+10FFFF.
    return 4;
  }
  return 0;
}

}  // namespace

void AppendJsonEscaped(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      // Client bytes (a User-Agent, a path) reach log fields: a line must stay valid
      // JSON, so a byte that does not start well-formed UTF-8 becomes U+FFFD.
      std::size_t length = Utf8SequenceLength(text.substr(i));
      if (length == 0) {
        out += "\\ufffd";
      } else {
        out.append(text.substr(i, length));
        i += length - 1;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          out += "\\u00";
          out += kHex[byte >> 4];
          out += kHex[byte & 0xf];
        } else {
          out += c;
        }
    }
  }
}

std::string FormatLine(Level level, std::string_view event, Fields fields) {
  std::string line;
  line.reserve(128);
  line += "{\"ts\":\"";
  AppendTimestamp(line);
  line += "\",\"level\":\"";
  line += LevelName(level);
  line += "\",\"event\":\"";
  AppendJsonEscaped(line, event);
  line += '"';
  for (const Field& field : fields) {
    line += ",\"";
    AppendJsonEscaped(line, field.key());
    line += "\":";
    if (field.quoted()) {
      line += '"';
      AppendJsonEscaped(line, field.value());
      line += '"';
    } else {
      line += field.value();
    }
  }
  line += '}';
  return line;
}

void Write(Level level, std::string_view event, Fields fields) {
  if (static_cast<int>(level) < g_minimum.load(std::memory_order_relaxed)) return;
  std::string line = FormatLine(level, event, fields);
  Sink* installed = g_sink.load();
  Sink& sink = installed != nullptr ? *installed : static_cast<Sink&>(DefaultSink());
  sink.WriteLine(line);
  if (level >= Level::kWarn) sink.Flush();
}

std::string MaskEmail(std::string_view email) {
  auto at = email.rfind('@');
  if (at == std::string_view::npos || at == 0) return "***";
  // A whole first character, never half of one: the result must stay valid UTF-8.
  std::string masked(email.substr(0, FirstCharacterLength(email.substr(0, at))));
  masked += "***";
  masked.append(email.substr(at));
  return masked;
}

std::string MaskAccountNumber(std::string_view number) {
  if (number.size() <= 4) return std::string(number.size(), '*');
  std::string masked(number.size() - 4, '*');
  masked.append(number.substr(number.size() - 4));
  return masked;
}

}  // namespace finhelm::log
