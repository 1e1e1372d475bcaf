#pragma once
// What the preflight check concludes from every rank's facts. A pure function, so that each
// rule can be tested with made-up clusters, without MPI or more than one machine.
//
// Hard findings stop the run before any kernel: ranks running different bramble builds or
// MPI libraries cannot be trusted to compute or communicate alike. Soft findings are
// warnings stored with the run: a node whose OpenBLAS runs other kernels, or another
// OpenBLAS version, or that has clearly less memory free than its peers. The CPU governor
// and ranks oversubscribing cores are not repeated here: trust_warnings.hpp already names
// the nodes for those, from the same node facts.
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.hpp"

namespace bramble {

// What one rank reports about itself. Node-wide facts (memory) are its node's.
struct RankFacts {
  std::string node;          // the node's name as the topology gives it (host, or host-n<i>)
  std::string build_id;      // digest of the executable (build_id.hpp)
  std::string version;       // bramble's program version
  std::string commit;        // the commit it was built from
  std::string arch;          // uname machine: x86_64, aarch64, armv7l
  std::string mpi_library;   // first line of MPI_Get_library_version
  std::string blas_core;     // openblas_get_corename
  std::string blas_version;  // "OpenBLAS 0.3.21", from openblas_get_config
  std::int64_t memory_available_bytes = 0;  // the node's MemAvailable (its share, for pretend nodes)
};

// How the facts travel in the gather to rank 0.
const Fields<RankFacts>& rank_facts_fields();

struct PreflightFindings {
  std::vector<std::string> hard;  // each names the odd node(s), their value and the others'
  std::vector<std::string> soft;
};

// `ranks[r]` is rank r's facts. In order: hard build, MPI library; soft BLAS core, BLAS
// version, memory. The reference value of a fact is the one most ranks share (rank 0's on a
// tie), so the nodes named are the minority.
PreflightFindings preflight_findings(const std::vector<RankFacts>& ranks);

// A node has clearly less memory when it has less than this share of its peers' median
// available memory, and at least kMemoryGapBytes less.
inline constexpr double kMemoryShare = 0.75;
inline constexpr std::int64_t kMemoryGapBytes = std::int64_t(256) << 20;

}  // namespace bramble
