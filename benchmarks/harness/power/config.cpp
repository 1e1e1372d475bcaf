#include "power/config.hpp"

#include <CLI/CLI.hpp>
#include <sstream>

#include "core/errors.hpp"

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
  for (const auto& item : items) {
    if (item.name == "++" || item.name == "--") continue;  // CLI11's section markers
    // CLI11 splits dotted section names (pi01.local) into parents; a hostname is all of them.
    std::string host;
    for (const auto& p : item.parents) host += (host.empty() ? "" : ".") + p;
    NodePowerConfig* target = &config.fallback;
    if (!host.empty() && host != "default") {
      auto it = std::find_if(config.hosts.begin(), config.hosts.end(), [&](const auto& h) { return h.first == host; });
      if (it == config.hosts.end()) it = config.hosts.insert(config.hosts.end(), {host, NodePowerConfig{}});
      target = &it->second;
    }
    const std::string where = source + ": [" + (host.empty() ? "default" : host) + "] " + item.name;
    if (item.inputs.size() != 1)
      throw InputError(where + ": expected one value, e.g. power = \"fixed:7.5\"");
    const std::string& value = item.inputs[0];
    if (item.name == "power") {
      target->power = value;
    } else if (item.name == "group") {
      target->group = value;
    } else if (item.name == "interval") {
      char* end = nullptr;
      const double s = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0' || !(s >= 0.01 && s <= 60))
        throw InputError(where + ": interval must be 0.01 to 60 seconds, not \"" + value + "\"");
      target->interval = s;
    } else {
      throw InputError(where + ": unknown key (known: power, group, interval)");
    }
  }
  return config;
}

}  // namespace bramble
