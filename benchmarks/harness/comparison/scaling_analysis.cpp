#include "comparison/scaling_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "comparison/scaling_math.hpp"

namespace bramble {
namespace {

// The best passed figure at each rank count, or the best of all where none passed: the
// figure the fit and the speedups use.
std::map<int, double> best_figures(const ScalingGroup& g, bool passed_only) {
  std::map<int, double> best;
  for (const auto& p : g.points) {
    if (passed_only && !p.result.passed) continue;
    auto [it, fresh] = best.emplace(p.ranks, p.result.figure_of_merit);
    if (!fresh) it->second = std::max(it->second, p.result.figure_of_merit);
  }
  return best;
}

std::string plural_ranks(int n) { return std::to_string(n) + (n == 1 ? " rank" : " ranks"); }

void warn_about_points(const ScalingGroup& g, ScalingStudy& s) {
  std::map<int, int> times;
  for (const auto& p : g.points) ++times[p.ranks];
  for (const auto& [ranks, n] : times)
    if (n > 1)
      s.warnings.push_back(plural_ranks(ranks) + " appear " + std::to_string(n) +
                           " times (a study appended to an old file?): the best passed figure is used");
  for (const auto& p : g.points)  // e.g. more ranks than cores: that step is slow for that alone
    for (const auto& w : p.trust_warnings) s.warnings.push_back("at " + plural_ranks(p.ranks) + ": " + w);
  for (const auto& p : g.points)
    if (!p.result.passed)
      s.warnings.push_back("FAILED verification at " + plural_ranks(p.ranks) + " (run \"" + p.run +
                           "\"): left out of the fit");
}

ScalingFit fit(ScalingMode mode, const std::map<int, double>& best, int base_ranks, double base_figure) {
  std::vector<double> p, speedup;
  for (const auto& [ranks, figure] : best) {
    p.push_back(double(ranks) / base_ranks);
    speedup.push_back(scaling_speedup(figure, base_figure));
  }
  ScalingFit f;
  const SerialFractionFit sf = mode == ScalingMode::strong ? fit_amdahl(p, speedup) : fit_gustafson(p, speedup);
  f.law = mode == ScalingMode::strong ? "Amdahl" : "Gustafson";
  f.serial_fraction = sf.f;
  f.rms = sf.rms;
  f.predicted_ranks = 4 * best.rbegin()->first;
  const double predicted_p = double(f.predicted_ranks) / base_ranks;
  f.speedup_limit = mode == ScalingMode::strong ? amdahl_limit(sf.f) : NAN;
  f.predicted_speedup =
      mode == ScalingMode::strong ? amdahl_speedup(sf.f, predicted_p) : gustafson_speedup(sf.f, predicted_p);
  return f;
}

// A serial fraction that grows with the rank count is overhead that grows with it
// (communication, waiting), not a fixed serial part of the program: Karp and Flatt's point.
void add_notes(ScalingStudy& s) {
  std::vector<double> e;  // one per rank count: repeats would look like a plateau
  int last_ranks = 0;
  for (const auto& r : s.rows)
    if (r.passed && !std::isnan(r.serial_fraction) && r.ranks != last_ranks) {
      e.push_back(r.serial_fraction);
      last_ranks = r.ranks;
    }
  bool rising = e.size() >= 2;
  for (std::size_t i = 1; i < e.size(); ++i) rising = rising && e[i] > e[i - 1];
  if (rising)
    s.notes.push_back("the serial fraction grows with the rank count: the loss is overhead that grows with the "
                      "ranks (communication, waiting), not a fixed serial part");
  // Five points of growth or more: less is noise on a busy machine.
  if (!s.waiting_phases.empty() && s.rows.back().waiting_share >= s.rows.front().waiting_share + 0.05)
    s.notes.push_back("the share of time spent communicating or waiting grows from " +
                      std::to_string(int(std::lround(100 * s.rows.front().waiting_share))) + "% to " +
                      std::to_string(int(std::lround(100 * s.rows.back().waiting_share))) + "%");
}

}  // namespace

std::vector<std::string> waiting_phases(const std::string& kernel) {
  if (kernel == "hpl") return {"panel_broadcast", "row_swap"};
  if (kernel == "stencil") return {"halo_exchange", "waiting"};
  if (kernel == "render") return {"schedule", "idle", "gather"};
  return {};
}

ScalingStudy analyse_scaling(const ScalingGroup& g) {
  ScalingStudy s;
  s.kernel = g.kernel;
  s.unit = g.points.front().result.unit;
  s.mode = g.mode;
  s.mode_from = g.mode_from;
  s.waiting_phases = waiting_phases(g.kernel);
  s.warnings = g.warnings;
  warn_about_points(g, s);
  if (g.mode == ScalingMode::weak) s.weak_load = weak_load(g);
  // Gustafson's law, and its serial fraction, describe constant work per rank only.
  const bool fits_law = g.mode == ScalingMode::strong || s.weak_load.work_constant;

  const std::map<int, double> passed = best_figures(g, true);
  const std::map<int, double> reference = passed.empty() ? best_figures(g, false) : passed;
  s.base_ranks = reference.begin()->first;
  const double base_figure = reference.begin()->second;

  for (const auto& pt : g.points) {
    const KernelResult& r = pt.result;
    const double p = double(pt.ranks) / s.base_ranks;
    ScalingRow row;
    row.ranks = pt.ranks;
    row.nodes = pt.nodes;
    row.figure = r.figure_of_merit;
    row.seconds = r.best_seconds();
    row.speedup = scaling_speedup(r.figure_of_merit, base_figure);
    row.efficiency = scaling_efficiency(row.speedup, p);
    row.serial_fraction = !fits_law                      ? NAN
                          : g.mode == ScalingMode::strong ? karp_flatt(row.speedup, p)
                                                          : gustafson_fraction(row.speedup, p);
    row.waiting_share = waiting_share(r.phase_names, r.phase_seconds, s.waiting_phases);
    row.passed = r.passed;
    const auto same_ranks = [&](const ScalingPoint& o) { return o.ranks == pt.ranks; };
    row.repeated = std::count_if(g.points.begin(), g.points.end(), same_ranks) > 1;
    row.problem = r.problem;
    row.file = pt.file;
    row.run = pt.run;
    s.rows.push_back(row);
  }
  if (passed.size() < 2) {
    s.no_fit = "fewer than two rank counts passed";
    s.warnings.push_back("no fit: fewer than two rank counts passed verification");
  } else if (!fits_law) {
    s.no_fit = "Gustafson's law assumes the same work per rank at every count, and " + s.weak_load.work_change +
               " (scripts/scaling.sh hpl --weak grows N as the cube root of p, which holds it)";
  } else {
    s.fit = fit(g.mode, passed, s.base_ranks, base_figure);
  }
  add_notes(s);
  return s;
}

}  // namespace bramble
