#include "comparison/published_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "power/scope.hpp"
#include "results/headline.hpp"

namespace bramble {
namespace {

RankedSystem from_published(const PublishedRow& r) {
  RankedSystem s;
  s.system = r.system;
  s.source = r.source;
  s.date = r.date;
  s.nodes = r.nodes;
  s.cores = r.cores;
  s.gflops = r.gflops;
  s.per_node = r.gflops / r.nodes;
  s.power_scope = "wall";
  s.watts = r.watts;
  s.per_watt = r.gflops / r.watts;
  s.idle_watts = r.idle_watts;
  s.usd = r.usd;
  s.benchmark = "HPL";
  return s;
}

// The run's best passed HPL result, or nothing. Failed results never count: a wrong
// answer computed fast is not a result.
const KernelRecord* best_passed_hpl(const RunRecord& run) {
  const KernelRecord* best = nullptr;
  for (const auto& k : run.kernels)
    if (k.result.kernel == "hpl" && k.result.passed && std::isfinite(k.result.figure_of_merit) &&
        (!best || k.result.figure_of_merit > best->result.figure_of_merit))
      best = &k;
  return best;
}

bool has_hpl(const RunRecord& run) {
  return std::any_of(run.kernels.begin(), run.kernels.end(), [](const KernelRecord& k) { return k.result.kernel == "hpl"; });
}

int node_count(const RunMetadata& c) {
  return c.node_count > 0 ? c.node_count : int(c.nodes.size());
}

RankedSystem from_run(const SelectedRun& r, const KernelRecord& k, const std::optional<HeadlinePower>& power) {
  RankedSystem s;
  s.yours = true;
  s.benchmark = "HPL-style";
  s.system = r.name;
  s.source = r.file;
  s.date = r.run.context.utc_time;
  s.nodes = node_count(r.run.context);
  for (const auto& n : r.run.context.nodes) s.cores += physical_cores_or_logical(n);  // as published lists count
  s.gflops = k.result.figure_of_merit;
  s.per_node = s.gflops / s.nodes;
  s.watts = s.per_watt = s.idle_watts = std::nan("");
  s.usd = r.run.context.price_usd;
  if (power) {
    s.power_scope = power->scope;
    s.watts = power->watts;
    s.per_watt = power->per_watt;
    s.idle_watts = power->idle_watts;
  }
  return s;
}

// Best first; equal figures share the better rank, so a tie never reads as a loss.
std::vector<RankedSystem> ranked(std::vector<RankedSystem> v, double RankedSystem::*figure) {
  std::stable_sort(v.begin(), v.end(), [&](const RankedSystem& a, const RankedSystem& b) { return a.*figure > b.*figure; });
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i].rank = i > 0 && v[i].*figure == v[i - 1].*figure ? v[i - 1].rank : int(i) + 1;
  return v;
}

std::string flatter_warning(const std::string& name, const std::string& scope) {
  // Wall figures that nobody measured at the wall: what they are, rather than what they miss.
  if (scope == power::scope_name(power::Scope::wall_model))
    return name + ": power is wall-model, not measured wall power: board power through a fitted model (the Pi 5 "
                  "PMIC's rails x 1.1451 + 0.5879 W, one board measured by someone else), which may miss the "
                  "power supply's loss and whatever the board feeds, so its Gflop/s per watt may flatter it";
  if (scope == power::scope_name(power::Scope::wall_declared))
    return name + ": power is wall-declared, not measured wall power: a sensor the user labelled wall, which "
                  "bramble cannot check, so its Gflop/s per watt is only as good as that label";
  const std::string left_out = scope == "board" ? "the power supply's loss, fans, disks and network"
                                                : "the power supply's loss, memory, board, fans and disks";
  const std::string what = scope == "estimate" ? "an estimate (such as a declared wattage) usually leaves out "
                                               : "it leaves out ";
  return name + ": power is " + scope + ", not wall power: " + what + left_out +
         ", which the published wall figures include, so its Gflop/s per watt flatters it against them";
}

}  // namespace

PublishedRanking rank_published(const std::vector<PublishedRow>& rows, const std::vector<SelectedRun>& runs) {
  PublishedRanking out;
  std::vector<RankedSystem> all;
  for (const auto& r : rows) all.push_back(from_published(r));
  std::vector<RankedSystem> with_power = all;
  for (const auto& r : runs) {
    const KernelRecord* k = best_passed_hpl(r.run);
    if (!k) {
      out.not_ranked.push_back({r.name, r.file,
                                has_hpl(r.run) ? "no HPL result passed verification (failed results are never ranked)"
                                               : "no HPL result in this run"});
      continue;
    }
    if (node_count(r.run.context) <= 0) {
      out.not_ranked.push_back({r.name, r.file, "the run records no nodes, so it has no per-node figure"});
      continue;
    }
    const std::optional<HeadlinePower> power = headline_power(*k);
    RankedSystem s = from_run(r, *k, power);
    if (!power) {
      s.note = "power not measured";
      out.not_ranked_per_watt.push_back({r.name, r.file, "power not measured (run with --power to rank per watt)"});
    } else if (!power::measured_at_wall(power->scope)) {
      s.note = power->scope + " power, not measured wall: per watt may flatter";
      out.warnings.push_back(flatter_warning(r.name, power->scope));
    }
    all.push_back(s);
    if (power) with_power.push_back(s);
  }
  out.per_node = ranked(all, &RankedSystem::per_node);
  out.per_watt = ranked(with_power, &RankedSystem::per_watt);
  return out;
}

}  // namespace bramble
