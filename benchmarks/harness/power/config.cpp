#include "power/config.hpp"

#include <CLI/CLI.hpp>
#include <sstream>
#include <unordered_map>

#include "core/errors.hpp"
#include "core/number_text.hpp"
#include "core/printable.hpp"

namespace bramble {

NodePowerConfig PowerConfig::for_host(const std::string& hostname) const {
  for (const auto& [host, config] : hosts)
    if (host == hostname) return config;
  return fallback;
}

PowerConfig parse_power_config(const std::string& text, const std::string& source) {
  std::istringstream in(text);
  std::vector<CLI::ConfigItem> items;
  try {
    items = CLI::ConfigTOML().from_config(in);
  } catch (const CLI::Error& e) {
    throw InputError(source + ": " + e.what());
  }
  PowerConfig config;
  // Host -> its place in config.hosts: a cluster's file may name thousands of hosts, and a
  // search of the list for each key made a 3 MB file take most of a minute.
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& item : items) {
    if (item.name == "++" || item.name == "--") continue;  // CLI11's section markers
    // CLI11 splits dotted section names (pi01.local) into parents; a hostname is all of them.
    std::string host;
    for (const auto& p : item.parents) host += (host.empty() ? "" : ".") + p;
    NodePowerConfig* target = &config.fallback;
    if (!host.empty() && host != "default") {
      const auto [at, added] = index.try_emplace(host, config.hosts.size());
      if (added) config.hosts.push_back({host, NodePowerConfig{}});
      target = &config.hosts[at->second].second;
    }
    // The file's own text, shown in messages: escaped, as it may hold anything.
    const std::string where = printable(source, 200) + ": [" + printable(host.empty() ? "default" : host, 80) + "] " +
                              printable(item.name, 80);
    if (item.inputs.size() != 1)
      throw InputError(where + ": expected one value, e.g. power = \"fixed:7.5\"");
    const std::string& value = item.inputs[0];
    // Sources and group names end up in result files and tables.
    if (!is_printable(value)) throw InputError(where + ": must be printable text, got " + in_quotes(value));
    if (item.name == "power") {
      target->power = value;
    } else if (item.name == "group") {
      target->group = value;
    } else if (item.name == "interval") {
      const std::string wrong = check_finite_number(value, 0.01, 60);
      if (!wrong.empty()) throw InputError(where + ": seconds between samples " + wrong);
      target->interval = *parse_finite_number(value);
    } else {
      throw InputError(where + ": unknown key (known: power, group, interval)");
    }
  }
  return config;
}

void check_power_option_against_config(const PowerConfig& config, const std::string& spec,
                                       const std::vector<std::string>& hosts, const std::string& source) {
  std::string m = "--power ";
  m.append(printable(spec, 80));
  if (!config.fallback.power.empty() && config.fallback.power != spec) {
    m.append(" and [default] power = ").append(in_quotes(config.fallback.power)).append(" in ");
    m.append(printable(source, 200)).append(" disagree on the source of nodes without a section of their own; give one");
    throw Error(kExitUsage, m);
  }
  for (const std::string& host : hosts)
    if (config.for_host(host).power.empty()) return;  // --power is this node's source
  if (config.fallback.power.empty()) {
    m.append(" would apply to no node: ").append(printable(source, 200));
    m.append(" names a power source for every node; drop --power or a node's power line");
    throw Error(kExitUsage, m);
  }
}

}  // namespace bramble
