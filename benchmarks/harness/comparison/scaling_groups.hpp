#pragma once
// Which kernel results make up a scaling study, and whether it is strong scaling (the same
// problem at every rank count) or weak scaling (the work per rank held constant).
#include <optional>
#include <string>
#include <vector>

#include "comparison/run_selection.hpp"

namespace bramble {

enum class ScalingMode { strong, weak };

std::string mode_text(ScalingMode mode);  // "strong", "weak"

// One kernel result at one rank count.
struct ScalingPoint {
  std::string file, run;  // where it came from: the path as given and the run's name
  int ranks = 0, nodes = 0;
  KernelResult result;
  std::vector<std::string> trust_warnings;  // the run's: why its figures may mislead
};

struct ScalingGroup {
  std::string kernel;
  ScalingMode mode = ScalingMode::strong;
  std::string mode_from;              // how the mode was decided: "run labels", "--weak", ...
  std::vector<ScalingPoint> points;   // sorted by ranks; a count may repeat
  std::vector<std::string> warnings;  // e.g. that the mode is a guess
};

// The runs' kernel results grouped into studies, in the order they first appear. `kernel` ("" =
// all) picks one kernel; `forced` (from --weak or --strong) overrides how the mode is otherwise
// decided: from labels such as "scaling weak stencil np=4" (scripts/scaling.sh), else from
// stencil's `weak` parameter (STREAM, sized per rank, is always weak), else from the problem: the
// same problem at every rank count is strong scaling. Strong studies are split by problem, so two
// sizes in one file are two studies. Throws InputError when `kernel` is in none of the runs.
std::vector<ScalingGroup> scaling_groups(const std::vector<SelectedRun>& runs, const std::string& kernel,
                                         std::optional<ScalingMode> forced);

// The distinct rank counts of a group, ascending.
std::vector<int> rank_counts(const ScalingGroup& group);

}  // namespace bramble
