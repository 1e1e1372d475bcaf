#pragma once
// From the nodes' figures to findings by name: "n3: link to others 11.9 MB/s vs median
// 112 MB/s". Pure, so each rule is tested on made-up figures. The rules:
//   - a probe whose own answer is wrong (DGEMM, triad), or that could not run (disk);
//   - throttling now or since boot (Raspberry Pi), and a CPU at 80 C or more;
//   - outliers against the median of the other nodes (outliers.hpp): DGEMM, triad and disk
//     below half of it, temperature 15 C above it, link bandwidth below half of it, latency
//     above twice it (and 10 us above);
//   - nodes that share a machine share its CPU, memory and disk: those figures are then not
//     compared (they would differ only by chance); their links still are.
// Findings are what the doctor is for, not failures: see README "bramble doctor".
#include <string>
#include <vector>

#include "adapters/doctor/node_figures.hpp"

namespace bramble::doctor {

// A DGEMM check above this (in units of n * epsilon, as HPL scales its residual) is wrong.
inline constexpr double kDgemmThreshold = 16.0;
inline constexpr double kHotCelsius = 80.0;          // Raspberry Pi firmware starts throttling
inline constexpr double kHotterThanPeersCelsius = 15.0;
inline constexpr double kLatencyMinDifferenceUs = 10.0;

struct Finding {
  int node = 0;
  std::string probe;  // "dgemm", "triad", "disk", "health", "link", "latency"
  std::string text;   // starts with the node's name
};

struct Diagnosis {
  std::vector<Finding> findings;  // by node, then in the order of the rules above
  std::vector<std::string> notes;  // what was not compared, and why
};

Diagnosis diagnose(const std::vector<NodeFigures>& nodes, bool shared_machine);

// The findings of these probes, joined with "; " for the result file; "none" when none.
std::string findings_text(const Diagnosis& d, const std::vector<std::string>& probes);

}  // namespace bramble::doctor
