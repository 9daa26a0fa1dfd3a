// The real `finhelm` binary, run by integration tests as a child process.
//
// ServerProcess starts `finhelm --config FILE serve` in a scratch directory of its own
// (config file, data directory, captured log), learns the port from the
// "finhelm: serving on ..." line, and always ends the process: the destructor kills and
// reaps it if the test did not stop it. FINHELM_* variables of the test's own
// environment never leak into the child, so a developer's shell cannot change a result.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "temp_dir.hpp"
#include "unique_fd.hpp"

namespace finhelm::integration {

using Environment = std::map<std::string, std::string>;

// A child process that is reaped whatever happens: the destructor sends SIGKILL to one
// that still runs and waits for it.
class ChildProcess {
 public:
  // Runs `argv` (argv[0] is the binary) in `directory` with the test's environment minus
  // FINHELM_*, plus `environment`; the child's standard output and error go to the given
  // fds.
  static Result<ChildProcess> Spawn(const std::vector<std::string>& argv,
                                    const Environment& environment, int stdout_fd, int stderr_fd,
                                    const std::filesystem::path& directory);

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  void Signal(int signal) const;
  // The exit status once the child has ended within `timeout`: its exit code, or
  // 128 + the signal that killed it (as a shell reports it).
  std::optional<int> WaitForExit(std::chrono::milliseconds timeout);

 private:
  explicit ChildProcess(pid_t pid) : pid_(pid) {}

  pid_t pid_ = -1;
  std::optional<int> exit_status_;
};

struct ServerConfig {
  std::string toml;  // The config file's content; may be empty.
  // FINHELM_* variables. FINHELM_LISTEN defaults to 127.0.0.1:0 (a free port) and
  // FINHELM_DATA_DIR to a fresh directory, unless set here.
  Environment environment;
};

class ServerProcess {
 public:
  // Starts the server and waits (up to 20 s) until it listens. The error carries the
  // server's log when it exits or stays silent instead.
  static Result<std::unique_ptr<ServerProcess>> Start(const ServerConfig& config);

  std::uint16_t port() const { return port_; }
  // The URL scheme it announced: "http" or "https".
  const std::string& scheme() const { return scheme_; }

  // SIGTERM, then the exit status (see ChildProcess::WaitForExit), or nullopt on timeout.
  std::optional<int> Stop(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  void Signal(int signal) const { child_.Signal(signal); }
  std::optional<int> WaitForExit(std::chrono::milliseconds timeout) {
    return child_.WaitForExit(timeout);
  }

  // The next line of standard output after the announcement that starts with `prefix`
  // (earlier lines are skipped); empty when none comes within `timeout`.
  std::string AwaitOutputLine(std::string_view prefix,
                              std::chrono::milliseconds timeout = std::chrono::seconds(5));

  // Everything the server wrote to standard error so far: its JSON-lines log.
  std::string Log() const;
  const std::filesystem::path& directory() const { return scratch_->path(); }

 private:
  ServerProcess(std::unique_ptr<TempDir> scratch, ChildProcess child, UniqueFd announcements)
      : scratch_(std::move(scratch)),
        child_(std::move(child)),
        announcements_(std::move(announcements)) {}

  Status AwaitAnnouncement(std::chrono::milliseconds timeout);

  std::unique_ptr<TempDir> scratch_;  // Outlives the child: it holds the data directory.
  ChildProcess child_;
  // Kept open while the child runs, so that a late write to its standard output does
  // not kill it with SIGPIPE.
  UniqueFd announcements_;
  std::uint16_t port_ = 0;
  std::string scheme_;
  std::string output_;  // Standard output read past the announcement, not yet consumed.
};

// A finhelm command run to completion, such as `config check` or a refused `serve`.
struct CommandOutcome {
  int exit_status = -1;
  std::string out;  // Standard output.
  std::string err;  // Standard error.
};

// Runs `argv` (argv[0] an absolute path) to completion with `environment` (as
// ChildProcess::Spawn); fails if it runs longer than `timeout`.
Result<CommandOutcome> RunCommand(const std::vector<std::string>& argv,
                                  const Environment& environment,
                                  std::chrono::milliseconds timeout = std::chrono::seconds(20));

// RunCommand for `finhelm args...`.
Result<CommandOutcome> RunFinhelm(const std::vector<std::string>& args,
                                  const Environment& environment,
                                  std::chrono::milliseconds timeout = std::chrono::seconds(20));

}  // namespace finhelm::integration
