#pragma once
// Whether nodes share a machine. MPI's nodes need not be machines: `--ranks-per-node`
// pretends, and a testbed of network namespaces is one machine with many hostnames. Nodes
// that report the same kernel boot id run on one kernel, so they share its cores, memory
// and disk; the doctor then probes them one at a time and compares only their links.
#include <string>
#include <vector>

namespace bramble::doctor {

// This node's /proc/sys/kernel/random/boot_id; "" where unreadable.
std::string boot_id();

// True when two of `boot_ids` (one per node) are the same; "" matches nothing.
bool any_shared(const std::vector<std::string>& boot_ids);

}  // namespace bramble::doctor
