#include "results/cleanup_watchdog.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace bramble {
namespace {

// The watchdog's whole state, on its stack: a few watched paths at a time (the result file's
// temporary file and an image's).
constexpr int kMaxWatched = 8;
struct Watched {
  char path[kMaxWatched][PATH_MAX] = {};
  bool used[kMaxWatched] = {};
};

void put(const char* s) {
  const std::size_t n = std::strlen(s);
  (void)!::write(STDERR_FILENO, s, n);
}

// The lock file, if it still names the dead rank (holds `owner`, ", pid P,") and nobody holds
// it: removed while held, as ResultLock does, so that a run taking it meanwhile is never
// robbed of it.
bool remove_lock(const char* lock, const char* owner) {
  const int fd = ::open(lock, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  bool removed = false;
  // The dead rank's own hold on it is released as its files are closed, which may be a
  // moment after the socket told of its death: up to a second for that.
  bool locked = false;
  for (int i = 0; i < 100 && !(locked = ::flock(fd, LOCK_EX | LOCK_NB) == 0); ++i) ::usleep(10000);
  if (locked) {
    char text[512] = {};
    const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
    removed = n > 0 && std::strstr(text, owner) && ::unlink(lock) == 0;
  }
  ::close(fd);
  return removed;
}

[[noreturn]] void watchdog_main(int socket, const char* lock, const char* owner, const char* shown) {
  ::setsid();  // out of the job's process group: mpirun's signals are for the rank
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGHUP}) ::sigaction(s, &ignore, nullptr);
  // Nothing of the rank's but the socket and stderr: an MPI socket or shared-memory file
  // held open here would outlive the rank.
  for (int fd = 3; fd < 1024; ++fd)
    if (fd != socket) ::close(fd);
  Watched watched;
  char line[PATH_MAX + 2];
  std::size_t have = 0;
  bool done = false;
  for (;;) {
    const ssize_t n = ::read(socket, line + have, sizeof line - have);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the rank has gone
    have += static_cast<std::size_t>(n);
    for (char* end; (end = static_cast<char*>(std::memchr(line, '\n', have))) != nullptr;) {
      *end = '\0';
      if (line[0] == '=') done = true;
      for (int i = 0; line[0] == '+' && i < kMaxWatched; ++i)
        if (!watched.used[i]) {
          const std::size_t size = std::min<std::size_t>(std::strlen(line + 1), PATH_MAX - 1);
          std::memcpy(watched.path[i], line + 1, size);
          watched.path[i][size] = '\0';
          watched.used[i] = true;
          break;
        }
      for (int i = 0; line[0] == '-' && i < kMaxWatched; ++i)
        if (watched.used[i] && std::strcmp(watched.path[i], line + 1) == 0) watched.used[i] = false;
      const std::size_t used = static_cast<std::size_t>(end - line) + 1;
      std::memmove(line, line + used, have - used);
      have -= used;
    }
    if (have == sizeof line) have = 0;  // a line longer than any path: dropped
  }
  if (done) ::_exit(0);
  int removed = 0;
  for (int i = 0; i < kMaxWatched; ++i)
    if (watched.used[i] && ::unlink(watched.path[i]) == 0) ++removed;
  if (remove_lock(lock, owner)) ++removed;
  if (removed > 0) {
    put("bramble: rank 0 was killed while it held ");
    put(shown);
    put(" (by SIGKILL, or before its SIGTERM handler could run); its temporary and lock files are removed, and ");
    put(shown);
    put(" holds the kernels that finished before\n");
  }
  ::_exit(0);
}

}  // namespace

CleanupWatchdog::CleanupWatchdog(const std::string& lock_file, const std::string& shown) {
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) return;
  // Everything the child needs is made before fork(): it allocates nothing. The lock names
  // its holder as "host H, pid P, since T" (result_lock.cpp).
  const std::string lock = lock_file, name = shown, owner = ", pid " + std::to_string(::getpid()) + ",";
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pair[0]);
    ::close(pair[1]);
    return;
  }
  if (child == 0) {
    ::close(pair[0]);
    watchdog_main(pair[1], lock.c_str(), owner.c_str(), name.c_str());
  }
  ::close(pair[1]);
  socket_ = pair[0];
  child_ = child;
}

CleanupWatchdog::~CleanupWatchdog() {
  if (socket_ < 0) return;
  send('=', "");
  ::close(socket_);
  ::waitpid(child_, nullptr, 0);  // setsid() does not make it another's child: reaped here
}

void CleanupWatchdog::watch(const std::string& path) { send('+', path); }
void CleanupWatchdog::unwatch(const std::string& path) { send('-', path); }

void CleanupWatchdog::send(char op, const std::string& path) {
  if (socket_ < 0 || path.size() >= PATH_MAX) return;
  std::string line(1, op);
  line.append(path).push_back('\n');
  // MSG_NOSIGNAL: a watchdog that died is no reason for SIGPIPE to end the run.
  for (std::size_t done = 0; done < line.size();) {
    const ssize_t n = ::send(socket_, line.data() + done, line.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace bramble
