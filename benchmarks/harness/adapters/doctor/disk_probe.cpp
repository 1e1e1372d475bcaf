// The disk probe (probes.hpp): write + fsync in the results directory, file removed after.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "adapters/doctor/node_figures.hpp"
#include "adapters/doctor/probes.hpp"
#include "core/disk_space.hpp"
#include "common/splitmix.hpp"

namespace bramble::doctor {
namespace {

constexpr std::size_t kChunk = 4 << 20;  // one write() call

std::string failed(const std::string& what, const std::string& path) {
  std::string text = what;
  text.append(" ").append(path).append(": ").append(std::strerror(errno));
  return text;
}

// A new, uniquely named file in `dir`, closed and removed when this goes out of scope, so
// the probe leaves nothing behind whichever way it ends.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& dir) : path_((std::filesystem::path(dir) / ".bramble-doctor-XXXXXX").string()) {
    fd_ = ::mkstemp(path_.data());
    if (fd_ < 0) throw std::runtime_error(failed("cannot create a file in", dir));
  }
  ~ScratchFile() {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  // Every byte, however many calls write() needs for it.
  void write_all(const char* data, std::size_t size) {
    while (size > 0) {
      const ssize_t n = ::write(fd_, data, size);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw std::runtime_error(failed("cannot write", path_));
      data += n;
      size -= static_cast<std::size_t>(n);
    }
  }
  void sync() {
    if (::fsync(fd_) != 0) throw std::runtime_error(failed("cannot fsync", path_));
  }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace

std::string disk_room_problem(const std::string& dir, std::int64_t bytes) {
  const std::optional<DiskSpace> space = disk_space(dir);
  if (!space) return "";  // the write will tell
  const std::int64_t keep = std::max(kDiskMarginBytes, static_cast<std::int64_t>(double(space->total) * kDiskMarginShare));
  const std::string problem = room_problem(dir, bytes, "the probe's file", keep);
  return problem.empty() ? "" : "not written, " + problem + "; free some space or choose a smaller --disk-mib";
}

DiskFigures disk_probe(const std::string& dir, std::int64_t bytes) {
  // On a Pi this disk is the SD card the system boots from: never written near full.
  if (std::string room = disk_room_problem(dir, bytes); !room.empty()) return {kNotMeasured, room};
  // Pseudo-random bytes, not zeros: a compressing file system would make zeros flattering.
  std::vector<std::uint64_t> chunk(kChunk / sizeof(std::uint64_t));
  for (std::size_t i = 0; i < chunk.size(); ++i) chunk[i] = mix64(i);
  try {
    ScratchFile file(dir);
    const auto t0 = std::chrono::steady_clock::now();
    for (std::int64_t left = bytes; left > 0; left -= std::int64_t(kChunk))
      file.write_all(reinterpret_cast<const char*>(chunk.data()), std::min<std::size_t>(kChunk, std::size_t(left)));
    file.sync();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
    return {double(bytes) / took.count() / 1e6, ""};
  } catch (const std::exception& e) {
    return {kNotMeasured, e.what()};
  }
}

std::string existing_directory(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p = fs::path(path).lexically_normal();
  while (!p.empty() && !fs::is_directory(p, ec)) p = p.parent_path();
  return p.empty() ? "." : p.string();
}

}  // namespace bramble::doctor
