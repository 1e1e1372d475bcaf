#include "render/schedule.hpp"

#include <algorithm>
#include <stdexcept>

namespace bramble::render {
namespace {

using Scope = PhaseScope<RenderPhase>;

void render_one(const Tracer& tracer, const PinholeCamera& camera, const RenderSettings& s, const Tile& t,
                std::vector<std::uint8_t>& image, RankWork& work, PhaseObserver<RenderPhase>& obs) {
  Scope scope(obs, RenderPhase::render);
  render_tile(tracer, camera, s, t, image, work.rays);
  ++work.tiles;
}

// Rank r's rows are [r H / P, (r+1) H / P), cut into full-width strips `tile` rows high.
void run_static(int rank, int ranks, const Tracer& tracer, const PinholeCamera& camera, const RenderSettings& s,
                std::vector<std::uint8_t>& image, RankWork& work, PhaseObserver<RenderPhase>& obs) {
  const int y0 = int(std::int64_t(rank) * s.height / ranks), y1 = int(std::int64_t(rank + 1) * s.height / ranks);
  for (int y = y0; y < y1; y += s.tile)
    render_one(tracer, camera, s, {0, y, s.width, std::min(y + s.tile, y1)}, image, work, obs);
}

void run_cyclic(int rank, int ranks, const Tracer& tracer, const PinholeCamera& camera, const RenderSettings& s,
                std::vector<std::uint8_t>& image, RankWork& work, PhaseObserver<RenderPhase>& obs) {
  const std::vector<Tile> tiles = make_tiles(s);
  for (std::size_t i = static_cast<std::size_t>(rank); i < tiles.size(); i += static_cast<std::size_t>(ranks))
    render_one(tracer, camera, s, tiles[i], image, work, obs);
}

void run_dynamic(MPI_Comm comm, int rank, const Tracer& tracer, const PinholeCamera& camera,
                 const RenderSettings& s, std::vector<std::uint8_t>& image, RankWork& work,
                 PhaseObserver<RenderPhase>& obs) {
  const std::vector<Tile> tiles = make_tiles(s);
  std::int64_t* counter = nullptr;
  MPI_Win win = MPI_WIN_NULL;
  MPI_Win_allocate(rank == 0 ? sizeof(std::int64_t) : 0, sizeof(std::int64_t), MPI_INFO_NULL, comm, &counter, &win);
  if (rank == 0) *counter = 0;
  MPI_Barrier(comm);  // the counter is set before anyone takes a tile
  MPI_Win_lock_all(0, win);
  const std::int64_t one = 1;
  for (;;) {
    std::int64_t next = 0;
    {
      Scope scope(obs, RenderPhase::schedule);
      MPI_Fetch_and_op(&one, &next, MPI_INT64_T, 0, 0, MPI_SUM, win);
      MPI_Win_flush(0, win);
    }
    if (next >= static_cast<std::int64_t>(tiles.size())) break;
    render_one(tracer, camera, s, tiles[static_cast<std::size_t>(next)], image, work, obs);
  }
  MPI_Win_unlock_all(win);
  MPI_Win_free(&win);
}

}  // namespace

Schedule parse_schedule(const std::string& name) {
  if (name == "static") return Schedule::static_rows;
  if (name == "cyclic") return Schedule::cyclic;
  if (name == "dynamic") return Schedule::dynamic;
  throw std::invalid_argument("unknown schedule " + name);
}

const char* schedule_name(Schedule s) {
  return s == Schedule::static_rows ? "static" : s == Schedule::cyclic ? "cyclic" : "dynamic";
}

RankWork render_distributed(MPI_Comm comm, const Tracer& tracer, const PinholeCamera& camera,
                            const RenderSettings& s, Schedule schedule, std::vector<std::uint8_t>& image,
                            PhaseObserver<RenderPhase>& obs) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  image.assign(std::size_t(s.width) * s.height * 3, 0);
  RankWork work;
  switch (schedule) {
    case Schedule::static_rows: run_static(rank, ranks, tracer, camera, s, image, work, obs); break;
    case Schedule::cyclic: run_cyclic(rank, ranks, tracer, camera, s, image, work, obs); break;
    case Schedule::dynamic: run_dynamic(comm, rank, tracer, camera, s, image, work, obs); break;
  }
  {
    Scope scope(obs, RenderPhase::idle);  // waiting for the slowest rank: the imbalance
    MPI_Barrier(comm);
  }
  Scope scope(obs, RenderPhase::gather);
  // Each pixel was written by exactly one rank and is zero elsewhere: OR-ing assembles it.
  MPI_Reduce(rank == 0 ? MPI_IN_PLACE : image.data(), image.data(), static_cast<int>(image.size()),
             MPI_UNSIGNED_CHAR, MPI_BOR, 0, comm);
  return work;
}

}  // namespace bramble::render
