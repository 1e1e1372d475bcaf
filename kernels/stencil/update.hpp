#pragma once
// One explicit step on a box of points: out = in + nu * (star stencil applied to in).
#include "stencil/box.hpp"
#include "stencil/coefficients.hpp"
#include "stencil/isa_level.hpp"

namespace bramble::stencil {

// `in` must have valid ghosts wherever the box's stencil reaches them. Plain stores: this
// kernel was measured with non-temporal stores (SSE2 streaming through an L1 buffer) and
// they were slower on the EPYC slice it was written on (7.8 vs 10.7 GB/s effective).
// Runs the version compiled for `isa`; every version gives bitwise the same `out`.
// Throws std::invalid_argument if this CPU cannot run `isa` (require_cpu_supports).
void update_box(IsaLevel isa, const Domain& d, const Coefficients& k, const double* in, double* out,
                const Box& box);

// The same with the best level this CPU supports.
void update_box(const Domain& d, const Coefficients& k, const double* in, double* out, const Box& box);

}  // namespace bramble::stencil
