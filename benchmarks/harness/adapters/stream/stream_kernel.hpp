#pragma once
// `bramble run stream`: STREAM on every rank at once, so the figure is what the ranks of a
// node (and of the cluster) draw from memory together. It runs in phases, as HplKernel does:
//   setup     - size N per rank from the last-level cache and memory, or take --stream-n;
//   validate  - the node's ranks must fit in its available memory (collective verdict);
//   allocate  - three arrays per rank, initialised as STREAM does;
//   timed run - K iterations of copy, scale, add, triad, a barrier before each kernel;
//               each rank keeps its best time per kernel over iterations 2..K;
//   verify    - each rank replays the scalar recurrence and checks its arrays;
//   report    - total, per-node and per-rank GB/s, one KernelResult, handed to the suite.
#include <cstdint>
#include <string>

#include "suite/kernel.hpp"

namespace bramble {

// What plan() decides; the same on every rank.
struct StreamCase {
  std::int64_t n = 0;          // elements per array per rank
  int iterations = 0;          // K; the first is untimed
  std::int64_t llc_bytes = 0;  // largest last-level cache over the ranks (0: unknown)
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
// <root>/sys/devices/system/cpu/cpu0/cache/index*/{level,type,size}; 0 when none is readable
// (some ARM kernels expose no cache information).
std::int64_t last_level_cache_bytes(const std::string& root = "");

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

  // Setup + validate. Collective; throws AgreedError on bad input.
  StreamCase plan(const RunContext& context) const;

 private:
  KernelResult run_case(const RunContext& context, const StreamCase& c) const;
  StreamOptions opt_;
};

}  // namespace bramble
