#pragma once
// A scaling study worked out: per rank count the speedup, efficiency, Karp-Flatt serial
// fraction and the share of time spent communicating or waiting, then the Amdahl (strong)
// or Gustafson (weak, where the work per rank was held constant) fit. What the reporters print; no formatting here.
#include <optional>
#include <string>
#include <vector>

#include "comparison/scaling_groups.hpp"
#include "comparison/weak_load.hpp"

namespace bramble {

struct ScalingRow {
  int ranks = 0, nodes = 0;
  double figure = 0, seconds = 0;  // figure of merit and best repetition
  double speedup = 0, efficiency = 0;
  double serial_fraction = 0;  // strong: Karp-Flatt, weak: Gustafson's; NaN at the base and where
                               // a weak study's work per rank was not constant
  double waiting_share = 0;    // NaN where the kernel has no communication phase
  bool passed = true;
  bool repeated = false;  // another result in the study has the same rank count
  std::string problem, file, run;
};

struct ScalingFit {
  std::string law;          // "Amdahl" (strong) or "Gustafson" (weak)
  double serial_fraction = 0;
  double rms = 0;           // of measured minus fitted speedup
  double speedup_limit = 0; // Amdahl: 1/f (infinity when f <= 0); Gustafson: none (NaN)
  int predicted_ranks = 0;  // four times the largest count measured
  double predicted_speedup = 0;
};

struct ScalingStudy {
  std::string kernel, unit;
  ScalingMode mode = ScalingMode::strong;
  std::string mode_from;
  WeakLoad weak_load;                       // weak studies: what each rank's share held constant
  int base_ranks = 1;                       // speedups are relative to this count
  std::vector<std::string> waiting_phases;  // the phases counted as communication/waiting
  std::vector<ScalingRow> rows;             // ascending ranks
  std::optional<ScalingFit> fit;            // absent with fewer than two passed rank counts, or a
                                            // weak study whose work per rank was not constant
  std::string no_fit;                       // why there is no fit, where there is none
  std::vector<std::string> warnings;        // failed and repeated results, mode guesses
  std::vector<std::string> notes;           // what the numbers say, for a student
};

// The phases of `kernel` that are communication or waiting for other ranks (none for stream).
std::vector<std::string> waiting_phases(const std::string& kernel);

// Needs a group with at least two rank counts.
ScalingStudy analyse_scaling(const ScalingGroup& group);

}  // namespace bramble
