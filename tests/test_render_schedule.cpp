// The dynamic schedule's tile counter (kernels/render/tile_counter.hpp) on every number of
// ranks up to the run's (so the 4-rank run covers 1, 2, 3 and 4): every tile handed out
// exactly once, in increasing order on each rank, with more tiles than ranks, fewer, and
// none; its messages stay on its own communicator; and the dynamic schedule built on it
// renders every tile once and the one-rank image.
#include <gtest/gtest.h>
#include <mpi.h>

#include <algorithm>
#include <memory>

#include "render/schedule.hpp"
#include "render/sphereflake.hpp"
#include "render/tile_counter.hpp"

namespace bramble::render {
namespace {

int rank_in(MPI_Comm comm) {
  int r = 0;
  MPI_Comm_rank(comm, &r);
  return r;
}

int size_of(MPI_Comm comm) {
  int n = 1;
  MPI_Comm_size(comm, &n);
  return n;
}

// The first `n` ranks of the world; MPI_COMM_NULL on the others. Frees itself.
class FirstRanks {
 public:
  explicit FirstRanks(int n) {
    const int r = rank_in(MPI_COMM_WORLD);
    MPI_Comm_split(MPI_COMM_WORLD, r < n ? 0 : MPI_UNDEFINED, r, &comm_);
  }
  ~FirstRanks() {
    if (comm_ != MPI_COMM_NULL) MPI_Comm_free(&comm_);
  }
  FirstRanks(const FirstRanks&) = delete;
  FirstRanks& operator=(const FirstRanks&) = delete;
  MPI_Comm get() const { return comm_; }

 private:
  MPI_Comm comm_ = MPI_COMM_NULL;
};

// How often each tile was handed out, summed over `comm` onto its rank 0.
std::vector<int> times_taken(MPI_Comm comm, const std::vector<std::size_t>& taken, std::size_t tiles) {
  std::vector<int> mine(tiles, 0), all(tiles, 0);
  for (std::size_t i : taken) ++mine.at(i);
  MPI_Reduce(mine.data(), all.data(), int(tiles), MPI_INT, MPI_SUM, 0, comm);
  return all;
}

TEST(TileCounter, HandsOutEveryTileOnceOnEveryRankCount) {
  for (int n = 1; n <= size_of(MPI_COMM_WORLD); ++n) {
    const FirstRanks group(n);
    if (group.get() == MPI_COMM_NULL) continue;
    // none, fewer tiles than ranks, as many, more, and many more
    for (std::size_t tiles : {std::size_t(0), std::size_t(n / 2), std::size_t(n), std::size_t(3 * n + 1),
                              std::size_t(200)}) {
      std::vector<std::size_t> taken;
      {
        TileCounter counter(group.get(), tiles);
        while (const std::optional<std::size_t> next = counter.take()) {
          taken.push_back(*next);
          counter.serve();  // as rank 0 does between rows
        }
        counter.finish();
      }
      EXPECT_TRUE(std::is_sorted(taken.begin(), taken.end())) << n << " ranks, " << tiles << " tiles";
      const std::vector<int> counts = times_taken(group.get(), taken, tiles);
      if (rank_in(group.get()) != 0) continue;
      for (std::size_t i = 0; i < tiles; ++i)
        EXPECT_EQ(counts[i], 1) << "tile " << i << " of " << tiles << " on " << n << " ranks";
    }
  }
}

TEST(TileCounter, OneRankTakesEveryTileItself) {
  TileCounter counter(MPI_COMM_SELF, 5);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(counter.take(), std::optional<std::size_t>(i));
  EXPECT_EQ(counter.take(), std::nullopt);
  counter.finish();
}

// Messages already waiting on the communicator it was made from, with any tag, are neither
// taken as requests nor disturbed: the counter talks on a duplicate.
TEST(TileCounter, LeavesTheParentCommunicatorsMessagesAlone) {
  const int rank = rank_in(MPI_COMM_WORLD), ranks = size_of(MPI_COMM_WORLD);
  constexpr int kTags = 4;
  if (rank > 0)
    for (int tag = 0; tag < kTags; ++tag) {
      const int value = 100 * rank + tag;
      MPI_Send(&value, 1, MPI_INT, 0, tag, MPI_COMM_WORLD);
    }
  MPI_Barrier(MPI_COMM_WORLD);  // they have arrived (or are on their way) before the counter runs
  std::vector<std::size_t> taken;
  {
    TileCounter counter(MPI_COMM_WORLD, 50);
    while (const std::optional<std::size_t> next = counter.take()) taken.push_back(*next);
    counter.finish();
  }
  const std::vector<int> counts = times_taken(MPI_COMM_WORLD, taken, 50);
  if (rank != 0) return;
  EXPECT_EQ(std::count(counts.begin(), counts.end(), 1), 50);
  for (int from = 1; from < ranks; ++from)
    for (int tag = 0; tag < kTags; ++tag) {
      int value = -1;
      MPI_Recv(&value, 1, MPI_INT, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      EXPECT_EQ(value, 100 * from + tag);
    }
}

// The schedule itself: tiny images of 1, 2, 3 and 12 tiles of 8 pixels, on every rank count.
TEST(DynamicSchedule, RendersEveryTileOnceAndTheOneRankImage) {
  const Scene scene = make_sphereflake(1);
  const Accelerator accel(scene.spheres, true);
  const Tracer tracer(scene, accel, 5);
  PhaseObserver<RenderPhase> quiet;
  for (const RenderSettings s : {RenderSettings{8, 8, 1, 8}, RenderSettings{16, 5, 1, 8},
                                 RenderSettings{20, 7, 2, 8}, RenderSettings{29, 22, 1, 8}}) {
    const PinholeCamera camera(scene.camera, s.width, s.height);
    std::vector<std::uint8_t> alone;
    render_distributed(MPI_COMM_SELF, tracer, camera, s, Schedule::static_rows, alone, quiet);
    for (int n = 1; n <= size_of(MPI_COMM_WORLD); ++n) {
      const FirstRanks group(n);
      if (group.get() == MPI_COMM_NULL) continue;
      std::vector<std::uint8_t> image;
      const RankWork work = render_distributed(group.get(), tracer, camera, s, Schedule::dynamic, image, quiet);
      const std::size_t tiles = schedule_tiles(s, Schedule::dynamic, n).size();
      const TileCoverage coverage = check_coverage(count_renders(group.get(), work, tiles));
      if (rank_in(group.get()) != 0) continue;
      EXPECT_TRUE(coverage.complete()) << s.width << "x" << s.height << " on " << n << " ranks: tile "
                                       << coverage.first_bad << " rendered " << coverage.first_bad_count << " times";
      EXPECT_EQ(image, alone) << s.width << "x" << s.height << " on " << n << " ranks";
    }
  }
}

}  // namespace
}  // namespace bramble::render
