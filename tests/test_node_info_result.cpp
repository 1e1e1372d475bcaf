// The node's architecture, CPU part and board reach the result file: read on each node by its
// leader, gathered to rank 0 and written as attributes of nodes/node-NNN (results/README.md).
// Two ranks pretend to be two nodes, so the gather carries more than rank 0's own facts.
#include <gtest/gtest.h>
#include <mpi.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <filesystem>

#include "context/run_metadata.hpp"
#include "context/topology.hpp"
#include "results/h5_io.hpp"
#include "results/reader.hpp"
#include "results/writer.hpp"

namespace bramble {
namespace {
namespace fs = std::filesystem;

KernelResult small_result() {
  KernelResult r;
  r.kernel = "stencil";
  r.problem = "8x8";
  r.rep_seconds = {0.5};
  r.figure_name = "mlups";
  r.figure_of_merit = 1;
  r.unit = "MLUP/s";
  r.passed = true;
  return r;
}

TEST(NodeInfoResult, ArchCpuPartAndBoardAreWrittenPerNode) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const Topology topology(MPI_COMM_WORLD, 1);  // every rank a node of its own
  const RunMetadata m = collect_metadata(topology, size, "node-info", {"test_node_info_result"});
  if (rank != 0) return;
  const fs::path dir = fs::temp_directory_path() / ("bramble-node-info-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "r.h5").string();
  ResultWriter(path, m).append(small_result());

  utsname u{};
  ASSERT_EQ(::uname(&u), 0);
  {  // the attributes themselves, as h5py or h5dump would see them
    const h5::Handle file = h5::open_file(path, false);
    const h5::Handle nodes = h5::open_group(h5::open_group(h5::open_group(file, "runs"), "run-0000"), "nodes");
    for (int n = 0; n < size; ++n) {
      const auto attrs = h5::read_attrs(h5::open_group(nodes, "node-00" + std::to_string(n)));
      for (const char* name : {"arch", "cpu_part", "board_model", "physical_cores", "smt", "core_note"})
        EXPECT_NE(find_value(attrs, name), nullptr) << "node " << n << " lacks " << name;
    }
  }
  const ResultFile back = read_result_file(path);
  ASSERT_EQ(back.runs.size(), 1u);
  ASSERT_EQ(back.runs[0].context.nodes.size(), static_cast<std::size_t>(size));
  for (const NodeInfo& node : back.runs[0].context.nodes) {
    EXPECT_EQ(node.arch, u.machine);
    EXPECT_FALSE(node.cpu_part.empty());
    EXPECT_EQ(node.board_model, m.nodes.front().board_model);  // "" on an x86 VM
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace bramble
