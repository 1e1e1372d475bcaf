#include "adapters/render/render_sizing.hpp"

#include <set>
#include <string>

#include "core/errors.hpp"
#include "core/format_units.hpp"

namespace bramble {

int render_default_spp(int physical_cores) {
  int spp = 4;
  while (spp < 128 && spp < physical_cores) spp *= 2;
  return spp;
}

int total_physical_cores(const Topology& topology) {
  std::set<std::string> hosts;
  int cores = 0;
  for (int node = 0; node < topology.node_count(); ++node)
    if (hosts.insert(topology.host_of(node)).second)
      cores += physical_cores_or_logical(topology.nodes()[static_cast<std::size_t>(node)]);
  return cores;
}

RenderFootprint render_footprint(int width, int height, int tile) {
  const double pixels = double(width) * double(height);
  const double tiles = double((width + tile - 1) / tile) * double((height + tile - 1) / tile);
  // Per tile: the tile (16 bytes) in the schedule's list and again in verification's, a
  // render count (4) and, on the rank that rendered it, its index (8).
  return {3 * pixels + 44 * tiles, 3 * pixels + 16 * tiles};
}

void check_render_fits(const Topology& topology, int width, int height, int tile) {
  const RenderFootprint f = render_footprint(width, height, tile);
  for (int node = 0; node < topology.node_count(); ++node) {
    const NodeInfo& info = topology.nodes()[static_cast<std::size_t>(node)];
    const double need = f.per_rank * info.ranks + (topology.node_of_rank(0) == node ? f.rank0_extra : 0);
    if (need > double(info.memory_available_bytes))
      throw InputError("a " + std::to_string(width) + "x" + std::to_string(height) + " image in " +
                       std::to_string(tile) + "-pixel tiles does not fit: node " + info.hostname + " (" +
                       std::to_string(info.ranks) + " rank(s), each holding the whole image) needs " + gib(need) +
                       " but has " + available_memory_text(info) +
                       "; choose a smaller --width, --height or a larger --tile");
  }
}

}  // namespace bramble
