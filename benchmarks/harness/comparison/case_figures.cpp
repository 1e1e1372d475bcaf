#include "comparison/case_figures.hpp"

#include <cmath>
#include <numeric>

namespace bramble {

double spread_percent(const std::vector<double>& seconds) { return repetition_stats(seconds).cv_percent; }

bool is_rate(const std::string& unit) { return unit.size() >= 2 && unit.compare(unit.size() - 2, 2, "/s") == 0; }

CaseFigures case_figures(const RunRecord& run, const KernelRecord& k, double price_usd) {
  const KernelResult& r = k.result;
  CaseFigures f;
  f.figure = r.figure_of_merit;
  f.ranks = r.ranks;
  f.nodes = run.context.node_count;
  // Physical cores: an SMT sibling is not a second core, and counting it would halve /core.
  for (const auto& n : run.context.nodes) {
    f.cores += physical_cores_or_logical(n);
    f.threads += n.cores;
  }
  f.per_node = f.nodes > 0 ? f.figure / f.nodes : std::nan("");
  f.per_core = f.cores > 0 ? f.figure / f.cores : std::nan("");
  f.power = headline_power(k);
  f.reps = int(r.rep_seconds.size());
  f.seconds_mean = f.reps ? std::accumulate(r.rep_seconds.begin(), r.rep_seconds.end(), 0.0) / f.reps : std::nan("");
  f.joules_per_solve = f.power ? f.power->watts * f.seconds_mean : std::nan("");
  f.spread_percent = spread_percent(r.rep_seconds);
  if (is_rate(r.unit)) f.rep_rates = repetition_rates(r.figure_of_merit, r.rep_seconds);
  f.usd = price_usd;
  f.per_usd = price_usd > 0 ? f.figure / price_usd : std::nan("");
  f.passed = r.passed;
  f.throttled = k.power && k.power->throttled;
  f.green500_valid = f.power && f.power->green500_valid;
  return f;
}

}  // namespace bramble
