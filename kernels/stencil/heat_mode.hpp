#pragma once
// The closed-form answer the stencil is checked against. The lowest sine mode
//     u0(x, y, z) = sin(pi (x+1)/(nx+1)) sin(pi (y+1)/(ny+1)) [sin(pi (z+1)/(nz+1))]
// is an eigenvector of every star stencil here under the boundary reflection, with
//     lambda = 1 + nu * sum over axes (c_0 + 2 sum_k c_k cos(k pi/(n_a+1))),
// so after s steps the field must equal lambda^s u0, up to rounding.
#include <cstdint>

#include "stencil/coefficients.hpp"
#include "stencil/domain.hpp"

namespace bramble::stencil {

double mode_value(const Domain& d, std::int64_t gx, std::int64_t gy, std::int64_t gz);
double mode_eigenvalue(const Domain& d, const Coefficients& k);

// Sets my interior to u0 (ghosts to zero).
void set_mode(const Domain& d, double* field);

// Max over all ranks of |field - lambda^steps u0| (collective).
double mode_error(const Domain& d, const Coefficients& k, const double* field, std::int64_t steps);

// What the error may be: each step rounds each of its flops once (unit roundoff 2^-53),
// and the scheme does not amplify errors, so s steps stay within
// (s + 1) * flops_per_update * 2^-52 of the exact value (u0 is at most 1).
double mode_tolerance(const Coefficients& k, std::int64_t steps);

}  // namespace bramble::stencil
