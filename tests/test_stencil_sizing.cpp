// The stencil's default size (issue 21): every node's share at least 4x its last-level cache,
// at least the fixed floor, within 40 % of memory; and how a node's last-level cache adds up
// over its instances.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "adapters/stencil/stencil_sizing.hpp"
#include "context/last_level_cache.hpp"

namespace bramble {
namespace {

constexpr std::int64_t MiB = std::int64_t{1} << 20, GiB = std::int64_t{1} << 30;

// A Pi 4 cluster: 1 MiB L2 per board, 4 ranks each. 4 x 1 MiB / (4 x 16 B) = 65536 points
// per rank, 16 ranks: 1M points, a 1024 edge: the 4096 floor wins.
TEST(StencilSizing, SmallCachesKeepTheFloor) {
  const std::vector<StencilNode> pis(4, StencilNode{1 * MiB, 3 * GiB, 4});
  const StencilSize s = stencil_default_edge(pis, 2, 16, 4096);
  EXPECT_EQ(s.edge, 4096);
  EXPECT_FALSE(s.capped_by_memory);
}

// A 64-core EPYC, 8 CCX of 32 MiB: 4 x 256 MiB / 16 B = 64 Mi points, an edge of 8192
// (a multiple of 64 already). The old fixed 4096^2 grid (256 MiB) would run from its L3.
TEST(StencilSizing, ABigCacheGrowsTheGridBeyondFourTimesIt) {
  const std::vector<StencilNode> epyc{{256 * MiB, 400 * GiB, 64}};
  EXPECT_EQ(stencil_default_edge(epyc, 2, 64, 4096).edge, 8192);
  // 3D: cbrt(64 Mi) = 406.4, rounded up to 448.
  EXPECT_EQ(stencil_default_edge(epyc, 3, 64, 256).edge, 448);
  // --weak: the edge is per rank, 4 x 256 MiB / (64 x 16 B) = 1 Mi points, the floor wins.
  EXPECT_EQ(stencil_default_edge(epyc, 2, 1, 4096).edge, 4096);
}

// The most demanding node sets the size: a mixed cluster's big-cache node is not measured
// from cache because its neighbours have small ones.
TEST(StencilSizing, TheMostDemandingNodeSetsTheSize) {
  const std::vector<StencilNode> mixed{{1 * MiB, 3 * GiB, 4}, {128 * MiB, 60 * GiB, 4}};
  // 4 x 128 MiB / (4 x 16 B) = 8 Mi points per rank, x 8 ranks = 64 Mi: 8192.
  EXPECT_EQ(stencil_default_edge(mixed, 2, 8, 4096).edge, 8192);
}

// A cache too big for memory: capped at 40 % of the tightest node, and said so.
TEST(StencilSizing, MemoryCapsTheCacheRuleAndSaysSo) {
  const std::vector<StencilNode> odd{{512 * MiB, 1 * GiB, 1}};
  const StencilSize s = stencil_default_edge(odd, 2, 1, 1024);
  EXPECT_TRUE(s.capped_by_memory);
  // 0.4 x 1 GiB / 16 B = 26.8 M points: edge 5182, down to a multiple of 64: 5120.
  EXPECT_EQ(s.edge, 5120);
  EXPECT_LE(double(s.edge) * double(s.edge) * kStencilBytesPerPoint, 0.4 * double(GiB));
}

TEST(StencilSizing, CacheMultipleIsTheSmallestOverNodesWithAKnownCache) {
  const std::vector<StencilNode> nodes{{4 * MiB, GiB, 4}, {0, GiB, 4}, {8 * MiB, GiB, 4}};
  EXPECT_DOUBLE_EQ(smallest_cache_multiple(nodes, {40.0 * MiB, 1.0, 16.0 * MiB}), 2.0);
  EXPECT_DOUBLE_EQ(smallest_cache_multiple({{0, GiB, 1}}, {1.0}), 0.0);  // unknown: no verdict
}

// A node's last-level cache is every instance once: two L3s shared by CPUs 0-1 and 2-3.
TEST(LastLevelCache, NodeTotalCountsEachInstanceOnce) {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("bramble-llc-" + std::to_string(getpid()));
  for (int cpu = 0; cpu < 4; ++cpu) {
    const fs::path d = root / ("sys/devices/system/cpu/cpu" + std::to_string(cpu)) / "cache/index3";
    fs::create_directories(d);
    std::ofstream(d / "level") << "3\n";
    std::ofstream(d / "type") << "Unified\n";
    std::ofstream(d / "size") << "32768K\n";
    std::ofstream(d / "shared_cpu_list") << (cpu < 2 ? "0-1" : "2-3") << '\n';
  }
  fs::create_directories(root / "sys/devices/system/cpu/cpufreq");  // not a CPU
  const LastLevelCache llc = last_level_cache(root.string(), [](int) { return -1L; });
  EXPECT_EQ(llc.bytes, 32 * MiB);
  EXPECT_EQ(llc.node_bytes, 64 * MiB);
  EXPECT_EQ(llc.instances, 2);
  EXPECT_EQ(llc.source, "sysfs");
  fs::remove_all(root);
  // Only sysconf: one instance's size stands for the node.
  const LastLevelCache vm = last_level_cache(root.string(), [](int) { return 16L << 20; });
  EXPECT_EQ(vm.node_bytes, 16 * MiB);
  EXPECT_EQ(vm.source, "sysconf");
}

}  // namespace
}  // namespace bramble
