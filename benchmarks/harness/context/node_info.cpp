#include "context/node_info.hpp"

#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "core/sysfs.hpp"

namespace bramble {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// x86 says "model name"; ARM kernels say "Model" (board) or only "CPU part".
std::string cpu_model(const std::string& cpuinfo) {
  std::istringstream in(cpuinfo);
  std::string line, model, fallback;
  while (std::getline(in, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    if (key == "model name" && model.empty()) model = value;
    if (key == "Model" && fallback.empty()) fallback = value;
  }
  return !model.empty() ? model : !fallback.empty() ? fallback : "unknown";
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
  };
  return fields;
}

NodeInfo read_node_info(const std::string& root) {
  NodeInfo info;
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  info.hostname = host;
  info.cpu_model = cpu_model(sysfs::read_trimmed(root + "/proc/cpuinfo"));
  struct utsname u {};
  if (uname(&u) == 0) info.kernel = u.release;
  info.governor = sysfs::read_trimmed(root + "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
  const long online = sysconf(_SC_NPROCESSORS_ONLN);
  info.cores = online > 0 ? static_cast<int>(online) : static_cast<int>(std::thread::hardware_concurrency());
  std::tie(info.memory_total_bytes, info.memory_available_bytes) =
      parse_meminfo(sysfs::read_trimmed(root + "/proc/meminfo"));
  return info;
}

}  // namespace bramble
