// Structured logging: one JSON object per line, an event name and typed fields.
//
// Logs are events, not sentences (docs/architecture.md): `log::Info("job_retry",
// {{"job_id", id}, {"attempt", n}})`. What may be logged is governed by DATA-5: never
// passwords, tokens, cookies, secrets, authorization headers or bodies; emails go through
// MaskEmail and account numbers through MaskAccountNumber before they reach a field.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace finhelm::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

// One key and its value, already rendered. Numbers and booleans stay unquoted in JSON.
class Field {
 public:
  Field(std::string_view key, std::string_view value) : key_(key), value_(value) {}
  Field(std::string_view key, const char* value) : key_(key), value_(value) {}
  Field(std::string_view key, const std::string& value) : key_(key), value_(value) {}
  Field(std::string_view key, std::int64_t value)
      : key_(key), value_(std::to_string(value)), quoted_(false) {}
  Field(std::string_view key, int value) : Field(key, static_cast<std::int64_t>(value)) {}
  Field(std::string_view key, std::uint64_t value)
      : key_(key), value_(std::to_string(value)), quoted_(false) {}
  Field(std::string_view key, double value);
  Field(std::string_view key, bool value)
      : key_(key), value_(value ? "true" : "false"), quoted_(false) {}

  std::string_view key() const { return key_; }
  const std::string& value() const { return value_; }
  bool quoted() const { return quoted_; }

 private:
  std::string_view key_;
  std::string value_;
  bool quoted_ = true;
};

using Fields = std::initializer_list<Field>;

// Where log lines go; tests install a capturing sink. Implementations are thread-safe.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void WriteLine(std::string_view line) = 0;
  // Hands everything written so far to its destination. The default sink batches lines;
  // warnings and errors are flushed as soon as they are written.
  virtual void Flush() {}
};

// Sets the minimum level written and the sink (nullptr restores standard error).
// Call during start-up, before other threads log.
void Configure(Level minimum, Sink* sink);
Level MinimumLevel();

// Writes out buffered lines; call before the process exits.
void Flush();

void Write(Level level, std::string_view event, Fields fields);
inline void Debug(std::string_view event, Fields fields = {}) {
  Write(Level::kDebug, event, fields);
}
inline void Info(std::string_view event, Fields fields = {}) { Write(Level::kInfo, event, fields); }
inline void Warn(std::string_view event, Fields fields = {}) { Write(Level::kWarn, event, fields); }
inline void Error(std::string_view event, Fields fields = {}) {
  Write(Level::kError, event, fields);
}

// Renders one log line (without the newline); exposed for tests.
std::string FormatLine(Level level, std::string_view event, Fields fields);

// "jane@example.com" -> "j***@example.com"; anything without an @ becomes "***".
std::string MaskEmail(std::string_view email);
// Keeps only the last four characters: "123456789" -> "*****6789".
std::string MaskAccountNumber(std::string_view number);
// Appends `text` to `out` as the inside of a JSON string; CR, LF and controls are escaped,
// and bytes that are not well-formed UTF-8 become U+FFFD so the line stays valid JSON.
void AppendJsonEscaped(std::string& out, std::string_view text);

}  // namespace finhelm::log
