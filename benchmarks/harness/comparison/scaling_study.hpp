#pragma once
// `bramble scaling FILE...`: the runs of one kernel at several rank counts (as
// scripts/scaling.sh writes them) as a scaling study: speedup, parallel efficiency and the
// Karp-Flatt serial fraction per step, and the Amdahl (strong) or Gustafson (weak) fit.
#include <ostream>
#include <string>
#include <vector>

namespace bramble {

struct ScalingOptions {
  std::vector<std::string> specs;  // FILE or FILE#NAME, as for compare
  std::string kernel;              // "" = every kernel found at more than one rank count
  std::string format = "table";    // table, markdown, csv, json
  // Override how strong or weak scaling is told apart (run labels, then parameters).
  bool weak = false, strong = false;
};

// Prints the study. Throws InputError for unreadable files, an unknown kernel or nothing to
// study (no kernel at two rank counts or more).
void report_scaling(std::ostream& out, const ScalingOptions& options);

}  // namespace bramble
