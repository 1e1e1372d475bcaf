#include "power/sources/source_factory.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/number_text.hpp"
#include "core/printable.hpp"
#include "core/sysfs.hpp"
#include "power/sources/command_sources.hpp"
#include "power/sources/fixed_source.hpp"
#include "power/sources/hwmon_source.hpp"
#include "power/sources/meter_log.hpp"
#include "power/sources/smartplug_source.hpp"
#include "power/sources/rapl_source.hpp"

namespace bramble::power {

namespace {

// True if the command's program exists: a path, or a name found on PATH.
bool installed(const std::string& command) {
  const std::string program = command.substr(0, command.find(' '));
  if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0;
  std::istringstream path(std::getenv("PATH") ? std::getenv("PATH") : "");
  for (std::string dir; std::getline(path, dir, ':');)
    if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
  return false;
}

// hwmon names of the INA2xx family (kernel driver ina2xx, and ina3221), as on Pi 4 power HATs.
bool current_sensor(const std::string& name) {
  return name == "ina209" || name == "ina219" || name == "ina226" || name == "ina230" || name == "ina231" ||
         name == "ina238" || name == "ina260" || name == "ina3221";
}

}  // namespace

std::unique_ptr<PowerSource> auto_source(const AutoProbe& probe, std::string& why) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto note = [&](const std::string& s) { why += (why.empty() ? "" : "; ") + s; };
  auto attempt = [&](auto make) -> std::unique_ptr<PowerSource> {
    try {
      std::unique_ptr<PowerSource> s = make();
      s->read();
      return s;
    } catch (const PowerError& e) {
      note(e.what());
      return nullptr;
    }
  };
  if (fs::exists(probe.root + "/dev/ipmi0", ec) && installed(probe.ipmi_command))
    if (auto s = attempt([&] { return std::make_unique<IpmiSource>(probe.ipmi_command); })) return s;
  std::ifstream model(probe.root + "/proc/device-tree/model");
  std::string board;
  std::getline(model, board, '\0');
  if (board.rfind("Raspberry Pi 5", 0) == 0 && installed(probe.pmic_command))
    if (auto s = attempt([&] { return std::make_unique<Pi5PmicSource>(probe.pmic_command, false); })) return s;
  for (const auto& dev : sysfs::named_devices(probe.root + "/sys/class/hwmon"))
    if (current_sensor(dev.name))
      if (auto s = attempt([&] { return std::make_unique<HwmonSource>(dev.name, Scope::board, probe.root); })) return s;
  if (RaplSource::present(probe.root))
    if (auto s = attempt([&] { return std::make_unique<RaplSource>(probe.root); })) return s;
  if (why.empty()) why = "no BMC, Pi 5 PMIC, INA2xx sensor or RAPL found";
  return nullptr;
}

std::unique_ptr<PowerSource> make_source(const std::string& spec, const std::string& root, std::string* why,
                                         const HttpCredentials& credentials) {
  const auto colon = spec.find(':');
  const std::string kind = spec.substr(0, colon);
  const std::string arg = colon == std::string::npos ? "" : spec.substr(colon + 1);
  if (!credentials.empty() && kind != "smartplug")
    throw PowerError("a user and password in the power config are for a smartplug source, not " + in_quotes(kind));
  if (kind == "none" || kind == "off") return nullptr;
  if (kind == "auto") {
    std::string reasons;
    auto s = auto_source(AutoProbe{root}, reasons);
    if (!s && why) *why = reasons;
    return s;
  }
  if (kind == "rapl") return std::make_unique<RaplSource>(root);
  if (kind == "fixed") {  // fixed:LOAD[:IDLE]
    const std::size_t colon2 = arg.find(':');
    const std::optional<double> watts = parse_finite_number(arg.substr(0, colon2));
    const std::optional<double> idle =
        colon2 == std::string::npos ? std::nullopt : parse_finite_number(arg.substr(colon2 + 1));
    if (!watts)
      throw PowerError(std::string("fixed needs a finite number of watts, e.g. fixed:7.5, got ").append(in_quotes(arg)));
    if (colon2 != std::string::npos && !idle)
      throw PowerError(std::string("fixed:LOAD:IDLE needs a finite idle figure, e.g. fixed:7.5:2.7, got ").append(in_quotes(arg)));
    return std::make_unique<FixedSource>(*watts, idle);
  }
  if (kind == "hwmon") {  // hwmon:NAME[:SCOPE], scope board unless told
    const auto colon2 = arg.find(':');
    const std::string name = arg.substr(0, colon2), scope = colon2 == std::string::npos ? "board" : arg.substr(colon2 + 1);
    if (name.empty()) throw PowerError("--power hwmon needs a device name, e.g. hwmon:ina226[:wall]");
    // The kernel cannot say what a hwmon sensor sits on, so a "wall" here is the user's word:
    // it is recorded as wall-declared, which never counts as measured wall power.
    const Scope s = scope == "wall" || scope == "wall-declared" ? Scope::wall_declared
                    : scope == "cpu-package"                    ? Scope::cpu_package
                                                                : Scope::board;
    if (scope != "wall" && scope != "wall-declared" && scope != "cpu-package" && scope != "board")
      throw PowerError("hwmon scope must be board, wall (recorded as wall-declared) or cpu-package");
    return std::make_unique<HwmonSource>(name, s, root);
  }
  if (kind == "smartplug") {
    if (arg.empty()) throw PowerError("--power smartplug needs the plug's URL, e.g. smartplug:http://shelly-plug.local");
    return std::make_unique<SmartPlugSource>(arg, 2000, credentials);
  }
  if (kind == "pi5-pmic") {
    if (!arg.empty() && arg != "wall") throw PowerError("--power pi5-pmic takes no argument or :wall");
    auto s = std::make_unique<Pi5PmicSource>("vcgencmd pmic_read_adc", arg == "wall");
    s->read();
    return s;
  }
  if (kind == "meter-log") {
    if (arg.empty()) throw PowerError("--power meter-log needs the log's path, e.g. meter-log:/var/log/meter.csv");
    return std::make_unique<MeterLogSource>(arg);
  }
  if (kind == "ipmi") {
    auto s = std::make_unique<IpmiSource>(arg.empty() ? "ipmitool dcmi power reading" : arg);
    s->read();
    return s;
  }
  throw PowerError(std::string("unknown power source ").append(in_quotes(kind)) + " (known: auto, rapl, hwmon:NAME[:SCOPE], pi5-pmic[:wall], ipmi[:COMMAND], smartplug:URL, meter-log:FILE, fixed:WATTS[:IDLE], none)");
}

}  // namespace bramble::power
