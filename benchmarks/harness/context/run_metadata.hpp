#pragma once
// The context block of a suite run: enough to know, years later, what produced a result.
#include <string>
#include <vector>

#include "context/node_info.hpp"

namespace bramble {

class Topology;

struct RunMetadata {
  std::string program_version, git_commit, utc_time, label, command_line;
  std::string mpi_library, mpi_version;
  std::string blas_config, blas_corename;
  std::string compiler, build_type;
  int ranks = 0;
  int node_count = 0;
  std::vector<int> ranks_per_node;
  std::vector<NodeInfo> nodes;
};

// Collective over the world communicator that `topology` was built from.
RunMetadata collect_metadata(const Topology& topology, int ranks, const std::string& label,
                             const std::vector<std::string>& argv);

std::string utc_now_iso8601();

}  // namespace bramble
