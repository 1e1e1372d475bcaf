#include "context/run_metadata.hpp"

#include <mpi.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "blas_info.h"
#include "bramble/version.hpp"
#include "context/blas_probe.hpp"
#include "context/topology.hpp"
#include "context/trust_warnings.hpp"
#include "core/gather.hpp"

namespace bramble {

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

RunMetadata collect_metadata(const Topology& topology, int ranks, const std::string& label,
                             const std::vector<std::string>& argv) {
  RunMetadata m;
  m.program_version = kProgramVersion;
  m.git_commit = kGitCommit;
  m.utc_time = utc_now_iso8601();
  m.label = label;
  for (const auto& arg : argv) m.command_line += (m.command_line.empty() ? "" : " ") + arg;

  char lib[MPI_MAX_LIBRARY_VERSION_STRING] = {};
  int len = 0;
  MPI_Get_library_version(lib, &len);
  m.mpi_library = std::string(lib, static_cast<std::size_t>(len));
  while (!m.mpi_library.empty() && (m.mpi_library.back() == '\n' || m.mpi_library.back() == '\0'))
    m.mpi_library.pop_back();
  int major = 0, minor = 0;
  MPI_Get_version(&major, &minor);
  m.mpi_version = std::to_string(major) + "." + std::to_string(minor);

  m.blas_config = bramble_blas_config();
  m.blas_corename = bramble_blas_corename();
  m.compiler = kCompiler;
  m.build_type = kBuildType;
  m.compiler_flags = kCompilerFlags;
  m.ranks = ranks;
  m.node_count = topology.node_count();
  for (const auto& node : topology.nodes()) m.ranks_per_node.push_back(node.ranks);
  m.nodes = topology.nodes();
  m.rank_placement = topology.placements();

  TrustInputs trust = this_process_trust_inputs();
  for (int node = 0; node < topology.node_count(); ++node) trust.hosts.push_back(topology.host_of(node));

  // With OPENBLAS_CORETYPE set, this process's OpenBLAS runs the forced core, so which one it
  // would pick itself takes a probe (context/blas_probe.hpp): once per node, by its leader,
  // which hands the answer to the node's other ranks. Every rank takes part whatever its own
  // environment says, so that a rank that differs cannot leave the others waiting.
  std::string answer;  // "<core>\n<error>"
  if (topology.is_node_leader()) {
    if (std::getenv("OPENBLAS_CORETYPE") != nullptr) {
      const BlasProbeResult probe = probe_blas_core_auto();
      answer = (probe.core.empty() ? "unknown" : probe.core) + "\n" + probe.error;
    } else {
      answer = m.blas_corename + "\n";  // nothing forced: what runs is OpenBLAS's own pick
    }
  }
  answer = allgather_text(topology.node_comm(), answer).front();
  const auto newline = answer.find('\n');
  m.blas_core_auto = answer.substr(0, newline);
  if (newline != std::string::npos) trust.blas_probe_error = answer.substr(newline + 1);

  m.trust_warnings = trust_warnings(m, trust);
  return m;
}

}  // namespace bramble
