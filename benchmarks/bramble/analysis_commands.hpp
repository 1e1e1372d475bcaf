#pragma once
// The subcommands that read result files side by side: `bramble compare` and
// `bramble scaling` (the harness's comparison layer does the work; this is their command line).
#include <mpi.h>

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "comparison/comparison.hpp"
#include "comparison/scaling_study.hpp"

namespace bramble {

struct AnalysisCommands {
  CLI::App* compare = nullptr;
  CLI::App* scaling = nullptr;
  std::vector<std::string> specs;        // compare's FILE or FILE#NAME
  std::string baseline = "1";            // 1-based position or a run's name
  std::vector<std::string> prices;       // NAME=USD
  double duty = -1, price_kwh = -1;      // < 0: not given
  std::string format = "table";
  bool published = false;
  bool include_invalid = false;          // compare: invalid runs in the geometric mean too
  std::string published_file;
  ScalingOptions scaling_options;
};

void add_analysis_commands(CLI::App& app, AnalysisCommands& c);

// Runs the chosen analysis on rank 0 (the others wait to agree on the outcome); returns
// the exit code, or -1 when neither subcommand was given. Throws AgreedError on bad input.
int run_analysis_command(MPI_Comm world, const AnalysisCommands& c);

}  // namespace bramble
