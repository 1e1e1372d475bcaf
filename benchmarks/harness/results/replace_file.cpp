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

void write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::system_error(n < 0 ? errno : ENOSPC, std::generic_category());
    done += static_cast<std::size_t>(n);
  }
}

// Makes the rename itself durable. Some file systems cannot sync a directory (EINVAL):
// the rename has happened all the same.
void sync_directory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0 && error != EINVAL) throw std::system_error(error, std::generic_category());
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
    write_all(fd, bytes);
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
  try {
    sync_directory(directory_of(target));
  } catch (const std::system_error& e) {
    throw IoError("results written to " + shown + ", but its directory cannot be flushed to disk: " +
                  std::strerror(e.code().value()));
  }
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
