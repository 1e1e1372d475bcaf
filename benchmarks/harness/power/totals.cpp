#include "power/totals.hpp"

#include <algorithm>
#include <cmath>

#include "core/format_units.hpp"
#include "power/scope.hpp"

namespace bramble {
namespace {

std::string scope_key(std::string s) {
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

void add_note(std::string& notes, const std::string& note) { notes += (notes.empty() ? "" : "; ") + note; }

}  // namespace

void summarise_power(PowerRecord& rec, int node_count, const std::vector<std::string>& hostnames,
                     const std::string& figure_name, double figure, double extra_watts) {
  rec.totals.clear();
  rec.figures.clear();
  rec.notes.clear();
  rec.green500_reason.clear();
  rec.throttled = false;
  auto host = [&](std::size_t node) { return node < hostnames.size() ? hostnames[node] : "node " + std::to_string(node); };

  // Health: throttling on any node flags the phase.
  for (std::size_t n = 0; n < rec.nodes.size(); ++n) {
    const auto& st = rec.nodes[n].stats;
    if (st.throttled > 0 && (st.throttled & power::kThrottleNowMask)) {
      rec.throttled = true;
      add_note(rec.notes, host(n) + " " + power::throttle_text(st.throttled & power::kThrottleNowMask));
    }
  }

  // Energy: per scope, only from meters that were read during the phase.
  bool valid = !rec.meters.empty();  // Green500 level 1, checked per meter: every meter must qualify
  for (std::size_t m = 0; m < rec.meters.size(); ++m) {
    const MeterInfo& meter = rec.meters[m];
    const NodePhase& reader = rec.nodes[static_cast<std::size_t>(meter.reader_node)];
    const auto& st = reader.stats;
    if (st.failed > 0) add_note(rec.notes, meter.name + ": " + std::to_string(st.failed) + " failed readings" +
                                               (reader.error.empty() ? "" : " (" + reader.error + ")"));
    if (!(st.covered > 0)) {
      add_note(rec.notes, meter.name + ": no readings cover the phase");
      valid = false;
      continue;
    }
    if (st.covered < 0.9 * st.seconds)
      add_note(rec.notes, meter.name + ": readings cover only " + fixed(100 * st.covered / st.seconds, 0) + "% of the phase");
    if (meter.scope != "estimate" && st.longest_repeat > (st.cumulative ? kStaleCounterSeconds : kStalePowerSeconds))
      add_note(rec.notes, meter.name + ": reading unchanged for " + fixed(st.longest_repeat, 1) + " s (stale source?)");
    auto it = std::find_if(rec.totals.begin(), rec.totals.end(), [&](const ScopeTotal& x) { return x.scope == meter.scope; });
    if (it == rec.totals.end()) {
      it = rec.totals.insert(rec.totals.end(), ScopeTotal{});
      it->scope = meter.scope;
    }
    it->joules += st.joules;
    it->seconds = std::max(it->seconds, st.seconds);
    it->mean_watts += st.mean_watts;
    it->idle_watts += meter.idle_watts;  // NaN spreads: no baseline for one meter, none for the scope
    it->nodes_covered += static_cast<int>(meter.nodes.size());

    const bool rate_ok = !std::isnan(st.interval) && st.interval <= 1.0;
    valid = valid && rate_ok && st.samples >= kGreen500MinSamples && st.seconds >= kGreen500MinSeconds;
  }
  // Green500 measures the whole machine at the wall: one scope covering every node, and that
  // scope measured wall power. A model's wall figure (wall-model) or a sensor the user calls
  // wall (wall-declared) is not a wall measurement, and says so in the reason.
  const bool one_scope_everywhere = rec.totals.size() == 1 && rec.totals[0].nodes_covered == node_count;
  const bool wall_everywhere = one_scope_everywhere && power::measured_at_wall(rec.totals[0].scope);
  rec.green500_valid = valid && wall_everywhere;
  if (rec.totals.empty()) {
    rec.green500_reason = "no power measured";
  } else if (!rec.green500_valid) {
    // Every rule the measurement misses, so that fixing one does not reveal the next.
    const double seconds = rec.totals.front().seconds;
    std::string why;
    if (seconds < kGreen500MinSeconds) add_note(why, "phase " + fixed(seconds, 1) + " s < 60 s (--min-phase-seconds 60)");
    if (!one_scope_everywhere) add_note(why, "not wall power on every node (" + rec.totals.front().scope + ")");
    else if (!wall_everywhere) add_note(why, "not wall power on every node (" + power::not_wall_reason(rec.totals[0].scope) + ")");
    if (why.empty()) add_note(why, "a meter had fewer than 10 samples, under 1 sample/s, or gaps");
    rec.green500_reason = why;
  }

  // Shared gear belongs to the whole cluster: it joins the total that covers every node.
  bool extra_counted = false;
  for (ScopeTotal& t : rec.totals) {
    if (!(extra_watts > 0) || t.nodes_covered < node_count) continue;
    t.extra_watts = extra_watts;
    t.mean_watts += extra_watts;
    t.joules += extra_watts * t.seconds;
    t.idle_watts += extra_watts;  // NaN stays NaN: no baseline
    extra_counted = true;
  }
  if (extra_watts > 0 && !extra_counted && !rec.totals.empty())
    add_note(rec.notes, "--power-extra " + fixed(extra_watts, 1) + " W not counted: no scope covers every node");

  for (const ScopeTotal& t : rec.totals) {
    const std::string key = scope_key(t.scope);
    rec.figures.emplace_back("joules_" + key, t.joules);
    rec.figures.emplace_back("watts_" + key, t.mean_watts);
    if (t.extra_watts > 0) rec.figures.emplace_back("extra_watts_" + key, t.extra_watts);
    if (t.nodes_covered < node_count) {
      add_note(rec.notes, t.scope + " meters cover " + std::to_string(t.nodes_covered) + " of " +
                              std::to_string(node_count) + " nodes: no per-watt figure");
      continue;
    }
    if (t.mean_watts > 0) rec.figures.emplace_back(figure_name + "_per_watt_" + key, figure / t.mean_watts);
    if (std::isnan(t.idle_watts)) continue;
    rec.figures.emplace_back("idle_watts_" + key, t.idle_watts);
    // Above idle only means something when the load drew more than idle.
    if (t.mean_watts > t.idle_watts)
      rec.figures.emplace_back(figure_name + "_per_watt_above_idle_" + key, figure / (t.mean_watts - t.idle_watts));
  }
}

double phase_rate(double figure_of_merit, const std::vector<double>& rep_seconds) {
  if (rep_seconds.empty()) return figure_of_merit;
  double best = rep_seconds.front(), sum = 0;
  for (double s : rep_seconds) {
    best = std::min(best, s);
    sum += s;
  }
  return sum > 0 ? figure_of_merit * best * double(rep_seconds.size()) / sum : figure_of_merit;
}

}  // namespace bramble
