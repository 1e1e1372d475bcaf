#pragma once
// The last-level cache: how big one is, and how much of it a node has in all. Benchmarks of
// memory (STREAM, the stencil) size their arrays well beyond it, so that no machine is
// measured from its cache while another is measured from its memory.
#include <cstdint>
#include <string>

namespace bramble {

// Where the size came from: "sysfs", "sysconf" or "unknown" (bytes 0).
struct LastLevelCache {
  std::int64_t bytes = 0;       // one instance: what cpu0 sees
  std::string source = "unknown";
  // Every instance on the node together: a 64-core EPYC has one L3 per 8-core CCX, 8 in
  // all. From sysfs (distinct shared_cpu_list sets); where only sysconf answers, `bytes`,
  // as a VM's cpuid often reports its host's whole L3 anyway.
  std::int64_t node_bytes = 0;
  int instances = 0;            // 0 where unknown
};

// "32768K", "1M", "512" (sysfs cache sizes) to bytes; 0 when unreadable.
std::int64_t parse_cache_size(const std::string& text);

// Size of the highest-level data or unified cache of cpu0, from
// <root>/sys/devices/system/cpu/cpu0/cache/index*/{level,type,size}; 0 when none is readable.
std::int64_t sysfs_last_level_cache_bytes(const std::string& root = "");

// sysfs first; where it has nothing (some VMs, some ARM kernels), sysconf's L3 then L2 size,
// as `query` (sysconf) reports them.
using SysconfQuery = long (*)(int);
LastLevelCache last_level_cache(const std::string& root, SysconfQuery query);
LastLevelCache last_level_cache();  // this machine: /sys and ::sysconf

}  // namespace bramble
