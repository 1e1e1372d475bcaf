#include "stencil/heat_solver.hpp"

#include <utility>

#include "stencil/update.hpp"

namespace bramble::stencil {

using Scope = PhaseScope<StencilPhase>;

HeatSolver::HeatSolver(const Domain& d, const Coefficients& k, bool overlap, IsaLevel isa)
    : d_(d), k_(k), overlap_(overlap), isa_(isa), a_(d.array_size(), 0.0), b_(d.array_size(), 0.0),
      current_(&a_), next_(&b_), halo_(d), inner_(inner(d, k.radius)), shell_(shell(d, k.radius)) {
  // Refused here, before any step, rather than by the first update.
  require_cpu_supports(isa_);
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
    update_box(isa_, d_, k_, in, out, inner_);
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
