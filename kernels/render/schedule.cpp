#include "render/schedule.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "render/tile_counter.hpp"

namespace bramble::render {
namespace {

using Scope = PhaseScope<RenderPhase>;

// Renders tile i and notes it in the rank's records, which the coverage check reads.
struct Renderer {
  const Tracer& tracer;
  const PinholeCamera& camera;
  const RenderSettings& s;
  const std::vector<Tile>& tiles;
  std::vector<std::uint8_t>& image;
  RankWork& work;
  PhaseObserver<RenderPhase>& obs;

  void operator()(std::size_t i) const {
    Scope scope(obs, RenderPhase::render);
    render_tile(tracer, camera, s, tiles[i], image, work.rays);
    work.rendered.push_back(i);
  }

  // The same, one row at a time, calling between_rows() after each row (outside the render
  // phase). A pixel does not depend on what else is rendered with it: same image.
  template <class F>
  void by_rows(std::size_t i, F between_rows) const {
    const Tile& t = tiles[i];
    for (int y = t.y0; y < t.y1; ++y) {
      {
        Scope scope(obs, RenderPhase::render);
        render_tile(tracer, camera, s, Tile{t.x0, y, t.x1, y + 1}, image, work.rays);
      }
      between_rows();
    }
    work.rendered.push_back(i);
  }
};

// Rank r's rows under the static schedule are [r H / P, (r+1) H / P).
int block_start(int rank, int ranks, int height) { return int(std::int64_t(rank) * height / ranks); }

bool is_root(MPI_Comm comm) {
  int rank = 0;
  MPI_Comm_rank(comm, &rank);
  return rank == 0;
}

void run_static(int rank, int ranks, const Renderer& render) {
  const int y0 = block_start(rank, ranks, render.s.height), y1 = block_start(rank + 1, ranks, render.s.height);
  for (std::size_t i = 0; i < render.tiles.size(); ++i)
    if (render.tiles[i].y0 >= y0 && render.tiles[i].y0 < y1) render(i);
}

void run_cyclic(int rank, int ranks, const Renderer& render) {
  for (std::size_t i = static_cast<std::size_t>(rank); i < render.tiles.size(); i += static_cast<std::size_t>(ranks))
    render(i);
}

// Every rank takes the next tile from one counter until there are none left; rank 0 keeps
// the counter and, while rendering its own tiles, answers the others' requests between rows
// (tile_counter.hpp says why not a one-sided window, and how the messages go).
void run_dynamic(MPI_Comm comm, const Renderer& render) {
  TileCounter counter(comm, render.tiles.size());
  const auto serve = [&] {
    Scope scope(render.obs, RenderPhase::schedule);
    counter.serve();
  };
  for (;;) {
    std::optional<std::size_t> next;
    {
      Scope scope(render.obs, RenderPhase::schedule);
      next = counter.take();
    }
    if (!next) break;
    if (counter.is_server())
      render.by_rows(*next, serve);
    else
      render(*next);
  }
  Scope scope(render.obs, RenderPhase::schedule);
  counter.finish();  // rank 0: until every other rank has been told there are no more tiles
}

}  // namespace

Schedule parse_schedule(const std::string& name) {
  if (name == "static") return Schedule::static_rows;
  if (name == "cyclic") return Schedule::cyclic;
  if (name == "dynamic") return Schedule::dynamic;
  throw std::invalid_argument("unknown schedule " + name);
}

std::vector<Tile> schedule_tiles(const RenderSettings& s, Schedule schedule, int ranks) {
  if (schedule != Schedule::static_rows) return make_tiles(s);
  std::vector<Tile> strips;
  for (int r = 0; r < ranks; ++r) {
    const int y1 = block_start(r + 1, ranks, s.height);
    for (int y = block_start(r, ranks, s.height); y < y1; y += s.tile)
      strips.push_back({0, y, s.width, std::min(y + s.tile, y1)});
  }
  return strips;
}

void reduce_in_chunks(MPI_Comm comm, void* data, std::size_t count, MPI_Datatype type, MPI_Op op,
                      std::size_t chunk) {
  if (chunk == 0 || chunk > std::size_t(INT_MAX)) throw std::invalid_argument("reduce chunk out of range");
  int size = 0;
  MPI_Type_size(type, &size);
  const bool root = is_root(comm);
  for (std::size_t done = 0; done < count; done += chunk) {
    void* at = static_cast<char*>(data) + done * std::size_t(size);
    const int n = static_cast<int>(std::min(chunk, count - done));
    MPI_Reduce(root ? MPI_IN_PLACE : at, at, n, type, op, 0, comm);
  }
}

RankWork render_distributed(MPI_Comm comm, const Tracer& tracer, const PinholeCamera& camera,
                            const RenderSettings& s, Schedule schedule, std::vector<std::uint8_t>& image,
                            PhaseObserver<RenderPhase>& obs, std::size_t reduce_chunk) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  image.assign(std::size_t(s.width) * s.height * 3, 0);
  const std::vector<Tile> tiles = schedule_tiles(s, schedule, ranks);
  RankWork work;
  const Renderer render{tracer, camera, s, tiles, image, work, obs};
  switch (schedule) {
    case Schedule::static_rows: run_static(rank, ranks, render); break;
    case Schedule::cyclic: run_cyclic(rank, ranks, render); break;
    case Schedule::dynamic: run_dynamic(comm, render); break;
  }
  {
    Scope scope(obs, RenderPhase::idle);  // waiting for the slowest rank: the imbalance
    MPI_Barrier(comm);
  }
  Scope scope(obs, RenderPhase::gather);
  // Each pixel was written by one rank and is zero elsewhere: OR-ing assembles it.
  reduce_in_chunks(comm, image.data(), image.size(), MPI_UNSIGNED_CHAR, MPI_BOR, reduce_chunk);
  return work;
}

std::vector<std::int32_t> count_renders(MPI_Comm comm, const RankWork& work, std::size_t tiles) {
  std::vector<std::int32_t> counts(tiles, 0);
  // An index past the end counts nowhere, so some tile comes up short.
  for (std::size_t i : work.rendered)
    if (i < tiles) ++counts[i];
  reduce_in_chunks(comm, counts.data(), counts.size(), MPI_INT32_T, MPI_SUM);
  if (!is_root(comm)) counts.clear();
  return counts;
}

TileCoverage check_coverage(const std::vector<std::int32_t>& counts) {
  TileCoverage c;
  c.total = counts.size();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] == 1) {
      ++c.once;
    } else if (c.once == i) {  // every tile before i was fine: i is the first bad one
      c.first_bad = i;
      c.first_bad_count = counts[i];
    }
  }
  return c;
}

}  // namespace bramble::render
