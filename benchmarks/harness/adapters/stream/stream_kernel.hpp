#pragma once
// `bramble run stream`: STREAM on every rank at once, so the figure is what the ranks of a
// node (and of the cluster) draw from memory together. StreamKernel::run reads as its phases:
//   plan      - N per rank from the last-level cache and memory, or --stream-n; the node's
//               ranks must fit in its available memory (collective verdict);
//   allocate  - three arrays per rank;
//   measure   - blocks of STREAM's initialisation, K iterations of copy, scale, add, triad
//               (a barrier before each kernel, the first iteration untimed) and STREAM's
//               check; each rank keeps its time for every kernel in every timed iteration;
//   figures   - the times of all ranks, reduced as STREAM's MPI version does
//               (stream::together): per iteration the slowest rank, then the best iteration;
//   record    - one KernelResult, the STREAM table on rank 0, handed to the suite.
#include <cstdint>
#include <string>

#include "suite/kernel.hpp"

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

class StreamKernel : public Kernel {
 public:
  std::string name() const override { return "stream"; }
  std::string description() const override {
    return "STREAM copy/scale/add/triad on every rank at once, verified as STREAM does (GB/s)";
  }
  void add_options(CLI::App& sub) override;
  void run(RunContext& context) override;

  // Sizing and its check. Collective; throws AgreedError on bad input.
  StreamCase plan(const RunContext& context) const;

 private:
  StreamOptions opt_;
};

}  // namespace bramble
