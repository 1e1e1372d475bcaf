#include "context/node_info.hpp"

#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "context/board_model.hpp"
#include "context/cpu_part.hpp"
#include "context/cpu_topology.hpp"
#include "context/cpuinfo.hpp"
#include "context/huge_pages.hpp"
#include "context/pi_firmware.hpp"
#include "core/format_units.hpp"
#include "core/sysfs.hpp"

namespace bramble {
namespace {

// x86 names its CPU ("model name"); 64-bit ARM kernels give only the core's numbers, decoded
// here. The Pi kernel's "Model" line names the board, not the CPU: it is board_model.
std::string cpu_model(const std::string& cpuinfo) {
  std::string model = cpuinfo::first(cpuinfo, "model name");
  if (model.empty())
    for (const ArmCore& c : arm_cores(cpuinfo)) model += (model.empty() ? "" : " + ") + arm_core_name(c);
  return model.empty() ? "unknown" : model;
}

}  // namespace

std::pair<std::int64_t, std::int64_t> parse_meminfo(const std::string& text) {
  std::istringstream in(text);
  std::string key;
  std::int64_t value = 0, total = 0, available = -1, free_kb = 0;
  std::string unit;
  while (in >> key >> value) {
    std::getline(in, unit);
    if (key == "MemTotal:") total = value;
    else if (key == "MemAvailable:") available = value;
    else if (key == "MemFree:") free_kb = value;
  }
  if (available < 0) available = free_kb;  // kernels before 3.14 lack MemAvailable
  return {total * 1024, available * 1024};
}

const Fields<NodeInfo>& node_info_fields() {
  static const Fields<NodeInfo> fields{
      field("hostname", &NodeInfo::hostname),
      field("cpu_model", &NodeInfo::cpu_model),
      field("cores", &NodeInfo::cores),
      field("memory_total_bytes", &NodeInfo::memory_total_bytes),
      field("memory_available_bytes", &NodeInfo::memory_available_bytes),
      field("kernel", &NodeInfo::kernel),
      field("governor", &NodeInfo::governor),
      field("ranks", &NodeInfo::ranks),
      field("arch", &NodeInfo::arch),
      field("cpu_part", &NodeInfo::cpu_part),
      field("board_model", &NodeInfo::board_model),
      field("physical_cores", &NodeInfo::physical_cores),
      field("core_note", &NodeInfo::core_note),
      field("smt", &NodeInfo::smt),
      field("thp_enabled", &NodeInfo::thp_enabled),
      field("thp_defrag", &NodeInfo::thp_defrag),
      field("firmware_settings", &NodeInfo::firmware_settings),
      field("firmware_source", &NodeInfo::firmware_source),
      field("memory_limit", &NodeInfo::memory_limit),
  };
  return fields;
}

std::string available_memory_text(const NodeInfo& n) {
  std::string text = gib(double(n.memory_available_bytes)) + " available";
  if (!n.memory_limit.empty()) text += " (" + n.memory_limit + ")";
  return text;
}

int physical_cores_or_logical(const NodeInfo& n) { return n.physical_cores > 0 ? n.physical_cores : n.cores; }

Hardware read_hardware(const std::string& root, const std::string& machine) {
  const std::string text = sysfs::read_trimmed(root + "/proc/cpuinfo");
  return {machine, cpu_model(text), cpu_part(text), board_model(root, text)};
}

NodeInfo read_node_info(const std::string& root) {
  NodeInfo info;
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  info.hostname = host;
  struct utsname u {};
  const bool named = uname(&u) == 0;
  if (named) info.kernel = u.release;
  Hardware hw = read_hardware(root, named ? u.machine : "");
  info.arch = std::move(hw.arch);
  info.cpu_model = std::move(hw.cpu_model);
  info.cpu_part = std::move(hw.cpu_part);
  info.board_model = std::move(hw.board_model);
  info.governor = sysfs::read_trimmed(root + "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
  const long online = sysconf(_SC_NPROCESSORS_ONLN);
  const CpuTopology cpus = read_cpu_topology(
      root, online > 0 ? static_cast<int>(online) : static_cast<int>(std::thread::hardware_concurrency()));
  info.cores = cpus.logical_cpus;
  info.physical_cores = cpus.physical_cores;
  info.core_note = cpus.note;
  info.smt = cpus.smt;
  std::tie(info.memory_total_bytes, info.memory_available_bytes) =
      parse_meminfo(sysfs::read_trimmed(root + "/proc/meminfo"));
  const HugePages thp = read_huge_pages(root);
  info.thp_enabled = thp.enabled;
  info.thp_defrag = thp.defrag;
  FirmwareSettings firmware = read_firmware_settings(firmware_sources(root));
  info.firmware_settings = std::move(firmware.settings);
  info.firmware_source = std::move(firmware.source);
  return info;
}

}  // namespace bramble
