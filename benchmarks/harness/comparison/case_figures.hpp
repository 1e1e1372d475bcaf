#pragma once
// The figures `bramble compare` shows for one kernel result of one run: the figure of merit
// per node, per core, per watt (and above idle), per dollar, energy per solve, the spread of
// the repetitions, and every flag that says a figure must not be compared silently.
#include <optional>
#include <string>
#include <vector>

#include "core/repetition_stats.hpp"

#include "results/headline.hpp"
#include "results/model.hpp"

namespace bramble {

inline constexpr double kSpreadFlagPercent = 3.0;  // the Phoronix Test Suite's threshold

struct CaseFigures {
  double figure = 0;          // figure of merit (best repetition)
  int nodes = 0, ranks = 0;
  int cores = 0;    // every physical core of the run's nodes, used or not (files before issue 21: logical CPUs)
  int threads = 0;  // every logical CPU (hardware thread) of the run's nodes
  double per_node = 0, per_core = 0;  // per_core: over `cores`
  std::optional<HeadlinePower> power; // the scope covering every node, where measured
  double seconds_mean = 0;            // mean repetition time
  double joules_per_solve = 0;        // per repetition (one solve, one timed pass): power.watts x
                                      // seconds_mean; NaN without power
  int reps = 0;
  double spread_percent = 0;          // relative standard deviation of the repetitions; NaN below 2
  std::vector<double> rep_rates;      // the figure at each repetition; empty unless a rate (".../s")
  double usd = 0, per_usd = 0;        // NaN without a price
  bool passed = false, throttled = false, green500_valid = false;
  bool spread_flag() const { return spread_percent > kSpreadFlagPercent; }
  // Not to be compared silently: failed verification or throttled.
  bool suspect() const { return !passed || throttled; }
};

// `price_usd` NaN: no price known.
CaseFigures case_figures(const RunRecord& run, const KernelRecord& k, double price_usd);

// Relative sample standard deviation in percent; NaN for fewer than two values.
double spread_percent(const std::vector<double>& seconds);

// A rate, where higher is better: the unit ends in "/s" (Gflop/s, MLUP/s), unlike µs or °C.
bool is_rate(const std::string& unit);

}  // namespace bramble
