#include "core/disk_space.hpp"

#include <sys/statvfs.h>

#include "core/format_units.hpp"

namespace bramble {
namespace {

// Small files in KiB, so that a 20 KiB result is not "0.0 MiB".
std::string size_text(std::int64_t bytes) {
  if (bytes >= std::int64_t{1} << 30) return gib(double(bytes));
  if (bytes >= std::int64_t{1} << 20) return mib(double(bytes));
  return std::to_string((bytes + 1023) / 1024) + " KiB";
}

}  // namespace

std::optional<DiskSpace> disk_space(const std::string& dir) {
  struct statvfs fs {};
  if (::statvfs(dir.c_str(), &fs) != 0) return std::nullopt;
  const auto bytes = [&](fsblkcnt_t blocks) { return static_cast<std::int64_t>(blocks) * static_cast<std::int64_t>(fs.f_frsize); };
  return DiskSpace{bytes(fs.f_bavail), bytes(fs.f_blocks)};
}

std::string room_problem(const std::string& dir, std::int64_t need, const std::string& what, std::int64_t keep) {
  const std::optional<DiskSpace> space = disk_space(dir);
  if (!space || need + keep <= space->free) return "";
  std::string text = "not enough space: needs " + size_text(need) + " (" + what + ")";
  if (keep > 0) text += " and keeps " + size_text(keep) + " free";
  return text + ", but " + dir + " has " + size_text(space->free) + " free";
}

}  // namespace bramble
