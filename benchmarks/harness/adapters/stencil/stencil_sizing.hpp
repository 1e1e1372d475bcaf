#pragma once
// Sizing the stencil's grid without --n, as STREAM sizes its arrays: every node's share of the
// two arrays at least 4x that node's last-level cache (all of its instances), so that no
// machine is measured from a cache while another is measured from memory (a server's L3 can
// hold what a Pi's memory must serve), and every node's ranks within 40 % of its available
// memory. Never smaller than the fixed default edge (4096 in 2D, 256 in 3D), which keeps the
// timed phase of a small cluster long enough to measure.
#include <cstdint>
#include <vector>

namespace bramble {

inline constexpr int kStencilCacheMultiple = 4;
inline constexpr double kStencilMemFraction = 0.4;
inline constexpr std::int64_t kStencilBytesPerPoint = 2 * 8;  // two arrays of doubles
inline constexpr std::int64_t kStencilEdgeStep = 64;          // default edges are multiples of this
inline constexpr std::int64_t kStencilFloorEdge2d = 4096, kStencilFloorEdge3d = 256;
inline constexpr std::int64_t kStencilQuickEdge2d = 2048, kStencilQuickEdge3d = 128;  // --quick: fixed

// What one node has, as the sizing sees it.
struct StencilNode {
  std::int64_t llc_bytes = 0;        // the node's last-level cache, all instances; 0: unknown
  std::int64_t available_bytes = 0;  // memory available
  int ranks = 1;
};

struct StencilSize {
  std::int64_t edge = 0;          // per axis
  bool capped_by_memory = false;  // the cache rule asked for more than memory allows
};

// The default edge of a `dims`-D grid over `grid_ranks` ranks (1 with --weak, where the edge
// is per rank): the cache rule's points per rank times grid_ranks, rounded up to a multiple
// of kStencilEdgeStep, at least `floor_edge`; capped by memory (then at least one step).
StencilSize stencil_default_edge(const std::vector<StencilNode>& nodes, int dims, int grid_ranks,
                                 std::int64_t floor_edge);

// How many times each node's share of the grid (`share_bytes`, per node) exceeds its last-level
// cache: the smallest over the nodes whose cache is known; 0 where none is.
double smallest_cache_multiple(const std::vector<StencilNode>& nodes, const std::vector<double>& share_bytes);

}  // namespace bramble
