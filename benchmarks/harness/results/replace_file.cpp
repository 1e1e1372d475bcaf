#include "results/replace_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/errors.hpp"

namespace bramble {
namespace fs = std::filesystem;
namespace {

std::string directory_of(const std::string& path) {
  const fs::path p(path);
  return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

void write_all(int fd, const char* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::system_error(n < 0 ? errno : ENOSPC, std::generic_category());
    done += static_cast<std::size_t>(n);
  }
}

// Makes the rename that committed `target` durable: its directory entry on disk too. Some
// file systems cannot sync a directory (EINVAL): the rename has happened all the same.
void flush_directory_of(const std::string& target, const std::string& shown) {
  const int fd = ::open(directory_of(target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0 && error != EINVAL)
    throw IoError("results written to " + shown + ", but its directory cannot be flushed to disk: " +
                  std::strerror(error));
}

bool is_pid_suffix(const std::string& s) {
  return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

std::string temp_path_for(const std::string& target) {
  std::string tmp = target;
  tmp.append(".tmp-").append(std::to_string(::getpid()));
  return tmp;
}

void replace_file(const std::string& target, const std::string& bytes, const std::string& shown) {
  const std::string tmp = temp_path_for(target);
  struct stat old {};
  const bool existed = ::stat(target.c_str(), &old) == 0;
  int fd = -1;
  try {
    // O_NOFOLLOW: a link planted at the temporary name must not redirect the write.
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) throw std::system_error(errno, std::generic_category());
    write_all(fd, bytes.data(), bytes.size());
    if (existed) (void)::fchmod(fd, old.st_mode & 07777);  // best effort: the data matter more
    if (::fsync(fd) != 0) throw std::system_error(errno, std::generic_category());
    const int rc = ::close(fd);  // NFS reports a failed write here
    fd = -1;
    if (rc != 0) throw std::system_error(errno, std::generic_category());
    if (::rename(tmp.c_str(), target.c_str()) != 0) throw std::system_error(errno, std::generic_category());
  } catch (const std::system_error& e) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    std::string message = "cannot write results to " + shown + ": " + std::strerror(e.code().value());
    if (existed) message.append(" (").append(shown).append(" is as it was)");
    throw IoError(message);
  }
  flush_directory_of(target, shown);
}

namespace {

// All of `from` into `to` (both open), in the kernel where it can; read/write where it cannot
// (an old kernel, two file systems, a file system without copy_file_range).
void copy_contents(int from, int to) {
  bool kernel_copy = true;
  for (;;) {
    if (kernel_copy) {
      const ssize_t n = ::copy_file_range(from, nullptr, to, nullptr, std::size_t{1} << 30, 0);
      if (n > 0) continue;
      if (n == 0) return;
      if (errno == EINTR) continue;
      if (errno != EXDEV && errno != ENOSYS && errno != EOPNOTSUPP && errno != EINVAL)
        throw std::system_error(errno, std::generic_category());
      kernel_copy = false;  // read/write from where it stopped: the offsets moved with it
    }
    char buffer[1 << 16];
    const ssize_t n = ::read(from, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::system_error(errno, std::generic_category());
    if (n == 0) return;
    write_all(to, buffer, static_cast<std::size_t>(n));
  }
}

// close(), giving its errno (0: closed): NFS reports a failed write here.
int closed_with(int fd) { return ::close(fd) == 0 ? 0 : errno; }

}  // namespace

void edit_copy(const std::string& target, const std::string& shown,
               const std::function<void(const std::string& temp)>& edit) {
  const std::string tmp = temp_path_for(target);
  const auto failed = [&](const std::string& why) {
    ::unlink(tmp.c_str());
    return IoError("cannot write results to " + shown + ": " + why + " (" + shown + " is as it was)");
  };
  struct stat old {};
  int from = -1, to = -1;
  try {
    from = ::open(target.c_str(), O_RDONLY | O_CLOEXEC);
    if (from < 0 || ::fstat(from, &old) != 0) throw std::system_error(errno, std::generic_category());
    to = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, old.st_mode & 07777);
    if (to < 0) throw std::system_error(errno, std::generic_category());
    copy_contents(from, to);
    ::close(from);
    from = -1;
    const int error = closed_with(to);
    to = -1;
    if (error != 0) throw std::system_error(error, std::generic_category());
  } catch (const std::system_error& e) {
    if (from >= 0) ::close(from);
    if (to >= 0) ::close(to);
    throw failed(std::strerror(e.code().value()));
  }
  try {
    edit(tmp);
  } catch (const Error& e) {
    throw failed(e.what());
  }
  try {
    // The edit wrote through its own descriptors: the data reach the disk before the rename.
    const int fd = ::open(tmp.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category());
    const int synced = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    if (synced != 0) throw std::system_error(synced, std::generic_category());
    if (::rename(tmp.c_str(), target.c_str()) != 0) throw std::system_error(errno, std::generic_category());
  } catch (const std::system_error& e) {
    throw failed(std::strerror(e.code().value()));
  }
  flush_directory_of(target, shown);
}

std::vector<std::string> remove_stale_temp_files(const std::string& target) {
  const std::string base = fs::path(target).filename().string();
  std::vector<std::string> removed;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory_of(target), ec)) {
    const std::string name = entry.path().filename().string();
    for (const std::string suffix : {".tmp-", ".probe-"}) {
      const std::string prefix = base + suffix;
      if (name.rfind(prefix, 0) != 0 || !is_pid_suffix(name.substr(prefix.size()))) continue;
      const pid_t pid = static_cast<pid_t>(std::stol(name.substr(prefix.size())));
      // Alive (or not ours to signal, EPERM): kept, whether its writer or a process that reused
      // the pid since: a later run removes it. Our own pid: a dead process's, as we write none yet.
      if (pid != ::getpid() && (::kill(pid, 0) == 0 || errno != ESRCH)) continue;
      std::error_code rm;
      if (fs::remove(entry.path(), rm)) removed.push_back(entry.path().string());
    }
  }
  return removed;
}

}  // namespace bramble
