#include "power/config.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <toml++/toml.h>
#include <unordered_map>
#include <vector>

#include "core/errors.hpp"
#include "core/number_text.hpp"
#include "core/printable.hpp"

namespace bramble {

NodePowerConfig PowerConfig::for_host(const std::string& hostname) const {
  for (const auto& [host, config] : hosts)
    if (host == hostname) return config;
  return fallback;
}

namespace {

// Walks the document's tables: keys hold a node's settings, tables hold further nodes. A
// hostname with dots ([pi01.local]) is, in TOML, a table inside a table; it is still one
// hostname, so nested names are joined with dots again.
class ConfigReader {
 public:
  explicit ConfigReader(std::string source) : source_(std::move(source)) {}

  PowerConfig read(const toml::table& document) {
    table(document, "");
    return std::move(config_);
  }

 private:
  void table(const toml::table& t, const std::string& host) {
    for (const auto& [key, node] : t) {
      const std::string name(key.str());
      const std::string path = host.empty() ? name : host + "." + name;
      if (const toml::table* nested = node.as_table()) {
        table(*nested, path);
      } else if (node.is_array_of_tables()) {
        throw InputError(printable(source_, 200) + " line " + std::to_string(node.source().begin.line) + ": [[" +
                         printable(path, 80) + "]]: a node's settings are one table, [" + printable(path, 80) +
                         "], not an array of tables");
      } else {
        setting(host, name, node);
      }
    }
  }

  NodePowerConfig& section(const std::string& host) {
    if (host.empty() || host == "default") return config_.fallback;
    // Host -> its place in config.hosts: a cluster's file may name thousands of hosts.
    const auto [at, added] = index_.try_emplace(host, config_.hosts.size());
    if (added) config_.hosts.push_back({host, NodePowerConfig{}});
    return config_.hosts[at->second].second;
  }

  void setting(const std::string& host, const std::string& key, const toml::node& value) {
    // The file's own text, shown in messages: escaped, as it may hold anything.
    const std::string where = printable(source_, 200) + " line " + std::to_string(value.source().begin.line) + ": [" +
                              printable(host.empty() ? "default" : host, 80) + "] " + printable(key, 80);
    NodePowerConfig& target = section(host);
    if (key == "interval") {
      const std::optional<double> seconds = value.value<double>();  // a TOML integer or float
      if (!seconds) throw InputError(where + ": seconds between samples must be a number, e.g. interval = 0.5");
      if (!std::isfinite(*seconds) || *seconds < 0.01 || *seconds > 60) {
        char shown[32];
        std::snprintf(shown, sizeof shown, "%g", *seconds);  // nan, inf, 0, 61
        throw InputError(where + ": seconds between samples must be a finite number " + finite_range_text(0.01, 60) +
                         ", got " + shown);
      }
      target.interval = *seconds;
      return;
    }
    std::string* field = key == "power"      ? &target.power
                         : key == "group"    ? &target.group
                         : key == "user"     ? &target.credentials.user
                         : key == "password" ? &target.credentials.password
                                             : nullptr;
    if (!field) throw InputError(where + ": unknown key (known: power, group, interval, user, password)");
    const std::optional<std::string> text = value.value_exact<std::string>();
    if (!text) throw InputError(where + ": expected text in quotes, e.g. power = \"fixed:7.5\"");
    // Sources and group names end up in result files and tables.
    if (!is_printable(*text)) {
      const bool secret = field == &target.credentials.password;
      throw InputError(where + ": must be printable text" + (secret ? "" : ", got " + in_quotes(*text)));
    }
    *field = *text;
  }

  std::string source_;
  PowerConfig config_;
  std::unordered_map<std::string, std::size_t> index_;
};

// Where a table or key that toml++ refuses to redefine ("cannot redefine existing table
// 'pi01'") was first given: the line of its `[pi01]` header, or of `key =` in the same table
// as the second one. 0 when it cannot be told (a dotted or quoted name, an inline table).
std::size_t first_definition(const std::string& text, const std::string& description, std::size_t second_line) {
  const auto open = description.find('\''), close = description.rfind('\'');
  if (open == std::string::npos || close <= open + 1) return 0;
  const std::string name = description.substr(open + 1, close - open - 1);
  const auto trimmed = [](std::string line) {
    line.erase(0, line.find_first_not_of(" \t"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    return line;
  };
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(trimmed(line));
  if (second_line == 0 || second_line > lines.size()) return 0;
  const auto table_of = [&](std::size_t line) {  // the header in force at 1-based `line`
    for (std::size_t i = line; i-- > 0;)
      if (!lines[i].empty() && lines[i][0] == '[') return lines[i];
    return std::string();
  };
  const std::string table = table_of(second_line);
  for (std::size_t i = 0; i + 1 < second_line; ++i) {
    const std::string& line = lines[i];
    if (line == "[" + name + "]") return i + 1;
    const bool key = line.rfind(name, 0) == 0 && trimmed(line.substr(name.size())).rfind('=', 0) == 0;
    if (key && table_of(i + 1) == table) return i + 1;
  }
  return 0;
}

}  // namespace

PowerConfig parse_power_config(const std::string& text, const std::string& source) {
  toml::table document;
  try {
    document = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    // toml++ words it ("cannot redefine existing table 'pi01'"); we say where, and for a
    // table or key given twice, where it was first (issue 22 §8).
    const toml::source_position at = e.source().begin;
    const std::string description(e.description());
    std::string message = printable(source, 200) + " line " + std::to_string(at.line) + ", column " +
                          std::to_string(at.column) + ": " + printable(description, 200);
    if (description.find("redefine") != std::string::npos)
      if (const std::size_t first = first_definition(text, description, at.line); first > 0)
        message += " (first given on line " + std::to_string(first) + ")";
    throw InputError(message);
  }
  PowerConfig config = ConfigReader(source).read(document);
  // A Shelly's HTTP user is always "admin"; a password alone means that user.
  auto default_user = [](NodePowerConfig& c) {
    if (!c.credentials.password.empty() && c.credentials.user.empty()) c.credentials.user = "admin";
  };
  default_user(config.fallback);
  for (auto& [host, c] : config.hosts) default_user(c);
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
