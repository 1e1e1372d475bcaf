#include "stencil/heat_solver.hpp"

#include <algorithm>
#include <utility>

#include "stencil/update.hpp"

namespace bramble::stencil {
namespace {

// The inner box in up to 16 slabs along its slowest-varying axis. Each point is computed by
// the same expression whichever slab holds it, so the cut changes no bits.
std::vector<Box> slabs(const Box& b, int dims) {
  if (b.empty()) return {};
  const int axis = dims - 1;
  const std::int64_t extent = b.hi[axis] - b.lo[axis];
  const std::int64_t count = std::min<std::int64_t>(16, extent);
  std::vector<Box> out;
  for (std::int64_t i = 0; i < count; ++i) {
    Box s = b;
    s.lo[axis] = b.lo[axis] + extent * i / count;
    s.hi[axis] = b.lo[axis] + extent * (i + 1) / count;
    out.push_back(s);
  }
  return out;
}

}  // namespace

using Scope = PhaseScope<StencilPhase>;

HeatSolver::HeatSolver(const Domain& d, const Coefficients& k, bool overlap, IsaLevel isa)
    : d_(d), k_(k), overlap_(overlap), isa_(isa), a_(d.array_size(), 0.0), b_(d.array_size(), 0.0),
      current_(&a_), next_(&b_), halo_(d), inner_(inner(d, k.radius)), shell_(shell(d, k.radius)) {
  // Refused here, before any step, rather than by the first update.
  require_cpu_supports(isa_);
  inner_slabs_ = slabs(inner_, d.dims());
}

void HeatSolver::step(StencilObserver& obs) {
  double* in = current_->data();
  double* out = next_->data();
  {
    Scope s(obs, StencilPhase::halo_exchange);
    halo_.start(in);
  }
  if (overlap_) {
    Scope s(obs, StencilPhase::interior_compute);
    for (const Box& slab : inner_slabs_) {
      update_box(isa_, d_, k_, in, out, slab);
      halo_.progress();
    }
  }
  {
    Scope s(obs, StencilPhase::waiting);
    halo_.wait();
  }
  {
    Scope s(obs, StencilPhase::halo_exchange);
    halo_.finish(in);
  }
  if (overlap_) {
    Scope s(obs, StencilPhase::boundary_compute);
    for (const Box& b : shell_) update_box(isa_, d_, k_, in, out, b);
  } else {
    Scope s(obs, StencilPhase::interior_compute);
    update_box(isa_, d_, k_, in, out, whole(d_));
  }
  std::swap(current_, next_);
}

}  // namespace bramble::stencil
