#include "server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>
#include <thread>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, not in unistd.h.

namespace finhelm::integration {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kAnnouncement = "finhelm: serving on ";
constexpr auto kStartTimeout = std::chrono::seconds(20);

int ShellStatus(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return -1;
}

int MillisUntil(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::max<std::int64_t>(0, left.count()));
}

UniqueFd OpenForWriting(const std::filesystem::path& path) {
  return UniqueFd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
}

Error Failure(std::string message) {
  return MakeError(ErrorCode::kUnavailable, std::move(message));
}

}  // namespace

Result<ChildProcess> ChildProcess::Spawn(const std::vector<std::string>& argv,
                                         const Environment& environment, int stdout_fd,
                                         int stderr_fd, const std::filesystem::path& directory) {
  if (argv.empty()) return Failure("nothing to run");
  std::vector<std::string> variables;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    if (!std::string_view(*entry).starts_with("FINHELM_")) variables.emplace_back(*entry);
  }
  for (const auto& [name, value] : environment) variables.push_back(name + "=" + value);

  // Everything exec needs is built before fork: the child may only make
  // async-signal-safe calls.
  std::vector<char*> argument_pointers;
  for (const std::string& argument : argv) {
    argument_pointers.push_back(const_cast<char*>(argument.c_str()));
  }
  argument_pointers.push_back(nullptr);
  std::vector<char*> variable_pointers;
  for (std::string& variable : variables) variable_pointers.push_back(variable.data());
  variable_pointers.push_back(nullptr);

  const pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) return Failure("fork failed");
  if (pid == 0) {
    // A test binary that crashes or is killed by a timeout takes its servers with it,
    // rather than leaving them listening on a shared machine.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);
    ::dup2(stdout_fd, STDOUT_FILENO);
    ::dup2(stderr_fd, STDERR_FILENO);
    if (::chdir(directory.c_str()) != 0) ::_exit(126);
    ::execve(argument_pointers[0], argument_pointers.data(), variable_pointers.data());
    ::_exit(127);
  }
  return ChildProcess(pid);
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), exit_status_(other.exit_status_) {}

ChildProcess::~ChildProcess() {
  if (pid_ <= 0 || exit_status_) return;
  ::kill(pid_, SIGKILL);
  int ignored = 0;
  while (::waitpid(pid_, &ignored, 0) < 0 && errno == EINTR) {
  }
}

void ChildProcess::Signal(int signal) const {
  if (pid_ > 0 && !exit_status_) ::kill(pid_, signal);
}

