#include "results/old_wall_scopes.hpp"

#include <algorithm>

#include "power/scope.hpp"

namespace bramble {
namespace {

using power::Scope;
using power::scope_name;

// The scope's part of a figure's name (power/totals.cpp): "wall-model" -> "wall_model".
std::string scope_key(std::string scope) {
  std::replace(scope.begin(), scope.end(), '-', '_');
  return scope;
}

// Wall scopes from best to weakest: a measurement, a model, the user's word.
int weakness(const std::string& scope) {
  if (scope == scope_name(Scope::wall_declared)) return 2;
  if (scope == scope_name(Scope::wall_model)) return 1;
  return 0;
}

void rescope_kernel(PowerRecord& p, const std::vector<MeterInfo>& meters, const std::string& total_scope) {
  p.meters = meters;
  const std::string old_wall = scope_name(Scope::wall);
  for (ScopeTotal& t : p.totals)
    if (t.scope == old_wall) t.scope = total_scope;
  const std::string old_suffix = "_" + old_wall, new_suffix = "_" + scope_key(total_scope);
  for (auto& figure : p.figures) {
    std::string& name = figure.first;
    if (name.size() > old_suffix.size() && name.compare(name.size() - old_suffix.size(), old_suffix.size(), old_suffix) == 0)
      name = name.substr(0, name.size() - old_suffix.size()) + new_suffix;
  }
  const bool covered = std::any_of(p.totals.begin(), p.totals.end(), [&](const ScopeTotal& t) { return t.scope == total_scope; });
  if (!covered) return;
  p.green500_valid = false;
  const std::string why = "not wall power on every node (" + power::not_wall_reason(total_scope) +
                          "; recorded as wall by an older bramble)";
  p.green500_reason += (p.green500_reason.empty() ? "" : "; ") + why;
}

}  // namespace

std::string current_scope(const MeterInfo& meter) {
  if (meter.scope != scope_name(Scope::wall)) return meter.scope;
  if (meter.kind == "pi5-pmic") return scope_name(Scope::wall_model);
  if (meter.kind == "hwmon") return scope_name(Scope::wall_declared);
  return meter.scope;
}

void rescope_old_wall_meters(RunRecord& run) {
  if (!run.power) return;
  std::string total_scope = scope_name(Scope::wall);  // what the old "wall" total becomes
  bool changed = false;
  for (MeterInfo& m : run.power->meters) {
    const std::string now = current_scope(m);
    if (now == m.scope) continue;
    changed = true;
    if (weakness(now) > weakness(total_scope)) total_scope = now;
    m.scope = now;
  }
  if (!changed) return;
  for (KernelRecord& k : run.kernels)
    if (k.power) rescope_kernel(*k.power, run.power->meters, total_scope);
}

}  // namespace bramble
