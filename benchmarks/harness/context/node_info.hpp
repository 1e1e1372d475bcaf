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
  int cores = 0;         // online logical CPUs (hardware threads; SMT siblings count apart)
  std::int64_t memory_total_bytes = 0;
  std::int64_t memory_available_bytes = 0;  // MemAvailable: what a new job can take
  int ranks = 0;         // bramble ranks on this node (filled in by Topology)
  // What hardware it is (issue 13). Files from before these lack them and read back "".
  // The `{}` keeps brace-initialising the members above complete (-Wmissing-field-initializers).
  std::string arch{};         // uname machine: x86_64, aarch64
  std::string cpu_part{};     // cpu_part.hpp: "ARM Cortex-A72 (0x41/0xd08)"; x86's model name
  std::string board_model{};  // board_model.hpp: "Raspberry Pi 4 Model B Rev 1.4"; "" without a device tree
  // How the hardware threads sit on cores (issue 21, cpu_topology.hpp). Files from before
  // these lack them: physical_cores reads back 0, and physical_cores_or_logical() gives `cores`.
  int physical_cores{};      // distinct physical cores of the online CPUs; `cores` when unreadable
  std::string core_note{};   // why physical_cores is the logical count; "" when counted
  std::string smt{};         // the kernel's SMT state ("on", "off", "notsupported", ...); "" unknown
  // What else moves figures on the same hardware (issue 21 §6). Files from before these lack
  // them and read back "".
  std::string thp_enabled{};        // transparent huge pages (huge_pages.hpp): "always", "madvise", "never"
  std::string thp_defrag{};         // their defrag mode: "always", "defer", "madvise", ...
  std::string firmware_settings{};  // Raspberry Pi overclock, SDRAM, NUMA (pi_firmware.hpp); "" none
  std::string firmware_source{};    // "vcgencmd get_config", a config.txt path, or "none" (no Pi firmware)
  // The limit that lowered memory_available_bytes below MemAvailable (memory_limit.hpp):
  // "ulimit -v 2.0 GiB per process", "cgroup memory.max 4.0 GiB"; "" none (issue 22 §7).
  std::string memory_limit{};
};

// "3.2 GiB available", and under a limit "1.8 GiB available (ulimit -v 2.0 GiB per process)":
// how the kernels' memory checks name what a node has.
std::string available_memory_text(const NodeInfo& n);

// The cores /core divides by and the trust warnings count: physical cores where recorded,
// else (files before issue 21) the logical CPUs.
int physical_cores_or_logical(const NodeInfo& n);

// The hardware facts that come from files (/proc/cpuinfo, the device tree) under `root`,
// plus uname's machine, passed in because a system call answers it, not a file.
struct Hardware {
  std::string arch, cpu_model, cpu_part, board_model;
};
Hardware read_hardware(const std::string& root, const std::string& machine);

// The result file's names for a node's facts (runs/run-NNNN/nodes/node-NNN attributes).
const Fields<NodeInfo>& node_info_fields();

// Reads this node's facts. `root` prefixes every /proc, /sys and /boot path, and a fake root
// has its vcgencmd at <root>/usr/bin/vcgencmd (pi_firmware.hpp).
NodeInfo read_node_info(const std::string& root = "");

// Parses /proc/meminfo text; returns {total, available} in bytes.
std::pair<std::int64_t, std::int64_t> parse_meminfo(const std::string& text);

}  // namespace bramble
