// HPL's residual check must pass a correct solution and catch a corrupted one.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "hpl/back_solve.hpp"
#include "hpl/lu_factor.hpp"
#include "hpl/residual.hpp"
#include "hpl_test_util.hpp"

namespace bramble::hpl {
namespace {

TEST(Residual, PassesTheSolutionAndFailsAPerturbedOne) {
  for (auto [p, q] : testing::grids_for_world()) {
    ProcessGrid grid(MPI_COMM_WORLD, p, q);
    DistMatrix a(grid, 150, 16);
    generate_system(a, 3);
    LuObserver quiet;
    ASSERT_TRUE(factor_lu(a, LuOptions{}, quiet).nonsingular);
    std::vector<double> x = back_substitute(a, quiet);
    generate_system(a, 3);
    const ResidualNorms good = hpl_residual(a, x);
    EXPECT_LT(good.scaled(), kHplThreshold);
    EXPECT_GT(good.a_inf, 0.0);
    EXPECT_GT(good.b_inf, 0.0);
    EXPECT_DOUBLE_EQ(good.eps, std::numeric_limits<double>::epsilon() / 2);

    std::vector<double> corrupted = x;
    corrupted[77] *= 1.0 + 1e-6;  // a relative error far above rounding
    EXPECT_GT(hpl_residual(a, corrupted).scaled(), kHplThreshold);

    corrupted = x;
    corrupted[5] = std::nan("");
    EXPECT_FALSE(hpl_residual(a, corrupted).scaled() < kHplThreshold);
  }
}

TEST(Residual, ScaledResidualFollowsTheFormula) {
  ResidualNorms n;
  n.r_inf = 2e-12;
  n.a_inf = 100;
  n.x_inf = 4;
  n.b_inf = 0.5;
  n.eps = 1e-16;
  n.n = 1000;
  EXPECT_DOUBLE_EQ(n.scaled(), 2e-12 / (1e-16 * (400 + 0.5) * 1000));
}

}  // namespace
}  // namespace bramble::hpl
