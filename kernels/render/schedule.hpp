#pragma once
// Sharing the image among MPI ranks. Three schedules, to teach load balancing:
//   static  - rank r takes the r-th contiguous block of rows: no coordination at all, but a
//             block full of reflective spheres costs far more than a block of sky;
//   cyclic  - tile i goes to rank i mod P: expensive regions are spread over everyone,
//             still with no coordination, but the split is fixed in advance;
//   dynamic - each rank asks for the next tile when it is free: a shared counter that
//             rank 0 keeps and answers between the rows of its own tiles (tile_counter.hpp;
//             rank 0 renders too, no rank sits idle as a master); ranks that drew cheap
//             tiles simply take more.
// Every pixel is computed the same way whoever renders it, so all schedules produce the
// same image, bit for bit.
#include <mpi.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/phase_scope.hpp"
#include "render/tile.hpp"

namespace bramble::render {

enum class Schedule { static_rows, cyclic, dynamic };
Schedule parse_schedule(const std::string& name);  // "static", "cyclic", "dynamic"

enum class RenderPhase { render, schedule, idle, gather };
inline constexpr int kRenderPhaseCount = 4;
inline constexpr const char* kRenderPhaseNames[kRenderPhaseCount] = {"render", "schedule", "idle", "gather"};

// The tiles a schedule hands out on `ranks` ranks, in the order its records number them:
// the square tiles of make_tiles for cyclic and dynamic; for static, each rank's block of
// rows cut into full-width strips s.tile rows high, rank 0's first.
std::vector<Tile> schedule_tiles(const RenderSettings& s, Schedule schedule, int ranks);

struct RankWork {
  std::vector<std::size_t> rendered;  // indices into schedule_tiles, in the order rendered
  RayCount rays;
};

// MPI counts are int, and some MPI libraries overflow on counts near INT_MAX, so big
// reductions go in pieces no larger than this.
inline constexpr std::size_t kMaxReduceChunk = INT_MAX / 2;

// Reduces `count` elements of `type` at `data` onto rank 0 (in place there) with `op`, at
// most `chunk` elements per MPI call. Collective.
void reduce_in_chunks(MPI_Comm comm, void* data, std::size_t count, MPI_Datatype type, MPI_Op op,
                      std::size_t chunk = kMaxReduceChunk);

// Renders the whole image over `comm`; on rank 0 `image` (3 bytes per pixel) holds the
// result, elsewhere it holds only that rank's tiles. Collective. `reduce_chunk` is there
// for tests: images too big for one MPI call are rare.
RankWork render_distributed(MPI_Comm comm, const Tracer& tracer, const PinholeCamera& camera,
                            const RenderSettings& settings, Schedule schedule, std::vector<std::uint8_t>& image,
                            PhaseObserver<RenderPhase>& observer, std::size_t reduce_chunk = kMaxReduceChunk);

// How many times each of `tiles` tiles was rendered, summed over the ranks' records; on
// rank 0 only (empty elsewhere). Collective.
std::vector<std::int32_t> count_renders(MPI_Comm comm, const RankWork& work, std::size_t tiles);

// The image is whole only if every tile was rendered exactly once. The assembly ORs the
// ranks' images, so a skipped tile just stays black, and a tile rendered twice ORs with an
// identical copy of itself: neither shows in the image, only in the schedule's records.
struct TileCoverage {
  std::size_t total = 0, once = 0;
  std::size_t first_bad = 0;     // lowest tile not rendered exactly once (when !complete())
  std::int32_t first_bad_count = 0;
  bool complete() const { return once == total; }
};
TileCoverage check_coverage(const std::vector<std::int32_t>& counts);

}  // namespace bramble::render
