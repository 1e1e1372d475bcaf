#include "power/meter_plan.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace bramble {
namespace {

// Seconds between samples when neither the config nor --power-interval says: fast enough
// for short phases where reading is cheap, 2 Hz where a read is an HTTP request or a BMC
// round trip (Green500 wants at least 1 Hz, and a 1 s schedule would miss it by jitter),
// 5 Hz for the Pi PMIC (vcgencmd forks a process per read).
double default_interval(const std::string& kind) {
  if (kind == "smartplug" || kind == "ipmi") return 0.5;
  if (kind == "pi5-pmic") return 0.2;
  return 0.1;
}

}  // namespace

std::string power_kind(const std::string& spec) { return spec.substr(0, spec.find(':')); }

std::vector<MeterPlan> plan_meters(const Topology& topology, const PowerConfig& config, const std::string& default_spec,
                                   double interval) {
  std::vector<MeterPlan> plans;
  for (int node = 0; node < topology.node_count(); ++node) {
    const std::string& host = topology.nodes()[static_cast<std::size_t>(node)].hostname;
    NodePowerConfig c = config.for_host(host);
    // Pretend nodes (--ranks-per-node) share their host's sensors: one reading covers them
    // all, or the host's energy would be counted once per pretend node. Only a declared
    // wattage can differ between them.
    const std::string spec = c.power.empty() ? default_spec : c.power;
    if (topology.pretend() && c.group.empty() && power_kind(spec) != "fixed") c.group = topology.host_of(node);
    const std::string key = c.group.empty() ? "node " + std::to_string(node) : "group " + c.group;
    auto it = std::find_if(plans.begin(), plans.end(), [&](const MeterPlan& p) { return p.key == key; });
    if (it == plans.end()) {
      it = plans.insert(plans.end(), MeterPlan{key, c.group.empty() ? host : c.group, "", {}, 0, {}});
    }
    it->nodes.push_back(node);
    if (!c.power.empty()) {
      if (!it->spec.empty() && it->spec != c.power)
        throw InputError("power config: nodes of group \"" + c.group + "\" name different sources (\"" + it->spec +
                         "\" and \"" + c.power + "\"); a group shares one meter");
      it->spec = c.power;
    }
    if (c.interval > 0) it->interval = c.interval;
    if (!c.credentials.empty()) {
      if (!it->credentials.empty() && it->credentials != c.credentials)
        throw InputError("power config: nodes of group \"" + c.group +
                         "\" give different user names or passwords; a group shares one plug");
      it->credentials = c.credentials;
    }
  }
  for (MeterPlan& p : plans) {
    if (p.spec.empty()) p.spec = default_spec;
    if (p.interval <= 0) p.interval = interval > 0 ? interval : default_interval(power_kind(p.spec));
  }
  return plans;
}

}  // namespace bramble