std::optional<int> ChildProcess::WaitForExit(std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (!exit_status_ && pid_ > 0) {
    int status = 0;
    pid_t reaped = ::waitpid(pid_, &status, WNOHANG);
    if (reaped == pid_) {
      exit_status_ = ShellStatus(status);
      break;
    }
    if (Clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return exit_status_;
}

Result<std::unique_ptr<ServerProcess>> ServerProcess::Start(const ServerConfig& config) {
  auto scratch = std::make_unique<TempDir>();
  if (scratch->path().empty()) return Failure("cannot create a scratch directory");
  const std::filesystem::path config_path = *scratch / "finhelm.toml";
  if (!WriteFile(config_path, config.toml)) return Failure("cannot write the config file");

  Environment environment = config.environment;
  environment.try_emplace("FINHELM_LISTEN", "127.0.0.1:0");
  environment.try_emplace("FINHELM_DATA_DIR", (*scratch / "data").string());

  int pipe_fds[2] = {-1, -1};
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return Failure("pipe failed");
  UniqueFd read_end(pipe_fds[0]);
  UniqueFd write_end(pipe_fds[1]);
  UniqueFd log = OpenForWriting(*scratch / "finhelm.log");
  if (!log.valid()) return Failure("cannot create the log file");

  // The scratch directory is also the working directory, so that relative defaults (the
  // web root "web/dist") find nothing of the developer's checkout.
  auto child = ChildProcess::Spawn({FINHELM_BINARY, "--config", config_path.string(), "serve"},
                                   environment, write_end.get(), log.get(), scratch->path());
  if (!child.ok()) return child.error();
  // Only the child holds the write end now, so its exit reads as end of file.
  write_end.Reset();

  std::unique_ptr<ServerProcess> server(
      new ServerProcess(std::move(scratch), std::move(*child), std::move(read_end)));
  if (Status announced = server->AwaitAnnouncement(kStartTimeout); !announced.ok()) {
    return announced.error();
  }
  return server;
}

Status ServerProcess::AwaitAnnouncement(std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  std::string text;
  while (text.find('\n') == std::string::npos) {
    pollfd readable{announcements_.get(), POLLIN, 0};
    int ready = ::poll(&readable, 1, MillisUntil(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return Failure("the server did not announce its port in time; log:\n" + Log());
    char chunk[512];
    ssize_t got = ::read(announcements_.get(), chunk, sizeof(chunk));
    if (got <= 0) {
      auto status = child_.WaitForExit(std::chrono::seconds(5));
      return Failure("the server exited with status " + std::to_string(status.value_or(-1)) +
                     " before listening; log:\n" + Log());
    }
    text.append(chunk, static_cast<std::size_t>(got));
  }
  std::string line = text.substr(0, text.find('\n'));
  output_ = text.substr(text.find('\n') + 1);
  auto scheme_end = line.find("://");
  auto colon = line.rfind(':');
  if (!line.starts_with(kAnnouncement) || scheme_end == std::string::npos || colon <= scheme_end) {
    return Failure("unexpected announcement: " + line);
  }
  scheme_ = line.substr(kAnnouncement.size(), scheme_end - kAnnouncement.size());
  port_ = static_cast<std::uint16_t>(std::stoul(line.substr(colon + 1)));
  return Status::Ok();
}

std::string ServerProcess::AwaitOutputLine(std::string_view prefix,
                                           std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (true) {
    for (std::size_t end; (end = output_.find('\n')) != std::string::npos;) {
      std::string line = output_.substr(0, end);
      output_.erase(0, end + 1);
      if (line.starts_with(prefix)) return line;
    }
    pollfd readable{announcements_.get(), POLLIN, 0};
    int ready = ::poll(&readable, 1, MillisUntil(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return {};
    char chunk[512];
    ssize_t got = ::read(announcements_.get(), chunk, sizeof(chunk));
    if (got <= 0) return {};
    output_.append(chunk, static_cast<std::size_t>(got));
  }
}

std::optional<int> ServerProcess::Stop(std::chrono::milliseconds timeout) {
  child_.Signal(SIGTERM);
  return child_.WaitForExit(timeout);
}

std::string ServerProcess::Log() const { return ReadFile(directory() / "finhelm.log"); }

Result<CommandOutcome> RunCommand(const std::vector<std::string>& argv,
                                  const Environment& environment,
                                  std::chrono::milliseconds timeout) {
  TempDir scratch;
  UniqueFd out = OpenForWriting(scratch / "out.txt");
  UniqueFd err = OpenForWriting(scratch / "err.txt");
  if (!out.valid() || !err.valid()) return Failure("cannot create output files");
  auto child = ChildProcess::Spawn(argv, environment, out.get(), err.get(), scratch.path());
  if (!child.ok()) return child.error();
  auto status = child->WaitForExit(timeout);
  if (!status) return Failure(argv.front() + " still runs after the timeout");
  return CommandOutcome{*status, ReadFile(scratch / "out.txt"), ReadFile(scratch / "err.txt")};
}

Result<CommandOutcome> RunFinhelm(const std::vector<std::string>& args,
                                  const Environment& environment,
                                  std::chrono::milliseconds timeout) {
  std::vector<std::string> argv = {FINHELM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, environment, timeout);
}

}  // namespace finhelm::integration
