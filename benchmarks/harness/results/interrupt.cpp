#include "results/interrupt.hpp"

#include <unistd.h>

#include <atomic>
#include <cstring>
#include <utility>

namespace bramble {
namespace {

constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};

// The handler's state (see the header). Written only while no handler is installed.
struct HandlerState {
  std::atomic<bool> taken{false}, exiting{false};
  std::atomic<const char*> shown{nullptr}, temp{nullptr}, lock{nullptr};
  std::atomic<const char*> other_temp{nullptr};  // RemovedOnInterrupt's
  std::atomic<CleanupWatchdog*> watchdog{nullptr};  // not used by the handler
  std::atomic<int> planned{0}, finished{0}, written{0};
};
HandlerState state;
static_assert(std::atomic<const char*>::is_always_lock_free && std::atomic<int>::is_always_lock_free &&
                  std::atomic<bool>::is_always_lock_free,
              "a signal handler may only use lock-free atomics");

// One line built on the stack: no allocation, no stdio in a handler.
class Line {
 public:
  void add(const char* s) {
    while (s && *s && size_ < sizeof text_) text_[size_++] = *s++;
  }
  void add(int n) {
    char digits[12];
    int count = 0;
    unsigned value = n < 0 ? 0u : static_cast<unsigned>(n);
    do digits[count++] = static_cast<char>('0' + value % 10);
    while ((value /= 10) != 0 && count < 12);
    while (count > 0 && size_ < sizeof text_) text_[size_++] = digits[--count];
  }
  void write_to(int fd) const {
    std::size_t done = 0;
    while (done < size_) {
      const ssize_t n = ::write(fd, text_ + done, size_ - done);
      if (n <= 0) return;
      done += static_cast<std::size_t>(n);
    }
  }

 private:
  char text_[8192];
  std::size_t size_ = 0;
};

const char* signal_name(int signo) {
  switch (signo) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    default: return "a signal";
  }
}

extern "C" void on_interrupt(int signo) {
  // SIGINT from a terminal and SIGTERM from mpirun may come at once, to two threads: the
  // first one speaks and exits, the other waits for that.
  if (state.exiting.exchange(true))
    for (;;) ::pause();
  // Files first: mpirun's SIGKILL may follow soon.
  if (const char* temp = state.temp.load()) ::unlink(temp);
  if (const char* temp = state.other_temp.load()) ::unlink(temp);
  if (const char* lock = state.lock.load()) ::unlink(lock);
  const int planned = state.planned.load(), finished = state.finished.load(), written = state.written.load();
  Line line;
  line.add("bramble: interrupted by ");
  line.add(signal_name(signo));
  line.add(" after ");
  line.add(finished);
  if (planned > 0) {
    line.add(" of ");
    line.add(planned);
  }
  line.add((planned > 0 ? planned : finished) == 1 ? " kernel" : " kernels");  // planned 0: not told
  if (written != finished) {  // a kernel of several results (HPL.dat) stopped midway
    line.add(" (");
    line.add(written);
    line.add(written == 1 ? " result written)" : " results written)");
  }
  line.add(written > 0 ? "; the finished ones are in " : "; nothing was written to ");
  line.add(state.shown.load());
  line.add("\n");
  line.write_to(STDERR_FILENO);
  ::_exit(128 + signo);
}

}  // namespace

InterruptCleanup::InterruptCleanup(std::string shown, std::string temp_file, std::string lock_file)
    : shown_(std::move(shown)), temp_(std::move(temp_file)), lock_(std::move(lock_file)) {
  if (state.taken.exchange(true)) return;  // another one is installed
  installed_ = true;
  state.shown = shown_.c_str();
  state.temp = temp_.c_str();
  state.lock = lock_.c_str();
  state.planned = 0;
  state.finished = 0;
  state.written = 0;
  watchdog_ = std::make_unique<CleanupWatchdog>(lock_, shown_);
  watchdog_->watch(temp_);
  state.watchdog = watchdog_.get();
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  for (int s : kSignals) sigaddset(&action.sa_mask, s);  // one handler runs, and it exits
  for (int i = 0; i < 3; ++i) {
    ::sigaction(kSignals[i], nullptr, &previous_[i]);
    if (kSignals[i] != SIGTERM && previous_[i].sa_handler == SIG_IGN) continue;
    ::sigaction(kSignals[i], &action, nullptr);
  }
}

InterruptCleanup::~InterruptCleanup() {
  if (!installed_) return;
  for (int i = 0; i < 3; ++i) ::sigaction(kSignals[i], &previous_[i], nullptr);
  state.watchdog = nullptr;
  watchdog_.reset();  // the run ended in order: the watchdog removes nothing
  state.shown = nullptr;
  state.temp = nullptr;
  state.lock = nullptr;
  state.taken = false;
}

void InterruptCleanup::set_planned(int kernels) {
  if (installed_) state.planned = kernels;
}
void InterruptCleanup::kernel_finished() {
  if (installed_) ++state.finished;
}
void InterruptCleanup::result_written() {
  if (installed_) ++state.written;
}

RemovedOnInterrupt::RemovedOnInterrupt(std::string path) : path_(std::move(path)) {
  const char* expected = nullptr;
  watched_ = state.taken.load() && state.other_temp.compare_exchange_strong(expected, path_.c_str());
  if (CleanupWatchdog* dog = state.watchdog.load(); watched_ && dog) dog->watch(path_);
}

RemovedOnInterrupt::~RemovedOnInterrupt() {
  if (!watched_) return;
  state.other_temp = nullptr;
  if (CleanupWatchdog* dog = state.watchdog.load()) dog->unwatch(path_);
}

}  // namespace bramble
