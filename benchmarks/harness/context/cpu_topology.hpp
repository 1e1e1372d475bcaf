#pragma once
// How a node's logical CPUs (hardware threads) sit on its physical cores, read from
// /sys/devices/system/cpu. A physical core is a distinct (physical_package_id, core_id)
// pair among the online CPUs: SMT siblings share a pair, and core ids that repeat in each
// package stay apart. `root` prefixes every path, so tests can give a fake tree.
#include <compare>
#include <map>
#include <string>
#include <vector>

namespace bramble {

struct PhysicalCore {
  int package = 0, core = 0;
  auto operator<=>(const PhysicalCore&) const = default;
};

// "P:C", the way a rank's core is recorded (results/README.md).
std::string core_name(const PhysicalCore& c);

struct CpuTopology {
  std::vector<int> online;                  // online logical CPUs; empty when unreadable
  int logical_cpus = 0;                     // online.size(), or the caller's count when unreadable
  std::map<int, PhysicalCore> core_of_cpu;  // the online CPUs whose topology could be read
  // Distinct physical cores of the online CPUs; logical_cpus when any online CPU's topology
  // is unreadable (a container without /sys, an odd kernel), and `note` says so.
  int physical_cores = 0;
  std::string note;  // "" when physical_cores was counted from the topology
  // The kernel's SMT switch: smt/control ("on", "off", "forceoff", "notsupported",
  // "notimplemented"; "on (inactive)" when smt/active says no sibling runs), else
  // smt/active ("on" or "off"); "" where neither file exists (older kernels, some ARM).
  std::string smt;
};

// `logical_fallback`: the online CPU count to use when /sys/devices/system/cpu/online is
// unreadable (sysconf's answer, from the caller).
CpuTopology read_cpu_topology(const std::string& root, int logical_fallback);

}  // namespace bramble
