#pragma once
// What is at a path, told by stat() without opening it. A result file must be a regular
// file: opening a FIFO blocks until someone writes to it, a device may have side effects
// or never end (/dev/zero), and a directory cannot be replaced by rename. So every path is
// looked at before HDF5 or a write touches it.
#include <sys/types.h>

#include <optional>
#include <string>

namespace bramble {

enum class PathKind { missing, regular, directory, fifo, char_device, block_device, socket, other, unknown };

struct PathInfo {
  PathKind kind = PathKind::unknown;
  int error = 0;   // errno of a failed stat() other than "missing" (kind is then unknown)
  off_t size = 0;  // regular files only
};

PathInfo inspect_path(const std::string& path);  // follows symbolic links, as open() would

// The path a write to `path` must replace: symbolic links in its last component followed,
// so that writing "through" a link replaces the link's target and the link stays a link
// (a link to a file not there yet names the file to create). nullopt on a loop.
std::optional<std::string> follow_links(const std::string& path);

// "a directory", "a FIFO (named pipe)", "a character device": for messages.
std::string describe(PathKind kind);

// The regular file at `path`, open for reading, or InputError naming what is there instead
// (missing, a directory, a FIFO, a device, unreadable). Never blocks on a FIFO.
class RegularFile {
 public:
  explicit RegularFile(const std::string& path);
  ~RegularFile();
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;

  off_t size() const { return size_; }
  // Up to `bytes` from `offset` (fewer at the end of the file); InputError if reading fails.
  std::string read_at(off_t offset, std::size_t bytes) const;
  // A name that opens this very file (/proc/self/fd/N), for a library that opens by name:
  // whatever the path names by then, HDF5 reads the regular file checked here.
  std::string proc_path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  std::string path_;
  int fd_ = -1;
  off_t size_ = 0;
};

}  // namespace bramble
