#include "core/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "core/errors.hpp"
#include "core/format_units.hpp"
#include "core/printable.hpp"

namespace bramble {
namespace {

[[noreturn]] void cannot_read(const std::string& what, const std::string& path, const std::string& why) {
  std::string m = "cannot read ";
  m.append(what).append(" ").append(printable(path, 200)).append(": ").append(why);
  throw InputError(m);
}

std::string system_reason(int error) {
  switch (error) {
    case ENOENT: return "no such file";
    case ENOTDIR: return "a part of the path is not a directory";
    case EACCES: return "permission denied";
    case ENXIO: return "it is a socket or a device without a reader, not a regular file";
    default: return std::strerror(error);
  }
}

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "it is a directory";
  if (S_ISFIFO(mode)) return "it is a FIFO, not a regular file";
  if (S_ISCHR(mode)) return "it is a character device, not a regular file";
  if (S_ISBLK(mode)) return "it is a block device, not a regular file";
  if (S_ISSOCK(mode)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

// An open regular file, closed when it goes.
class RegularFile {
 public:
  RegularFile(const std::string& path, const std::string& what) : path_(path), what_(what) {
    if (path.empty()) throw InputError("no " + what + " named (the path is empty)");
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) cannot_read(what, path, system_reason(errno));
    struct stat st {};
    if (::fstat(fd_, &st) != 0) fail(system_reason(errno));
    if (!S_ISREG(st.st_mode)) fail(kind_of(st.st_mode));
    size_ = st.st_size;
  }
  ~RegularFile() { ::close(fd_); }
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;

  std::int64_t size() const { return size_; }

  [[noreturn]] void fail(const std::string& why) const { cannot_read(what_, path_, why); }

  [[noreturn]] void too_large(std::int64_t bytes, std::int64_t max_bytes) const {
    fail("it is " + (bytes > max_bytes ? mib(double(bytes)) + ", more" : "growing, to more") + " than the " +
         mib(double(max_bytes)) + " bramble reads from a " + what_);
  }

  // From `offset` to the end; more than `max_bytes` is an error (a /proc file says 0 bytes
  // and a file may grow while it is read, so the size from fstat is not trusted alone).
  std::string read_from(std::int64_t offset, std::int64_t max_bytes) const {
    std::string text;
    char buffer[1 << 16];
    for (;;) {
      const ssize_t n = ::pread(fd_, buffer, sizeof buffer, offset + std::int64_t(text.size()));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail(system_reason(errno));
      if (n == 0) return text;
      if (std::int64_t(text.size()) + n > max_bytes) too_large(std::int64_t(text.size()) + n, max_bytes);
      text.append(buffer, static_cast<std::size_t>(n));
    }
  }

 private:
  std::string path_, what_;
  int fd_ = -1;
  std::int64_t size_ = 0;
};

}  // namespace

std::string read_input_file(const std::string& path, const std::string& what, std::int64_t max_bytes) {
  const RegularFile file(path, what);
  if (file.size() > max_bytes) file.too_large(file.size(), max_bytes);
  return file.read_from(0, max_bytes);
}

std::string read_input_tail(const std::string& path, const std::string& what, std::int64_t tail_bytes) {
  const RegularFile file(path, what);
  const std::int64_t from = file.size() > tail_bytes ? file.size() - tail_bytes : 0;
  // The file may grow between fstat and the read; what was there is enough.
  std::string text = file.read_from(from, tail_bytes + (std::int64_t{1} << 20));
  if (std::int64_t(text.size()) > tail_bytes) text.erase(0, text.size() - std::size_t(tail_bytes));
  return text;
}

std::string read_on_rank0(MPI_Comm comm, const std::string& path, const std::string& what) {
  std::string text;
  agree(comm, [&] {
    if (comm_rank(comm) == 0) text = read_input_file(path, what);
  });
  auto len = static_cast<long long>(text.size());
  MPI_Bcast(&len, 1, MPI_LONG_LONG, 0, comm);
  text.resize(static_cast<std::size_t>(len));
  MPI_Bcast(text.data(), static_cast<int>(len), MPI_CHAR, 0, comm);
  return text;
}

}  // namespace bramble
