#include "power/telemetry.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/sysfs.hpp"
#include "power/sample.hpp"

namespace bramble::power {
namespace fs = std::filesystem;
namespace {

bool read_number(const std::string& path, double& value, int base = 10) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text)) return false;
  try {
    std::size_t used = 0;
    value = base == 16 ? double(std::stoll(text, &used, 16)) : std::stod(text, &used);
    return used > 0;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

TelemetryReader::TelemetryReader(const std::string& root) {
  // Thermal zones; on x86 the CPU sensors are hwmon devices (k10temp, coretemp) instead.
  for (const auto& zone : sysfs::entries(root + "/sys/class/thermal", "thermal_zone"))
    if (fs::exists(zone / "temp")) thermal_.push_back((zone / "temp").string());
  for (const auto& dev : sysfs::named_devices(root + "/sys/class/hwmon", "hwmon")) {
    if (dev.name != "k10temp" && dev.name != "coretemp" && dev.name != "cpu_thermal") continue;
    for (const auto& f : sysfs::entries(dev.dir, "temp"))
      if (f.string().ends_with("_input")) thermal_.push_back(f.string());
  }
  for (const auto& cpu : sysfs::entries(root + "/sys/devices/system/cpu", "cpu")) {
    const fs::path f = cpu / "cpufreq/scaling_cur_freq";
    if (fs::exists(f)) cpufreq_.push_back(f.string());
  }
  if (cpufreq_.empty() && fs::exists(root + "/proc/cpuinfo")) cpuinfo_ = root + "/proc/cpuinfo";
  const std::string t = root + "/sys/devices/platform/soc/soc:firmware/get_throttled";
  if (fs::exists(t)) throttle_ = t;
}

Health TelemetryReader::read() const {
  Health h{kUnknown, kUnknown, -1};
  for (const auto& f : thermal_) {
    double milli = 0;
    if (read_number(f, milli) && (std::isnan(h.temp_c) || milli / 1000 > h.temp_c)) h.temp_c = milli / 1000;
  }
  double sum = 0;
  int n = 0;
  for (const auto& f : cpufreq_) {
    double khz = 0;
    if (read_number(f, khz)) {
      sum += khz / 1000;
      ++n;
    }
  }
  if (!cpuinfo_.empty()) {  // "cpu MHz\t\t: 2994.374"
    std::ifstream in(cpuinfo_);
    for (std::string line; std::getline(in, line);)
      if (line.rfind("cpu MHz", 0) == 0) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        try {
          sum += std::stod(line.substr(colon + 1));
          ++n;
        } catch (const std::exception&) {
        }
      }
  }
  if (n > 0) h.clock_mhz = sum / n;
  double word = 0;
  if (!throttle_.empty() && read_number(throttle_, word, 16)) h.throttled = static_cast<std::int64_t>(word);
  return h;
}

std::string TelemetryReader::describe() const {
  std::ostringstream out;
  out << "temperature: " << (thermal_.empty() ? "none" : std::to_string(thermal_.size()) + " sensor(s), hottest")
      << "; clock: "
      << (!cpufreq_.empty() ? "cpufreq scaling_cur_freq, mean of " + std::to_string(cpufreq_.size()) + " CPUs"
                            : !cpuinfo_.empty() ? "/proc/cpuinfo cpu MHz, mean" : "none")
      << "; throttle: " << (throttle_.empty() ? "none" : "firmware get_throttled");
  return out.str();
}

}  // namespace bramble::power
