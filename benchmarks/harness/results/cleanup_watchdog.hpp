#pragma once
// What cleans up when the writing rank cannot. mpirun sends its ranks SIGTERM and SIGKILLs
// them a second later (Open MPI's odls_base_sigkill_timeout); a rank inside a long write or
// fsync of a large file (uninterruptible on Linux) never runs its SIGTERM handler
// (interrupt.hpp) in time, and a SIGKILL or an OOM kill gives it no chance at all: the
// temporary file and the lock were left behind (issue 22 §4).
//
// So rank 0 forks a small watchdog when it takes the result file's lock. The watchdog leaves
// the job's process group and session (a signal to the job does not reach it), holds one end
// of a socket pair, and learns from the rank which temporary files are being written. When
// the socket closes without the rank having said "done", the rank has died: the watchdog
// removes those files and the lock file (only if it still names the rank: flock() taken,
// "pid P" checked), says so in one line on stderr, and exits. It runs no MPI and allocates
// nothing after fork(): only system calls, on fixed buffers.
#include <sys/types.h>

#include <string>

namespace bramble {

class CleanupWatchdog {
 public:
  // `lock_file`: the result file's lock (result_lock.hpp); `shown`: the result file as the
  // user named it, for the line. Without a watchdog (fork() failed) everything is a no-op:
  // the signal handler and the next run's cleanup remain.
  CleanupWatchdog(const std::string& lock_file, const std::string& shown);
  ~CleanupWatchdog();  // "done": the watchdog exits and removes nothing
  CleanupWatchdog(const CleanupWatchdog&) = delete;
  CleanupWatchdog& operator=(const CleanupWatchdog&) = delete;

  // A temporary file to remove should this rank die, and no longer.
  void watch(const std::string& path);
  void unwatch(const std::string& path);

 private:
  void send(char op, const std::string& path);
  int socket_ = -1;
  pid_t child_ = -1;
};

}  // namespace bramble
