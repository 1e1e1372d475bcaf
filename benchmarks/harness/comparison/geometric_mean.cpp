#include "comparison/geometric_mean.hpp"

#include <cmath>
#include <map>

#include "comparison/comparison.hpp"

namespace bramble {
namespace {

const double kNaN = std::nan("");

// Why a row cannot enter the mean, "" where it can: only rates, where higher is better (not a
// temperature or a latency), and only where every run has a usable figure.
std::string why_left_out(const CompareRow& row) {
  if (!is_rate(row.match.unit)) return "not a rate (" + row.match.unit + ")";
  for (const auto& c : row.cells) {
    if (!c.present) return "not in every run";
    if (c.figures.suspect()) return c.figures.passed ? "a run throttled" : "a run failed verification";
    if (!std::isfinite(c.ratio) || c.ratio <= 0) return "a run has no figure";
  }
  return "";
}

// Which runs get a mean: valid ones, against a valid baseline, unless asked to keep them all.
void decide_runs(GeometricMean& g, const std::vector<std::string>& names,
                 const std::vector<ComparisonValidity>& validity, std::size_t baseline, bool include_invalid) {
  g.excluded.assign(names.size(), "");
  for (std::size_t r = 0; r < names.size(); ++r) {
    if (validity[r].valid) continue;
    if (include_invalid) {
      g.invalid_kept.push_back(names[r]);
    } else {
      g.excluded[r] = "not valid for comparison";
    }
  }
  if (!include_invalid && !validity[baseline].valid)
    for (std::size_t r = 0; r < names.size(); ++r)
      g.excluded[r] = r == baseline ? "not valid for comparison"
                                    : "the baseline " + names[baseline] + " is not valid for comparison";
}

}  // namespace

GeometricMean geometric_mean(const std::vector<CompareRow>& rows, const std::vector<std::string>& names,
                             const std::vector<ComparisonValidity>& validity, std::size_t baseline,
                             bool include_invalid) {
  GeometricMean g;
  const std::size_t runs = names.size();
  decide_runs(g, names, validity, baseline, include_invalid);

  // Per kernel and run, the sum of the log ratios of its covered rows and how many there are.
  struct KernelLogs {
    int rows = 0;
    std::vector<double> log_ratio, log_per_watt;
  };
  std::map<std::string, KernelLogs> by_kernel;
  std::vector<std::string> watt_missing(runs);  // why a run has no per-watt mean
  for (const auto& row : rows) {
    if (const std::string why = why_left_out(row); !why.empty()) {
      g.left_out.push_back(row.match.kernel + " (" + row.problem + "): " + why);
      continue;
    }
    KernelLogs& k = by_kernel[row.match.kernel];
    k.log_ratio.resize(runs, 0.0);
    k.log_per_watt.resize(runs, 0.0);
    ++k.rows;
    for (std::size_t r = 0; r < runs; ++r) {
      const CompareCell& cell = row.cells[r];
      k.log_ratio[r] += std::log(cell.ratio);
      if (std::isfinite(cell.per_watt_ratio) && cell.per_watt_ratio > 0) k.log_per_watt[r] += std::log(cell.per_watt_ratio);
      else if (watt_missing[r].empty())
        watt_missing[r] = scopes_differ(cell, row.cells[baseline]) ? "not comparable: power scopes differ" : "not measured";
    }
  }
  // Each kernel one vote: the mean of its rows' logs, then the mean over kernels.
  std::vector<double> log_sum(runs, 0.0), log_sum_watt(runs, 0.0);
  for (const auto& [name, k] : by_kernel) {
    g.kernels.push_back(k.rows == 1 ? name : name + " (" + std::to_string(k.rows) + " rows)");
    for (std::size_t r = 0; r < runs; ++r) {
      log_sum[r] += k.log_ratio[r] / k.rows;
      log_sum_watt[r] += k.log_per_watt[r] / k.rows;
    }
  }
  const double n = double(by_kernel.size());
  for (std::size_t r = 0; r < runs; ++r) {
    const bool has = n > 0 && g.excluded[r].empty();
    g.ratio.push_back(has ? std::exp(log_sum[r] / n) : kNaN);
    g.per_watt_ratio.push_back(has && watt_missing[r].empty() ? std::exp(log_sum_watt[r] / n) : kNaN);
    g.per_watt_missing.push_back(has ? watt_missing[r] : "");
  }
  return g;
}

}  // namespace bramble
