#include "adapters/stencil/stencil_sizing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bramble {
namespace {

// The smallest multiple of kStencilEdgeStep whose `dims`-th power is at least `points`.
std::int64_t edge_for(double points, int dims) {
  const double edge = dims == 2 ? std::sqrt(points) : std::cbrt(points);
  return std::max<std::int64_t>(1, std::int64_t(std::ceil(edge / kStencilEdgeStep))) * kStencilEdgeStep;
}

// The largest multiple of kStencilEdgeStep whose `dims`-th power is at most `points`.
std::int64_t edge_within(double points, int dims) {
  const double edge = dims == 2 ? std::sqrt(points) : std::cbrt(points);
  return std::int64_t(std::floor(edge / kStencilEdgeStep)) * kStencilEdgeStep;
}

}  // namespace

StencilSize stencil_default_edge(const std::vector<StencilNode>& nodes, int dims, int grid_ranks,
                                 std::int64_t floor_edge) {
  // Points per rank: what the cache rule asks of the most demanding node, and what the
  // tightest node's memory allows (a node's ranks share its cache and its memory alike).
  double wanted = 0, allowed = std::numeric_limits<double>::infinity();
  for (const StencilNode& n : nodes) {
    const double ranks = std::max(n.ranks, 1);
    wanted = std::max(wanted, double(kStencilCacheMultiple) * double(n.llc_bytes) / (ranks * kStencilBytesPerPoint));
    allowed = std::min(allowed, kStencilMemFraction * double(n.available_bytes) / (ranks * kStencilBytesPerPoint));
  }
  StencilSize s;
  s.edge = std::max(floor_edge, edge_for(wanted * grid_ranks, dims));
  const std::int64_t most = edge_within(allowed * grid_ranks, dims);
  if (s.edge > most && s.edge > floor_edge) {
    s.edge = std::max(most, kStencilEdgeStep);
    s.capped_by_memory = true;
  }
  return s;
}

double smallest_cache_multiple(const std::vector<StencilNode>& nodes, const std::vector<double>& share_bytes) {
  double smallest = 0;
  bool any = false;
  for (std::size_t i = 0; i < nodes.size() && i < share_bytes.size(); ++i) {
    if (nodes[i].llc_bytes <= 0) continue;
    const double multiple = share_bytes[i] / double(nodes[i].llc_bytes);
    smallest = any ? std::min(smallest, multiple) : multiple;
    any = true;
  }
  return smallest;
}

}  // namespace bramble
