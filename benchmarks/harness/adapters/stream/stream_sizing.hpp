#pragma once
// Sizing STREAM: N per rank from the last-level caches (each array, over a node's ranks, 4x
// the node's caches together, so no node runs from cache) and from memory (every node's ranks within a share of what it has).
#include <cstdint>
#include <string>

#include "context/last_level_cache.hpp"
#include "context/topology.hpp"

namespace bramble {

// What plan() decides; the same on every rank.
struct StreamCase {
  std::int64_t n = 0;    // elements per array per rank
  int iterations = 0;    // K per block; the first is untimed
  LastLevelCache llc;    // the largest over the ranks
  std::int64_t llc_per_rank = 0;  // a node's last-level caches over its ranks, the largest over nodes
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

// The largest N (elements per array per rank) such that every node's ranks together use at
// most `fraction` of that node's available memory.
std::int64_t stream_max_n_by_memory(const Topology& topology, double fraction);

// N without --stream-n: each array kStreamCacheMultiple x `llc_bytes` (a node's last-level
// caches shared among its ranks, so that a node's ranks' arrays together are 4x its caches,
// STREAM's rule), at least kStreamMinN;
// with `quick` the floor is kStreamQuickMinN instead. Capped at `max_n_by_memory`.
std::int64_t stream_default_n(std::int64_t llc_bytes, std::int64_t max_n_by_memory, bool quick);

// Throws InputError naming the first node whose ranks' arrays exceed its available memory.
void check_stream_fits(const Topology& topology, std::int64_t n);

}  // namespace bramble
