#include "context/last_level_cache.hpp"

#include <unistd.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <utility>

#include "core/sysfs.hpp"

namespace bramble {
namespace {

// The level of the highest data or unified cache a CPU's cache directory lists, with the
// directory of that index; {0, ""} when none is readable.
std::pair<int, std::filesystem::path> highest_cache(const std::filesystem::path& cache_dir) {
  int best_level = 0;
  std::int64_t best_size = 0;
  std::filesystem::path best;
  for (const auto& index : sysfs::entries(cache_dir, "index")) {
    if (sysfs::read_trimmed(index / "type") == "Instruction") continue;
    const std::int64_t size = parse_cache_size(sysfs::read_trimmed(index / "size"));
    int level = 0;
    std::istringstream(sysfs::read_trimmed(index / "level")) >> level;
    if (size <= 0 || level <= 0) continue;
    if (level > best_level || (level == best_level && size > best_size)) {
      best_level = level;
      best_size = size;
      best = index;
    }
  }
  return {best_level, best};
}

// Every CPU's highest cache, each instance once (CPUs sharing one list the same CPUs in its
// shared_cpu_list): their sizes summed, and how many there are.
std::pair<std::int64_t, int> sysfs_node_total(const std::string& root) {
  std::set<std::string> seen;
  std::int64_t total = 0;
  for (const auto& cpu : sysfs::entries(root + "/sys/devices/system/cpu", "cpu")) {
    const auto [level, index] = highest_cache(cpu / "cache");
    if (level == 0) continue;
    const std::string shared = sysfs::read_trimmed(index / "shared_cpu_list");
    if (!seen.insert(shared.empty() ? cpu.filename().string() : shared).second) continue;
    total += parse_cache_size(sysfs::read_trimmed(index / "size"));
  }
  return {total, int(seen.size())};
}

}  // namespace

std::int64_t parse_cache_size(const std::string& text) {
  std::istringstream in(text);
  std::int64_t value = 0;
  if (!(in >> value) || value < 0) return 0;
  char unit = 0;
  in >> unit;
  switch (unit) {
    case 0: return value;
    case 'K': case 'k': return value << 10;
    case 'M': case 'm': return value << 20;
    case 'G': case 'g': return value << 30;
    default: return 0;
  }
}

std::int64_t sysfs_last_level_cache_bytes(const std::string& root) {
  const auto [level, index] = highest_cache(root + "/sys/devices/system/cpu/cpu0/cache");
  return level == 0 ? 0 : parse_cache_size(sysfs::read_trimmed(index / "size"));
}

LastLevelCache last_level_cache(const std::string& root, SysconfQuery query) {
  if (const std::int64_t bytes = sysfs_last_level_cache_bytes(root); bytes > 0) {
    const auto [total, instances] = sysfs_node_total(root);
    return {bytes, "sysfs", std::max(total, bytes), std::max(instances, 1)};
  }
  // glibc answers these from cpuid on x86 even where /sys has no cache directory.
  for (int name : {_SC_LEVEL3_CACHE_SIZE, _SC_LEVEL2_CACHE_SIZE})
    if (const long bytes = query(name); bytes > 0) return {bytes, "sysconf", bytes, 0};
  return {};
}

LastLevelCache last_level_cache() { return last_level_cache("", ::sysconf); }

}  // namespace bramble
