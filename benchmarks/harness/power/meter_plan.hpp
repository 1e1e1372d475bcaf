#pragma once
// Which meters a run has, decided from `--power` and the per-node config before any source
// is opened: one meter per node, or one per group of nodes that share a plug (read by the
// group's first node). The same on every rank, from the same config text.
#include <string>
#include <vector>

#include "context/topology.hpp"
#include "power/config.hpp"

namespace bramble {

struct MeterPlan {
  std::string key, name, spec;  // key "node 3" / "group rack-plug"; name: host or group
  std::vector<int> nodes;       // the nodes it covers, the reader first
  double interval = 0;          // seconds between samples
  power::HttpCredentials credentials;  // the plug's, if it asks; never printed
};

// `default_spec` for nodes the config does not name; `interval` > 0 overrides every
// source kind's default. Throws InputError when a group's nodes name different sources.
std::vector<MeterPlan> plan_meters(const Topology& topology, const PowerConfig& config, const std::string& default_spec,
                                   double interval);

// "smartplug" from "smartplug:http://...".
std::string power_kind(const std::string& spec);

}  // namespace bramble
