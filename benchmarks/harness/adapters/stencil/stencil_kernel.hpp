#pragma once
// `bramble run stencil`: heat-equation time stepping with halo exchange, in phases:
//   setup     - process grid (MPI_Dims_create), global size (strong or --weak scaling);
//   validate  - radius against the smallest sub-domain, memory per node;
//   timed run - one untimed step, barrier, `steps` steps, slowest rank's time;
//   verify    - the sine mode's closed-form decay, and a grid-independent checksum;
//   report    - MLUP/s, Gflop/s, effective GB/s, per-rank time split.
#include <cstdint>

#include "suite/kernel.hpp"

namespace bramble {

struct StencilOptions {
  int dims = 2;
  std::int64_t n = 0;  // global edge (or per rank with --weak); 0: default for dims
  std::int64_t nx = 0, ny = 0, nz = 0;
  int radius = 1;
  std::int64_t steps = 0;  // 0: default for dims
  bool weak = false;
  bool no_overlap = false;
};

class StencilKernel : public Kernel {
 public:
  std::string name() const override { return "stencil"; }
  std::string description() const override {
    return "Heat-equation star stencils (2D/3D, radius 1-4) with halo exchange (MLUP/s)";
  }
  void add_options(CLI::App& sub) override;
  void prepare(RunContext& context) override;
  void run(RunContext& context) override;

 private:
  StencilOptions opt_;
};

}  // namespace bramble
