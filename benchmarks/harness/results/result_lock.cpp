#include "results/result_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "context/run_metadata.hpp"
#include "core/errors.hpp"

namespace bramble {
namespace {

std::string hostname() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) return "?";
  return host;
}

// Who holds the lock, as the holder wrote it: the first line, at most 200 bytes (the file
// is only words). A holder writes right after its flock(), so a taker that comes in between
// finds the file empty: it waits a little for the words.
std::string holder_of(int fd) {
  for (int tries = 0; tries < 20; ++tries) {
    char buffer[200];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
    const std::string text(buffer, static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    const std::string line = text.substr(0, text.find_first_of("\r\n"));
    if (!line.empty()) return line;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return "holder unknown";
}

std::string directory_of(const std::string& path) {
  const std::filesystem::path p(path);
  return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

}  // namespace

std::string lock_path_for(const std::string& target) {
  std::string lock = target;
  lock.append(".lock");
  return lock;
}

ResultLock::ResultLock(const std::string& target, const std::string& shown) : path_(lock_path_for(target)) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
      throw IoError("cannot write results to " + shown + ": directory " + directory_of(target) +
                    " is not writable (cannot create " + path_ + ": " + std::strerror(errno) + ")");
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      if (error == EWOULDBLOCK) {
        const std::string holder = holder_of(fd);
        ::close(fd);
        throw IoError(shown + " is being written by another bramble run (" + holder + ")");
      }
      ::close(fd);
      throw IoError("cannot write results to " + shown + ": cannot lock " + path_ + ": " + std::strerror(error));
    }
    struct stat mine {}, named {};
    if (::fstat(fd, &mine) == 0 && ::stat(path_.c_str(), &named) == 0 && mine.st_dev == named.st_dev &&
        mine.st_ino == named.st_ino) {
      fd_ = fd;
      dev_ = mine.st_dev;
      ino_ = mine.st_ino;
      std::string who = "host " + hostname();
      who.append(", pid ").append(std::to_string(::getpid())).append(", since ").append(utc_now_iso8601());
      who.push_back('\n');
      // The words are for messages only: the lock holds whether or not they get written.
      const bool written = ::ftruncate(fd, 0) == 0 && ::pwrite(fd, who.data(), who.size(), 0) > 0;
      static_cast<void>(written);
      return;
    }
    ::close(fd);  // the holder we waited on removed it: lock the file now at that name
  }
  throw IoError("cannot write results to " + shown + ": " + path_ + " keeps changing; is another run starting?");
}

ResultLock::~ResultLock() {
  // Unlink first, while still holding the lock: a taker that opened this inode meanwhile
  // finds it gone from the path after its flock() and starts again on a new one.
  struct stat named {};
  if (::stat(path_.c_str(), &named) == 0 && named.st_dev == dev_ && named.st_ino == ino_) ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace bramble
