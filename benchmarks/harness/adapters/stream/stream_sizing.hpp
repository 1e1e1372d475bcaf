#pragma once
// Sizing STREAM: N per rank from the last-level cache (each array well beyond it, so no
// rank runs from cache) and from memory (every node's ranks within a share of what it has).
#include <cstdint>
#include <string>

#include "context/topology.hpp"

namespace bramble {

// Where the last-level cache size came from: "sysfs", "sysconf" or "unknown" (bytes 0).
struct LastLevelCache {
  std::int64_t bytes = 0;
  std::string source = "unknown";
};

// What plan() decides; the same on every rank.
struct StreamCase {
  std::int64_t n = 0;    // elements per array per rank
  int iterations = 0;    // K per block; the first is untimed
  LastLevelCache llc;    // the largest over the ranks
};

struct StreamOptions {
  std::int64_t n = 0;  // elements per array per rank; 0: sized from cache and memory
  int iterations = 0;  // 0: kStreamIterations (kStreamQuickIterations with --quick)
};

inline constexpr std::int64_t kStreamMinN = 10'000'000;      // STREAM's usual floor
inline constexpr std::int64_t kStreamQuickMinN = 2'000'000;  // --quick floor
inline constexpr int kStreamCacheMultiple = 4;               // each array >= 4x the LLC
inline constexpr double kStreamMemFraction = 0.4;            // of a node's available memory
inline constexpr int kStreamIterations = 10;
inline constexpr int kStreamQuickIterations = 5;

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

// The largest N (elements per array per rank) such that every node's ranks together use at
// most `fraction` of that node's available memory.
std::int64_t stream_max_n_by_memory(const Topology& topology, double fraction);

// N without --stream-n: each array kStreamCacheMultiple x the LLC, at least kStreamMinN;
// with `quick` the floor is kStreamQuickMinN instead. Capped at `max_n_by_memory`.
std::int64_t stream_default_n(std::int64_t llc_bytes, std::int64_t max_n_by_memory, bool quick);

// Throws InputError naming the first node whose ranks' arrays exceed its available memory.
void check_stream_fits(const Topology& topology, std::int64_t n);

}  // namespace bramble
