#pragma once
// Per-node power configuration, for clusters whose nodes differ (a Pi 5 reads its PMIC, the
// Pi 4s sit on one smart plug, the server has a BMC). A TOML file, read with toml++, so that
// what TOML forbids (a table or key given twice) is refused with its line and column:
//
//   [default]                       # nodes without a section of their own
//   power = "fixed:7.5"
//   [pi01]                          # a hostname as MPI's node reports it
//   power = "pi5-pmic:wall"
//   [pi02]
//   power = "smartplug:http://192.168.1.50"
//   group = "rack-plug"             # nodes sharing one meter: one node reads it for all
//   password = "..."                # the plug's HTTP password (user "admin" unless given)
//   [pi03]
//   group = "rack-plug"
//   interval = 1.0                  # seconds between samples (default: per source kind)
//   ["pi04.local"]                  # a dotted hostname; [pi04.local] means the same
//
// `power` takes the same specs as `--power`, which is the default for nodes the file does
// not name. Keys outside any table belong to [default].
#include <string>
#include <vector>

#include "power/sources/credentials.hpp"

namespace bramble {

struct NodePowerConfig {
  std::string power;     // "" = not given here
  std::string group;     // "" = the node is metered on its own
  double interval = 0;   // 0 = the source kind's default
  power::HttpCredentials credentials;  // for a smart plug that asks; never printed or stored
};

struct PowerConfig {
  NodePowerConfig fallback;  // [default]
  std::vector<std::pair<std::string, NodePowerConfig>> hosts;

  // The host's section if there is one, else [default].
  NodePowerConfig for_host(const std::string& hostname) const;
};

// Throws InputError naming `source`, the line, and what is wrong: TOML syntax, a table or
// key given twice, an unknown key, a value of the wrong type or range.
PowerConfig parse_power_config(const std::string& text, const std::string& source);

// `--power` given on the command line together with the config `source` must have a say:
// it is refused (exit 2), rather than silently ignored, when the config's [default] names a
// different source for the same nodes, or when the config names a source for every one of
// `hosts`. Without --power on the command line the config simply decides.
void check_power_option_against_config(const PowerConfig& config, const std::string& spec,
                                       const std::vector<std::string>& hosts, const std::string& source);

}  // namespace bramble
