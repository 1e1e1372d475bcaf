#pragma once
// What the writing rank does when a run is interrupted. Ctrl-C or `kill` reaches mpirun,
// which sends SIGTERM to every rank (Open MPI 4.1; Ctrl-C at a bramble started without
// mpirun is SIGINT) and SIGKILLs them after a grace period. The result file is whole at
// every moment (replace_file.hpp), so what is left to do is quick: remove the temporary
// file of an append in progress (or of an image, RemovedOnInterrupt) and the lock file, say in one line how far the run got
// ("bramble: interrupted by SIGTERM after 1 of 4 kernels; the finished ones are in F"), and
// exit with 128+signo, the shell's code for "ended by a signal".
//
// This is done in the signal handler itself, with async-signal-safe calls only (unlink,
// write, _exit). A sigwait() thread would not do: Open MPI starts threads in MPI_Init with
// these signals unblocked, and any of them may be the one the signal is delivered to.
// The handler's state is the one piece of global state in bramble, kept minimal: pointers to
// strings owned by the live InterruptCleanup (unchanged while it is installed) and three
// lock-free atomic counters (a handler may run on any thread). SIGINT and SIGHUP left ignored
// by the parent (nohup, a background job) stay ignored. Ranks without a writer keep the
// default action: they simply end. A signal landing during the rename that commits a result
// may report one result fewer than the file then holds: the file is whole either way.
// Where the handler cannot run in time (SIGKILL, or the rank stuck in a long fsync when
// mpirun's SIGKILL follows), the watchdog the installed cleanup forks does the removing
// (cleanup_watchdog.hpp).
#include <signal.h>

#include <memory>
#include <string>

#include "results/cleanup_watchdog.hpp"

namespace bramble {

class InterruptCleanup {
 public:
  // `shown`: the result file as the user named it; `temp_file`, `lock_file`: to remove. At
  // most one is installed at a time: a second one, while the first lives, does nothing.
  InterruptCleanup(std::string shown, std::string temp_file, std::string lock_file);
  ~InterruptCleanup();  // the previous signal dispositions back
  InterruptCleanup(const InterruptCleanup&) = delete;
  InterruptCleanup& operator=(const InterruptCleanup&) = delete;

  // For the message: "after K of M kernels", and whether anything was written.
  void set_planned(int kernels);
  void kernel_finished();
  void result_written();

 private:
  std::string shown_, temp_, lock_;
  bool installed_ = false;
  struct sigaction previous_[3] = {};
  std::unique_ptr<CleanupWatchdog> watchdog_;
};

// While alive, an interrupt handled by the installed InterruptCleanup also removes `path`: a
// temporary file being written beside the result file (an image, adapters/render/image_io).
// One at a time (a second, while the first lives, is not watched); where no InterruptCleanup
// is installed, nothing is done. Removing it after its rename is harmless: the name is gone.
class RemovedOnInterrupt {
 public:
  explicit RemovedOnInterrupt(std::string path);
  ~RemovedOnInterrupt();
  RemovedOnInterrupt(const RemovedOnInterrupt&) = delete;
  RemovedOnInterrupt& operator=(const RemovedOnInterrupt&) = delete;

 private:
  std::string path_;
  bool watched_ = false;
};

}  // namespace bramble
