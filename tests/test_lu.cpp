// The distributed LU solver against LAPACK's dgesv and the frozen reference, on every
// grid that fits the rank count, with awkward N and NB, look-ahead depths 0-3, every panel
// broadcast and both row-swap algorithms.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>
#include <vector>

#include "hpl/back_solve.hpp"
#include "hpl/lu_factor.hpp"
#include "hpl/lu_ref.hpp"
#include "hpl/residual.hpp"
#include "hpl_test_util.hpp"
#include "lapack.hpp"

namespace bramble::hpl {
namespace {

using testing::full_system;
using testing::grids_for;
using testing::grids_for_world;

std::vector<double> lapack_solve(std::uint64_t seed, std::int64_t n) {
  auto [a, b] = full_system(seed, n);
  const int ni = static_cast<int>(n), one = 1;
  std::vector<int> ipiv(static_cast<std::size_t>(n));
  int info = 0;
  dgesv_(&ni, &one, a.data(), &ni, ipiv.data(), b.data(), &ni, &info);
  EXPECT_EQ(info, 0);
  return b;
}

double max_rel_diff(const std::vector<double>& x, const std::vector<double>& ref) {
  double diff = 0, scale = 0;
  for (std::size_t i = 0; i < ref.size(); ++i) {
    diff = std::max(diff, std::fabs(x[i] - ref[i]));
    scale = std::max(scale, std::fabs(ref[i]));
  }
  return diff / scale;
}

struct SolveResult {
  std::vector<double> x;
  ResidualNorms norms;
  bool nonsingular;
};

LuOptions with_depth(int depth) {
  LuOptions options;
  options.depth = depth;
  return options;
}

SolveResult solve_distributed(int p, int q, std::int64_t n, int nb, LuOptions options,
                              std::uint64_t seed) {
  ProcessGrid grid(MPI_COMM_WORLD, p, q);
  DistMatrix a(grid, n, nb);
  generate_system(a, seed);
  LuObserver quiet;
  options.update_chunk = 7;  // many small chunks: exercises the chunked update and polling
  const LuOutcome outcome = factor_lu(a, options, quiet);
  std::vector<double> x = back_substitute(a, quiet);
  generate_system(a, seed);
  return {x, hpl_residual(a, x), outcome.nonsingular};
}

// The grid loops below check nothing on a rank count with no grid, so the grids must
// cover every rank count, primes and composites alike.
TEST(LuGrids, EveryFactorisationOfTheRankCountInBothOrders) {
  using Grids = std::vector<std::pair<int, int>>;
  EXPECT_EQ(grids_for(1), (Grids{{1, 1}}));
  EXPECT_EQ(grids_for(2), (Grids{{1, 2}, {2, 1}}));
  EXPECT_EQ(grids_for(3), (Grids{{1, 3}, {3, 1}}));
  EXPECT_EQ(grids_for(4), (Grids{{1, 4}, {2, 2}, {4, 1}}));
  EXPECT_EQ(grids_for(8), (Grids{{1, 8}, {2, 4}, {4, 2}, {8, 1}}));
  EXPECT_EQ(grids_for(12), (Grids{{1, 12}, {2, 6}, {3, 4}, {4, 3}, {6, 2}, {12, 1}}));
  const Grids mine = grids_for_world();
  ASSERT_FALSE(mine.empty());
  for (auto [p, q] : mine) EXPECT_EQ(p * q, testing::world_size());
}

class LuAgainstLapack
    : public ::testing::TestWithParam<std::tuple<std::int64_t, int, int>> {};

TEST_P(LuAgainstLapack, MatchesDgesvOnEveryGrid) {
  const auto [n, nb, depth] = GetParam();
  const std::uint64_t seed = 42 + static_cast<std::uint64_t>(n);
  const std::vector<double> ref = lapack_solve(seed, n);
  for (auto [p, q] : grids_for_world()) {
    SCOPED_TRACE(::testing::Message() << "grid " << p << "x" << q << " N=" << n << " NB=" << nb
                                      << " depth=" << depth);
    const SolveResult r = solve_distributed(p, q, n, nb, with_depth(depth), seed);
    EXPECT_TRUE(r.nonsingular);
    EXPECT_LT(r.norms.scaled(), kHplThreshold);
    EXPECT_LT(max_rel_diff(r.x, ref), 1e-9);
  }
}

INSTANTIATE_TEST_SUITE_P(
    SizesAndBlocks, LuAgainstLapack,
    ::testing::Combine(::testing::Values<std::int64_t>(1, 5, 64, 97, 200),
                       ::testing::Values(1, 3, 16, 40, 256),  // 256 > any local block here
                       ::testing::Values(0, 1, 2)));

// Broadcasts and swaps only move data, so every variant must give the very same bits as
// MPI_Ibcast with the allgather swap, at every depth (3 included: more panels in flight
// than some grids have process columns).
TEST(LuVariants, EveryBroadcastAndSwapGivesTheSameBits) {
  const std::int64_t n = 131;
  const std::vector<double> ref = lapack_solve(3, n);
  for (auto [p, q] : grids_for_world())
    for (int depth : {1, 3}) {
      LuOptions base = with_depth(depth);
      base.bcast = BcastAlgo::ibcast;
      const SolveResult expected = solve_distributed(p, q, n, 8, base, 3);
      EXPECT_LT(max_rel_diff(expected.x, ref), 1e-9);
      for (BcastAlgo bcast : {BcastAlgo::ring, BcastAlgo::ring_modified, BcastAlgo::two_ring,
                              BcastAlgo::two_ring_modified, BcastAlgo::long_roll})
        for (SwapAlgo swap : {SwapAlgo::allgather, SwapAlgo::spread_roll}) {
          SCOPED_TRACE(::testing::Message() << "grid " << p << "x" << q << " depth " << depth << " bcast "
                                            << bcast_name(bcast) << " swap " << static_cast<int>(swap));
          LuOptions options = base;
          options.bcast = bcast;
          options.swap = swap;
          EXPECT_EQ(solve_distributed(p, q, n, 8, options, 3).x, expected.x);
        }
    }
}

TEST(LuReference, FrozenReferenceAgreesWithLapack) {
  const std::int64_t n = 60;
  auto [a, b] = full_system(7, n);
  EXPECT_LT(max_rel_diff(solve_ref(a, b, n), lapack_solve(7, n)), 1e-10);
}

TEST(LuReference, DistributedAgreesWithFrozenReference) {
  const std::int64_t n = 90;
  auto [a, b] = full_system(11, n);
  const std::vector<double> ref = solve_ref(a, b, n);
  for (auto [p, q] : grids_for_world())
    EXPECT_LT(max_rel_diff(solve_distributed(p, q, n, 8, LuOptions{}, 11).x, ref), 1e-9);
}

TEST(LuSeed, SameSeedSameSolutionWhateverTheGrid) {
  // Different NB and grids must solve the very same system.
  const std::vector<double> ref = lapack_solve(5, 120);
  for (auto [p, q] : grids_for_world())
    for (int nb : {8, 24})
      EXPECT_LT(max_rel_diff(solve_distributed(p, q, 120, nb, LuOptions{}, 5).x, ref), 1e-9);
}

TEST(LuSingular, ZeroSystemIsReportedSingularAndFailsTheResidual) {
  for (auto [p, q] : grids_for_world()) {
    ProcessGrid grid(MPI_COMM_WORLD, p, q);
    DistMatrix a(grid, 30, 4);  // all zeros, A and b
    LuObserver quiet;
    EXPECT_FALSE(factor_lu(a, LuOptions{}, quiet).nonsingular);
    const std::vector<double> x = back_substitute(a, quiet);  // 0/0: NaN
    std::fill_n(a.data(), a.local_rows() * a.local_cols(), 0.0);
    EXPECT_FALSE(hpl_residual(a, x).scaled() < kHplThreshold);
  }
}

}  // namespace
}  // namespace bramble::hpl
