#include "context/rank_placement.hpp"

#include "context/cpu_affinity.hpp"
#include "context/cpu_list.hpp"

namespace bramble {

std::string single_core(const std::vector<int>& cpus, const CpuTopology& topology) {
  if (cpus.empty()) return "";
  const auto first = topology.core_of_cpu.find(cpus.front());
  if (first == topology.core_of_cpu.end()) return "";
  for (int cpu : cpus) {
    const auto it = topology.core_of_cpu.find(cpu);
    if (it == topology.core_of_cpu.end() || it->second != first->second) return "";
  }
  return core_name(first->second);
}

RankPlacement this_rank_placement(int node, const CpuTopology& topology) {
  const std::vector<int> cpus = this_process_cpus();
  return {node, format_cpu_list(cpus), single_core(cpus, topology)};
}

const Fields<RankPlacement>& rank_placement_fields() {
  static const Fields<RankPlacement> fields{
      field("node", &RankPlacement::node),
      field("cpus", &RankPlacement::cpus),
      field("core", &RankPlacement::core),
  };
  return fields;
}

}  // namespace bramble
