// Stencil kernel on 1, 2 and 4 ranks: the weights' moments, ghost cells filled from
// neighbours (uneven splits), the closed-form decay, bitwise agreement with the frozen
// reference whatever the grid, and overlap on/off giving identical fields, with every
// compiled version of the update (ISA level) this CPU can run.
#include <gtest/gtest.h>
#include <mpi.h>

#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>
#include <tuple>

#include "stencil/box.hpp"
#include "stencil/checksum.hpp"
#include "stencil/coefficients.hpp"
#include "stencil/heat_mode.hpp"
#include "stencil/heat_solver.hpp"
#include "stencil/isa_level.hpp"
#include "stencil/stencil_ref.hpp"

namespace bramble::stencil {
namespace {

// The run's check (heat_mode) and the frozen reference both take their weights from
// make_coefficients, so a wrong weight would pass both. The weights are checked here by
// what they must be instead. With h = 1, Taylor expansion of
//     c_0 u(x) + sum_{k=1..R} c_k (u(x + k) + u(x - k))
// gives sum over m of u^(2m)(x) M_m / (2m)!, with M_0 = c_0 + 2 sum c_k and
// M_m = 2 sum c_k k^(2m). It is u''(x) to order 2R exactly when M_0 = 0, M_1 = 2 and
// M_m = 0 for m = 2..R. c_0 is per axis: the update's centre weight is dims * c_0.
TEST(StencilWeights, AreTheCentralSecondDifferenceOfOrderTwiceTheRadius) {
  for (int dims : {2, 3})
    for (int radius = 1; radius <= kMaxRadius; ++radius) {
      const Coefficients k = make_coefficients(dims, radius);
      ASSERT_EQ(k.radius, radius);
      ASSERT_EQ(k.dims, dims);
      for (int m = 0; m <= radius; ++m) {
        double moment = m == 0 ? k.c[0] : 0.0, magnitude = std::fabs(moment);
        for (int j = 1; j <= radius; ++j) {
          const double term = 2.0 * k.c[j] * std::pow(double(j), 2 * m);
          moment += term;
          magnitude += std::fabs(term);
        }
        // Rounding of the weights and of the sum: a few ulps of the largest term.
        EXPECT_NEAR(moment, m == 1 ? 2.0 : 0.0, 1e-14 * magnitude)
            << "moment " << 2 * m << " of the " << dims << "D radius-" << radius << " weights";
      }
      for (int j = radius + 1; j <= kMaxRadius; ++j)
        EXPECT_EQ(k.c[j], 0.0) << "weight beyond the radius, " << dims << "D radius " << radius;
    }
}

// A value that names its global point, never zero.
double tag(std::int64_t x, std::int64_t y, std::int64_t z) { return 1.0 + x + 1000.0 * y + 1e6 * z; }

// What a ghost at global coordinates g must hold: the neighbour's value inside the grid,
// the odd reflection outside it.
double expected_ghost(const Domain& d, std::array<std::int64_t, 3> g) {
  double sign = 1.0;
  for (int a = 0; a < d.dims(); ++a) {
    const std::int64_t n = d.global()[a];
    if (g[a] == -1 || g[a] == n) return 0.0;
    if (g[a] < -1) { g[a] = -2 - g[a]; sign = -sign; }
    if (g[a] > n) { g[a] = 2 * n - g[a]; sign = -sign; }
  }
  return sign * tag(g[0], g[1], g[2]);
}

class HaloTest : public ::testing::TestWithParam<std::tuple<int, int, Extent>> {};

TEST_P(HaloTest, EveryFaceGhostComesFromTheRightPlace) {
  const auto [dims, radius, n] = GetParam();
  Domain d(MPI_COMM_WORLD, dims, n, radius);
  std::vector<double> f(d.array_size(), -12345.0);
  const Box all = whole(d);
  for (std::int64_t z = 0; z < all.hi[2]; ++z)
    for (std::int64_t y = 0; y < all.hi[1]; ++y)
      for (std::int64_t x = 0; x < all.hi[0]; ++x)
        f[d.index(x, y, z)] = tag(d.offset()[0] + x, d.offset()[1] + y, d.offset()[2] + z);
  HaloExchange halo(d);
  halo.start(f.data());
  halo.wait();
  halo.finish(f.data());
  int checked = 0;
  for (int a = 0; a < dims; ++a)
    for (int side = 0; side < 2; ++side) {
      Box g = all;  // the face ghost layer: every other axis over my interior
      g.lo[a] = side == 0 ? -radius : d.local()[a];
      g.hi[a] = side == 0 ? 0 : d.local()[a] + radius;
      for (std::int64_t z = g.lo[2]; z < g.hi[2]; ++z)
        for (std::int64_t y = g.lo[1]; y < g.hi[1]; ++y)
          for (std::int64_t x = g.lo[0]; x < g.hi[0]; ++x) {
            const std::array<std::int64_t, 3> global{d.offset()[0] + x, d.offset()[1] + y, d.offset()[2] + z};
            ASSERT_EQ(f[d.index(x, y, z)], expected_ghost(d, global))
                << "ghost at local (" << x << "," << y << "," << z << ") axis " << a << " side " << side;
            ++checked;
          }
    }
  EXPECT_GT(checked, 0);
}

INSTANTIATE_TEST_SUITE_P(
    UnevenSplits, HaloTest,
    ::testing::Values(std::make_tuple(2, 1, Extent{13, 11, 1}), std::make_tuple(2, 2, Extent{9, 17, 1}),
                      std::make_tuple(2, 4, Extent{10, 19, 1}), std::make_tuple(3, 1, Extent{7, 9, 5}),
                      std::make_tuple(3, 2, Extent{6, 11, 9})));

struct SolveResult {
  std::vector<double> interior;  // my points, in local x-fastest order
  std::uint64_t checksum;
  double error, tolerance;
};

SolveResult run_solver(int dims, int radius, Extent n, std::int64_t steps, bool overlap,
                       IsaLevel isa = best_isa_level()) {
  Domain d(MPI_COMM_WORLD, dims, n, radius);
  const Coefficients k = make_coefficients(dims, radius);
  HeatSolver solver(d, k, overlap, isa);
  EXPECT_EQ(solver.isa(), isa);
  set_mode(d, solver.field());
  StencilObserver quiet;
  for (std::int64_t s = 0; s < steps; ++s) solver.step(quiet);
  SolveResult r{{}, field_checksum(d, solver.field()), mode_error(d, k, solver.field(), steps),
                mode_tolerance(d, k, steps)};
  // Compare against the reference by global position.
  const std::vector<double> ref = reference_run(dims, radius, n[0], n[1], n[2], steps);
  const Box all = whole(d);
  std::int64_t mismatches = 0;
  for (std::int64_t z = 0; z < all.hi[2]; ++z)
    for (std::int64_t y = 0; y < all.hi[1]; ++y)
      for (std::int64_t x = 0; x < all.hi[0]; ++x) {
        const double mine = solver.field()[d.index(x, y, z)];
        const std::size_t g = static_cast<std::size_t>(((d.offset()[2] + z) * n[1] + d.offset()[1] + y) * n[0] +
                                                       d.offset()[0] + x);
        mismatches += std::memcmp(&mine, &ref[g], sizeof mine) != 0;
        r.interior.push_back(mine);
      }
  EXPECT_EQ(mismatches, 0) << "points differing from the frozen reference (bitwise)";
  return r;
}

class StencilRunTest : public ::testing::TestWithParam<std::tuple<int, int, Extent>> {};

TEST_P(StencilRunTest, DecaysAsTheSineModeAndMatchesTheReferenceBitForBit) {
  const auto [dims, radius, n] = GetParam();
  const SolveResult overlapped = run_solver(dims, radius, n, 12, true);
  EXPECT_LE(overlapped.error, overlapped.tolerance);
  EXPECT_GT(overlapped.tolerance, 0.0);
  const SolveResult plain = run_solver(dims, radius, n, 12, false);
  EXPECT_EQ(plain.checksum, overlapped.checksum);
  ASSERT_EQ(plain.interior.size(), overlapped.interior.size());
  EXPECT_EQ(std::memcmp(plain.interior.data(), overlapped.interior.data(), plain.interior.size() * sizeof(double)), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Variants, StencilRunTest,
    ::testing::Values(std::make_tuple(2, 1, Extent{31, 27, 1}), std::make_tuple(2, 2, Extent{23, 30, 1}),
                      std::make_tuple(2, 3, Extent{25, 26, 1}), std::make_tuple(2, 4, Extent{33, 21, 1}),
                      std::make_tuple(3, 1, Extent{13, 11, 9}), std::make_tuple(3, 2, Extent{10, 12, 14})));

// Each ISA version of the update against the frozen reference, bit for bit: the versions
// are compiled from one loop with -ffp-contract=off, so a fused multiply-add or a
// reordered sum in any of them shows here. The grids give x-runs that are not a multiple
// of any vector width, so the vector loops' remainders are exercised too.
class StencilIsaTest : public ::testing::TestWithParam<std::tuple<IsaLevel, int, int>> {};

TEST_P(StencilIsaTest, EveryVersionThisCpuRunsMatchesTheReferenceBitForBit) {
  const auto [isa, dims, radius] = GetParam();
  if (!cpu_supports(isa)) GTEST_SKIP() << "this CPU cannot run the " << isa_name(isa) << " version";
  const Extent n = dims == 2 ? Extent{45, 26, 1} : Extent{37, 13, 11};
  const SolveResult r = run_solver(dims, radius, n, 12, true, isa);
  EXPECT_LE(r.error, r.tolerance);
  // The best version's field, checksum for checksum: the same answer whichever ran.
  EXPECT_EQ(run_solver(dims, radius, n, 12, false, best_isa_level()).checksum, r.checksum);
}

std::string isa_test_name(const ::testing::TestParamInfo<std::tuple<IsaLevel, int, int>>& info) {
  std::string name = isa_name(std::get<0>(info.param));
  for (char& c : name)
    if (c == '-') c = '_';
  return name + "_" + std::to_string(std::get<1>(info.param)) + "D_r" + std::to_string(std::get<2>(info.param));
}

INSTANTIATE_TEST_SUITE_P(Levels, StencilIsaTest,
                         ::testing::Combine(::testing::ValuesIn(kIsaLevels), ::testing::Values(2, 3),
                                            ::testing::Values(1, 2, 3, 4)),
                         isa_test_name);

TEST(StencilIsa, TheSolverRunsTheHighestLevelThisCpuSupports) {
  const IsaLevel best = best_isa_level();
  EXPECT_TRUE(cpu_supports(best));
  EXPECT_TRUE(cpu_supports(IsaLevel::baseline));
  for (IsaLevel level : kIsaLevels)
    if (level > best) {
      EXPECT_FALSE(cpu_supports(level)) << isa_name(level) << " is supported but not chosen";
    }
  Domain d(MPI_COMM_WORLD, 2, Extent{16, 16, 1}, 1);
  EXPECT_EQ(HeatSolver(d, make_coefficients(2, 1), true).isa(), best);
}

TEST(StencilIsa, LevelsHaveDistinctNames) {
  EXPECT_STRNE(isa_name(IsaLevel::baseline), isa_name(IsaLevel::x86_64_v3));
  EXPECT_STRNE(isa_name(IsaLevel::x86_64_v3), isa_name(IsaLevel::x86_64_v4));
  EXPECT_STREQ(isa_name(IsaLevel::x86_64_v4), "x86-64-v4");
}

// Code for a level the CPU lacks would die of SIGILL mid-run: it is refused up front.
TEST(StencilIsa, AVersionTheCpuCannotRunIsRefused) {
  if (best_isa_level() == IsaLevel::x86_64_v4) GTEST_SKIP() << "this CPU runs every version";
  Domain d(MPI_COMM_WORLD, 2, Extent{16, 16, 1}, 1);
  EXPECT_THROW(HeatSolver(d, make_coefficients(2, 1), true, IsaLevel::x86_64_v4), std::invalid_argument);
}

TEST(StencilChecks, ACorruptedFieldFailsTheModeCheckAndChangesTheChecksum) {
  Domain d(MPI_COMM_WORLD, 2, Extent{20, 20, 1}, 1);
  const Coefficients k = make_coefficients(2, 1);
  HeatSolver solver(d, k, true);
  set_mode(d, solver.field());
  StencilObserver quiet;
  for (int s = 0; s < 5; ++s) solver.step(quiet);
  const std::uint64_t before = field_checksum(d, solver.field());
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (rank == 0) solver.field()[d.index(1, 1, 0)] += 1e-9;
  EXPECT_GT(mode_error(d, k, solver.field(), 5), mode_tolerance(d, k, 5));
  EXPECT_NE(field_checksum(d, solver.field()), before);
}

// 100000 steps on 64x48 (plus the untimed one): lambda^s is about 3e-18, far below the
// rounding bound (about 1.8e-10), so a check on the absolute error alone passed a field of
// zeros. The tolerance is now at most a thousandth of lambda^s, and the run refuses such a
// step count up front (mode_checkable), since a correct field could fail too.
TEST(StencilChecks, AnAllZeroFieldFailsWhereTheModeDecaysBelowTheTolerance) {
  Domain d(MPI_COMM_WORLD, 2, Extent{64, 48, 1}, 1);
  const Coefficients k = make_coefficients(2, 1);
  const std::vector<double> zero(d.array_size(), 0.0);
  const std::int64_t steps = 100001;
  ASSERT_LT(std::pow(mode_eigenvalue(d, k), double(steps)), 1e-17);  // the premise
  EXPECT_GT(mode_error(d, k, zero.data(), steps), mode_tolerance(d, k, steps));
  EXPECT_FALSE(mode_checkable(d, k, steps));
  // Where the check can tell the mode from zero, the tolerance is the rounding bound as
  // before, a field of zeros fails and the solver's field passes.
  const std::int64_t most = max_checkable_steps(d, k);
  EXPECT_TRUE(mode_checkable(d, k, most));
  EXPECT_FALSE(mode_checkable(d, k, most + 1));
  EXPECT_GT(most, 40000);  // lambda = 0.99959720: lambda^s >= 1000 (s + 1) 8 2^-52 up to s = 40805
  EXPECT_LT(most, 41000);
  EXPECT_EQ(mode_tolerance(d, k, 1000), mode_rounding(k, 1000));
  EXPECT_GT(mode_error(d, k, zero.data(), 1000), mode_tolerance(d, k, 1000));
  HeatSolver solver(d, k, true);
  set_mode(d, solver.field());
  StencilObserver quiet;
  for (int s = 0; s < 1000; ++s) solver.step(quiet);
  EXPECT_LE(mode_error(d, k, solver.field(), 1000), mode_tolerance(d, k, 1000));
}

TEST(StencilChecks, ChecksumIgnoresTheProcessGridButNotTheValues) {
  // The checksum of the reference field, computed as if on one rank, equals the distributed one.
  const SolveResult r = run_solver(2, 1, Extent{17, 15, 1}, 4, true);
  Domain one(MPI_COMM_SELF, 2, Extent{17, 15, 1}, 1);
  std::vector<double> f(one.array_size(), 0.0);
  const std::vector<double> ref = reference_run(2, 1, 17, 15, 1, 4);
  for (std::int64_t y = 0; y < 15; ++y)
    for (std::int64_t x = 0; x < 17; ++x) f[one.index(x, y, 0)] = ref[static_cast<std::size_t>(y * 17 + x)];
  EXPECT_EQ(field_checksum(one, f.data()), r.checksum);
}

}  // namespace
}  // namespace bramble::stencil
