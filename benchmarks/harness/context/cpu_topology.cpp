#include "context/cpu_topology.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "context/cpu_list.hpp"
#include "core/sysfs.hpp"

namespace bramble {
namespace {

const std::string kCpuDir = "/sys/devices/system/cpu";

// An id from a topology file; false when the file is missing or holds no number. ARM kernels
// before 5.x write -1 as the package id: still one package, so it counts like any other.
bool read_id(const std::string& path, int& out) {
  const std::string text = sysfs::read_trimmed(path);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

// Without the online list: every cpuN directory whose `online` file does not say 0 (cpu0
// often has no such file, since it cannot be taken offline).
std::vector<int> online_from_directories(const std::string& cpu_dir) {
  std::vector<int> cpus;
  for (const auto& entry : sysfs::entries(cpu_dir, "cpu")) {
    const std::string name = entry.filename().string();
    int cpu = 0;
    const auto [end, ec] = std::from_chars(name.data() + 3, name.data() + name.size(), cpu);
    if (name.size() == 3 || ec != std::errc() || end != name.data() + name.size()) continue;  // cpufreq, cpuidle
    if (sysfs::read_trimmed(entry / "online") != "0") cpus.push_back(cpu);
  }
  std::sort(cpus.begin(), cpus.end());  // ascending, as the online list would be
  return cpus;
}

std::string smt_state(const std::string& cpu_dir) {
  const std::string control = sysfs::read_trimmed(cpu_dir + "/smt/control");
  const std::string active = sysfs::read_trimmed(cpu_dir + "/smt/active");
  if (!control.empty()) return control == "on" && active == "0" ? "on (inactive)" : control;
  if (active == "1") return "on";
  if (active == "0") return "off";
  return "";
}

}  // namespace

std::string core_name(const PhysicalCore& c) { return std::to_string(c.package) + ":" + std::to_string(c.core); }

CpuTopology read_cpu_topology(const std::string& root, int logical_fallback) {
  const std::string cpu_dir = root + kCpuDir;
  CpuTopology t;
  t.online = parse_cpu_list(sysfs::read_trimmed(cpu_dir + "/online"));
  if (t.online.empty()) t.online = online_from_directories(cpu_dir);
  t.logical_cpus = t.online.empty() ? logical_fallback : static_cast<int>(t.online.size());
  std::set<PhysicalCore> cores;
  for (int cpu : t.online) {
    const std::string dir = cpu_dir + "/cpu" + std::to_string(cpu) + "/topology/";
    PhysicalCore c;
    if (read_id(dir + "physical_package_id", c.package) && read_id(dir + "core_id", c.core)) {
      t.core_of_cpu[cpu] = c;
      cores.insert(c);
    }
  }
  const bool complete = !t.online.empty() && t.core_of_cpu.size() == t.online.size();
  t.physical_cores = complete ? static_cast<int>(cores.size()) : t.logical_cpus;
  if (!complete)
    t.note = "CPU topology unreadable under " + cpu_dir + ": physical cores counted as logical CPUs";
  t.smt = smt_state(cpu_dir);
  return t;
}

}  // namespace bramble
