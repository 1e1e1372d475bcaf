#pragma once
// HPL's verification: the scaled residual
//     ||A x - b||_inf / (eps * (||A||_inf * ||x||_inf + ||b||_inf) * N)
// which is O(1) for a backward-stable solve whatever N is; HPL calls a run PASSED when it
// is below 16. eps is the unit roundoff 2^-53, as LAPACK's dlamch('E') returns it.
#include <cstdint>
#include <vector>

#include "hpl/dist_matrix.hpp"

namespace bramble::hpl {

inline constexpr double kHplThreshold = 16.0;

struct ResidualNorms {
  double r_inf = 0, a_inf = 0, x_inf = 0, b_inf = 0, eps = 0;
  std::int64_t n = 0;
  [[nodiscard]] double scaled() const { return r_inf / (eps * (a_inf * x_inf + b_inf) * double(n)); }
};

// `system` must hold the original [A | b] (regenerate it after the solve); x on every rank.
// Collective over the grid; every rank returns the same norms.
ResidualNorms hpl_residual(const DistMatrix& system, const std::vector<double>& x);

}  // namespace bramble::hpl
