#pragma once
// The doctor's first phase: every node's leader runs the node probes (probes.hpp) and reads
// its temperature and throttle state straight after the CPU probes, while the node's other
// ranks wait quietly. Nodes on separate machines probe all at once; nodes that share a
// machine (same_machine.hpp) take turns, so that none measures the others' load.
#include <mpi.h>

#include <cstdint>
#include <string>
#include <vector>

#include "adapters/doctor/node_figures.hpp"
#include "context/topology.hpp"

namespace bramble::doctor {

struct NodePlan {
  int dgemm_n = 512;
  int dgemm_reps = 5;
  std::int64_t triad_n = 0;
  int triad_iterations = 10;
  std::int64_t disk_bytes = 64 << 20;  // 0: no disk probe
  std::string disk_dir;                // the results directory (or its nearest existing parent)
};

struct NodePhase {
  std::vector<NodeFigures> nodes;  // rank 0 only; names from the topology
  // Each probe's time on its slowest node.
  double dgemm_seconds = 0, triad_seconds = 0, disk_seconds = 0;
};

// Collective over `world`.
NodePhase probe_nodes(MPI_Comm world, const Topology& topology, const NodePlan& plan, bool one_at_a_time);

// The nodes' hostnames, with "#<node>" added to any that two nodes share.
std::vector<std::string> node_names(const Topology& topology);

}  // namespace bramble::doctor
