#pragma once
// The context block of a suite run: enough to know, years later, what produced a result.
#include <limits>
#include <string>
#include <vector>

#include "context/node_info.hpp"
#include "context/rank_placement.hpp"

namespace bramble {

class Topology;

struct RunMetadata {
  std::string program_version, git_commit, utc_time, label, command_line;
  std::string mpi_library, mpi_version;
  std::string blas_config, blas_corename;
  std::string blas_core_auto;  // the core OpenBLAS picks on this CPU without OPENBLAS_CORETYPE
  std::string compiler, build_type, compiler_flags;
  // What the machine (all its nodes) cost, as `bramble run --price-usd` declared it: NaN
  // when not given. `bramble compare` divides by it (and `--price` overrides it there).
  double price_usd = std::numeric_limits<double>::quiet_NaN();
  int ranks = 0;
  int node_count = 0;
  std::vector<int> ranks_per_node;
  std::vector<NodeInfo> nodes;
  std::vector<RankPlacement> rank_placement;  // by world rank; empty in files before issue 21
  // Every reason a figure of this run cannot be trusted (build, governor, BLAS core,
  // over- and under-subscription, ranks sharing a core): printed once, stored in the result
  // file, shown by `show`.
  std::vector<std::string> trust_warnings;
};

// Collective over the world communicator that `topology` was built from.
RunMetadata collect_metadata(const Topology& topology, int ranks, const std::string& label,
                             const std::vector<std::string>& argv);

std::string utc_now_iso8601();

}  // namespace bramble
