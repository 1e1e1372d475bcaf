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

// |lambda|^steps: the mode's peak after `steps` (u0's peak is at most 1, and near it).
double mode_amplitude(const Domain& d, const Coefficients& k, std::int64_t steps);

// The error rounding alone may leave: each step rounds each of its flops once (unit
// roundoff 2^-53), and the scheme does not amplify errors, so s steps stay within
// (s + 1) * flops_per_update * 2^-52 of the exact value (u0 is at most 1).
double mode_rounding(const Coefficients& k, std::int64_t steps);

// How far the field may be from lambda^steps u0: the rounding bound, but never more than
// 1/kModeMargin of the amplitude. A field of zeros is off by about the amplitude, so it
// fails however far the mode has decayed; the rounding bound alone passed it once the
// amplitude fell below it (100000 steps on 64x48: 3e-18 against 1.8e-10).
inline constexpr double kModeMargin = 1e3;
double mode_tolerance(const Domain& d, const Coefficients& k, std::int64_t steps);

// Whether the amplitude after `steps` is at least kModeMargin times the rounding bound, so
// that the tolerance is the rounding bound and a correct field passes. Beyond that a
// correct field could fail too: a run refuses such a step count up front.
bool mode_checkable(const Domain& d, const Coefficients& k, std::int64_t steps);

// The most steps for which mode_checkable holds on this grid (at least 1; 2^40 when the
// mode hardly decays).
std::int64_t max_checkable_steps(const Domain& d, const Coefficients& k);

}  // namespace bramble::stencil
