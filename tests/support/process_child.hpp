#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aantafel::testing {

/// The environment of a child process: this process's environment without any AANTAFEL_*
/// variables (so a developer's settings cannot leak in), plus `overrides`.
std::vector<std::string> ChildEnvironment(const std::map<std::string, std::string>& overrides);

/// A child process started with posix_spawn. The destructor kills it with SIGKILL and reaps it
/// when it is still running, so a failing test never leaves a server behind.
class ChildProcess {
 public:
  /// Starts `argv[0]` (a path) with `env`; stdin from `stdin_path` (or /dev/null when empty),
  /// stdout and stderr appended to the given files (or /dev/null when empty). Throws on failure.
  ChildProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env,
               const std::string& stdin_path = {}, const std::string& stdout_path = {},
               const std::string& stderr_path = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  [[nodiscard]] pid_t pid() const { return pid_; }
  /// True while the process has not exited (reaps it when it has).
  bool Running();
  /// Sends `signal` (only while the process is still ours to signal).
  void Signal(int signal);
  /// Waits for the exit up to `timeout`; the raw wait status, or nullopt on timeout.
  std::optional<int> WaitFor(std::chrono::milliseconds timeout);
  /// Waits for the exit; the raw wait status.
  int Wait();

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

/// The outcome of a finished command.
struct CommandResult {
  int status = -1;  ///< raw wait status
  std::string out;
  std::string err;
  [[nodiscard]] bool Succeeded() const;
};

/// Runs a command to its end with `stdin_text` on standard input; `scratch_dir` holds the
/// temporary files for stdin, stdout and stderr.
CommandResult RunCommand(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                         const std::string& stdin_text, const std::string& scratch_dir);

}  // namespace aantafel::testing
