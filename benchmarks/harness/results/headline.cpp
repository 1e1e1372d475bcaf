#include "results/headline.hpp"

#include <algorithm>
#include <cmath>

namespace bramble {

std::string per_watt_work_name(const KernelResult& r) { return r.phase_work ? r.phase_work->name : r.figure_name; }

std::optional<HeadlinePower> headline_power(const KernelRecord& k) {
  if (!k.power) return std::nullopt;
  auto find = [&](const std::string& name) {
    for (const auto& [n, v] : k.power->figures)
      if (n == name) return v;
    return std::nan("");
  };
  const std::string work = per_watt_work_name(k.result);
  // At most one scope covers every node (a node has one meter), so the order only matters
  // for hand-made records; it runs from measured wall power to a declared estimate.
  for (const char* key : {"wall", "wall_model", "wall_declared", "board", "cpu_package", "estimate"}) {
    HeadlinePower h;
    h.per_watt = find(work + "_per_watt_" + key);
    if (std::isnan(h.per_watt)) continue;  // absent: this scope does not cover every node
    h.scope = key;
    std::replace(h.scope.begin(), h.scope.end(), '_', '-');
    h.watts = find(std::string("watts_") + key);
    h.joules = find(std::string("joules_") + key);
    h.idle_watts = find(std::string("idle_watts_") + key);
    h.extra_watts = find(std::string("extra_watts_") + key);
    if (std::isnan(h.extra_watts)) h.extra_watts = 0;  // none declared (and every file before --power-extra)
    h.per_watt_above_idle = find(work + "_per_watt_above_idle_" + key);
    h.per_watt_unit = (k.result.phase_work ? k.result.phase_work->unit : k.result.unit) + "/W";
    h.green500_valid = k.power->green500_valid;
    return h;
  }
  return std::nullopt;
}

}  // namespace bramble
