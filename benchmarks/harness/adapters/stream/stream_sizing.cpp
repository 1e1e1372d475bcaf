#include "adapters/stream/stream_sizing.hpp"

#include <algorithm>
#include <limits>

#include "core/errors.hpp"
#include "core/format_units.hpp"
#include "stream/stream.hpp"

namespace bramble {

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
                       " but has " + available_memory_text(node) + "; choose a smaller --stream-n");
  }
}

}  // namespace bramble
