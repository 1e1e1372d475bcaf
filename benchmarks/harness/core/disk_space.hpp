#pragma once
// Room on a disk, checked before writing rather than found out by "No space left on device"
// half-way: a result file, an image, the doctor's disk probe (issue 22 §2). On a Pi the disk
// is often the SD card the system boots from.
#include <cstdint>
#include <optional>
#include <string>

namespace bramble {

struct DiskSpace {
  std::int64_t free = 0;   // bytes an unprivileged writer may still use (f_bavail)
  std::int64_t total = 0;  // the file system's size
};

// The file system holding `dir`; nullopt where statvfs cannot say (the write will tell).
std::optional<DiskSpace> disk_space(const std::string& dir);

// "" when `need` bytes fit in `dir` leaving `keep` free, else the reason, with both figures:
// "needs 310.2 MiB (a new copy of the file ...), 120.0 MiB free on /data". `what` says what
// the bytes are for.
std::string room_problem(const std::string& dir, std::int64_t need, const std::string& what, std::int64_t keep = 0);

}  // namespace bramble
