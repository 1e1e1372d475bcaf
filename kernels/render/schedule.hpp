#pragma once
// Sharing the image among MPI ranks. Three schedules, to teach load balancing:
//   static  - rank r takes the r-th contiguous block of rows: no coordination at all, but a
//             block full of reflective spheres costs far more than a block of sky;
//   cyclic  - tile i goes to rank i mod P: expensive regions are spread over everyone,
//             still with no coordination, but the split is fixed in advance;
//   dynamic - each rank asks for the next tile when it is free: a shared counter on rank 0
//             incremented with MPI_Fetch_and_op (one-sided, so rank 0 also renders and no
//             rank sits idle as a master); ranks that drew cheap tiles simply take more.
// Every pixel is computed the same way whoever renders it, so all schedules produce the
// same image, bit for bit.
#include <mpi.h>

#include <cstdint>
#include <string>
#include <vector>

#include "common/phase_scope.hpp"
#include "render/tile.hpp"

namespace bramble::render {

enum class Schedule { static_rows, cyclic, dynamic };
Schedule parse_schedule(const std::string& name);  // "static", "cyclic", "dynamic"
const char* schedule_name(Schedule s);

enum class RenderPhase { render, schedule, idle, gather };
inline constexpr int kRenderPhaseCount = 4;
inline constexpr const char* kRenderPhaseNames[kRenderPhaseCount] = {"render", "schedule", "idle", "gather"};

struct RankWork {
  int tiles = 0;
  RayCount rays;
};

// Renders the whole image over `comm`; on rank 0 `image` (3 bytes per pixel) holds the
// result, elsewhere it holds only that rank's tiles. Collective.
RankWork render_distributed(MPI_Comm comm, const Tracer& tracer, const PinholeCamera& camera,
                            const RenderSettings& settings, Schedule schedule, std::vector<std::uint8_t>& image,
                            PhaseObserver<RenderPhase>& observer);

}  // namespace bramble::render
