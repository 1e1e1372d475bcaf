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

// Samples per pixel without --spp (and without --quick): 4, doubled until each 4 of the
// machine's physical cores have 4 samples per pixel to share: 4 up to 4 cores, 8 up to 8, 16
// up to 16, ... 128 from 65 to 128 cores (and no more). The image stays 800 x 600, so a
// 64-core server's timed phase lasts about as long as a 4-core Pi's, long enough for power
// readings; powers of two keep the cases few enough for golden checksums.
int render_default_spp(int physical_cores);

// Physical cores over the distinct hosts the run's nodes are on (pretend nodes share theirs).
int total_physical_cores(const Topology& topology);

// The largest allowed width and height (and so 3 GiB, the largest image, which PNG can hold).
inline constexpr int kMaxRenderSide = 1 << 15;

RenderFootprint render_footprint(int width, int height, int tile);

// Throws InputError naming the first node whose ranks together need more than it has available.
void check_render_fits(const Topology& topology, int width, int height, int tile);

}  // namespace bramble
