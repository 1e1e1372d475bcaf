#include "adapters/stream/stream_sizing.hpp"

#include <unistd.h>

#include <algorithm>
#include <limits>
#include <sstream>

#include "core/errors.hpp"
#include "core/format_units.hpp"
#include "core/sysfs.hpp"
#include "stream/stream.hpp"

namespace bramble {

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
  int best_level = 0;
  std::int64_t best_size = 0;
  for (const auto& index : sysfs::entries(root + "/sys/devices/system/cpu/cpu0/cache", "index")) {
    if (sysfs::read_trimmed(index / "type") == "Instruction") continue;
    const std::int64_t size = parse_cache_size(sysfs::read_trimmed(index / "size"));
    int level = 0;
    std::istringstream(sysfs::read_trimmed(index / "level")) >> level;
    if (size <= 0 || level <= 0) continue;
    if (level > best_level || (level == best_level && size > best_size)) {
      best_level = level;
      best_size = size;
    }
  }
  return best_size;
}

LastLevelCache last_level_cache(const std::string& root, SysconfQuery query) {
  if (const std::int64_t bytes = sysfs_last_level_cache_bytes(root); bytes > 0) return {bytes, "sysfs"};
  // glibc answers these from cpuid on x86 even where /sys has no cache directory.
  for (int name : {_SC_LEVEL3_CACHE_SIZE, _SC_LEVEL2_CACHE_SIZE})
    if (const long bytes = query(name); bytes > 0) return {bytes, "sysconf"};
  return {};
}

LastLevelCache last_level_cache() { return last_level_cache("", ::sysconf); }

std::int64_t stream_max_n_by_memory(const Topology& topology, double fraction) {
  std::int64_t n = std::numeric_limits<std::int64_t>::max();
  for (const NodeInfo& node : topology.nodes()) {
    const double per_rank = double(node.memory_available_bytes) * fraction / std::max(node.ranks, 1);
    n = std::min(n, static_cast<std::int64_t>(per_rank / double(stream::array_bytes(1))));
  }
  return n;
}

std::int64_t stream_default_n(std::int64_t llc_bytes, std::int64_t max_n_by_memory, bool quick) {
  const std::int64_t by_cache = kStreamCacheMultiple * llc_bytes / static_cast<std::int64_t>(sizeof(double));
  const std::int64_t n = std::max(quick ? kStreamQuickMinN : kStreamMinN, by_cache);
  return std::min(n, max_n_by_memory);
}

void check_stream_fits(const Topology& topology, std::int64_t n) {
  for (const NodeInfo& node : topology.nodes()) {
    const double need = double(node.ranks) * double(stream::array_bytes(1)) * double(n);
    if (need > double(node.memory_available_bytes))
      throw InputError("N=" + std::to_string(n) + "/rank does not fit: node " + node.hostname + " (" +
                       std::to_string(node.ranks) + " rank(s), 3 arrays each) needs " + gib(need) +
                       " but has " + gib(double(node.memory_available_bytes)) +
                       " available; choose a smaller --stream-n");
  }
}

}  // namespace bramble
