#pragma once
// The check before every `bramble run`: each rank reports what it runs (bramble build,
// architecture, MPI library, OpenBLAS core and version) and what its node has free, rank 0
// compares them (preflight_findings.hpp), and a run whose ranks cannot work together stops
// before any kernel and before the result file is touched. It costs one read of the
// executable and one small gather.
#include <mpi.h>

#include <string>
#include <vector>

#include "context/preflight_findings.hpp"

namespace bramble {

class Topology;

struct PreflightResult {
  std::vector<std::string> warnings;  // the soft findings; on rank 0 only
  double seconds = 0;                 // wall time of the check on this rank
};

// This rank's facts. `fakes` ("field=value", a field of rank_facts_fields()) replace what
// was read: for tests only (the hidden --preflight-fake option), to play a node that runs
// another build. Throws InputError on an unknown field.
RankFacts this_rank_facts(const Topology& topology, const std::vector<std::string>& fakes = {});

// Collective over the communicator `topology` was built from. Throws AgreedError
// (kExitInput) on every rank, with one message naming the odd nodes, when the ranks run
// different bramble builds or MPI libraries.
PreflightResult run_preflight(MPI_Comm world, const Topology& topology, const std::vector<std::string>& fakes = {});

}  // namespace bramble
