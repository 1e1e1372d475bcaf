#include "power/source_factory.hpp"

#include <cstdlib>

#include "power/command_sources.hpp"
#include "power/fixed_source.hpp"
#include "power/hwmon_source.hpp"
#include "power/smartplug_source.hpp"
#include "power/rapl_source.hpp"

namespace bramble::power {

std::unique_ptr<PowerSource> make_source(const std::string& spec, const std::string& root) {
  const auto colon = spec.find(':');
  const std::string kind = spec.substr(0, colon);
  const std::string arg = colon == std::string::npos ? "" : spec.substr(colon + 1);
  if (kind == "none" || kind == "off") return nullptr;
  if (kind == "auto") return RaplSource::present(root) ? std::make_unique<RaplSource>(root) : nullptr;
  if (kind == "rapl") return std::make_unique<RaplSource>(root);
  if (kind == "fixed") {
    char* end = nullptr;
    const double watts = std::strtod(arg.c_str(), &end);
    if (arg.empty() || *end != '\0') throw PowerError("--power fixed needs watts, e.g. fixed:7.5");
    return std::make_unique<FixedSource>(watts);
  }
  if (kind == "hwmon") {  // hwmon:NAME[:SCOPE], scope board unless told
    const auto colon2 = arg.find(':');
    const std::string name = arg.substr(0, colon2), scope = colon2 == std::string::npos ? "board" : arg.substr(colon2 + 1);
    if (name.empty()) throw PowerError("--power hwmon needs a device name, e.g. hwmon:ina226[:wall]");
    const Scope s = scope == "wall" ? Scope::wall : scope == "cpu-package" ? Scope::cpu_package : Scope::board;
    if (scope != "wall" && scope != "cpu-package" && scope != "board")
      throw PowerError("hwmon scope must be board, wall or cpu-package");
    return std::make_unique<HwmonSource>(name, s, root);
  }
  if (kind == "smartplug") {
    if (arg.empty()) throw PowerError("--power smartplug needs the plug's URL, e.g. smartplug:http://shelly-plug.local");
    return std::make_unique<SmartPlugSource>(arg);
  }
  if (kind == "pi5-pmic") {
    if (!arg.empty() && arg != "wall") throw PowerError("--power pi5-pmic takes no argument or :wall");
    auto s = std::make_unique<Pi5PmicSource>("vcgencmd pmic_read_adc", arg == "wall");
    s->read();
    return s;
  }
  if (kind == "ipmi") {
    auto s = std::make_unique<IpmiSource>(arg.empty() ? "ipmitool dcmi power reading" : arg);
    s->read();
    return s;
  }
  throw PowerError("unknown power source \"" + kind + "\" (known: auto, rapl, hwmon:NAME[:SCOPE], pi5-pmic[:wall], ipmi[:COMMAND], smartplug:URL, meter-log:FILE, fixed:WATTS, none)");
}

}  // namespace bramble::power
