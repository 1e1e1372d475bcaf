#pragma once
// `bramble run hpl`: the HPL-style benchmark driver. It reads as HPL's does, in phases:
//   setup     - resolve the sweep (command line or HPL.dat), size N from memory, pick grids;
//   validate  - every case is checked before anything runs (grid, sizes, memory);
//   timed run - generate, barrier, factor + solve, slowest rank's time;
//   verify    - regenerate A and b, HPL's scaled residual against the threshold;
//   report    - one KernelResult per case, with its efficiency against the DGEMM rate its
//               ranks reach (measured once, before the first case: dgemm_efficiency.hpp)
//               and its lines in HPL's own output format (hpl_output_format.hpp), handed to
//               the suite.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adapters/hpl/hpl_dat.hpp"
#include "hpl/lu_factor.hpp"
#include "hpl/process_grid.hpp"
#include "suite/kernel.hpp"

namespace bramble {

struct HplCase {
  std::int64_t n = 0;
  int nb = 0, p = 0, q = 0;
  hpl::GridOrder order = hpl::GridOrder::row_major;
  int depth = 1;  // look-ahead depth
  hpl::BcastAlgo bcast = hpl::BcastAlgo::ring_modified;
  hpl::SwapAlgo swap = hpl::SwapAlgo::allgather;
  double threshold = kHplThreshold;
};

struct HplOptions {
  std::int64_t n = 0;  // 0: from memory
  int nb = 192;
  int p = 0, q = 0;    // 0: the most square grid with P <= Q
  std::string hpl_dat;
  // Of the smallest node's available memory. Published Raspberry Pi HPL runs fill about 80 %
  // of total memory; 0.8 of available is 72-76 % of total on an idle headless Pi (MemAvailable
  // is 90-95 % of total there), with the rest left for MPI's buffers, BLAS and the OS, so
  // that nothing swaps.
  double mem_fraction = 0.8;
  int reps = 1;
  bool no_lookahead = false;  // --depth 0
  int depth = 1;
  std::string bcast = "1ringM";
  std::string swap = "allgather";
  std::int64_t update_chunk = 256;
  std::uint64_t seed = 20260101;
  int leaf_width = 16;
  bool no_dgemm_rate = false;  // skip measuring the ranks' DGEMM rate (dgemm_efficiency.hpp)
};

// Most square P x Q with P <= Q and P * Q == ranks.
std::pair<int, int> squarest_grid(int ranks);

// The quick size: small enough to finish in seconds on a Pi.
inline constexpr std::int64_t kQuickN = 6000;

class HplKernel : public Kernel {
 public:
  std::string name() const override { return "hpl"; }
  std::string description() const override {
    return "HPL-style distributed LU solve with the HPL residual check (Gflop/s)";
  }
  void add_options(CLI::App& sub) override;
  void prepare(RunContext& context) override { cases_ = plan(context); }
  void run(RunContext& context) override;

  // Setup + validate; collective, throws AgreedError on bad input.
  std::vector<HplCase> plan(const RunContext& context) const;

 private:
  KernelResult run_case(const RunContext& context, const HplCase& c) const;
  HplOptions opt_;
  std::optional<std::vector<HplCase>> cases_;  // from prepare()
};

}  // namespace bramble
