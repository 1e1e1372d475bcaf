#include "context/blas_probe.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

extern char** environ;

namespace bramble {
namespace {

std::string variable_name(const std::string& entry) { return entry.substr(0, entry.find('=')); }

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

}  // namespace

const char* blas_probe_path() {
#ifdef BRAMBLE_BLAS_PROBE
  return BRAMBLE_BLAS_PROBE;
#else
  return "";
#endif
}

std::vector<std::string> edited_environment(const char* const* environment, const std::string& name,
                                            const std::vector<std::string>& set) {
  std::vector<std::string> out;
  for (const char* const* e = environment; e != nullptr && *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::string var = variable_name(entry);
    bool replaced = var == name;
    for (const auto& s : set) replaced = replaced || variable_name(s) == var;
    if (!replaced) out.push_back(entry);
  }
  out.insert(out.end(), set.begin(), set.end());
  return out;
}

BlasProbeResult run_blas_probe(const std::string& probe_path, const std::vector<std::string>& environment,
                               int timeout_ms) {
  BlasProbeResult result;
  const std::string what = "the BLAS probe " + (probe_path.empty() ? std::string("(none built)") : probe_path);
  if (probe_path.empty() || access(probe_path.c_str(), X_OK) != 0) {
    result.error = what + " is missing";
    return result;
  }
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    result.error = what + ": pipe: " + std::strerror(errno);
    return result;
  }
  Fd read_end{fds[0]}, write_end{fds[1]};

  // The probe's stdout is the pipe; its stderr is dropped, so that an OpenBLAS notice from
  // it cannot land in the middle of a run's output.
  SpawnActions spawn;
  posix_spawn_file_actions_adddup2(&spawn.actions, write_end.fd, STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&spawn.actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
  // An MPI process holds sockets and shared-memory files; the probe needs none of them.
  posix_spawn_file_actions_addclosefrom_np(&spawn.actions, STDERR_FILENO + 1);
#endif
  std::vector<std::string> env_copy = environment;
  std::vector<char*> envp;
  for (auto& e : env_copy) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string arg0 = probe_path;
  char* argv[] = {arg0.data(), nullptr};

  pid_t pid = -1;
  const int rc = posix_spawn(&pid, probe_path.c_str(), &spawn.actions, nullptr, argv, envp.data());
  write_end.reset();  // so that reading sees end-of-file when the probe exits
  if (rc != 0) {
    result.error = what + " could not be started: " + std::strerror(rc);
    return result;
  }

  // Read to end-of-file, with a deadline: a probe that hangs must not hang the run. Whatever
  // stops the reading early (the deadline, an error, far more text than a core name) kills
  // the probe, so that waiting for it cannot block either.
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  bool finished = false, timed_out = false;
  while (!finished) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now()).count();
    pollfd p{read_end.fd, POLLIN, 0};
    const int ready = left > 0 ? poll(&p, 1, static_cast<int>(left)) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      timed_out = ready == 0;
      break;
    }
    char buf[256];
    const ssize_t n = read(read_end.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    finished = n == 0;
    out.append(buf, static_cast<std::size_t>(n > 0 ? n : 0));
    if (out.size() > 4096) break;  // a core name is one short word: this is not our probe
  }
  if (!finished) kill(pid, SIGKILL);
  const int status = wait_for(pid);

  if (timed_out) {
    result.error = what + " did not answer within " + std::to_string(timeout_ms) + " ms";
    return result;
  }
  if (!finished) {
    result.error = what + " could not be read";
    return result;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    result.error = what + " failed (" +
                   (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                      : "signal " + std::to_string(WTERMSIG(status))) + ")";
    return result;
  }
  std::string core = out.substr(0, out.find('\n'));
  while (!core.empty() && (core.back() == '\r' || core.back() == ' ')) core.pop_back();
  if (core.empty()) {
    result.error = what + " printed nothing";
    return result;
  }
  result.core = core;
  return result;
}

BlasProbeResult probe_blas_core_auto(const std::string& probe_path) {
  // One BLAS thread: the probe only names its core, and OpenBLAS would otherwise start a
  // thread per CPU in it, once per node, while the run is setting up.
  return run_blas_probe(probe_path, edited_environment(environ, "OPENBLAS_CORETYPE", {"OPENBLAS_NUM_THREADS=1"}));
}

}  // namespace bramble
