#include "core/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <sstream>

namespace bramble {
namespace {

// Closes a descriptor once, on every path out.
struct Fd {
  int fd = -1;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) close(fd);
    fd = -1;
  }
};

struct SpawnActions {
  posix_spawn_file_actions_t actions;
  SpawnActions() { posix_spawn_file_actions_init(&actions); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&actions); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
};

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// Reads `fd` to end-of-file, with a deadline: a program that hangs must not hang the run.
// Whatever stops the reading early (the deadline, an error, more than `max_bytes`) leaves
// `finished` false, and the caller kills the program, so that waiting for it cannot block.
struct Reading {
  std::string out;
  bool finished = false, timed_out = false;
};
Reading read_until_closed(int fd, int timeout_ms, std::size_t max_bytes) {
  Reading r;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!r.finished) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    pollfd p{fd, POLLIN, 0};
    const int ready = left > 0 ? poll(&p, 1, static_cast<int>(left)) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      r.timed_out = ready == 0;
      break;
    }
    char buf[256];
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    r.finished = n == 0;
    r.out.append(buf, static_cast<std::size_t>(n > 0 ? n : 0));
    if (r.out.size() > max_bytes) break;
  }
  return r;
}

}  // namespace

ProgramOutput run_program(const std::string& path, const std::vector<std::string>& args,
                          const std::vector<std::string>& environment, int timeout_ms, std::size_t max_bytes) {
  ProgramOutput result;
  if (path.empty() || access(path.c_str(), X_OK) != 0) {
    result.error = "is missing";
    return result;
  }
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    result.error = std::string("could not be started: pipe: ") + std::strerror(errno);
    return result;
  }
  Fd read_end{fds[0]}, write_end{fds[1]};

  // Its stdout is the pipe; its stderr is dropped, so that a notice from it cannot land in
  // the middle of a run's output.
  SpawnActions spawn;
  posix_spawn_file_actions_adddup2(&spawn.actions, write_end.fd, STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&spawn.actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
  // An MPI process holds sockets and shared-memory files; the program needs none of them.
  posix_spawn_file_actions_addclosefrom_np(&spawn.actions, STDERR_FILENO + 1);
#endif
  std::vector<std::string> env_copy = environment;
  std::vector<char*> envp;
  for (auto& e : env_copy) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> arg_copy{path};
  arg_copy.insert(arg_copy.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : arg_copy) argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_t pid = -1;
  const int rc = posix_spawn(&pid, path.c_str(), &spawn.actions, nullptr, argv.data(), envp.data());
  write_end.reset();  // so that reading sees end-of-file when the program exits
  if (rc != 0) {
    result.error = std::string("could not be started: ") + std::strerror(rc);
    return result;
  }
  Reading reading = read_until_closed(read_end.fd, timeout_ms, max_bytes);
  if (!reading.finished) kill(pid, SIGKILL);
  const int status = wait_for(pid);

  if (reading.timed_out) {
    result.error = "did not answer within " + std::to_string(timeout_ms) + " ms";
  } else if (!reading.finished) {
    result.error = "could not be read";
  } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    result.error = "failed (" +
                   (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                      : "signal " + std::to_string(WTERMSIG(status))) + ")";
  } else {
    result.out = std::move(reading.out);
  }
  return result;
}

std::string find_program(const std::string& name, const std::string& search_path) {
  if (name.empty()) return "";
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : "";
  std::istringstream dirs(search_path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

}  // namespace bramble
