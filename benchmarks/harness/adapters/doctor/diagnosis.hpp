#pragma once
// From the nodes' figures to findings by name: "n3: link to others 11.9 MB/s vs median
// 112 MB/s". Pure, so each rule is tested on made-up figures. The rules:
//   - a probe whose own answer is wrong (DGEMM, triad), or that could not run (disk);
//   - throttling now or since boot (Raspberry Pi), and a CPU at 80 C or more;
//   - outliers against the median of the other nodes (outliers.hpp): DGEMM, triad and disk
//     below half of it, temperature 15 C above it, link bandwidth (the best message) below a
//     third of it, latency (the best round trip) above three times it and 50 us more. Links
//     are judged on their best samples: on a busy machine the median round trip is the
//     scheduler's (milliseconds on a loaded testbed), while the best one is still the link's
//     (a Wi-Fi node's best round trip is a millisecond). The link margins are wider than the
//     hardware's because links are measured while the rest of the machine runs: under a CPU
//     hog on both cores of a 4-node testbed, equal nodes differed by up to 1.4x in bandwidth
//     and 1.1x in best latency (3.2x in P50: README "bramble doctor"), while a 100 Mbit link
//     among gigabit ones is 9x below. The price: a link less than 3x slower is not named;
//   - each figure judged is the best of the measurements (suspects.hpp): a suspect is
//     measured again before it is named, and the finding says how sure it is;
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
inline constexpr double kHardwareFactor = 2.0;  // DGEMM, triad, disk: below 1/2 of the median
inline constexpr double kLinkFactor = 3.0;      // bandwidth: below 1/3 of the median
inline constexpr double kLatencyFactor = 3.0;   // latency: above 3x the median ...
inline constexpr double kLatencyMinDifferenceUs = 50.0;  // ... and 50 us above it

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
