#pragma once
// Where each rank may run: the CPUs its affinity allows and, where they all lie on one
// physical core, that core. Two ranks bound to one core take turns on it (or split it as SMT
// siblings) even when the node has cores to spare; trust_warnings.hpp says so.
#include <string>
#include <vector>

#include "context/cpu_topology.hpp"
#include "core/fields.hpp"

namespace bramble {

struct RankPlacement {
  int node = 0;       // index into the run's nodes
  std::string cpus;   // sched_getaffinity as a CPU list ("0-3,8"); "" where unreadable
  std::string core;   // "P:C" when every allowed CPU is on physical core C of package P; else ""
};

// The physical core all of `cpus` lie on, as core_name() writes it; "" when they span
// several cores, when `cpus` is empty, or when a CPU's core is unknown.
std::string single_core(const std::vector<int>& cpus, const CpuTopology& topology);

// This process on `node`, its cores looked up in `topology` (its own node's).
RankPlacement this_rank_placement(int node, const CpuTopology& topology);

// The names a placement travels under in the gathers.
const Fields<RankPlacement>& rank_placement_fields();

}  // namespace bramble
