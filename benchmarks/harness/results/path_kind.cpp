#include "results/path_kind.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/errors.hpp"

namespace bramble {
namespace {

PathKind kind_of(mode_t mode) {
  if (S_ISREG(mode)) return PathKind::regular;
  if (S_ISDIR(mode)) return PathKind::directory;
  if (S_ISFIFO(mode)) return PathKind::fifo;
  if (S_ISCHR(mode)) return PathKind::char_device;
  if (S_ISBLK(mode)) return PathKind::block_device;
  if (S_ISSOCK(mode)) return PathKind::socket;
  return PathKind::other;
}

}  // namespace

PathInfo inspect_path(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    PathInfo info;
    if (errno == ENOENT) info.kind = PathKind::missing;
    else info.error = errno;
    return info;
  }
  PathInfo info;
  info.kind = kind_of(st.st_mode);
  if (info.kind == PathKind::regular) info.size = st.st_size;
  return info;
}

std::optional<std::string> follow_links(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p = path;
  for (int hops = 0; hops < 40; ++hops) {  // 40: Linux's own limit (ELOOP)
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec))) return p.string();
    const fs::path to = fs::read_symlink(p, ec);
    if (ec) return p.string();  // vanished meanwhile: the caller's own checks will say
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  return std::nullopt;
}

std::string describe(PathKind kind) {
  switch (kind) {
    case PathKind::missing: return "missing";
    case PathKind::regular: return "a regular file";
    case PathKind::directory: return "a directory";
    case PathKind::fifo: return "a FIFO (named pipe)";
    case PathKind::char_device: return "a character device";
    case PathKind::block_device: return "a block device";
    case PathKind::socket: return "a socket";
    case PathKind::other: return "not a regular file";
    case PathKind::unknown: break;
  }
  return "of unknown kind";
}

RegularFile::RegularFile(const std::string& path) : path_(path) {
  const PathInfo info = inspect_path(path);
  if (info.kind == PathKind::missing) throw InputError("cannot read " + path + ": no such file");
  if (info.error != 0) throw InputError("cannot read " + path + ": " + std::strerror(info.error));
  if (info.kind != PathKind::regular)
    throw InputError(path + " is " + describe(info.kind) + ", not a result file");
  // O_NONBLOCK: should the path have become a FIFO since stat(), open() must not wait for
  // a writer; fstat() below then refuses it.
  fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd_ < 0) throw InputError("cannot read " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || kind_of(st.st_mode) != PathKind::regular) {
    ::close(fd_);
    throw InputError(path + " is " + describe(kind_of(st.st_mode)) + ", not a result file");
  }
  size_ = st.st_size;
}

RegularFile::~RegularFile() { ::close(fd_); }

std::string RegularFile::read_at(off_t offset, std::size_t bytes) const {
  std::string out(bytes, '\0');
  std::size_t done = 0;
  while (done < bytes) {
    const ssize_t n = ::pread(fd_, out.data() + done, bytes - done, offset + static_cast<off_t>(done));
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError("cannot read " + path_ + ": " + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return out;
}

}  // namespace bramble
