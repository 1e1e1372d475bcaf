#include "power/overdue_reading.hpp"

#include "core/format_units.hpp"

namespace bramble {

void count_overdue_reading(NodePhase& n, const power::Sampler& sampler, const std::vector<power::Window>& windows) {
  const auto overdue = sampler.overdue_read();
  if (!overdue) return;
  ++n.errors;
  if (!windows.empty() && overdue->t_mono <= windows.back().t1) ++n.stats.failed;
  if (!n.error.empty()) return;
  std::string why = "no answer from ";
  why += sampler.source() ? sampler.source()->describe() : std::string("the source");
  why += " for " + fixed(overdue->waited_seconds, 1) + " s";
  if (overdue->good_before > 0)
    why += " (the source stopped answering mid-run, after " + std::to_string(overdue->good_before) + " good readings)";
  n.error = std::move(why);
}

}  // namespace bramble
