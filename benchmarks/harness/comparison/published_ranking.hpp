#pragma once
// Where the user's HPL runs stand among published results: the numbers behind
// `bramble compare --published`, apart from how they are printed (published.cpp).
#include <string>
#include <vector>

#include "comparison/published.hpp"

namespace bramble {

// One line of a ranking: a published row or one of the user's runs.
struct RankedSystem {
  bool yours = false;
  std::string system;  // the published system, or the run's name
  std::string source;  // the published source, or the result file
  std::string date;    // published date; the run's UTC time for yours
  int nodes = 0, cores = 0;
  double gflops = 0, per_node = 0;
  std::string power_scope;  // "wall" for every published row; "" where not measured
  double watts = 0, per_watt = 0, idle_watts = 0, usd = 0;  // NaN where unknown
  int rank = 0;             // 1 = best; equal figures share a rank; 0 = not ranked here
  std::string note;         // why a figure is missing or flatters ("" if nothing to say)
  // What produced the figure: "HPL" for a published row (as its source reports it), and
  // for yours "HPL-style": bramble's own LU with HPL's residual check, not an official HPL run.
  std::string benchmark;
};

// A run that has no place in a ranking, and why.
struct UnrankedRun {
  std::string name, file, reason;
};

struct PublishedRanking {
  std::vector<RankedSystem> per_node;  // by Gflop/s per node, best first
  std::vector<RankedSystem> per_watt;  // by Gflop/s per watt, best first (measured power only)
  std::vector<UnrankedRun> not_ranked;           // no passed HPL result: in neither ranking
  std::vector<UnrankedRun> not_ranked_per_watt;  // ranked per node, but no power measured
  std::vector<std::string> warnings;             // figures that flatter, said once each
};

// The best passed HPL result of each run (failed results are never ranked), placed among
// the published rows. Per watt for a run is bramble's work-per-joule figure of the scope
// headline_power picks; a scope other than "wall" is still placed, with a warning.
PublishedRanking rank_published(const std::vector<PublishedRow>& rows, const std::vector<SelectedRun>& runs);

}  // namespace bramble
