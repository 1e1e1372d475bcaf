#pragma once
// `bramble run`: the suite around the kernels. It discovers the nodes, collects the
// context block, checks the output path before anything runs, runs the chosen kernels,
// appends each kernel's result to the file as soon as it finishes (the file replaced
// atomically each time, so a crash keeps what was finished), and prints the summary.
#include <mpi.h>

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "suite/kernel.hpp"
#include "power/monitor.hpp"

namespace bramble {

struct SuiteOptions {
  std::string out;    // "" = results/bramble-<host>-<utc>.h5
  std::string label;
  double price_usd = std::numeric_limits<double>::quiet_NaN();  // --price-usd: recorded for compare
  bool quick = false;
  bool figures_for_comparison = true;  // false for the doctor: findings, not figures to compare
  RepetitionPolicy repetitions;  // --min-reps, --max-reps, --cv-target
  // "auto": progress on rank 0's stderr when it is a terminal. Under mpirun stderr is a
  // pipe to mpirun, so it cannot be told: "on" forces the display there.
  std::string progress = "auto";
  PowerOptions power;
  int ranks_per_node = 0;  // > 0: pretend nodes of this many ranks (tests, teaching)
  bool preflight = true;   // --no-preflight: skip the check that every rank runs the same software
  std::vector<std::string> preflight_fakes;  // hidden --preflight-fake FIELD=VALUE (tests only)
};

// Returns the exit code (kExitVerification if any kernel failed verification).
// Throws AgreedError on bad input.
int run_suite(MPI_Comm world, const SuiteOptions& options, const std::vector<Kernel*>& kernels,
              const std::vector<std::string>& argv);

}  // namespace bramble
