#include "context/run_metadata.hpp"

#include <cblas.h>
#include <mpi.h>

#include <chrono>
#include <ctime>

#include "bramble/version.hpp"
#include "context/topology.hpp"

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

  m.blas_config = openblas_get_config();
  m.blas_corename = openblas_get_corename();
  m.compiler = kCompiler;
  m.build_type = kBuildType;
  m.ranks = ranks;
  m.node_count = topology.node_count();
  for (const auto& node : topology.nodes()) m.ranks_per_node.push_back(node.ranks);
  m.nodes = topology.nodes();
  return m;
}

}  // namespace bramble
