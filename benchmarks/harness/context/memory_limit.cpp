#include "context/memory_limit.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "core/format_units.hpp"
#include "core/sysfs.hpp"

namespace bramble {
namespace {
namespace fs = std::filesystem;

// A number of bytes, or -1 for "max" (cgroup v2), an absurd v1 "no limit" or anything unreadable.
std::int64_t limit_value(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 18) return -1;
  const std::int64_t v = std::stoll(text);
  return v >= (std::int64_t{1} << 60) ? -1 : v;  // v1 writes 9223372036854771712 for none
}

// The cgroup path of this process for v2 ("0::/path") or v1's memory controller ("N:memory:/path").
struct CgroupPath {
  bool v2 = false;
  std::string path;
};

CgroupPath memory_cgroup(const std::string& proc_cgroup) {
  std::istringstream in(proc_cgroup);
  std::string line;
  CgroupPath found;
  while (std::getline(in, line)) {
    const auto first = line.find(':'), second = first == std::string::npos ? first : line.find(':', first + 1);
    if (second == std::string::npos) continue;
    const std::string controllers = line.substr(first + 1, second - first - 1), path = line.substr(second + 1);
    std::istringstream list(controllers);
    std::string c;
    while (std::getline(list, c, ','))
      if (c == "memory") return {false, path};
    if (line.rfind("0::", 0) == 0) found = {true, path};
  }
  return found;
}

void tighten(MemoryLimits& limits, std::int64_t limit, std::int64_t used, const std::string& file) {
  if (limit < 0) return;
  const std::int64_t free = std::max<std::int64_t>(0, limit - std::max<std::int64_t>(used, 0));
  if (limits.cgroup_free >= 0 && free >= limits.cgroup_free) return;
  limits.cgroup_free = free;
  limits.cgroup_name = "cgroup " + file + " " + gib(double(limit));
}

// The limit can be set on any ancestor of the process's cgroup: each level is read, up to the root.
void read_cgroup(MemoryLimits& limits, const std::string& root) {
  const CgroupPath cg = memory_cgroup(sysfs::read_trimmed(root + "/proc/self/cgroup"));
  if (cg.path.empty()) return;
  const fs::path base = fs::path(root + "/sys/fs/cgroup") / (cg.v2 ? "" : "memory");
  const char* limit_file = cg.v2 ? "memory.max" : "memory.limit_in_bytes";
  const char* usage_file = cg.v2 ? "memory.current" : "memory.usage_in_bytes";
  for (fs::path p = fs::path(cg.path).relative_path();; p = p.parent_path()) {
    const fs::path dir = base / p;
    tighten(limits, limit_value(sysfs::read_trimmed(dir / limit_file)), limit_value(sysfs::read_trimmed(dir / usage_file)),
            limit_file);
    if (p.empty()) break;
  }
}

// VmSize and VmData of this process, in bytes, from /proc/self/status.
std::pair<std::int64_t, std::int64_t> process_sizes() {
  std::ifstream in("/proc/self/status");
  std::string key;
  std::int64_t size = 0, data = 0, value = 0;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    if (!(words >> key >> value)) continue;
    if (key == "VmSize:") size = value * 1024;
    if (key == "VmData:") data = value * 1024;
  }
  return {size, data};
}

void read_rlimits(MemoryLimits& limits) {
  const auto [size, data] = process_sizes();
  for (const auto& [resource, used, name] : {std::tuple{RLIMIT_AS, size, "ulimit -v"}, std::tuple{RLIMIT_DATA, data, "ulimit -d"}}) {
    struct rlimit r {};
    if (::getrlimit(resource, &r) != 0 || r.rlim_cur == RLIM_INFINITY) continue;
    const std::int64_t limit = static_cast<std::int64_t>(std::min<rlim_t>(r.rlim_cur, rlim_t{1} << 62));
    const std::int64_t free = std::max<std::int64_t>(0, limit - used);
    if (limits.process_free >= 0 && free >= limits.process_free) continue;
    limits.process_free = free;
    limits.process_name = std::string(name) + " " + gib(double(limit)) + " per process";
  }
}

}  // namespace

MemoryLimits read_memory_limits(const std::string& root) {
  MemoryLimits limits;
  read_cgroup(limits, root);
  if (root.empty()) read_rlimits(limits);
  return limits;
}

LimitedMemory limited_available(std::int64_t mem_available, const MemoryLimits& limits, int ranks) {
  LimitedMemory out{mem_available, ""};
  if (limits.cgroup_free >= 0 && limits.cgroup_free < out.available) out = {limits.cgroup_free, limits.cgroup_name};
  const std::int64_t process_room = limits.process_free * std::max(ranks, 1);
  if (limits.process_free >= 0 && process_room < out.available) out = {process_room, limits.process_name};
  return out;
}

}  // namespace bramble
