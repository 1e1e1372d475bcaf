#pragma once
// What a render costs in memory, checked before anything is allocated: every rank holds the
// whole image (3 bytes a pixel; the ranks' parts are OR-ed together at the end) and the tile
// list, and rank 0 also a second image for the spot check. A 32768 x 32768 image with
// 1-pixel tiles is a billion tiles; without this check it ends in std::bad_alloc on some
// rank, or the kernel's OOM killer, rather than in a message.
#include <cstdint>

#include "context/topology.hpp"

namespace bramble {

struct RenderFootprint {
  double per_rank = 0;     // bytes on every rank
  double rank0_extra = 0;  // bytes more on rank 0
};

// The largest allowed width and height (and so 3 GiB, the largest image, which PNG can hold).
inline constexpr int kMaxRenderSide = 1 << 15;

RenderFootprint render_footprint(int width, int height, int tile);

// Throws InputError naming the first node whose ranks together need more than it has available.
void check_render_fits(const Topology& topology, int width, int height, int tile);

}  // namespace bramble
