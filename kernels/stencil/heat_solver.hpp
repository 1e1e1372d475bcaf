#pragma once
// Time stepping of the heat equation on a distributed grid, with the halo exchange
// overlapped with the update of the points that do not need it.
//
// One step, with overlap (the default):
//   start the halo exchange (pack faces, post sends and receives)
//   update the inner points (at least R away from my faces)      <- while messages fly
//     in slabs, letting MPI move the messages between them (over TCP nothing moves
//     while a rank computes outside MPI)
//   wait for the faces, unpack them into the ghost layers
//   update the shell (the R-wide band along my faces)
// Without overlap: exchange, wait, unpack, then update everything.
#include <cstdint>
#include <vector>

#include "common/phase_scope.hpp"
#include "stencil/coefficients.hpp"
#include "stencil/halo_exchange.hpp"
#include "stencil/isa_level.hpp"

namespace bramble::stencil {

enum class StencilPhase { interior_compute, boundary_compute, halo_exchange, waiting };
inline constexpr int kStencilPhaseCount = 4;
inline constexpr const char* kStencilPhaseNames[kStencilPhaseCount] = {
    "interior_compute", "boundary_compute", "halo_exchange", "waiting"};
using StencilObserver = PhaseObserver<StencilPhase>;

class HeatSolver {
 public:
  // `isa`: which compiled version of the update to run (tests run each); throws
  // std::invalid_argument if this CPU cannot run it.
  HeatSolver(const Domain& d, const Coefficients& k, bool overlap, IsaLevel isa = best_isa_level());

  IsaLevel isa() const { return isa_; }  // the update version this solver runs

  double* field() { return current_->data(); }  // current values, with ghost layers
  const double* field() const { return current_->data(); }
  void step(StencilObserver& observer);

 private:
  const Domain& d_;
  Coefficients k_;
  bool overlap_;
  IsaLevel isa_;
  std::vector<Box> inner_slabs_;  // the inner box cut along its slowest axis
  std::vector<double> a_, b_;
  std::vector<double>* current_;
  std::vector<double>* next_;
  HaloExchange halo_;
  Box inner_;
  std::vector<Box> shell_;
};

}  // namespace bramble::stencil
