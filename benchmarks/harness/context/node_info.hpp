#pragma once
// What a node is: read from /proc and /sys on the node itself. The root path is injectable
// so tests can point it at a fake tree.
#include <cstdint>
#include <string>

#include "core/fields.hpp"

namespace bramble {

struct NodeInfo {
  std::string hostname;
  std::string cpu_model;
  std::string kernel;    // uname -r
  std::string governor;  // cpufreq scaling governor of cpu0, "" where unreadable (VMs)
  int cores = 0;         // online logical CPUs
  std::int64_t memory_total_bytes = 0;
  std::int64_t memory_available_bytes = 0;  // MemAvailable: what a new job can take
  int ranks = 0;         // bramble ranks on this node (filled in by Topology)
};

// The result file's names for a node's facts (runs/run-NNNN/nodes/node-NNN attributes).
const Fields<NodeInfo>& node_info_fields();

// Reads this node's facts. `root` prefixes every /proc and /sys path.
NodeInfo read_node_info(const std::string& root = "");

// Parses /proc/meminfo text; returns {total, available} in bytes.
std::pair<std::int64_t, std::int64_t> parse_meminfo(const std::string& text);

}  // namespace bramble
