#pragma once
// What one kernel run produced, in a shape every kernel shares, so the result file, the
// summary table and later `bramble compare` need not know any kernel.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/value.hpp"

namespace bramble {

struct KernelResult {
  std::string kernel;                    // "hpl"
  std::string problem;                   // one line for tables: "N=10000 NB=192 1x2"
  std::vector<NamedValue> parameters;    // everything needed to rerun it
  std::vector<double> rep_seconds;       // timed phase of each repetition (slowest rank)
  std::string figure_name;               // "gflops"
  double figure_of_merit = 0.0;          // best repetition
  std::string unit;                      // "Gflop/s"
  std::vector<NamedValue> figures;       // further figures (mean, per node, ...)
  std::vector<NamedValue> verification;  // residuals, thresholds
  bool passed = false;
  std::vector<std::string> phase_names;  // per-rank time split
  std::string phase_description;         // what the split's numbers are ("summed over ...")
  std::vector<double> phase_seconds;     // ranks x phases, row-major
  int ranks = 0;
  // The work behind per-watt figures, as a rate over *every* timed window (the windows the
  // energy is integrated over), so that per watt means work per joule. Unset: the figure of
  // merit scaled by best / mean repetition time (repetitions do equal work).
  struct PhaseWork {
    std::string name, unit;  // "gbs_all_ops", "GB/s"
    double rate = 0;
  };
  std::optional<PhaseWork> phase_work;
  // The result in the output format of the benchmark the kernel follows, for pasting beside
  // that program's output (HPL's header, T/V and residual lines); empty for kernels without
  // one, and in files from before it was recorded.
  std::vector<std::string> reference_format_lines;

  std::string verdict() const { return passed ? "PASSED" : "FAILED"; }
  double best_seconds() const;
};

}  // namespace bramble
