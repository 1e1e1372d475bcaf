#include "context/pi_firmware.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "core/subprocess.hpp"
#include "core/sysfs.hpp"

extern char** environ;

namespace bramble {
namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  const auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// vcgencmd's answer to `get_config <kind>`, or why there is none.
ProgramOutput get_config(const std::string& vcgencmd, const std::string& kind) {
  std::vector<std::string> environment;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) environment.emplace_back(*e);
  // A few hundred short lines at most; a hung firmware mailbox must not hold up the run.
  return run_program(vcgencmd, {"get_config", kind}, environment, 5000, 1 << 16);
}

// numa=fake=N and numa_policy=... from the kernel command line, where present.
std::vector<std::string> numa_tokens(const std::string& cmdline) {
  std::vector<std::string> out;
  std::istringstream in(cmdline);
  for (std::string token; in >> token;)
    if (token.rfind("numa=", 0) == 0 || token.rfind("numa_policy=", 0) == 0) out.push_back(token);
  return out;
}

std::string joined(const std::vector<Setting>& settings, const std::vector<std::string>& numa) {
  std::string out;
  for (const auto& [name, value] : settings) out += (out.empty() ? "" : ", ") + name + "=" + value;
  for (const auto& t : numa) out += (out.empty() ? "" : ", ") + t + " (kernel command line)";
  return out;
}

}  // namespace

bool setting_moves_figures(const std::string& name) {
  static const char* const kNames[] = {"arm_freq",    "arm_freq_min", "arm_boost", "core_freq", "core_freq_min",
                                       "gpu_freq",    "force_turbo",  "initial_turbo", "temp_limit",
                                       "temp_soft_limit", "total_mem"};
  if (std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames)) return true;
  return name.rfind("over_voltage", 0) == 0 || name.rfind("sdram_", 0) == 0 || name.find("numa") != std::string::npos;
}

std::vector<Setting> settings_from_get_config(const std::string& output) {
  std::vector<Setting> out;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string name = trimmed(line.substr(0, eq));
    if (setting_moves_figures(name)) out.emplace_back(std::move(name), trimmed(line.substr(eq + 1)));
  }
  return out;
}

std::vector<Setting> settings_from_config_txt(const std::string& text) {
  std::vector<Setting> out;
  std::string section = "all";
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    line = trimmed(line.substr(0, line.find('#')));
    if (line.size() > 1 && line.front() == '[' && line.back() == ']') {
      section = line.substr(1, line.size() - 2);
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string name = trimmed(line.substr(0, eq));
    std::string value = trimmed(line.substr(eq + 1));
    if (section != "all") value += " [" + section + "]";
    if (setting_moves_figures(name)) out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

FirmwareSources firmware_sources(const std::string& root) {
  FirmwareSources s;
  if (root.empty()) {
    const char* path = std::getenv("PATH");
    s.vcgencmd = find_program("vcgencmd", path ? path : "/usr/bin:/bin");
  } else {
    s.vcgencmd = find_program(root + "/usr/bin/vcgencmd", "");
  }
  s.config_files = {root + "/boot/firmware/config.txt", root + "/boot/config.txt"};
  s.cmdline = root + "/proc/cmdline";
  s.root = root;
  return s;
}

FirmwareSettings read_firmware_settings(const FirmwareSources& sources) {
  const std::vector<std::string> numa = numa_tokens(sysfs::read_trimmed(sources.cmdline));
  std::string vcgencmd_error;
  if (!sources.vcgencmd.empty()) {
    const ProgramOutput ints = get_config(sources.vcgencmd, "int");
    if (ints.error.empty()) {
      std::vector<Setting> settings = settings_from_get_config(ints.out);
      const ProgramOutput strs = get_config(sources.vcgencmd, "str");  // optional: older firmware lacks it
      if (strs.error.empty())
        for (auto& s : settings_from_get_config(strs.out)) settings.push_back(std::move(s));
      std::sort(settings.begin(), settings.end());
      return {joined(settings, numa), "vcgencmd get_config"};
    }
    vcgencmd_error = "vcgencmd get_config int " + ints.error;
  }
  for (const std::string& file : sources.config_files) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) continue;
    const std::string shown = file.substr(std::min(sources.root.size(), file.size()));
    return {joined(settings_from_config_txt(sysfs::read_trimmed(file)), numa),
            shown + " (as written, not as applied" + (vcgencmd_error.empty() ? "" : "; " + vcgencmd_error) + ")"};
  }
  return {"", vcgencmd_error.empty() ? "none" : "none (" + vcgencmd_error + ")"};
}

}  // namespace bramble
