#pragma once
// Every reason a figure of a run cannot be trusted, from what the run recorded about itself.
// A pure function, so that each rule can be tested without MPI, BLAS or a real machine.
#include <string>
#include <vector>

#include "context/run_metadata.hpp"

namespace bramble {

// What the warnings need beyond RunMetadata: facts about this process's BLAS and the hosts.
struct TrustInputs {
  int blas_threads = 1;           // openblas_get_num_threads() of a rank
  bool blas_threads_set = false;  // OPENBLAS_NUM_THREADS (or GOTO_/OMP_NUM_THREADS) was set
  std::string blas_coretype;      // OPENBLAS_CORETYPE, "" when unset
  std::string blas_probe_error;   // why blas_core_auto is unknown, when it is
  // The real host of each of RunMetadata::nodes: pretend nodes (--ranks-per-node) share one
  // host's cores and governor. Empty: every node is its own host, named by its hostname.
  std::vector<std::string> hosts;
};

// The same inputs for this process: its environment and its OpenBLAS.
TrustInputs this_process_trust_inputs();

// One line of plain text per reason, naming the node(s) and the fix; empty when the run can
// be trusted as far as bramble can tell. In order: build, CPU governor, BLAS core, ranks
// oversubscribing cores, ranks sharing physical cores (more ranks than cores, or bound to one
// core), fewer ranks than physical cores, BLAS threads oversubscribing cores. Hosts, not
// pretend nodes, are judged: their ranks added up against the host's cores.
std::vector<std::string> trust_warnings(const RunMetadata& m, const TrustInputs& in);

}  // namespace bramble
