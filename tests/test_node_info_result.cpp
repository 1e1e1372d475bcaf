// The node's architecture, CPU part and board reach the result file: read on each node by its
// leader, gathered to rank 0 and written as attributes of nodes/node-NNN (results/README.md).
// Two ranks pretend to be two nodes, so the gather carries more than rank 0's own facts.
// Physical cores, SMT and each rank's CPUs (issue 21) likewise, and files from before them
// still read.
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

// A file written before issue 21 has none of it: it reads back with no placement, no
// physical cores (0), and its `cores` (the logical CPUs) standing in for them.
TEST(NodeInfoResult, AFileFromBeforeIssue21ReadsBack) {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (rank != 0) return;
  RunMetadata m;
  m.ranks = m.node_count = 1;
  m.ranks_per_node = {1};
  NodeInfo node;
  node.hostname = "old01";
  node.cores = 6;
  node.ranks = 1;
  m.nodes = {node};
  m.rank_placement = {{0, "0-5", ""}};
  const fs::path dir = fs::temp_directory_path() / ("bramble-old-file-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "r.h5").string();
  ResultWriter(path, m).append(small_result());
  {  // take out what issue 21 added, as an older bramble would not have written it
    const h5::Handle file = h5::open_file(path, true);
    const h5::Handle run = h5::open_group(h5::open_group(file, "runs"), "run-0000");
    for (const char* name : {"rank_node", "rank_cpus", "rank_core"}) ASSERT_GE(H5Ldelete(run, name, H5P_DEFAULT), 0);
    const h5::Handle n0 = h5::open_group(h5::open_group(run, "nodes"), "node-000");
    for (const char* name : {"physical_cores", "core_note", "smt"}) ASSERT_GE(H5Adelete(n0, name), 0);
  }
  const RunRecord back = read_result_file(path).runs.at(0);
  EXPECT_TRUE(back.context.rank_placement.empty());
  const NodeInfo& n = back.context.nodes.at(0);
  EXPECT_EQ(n.physical_cores, 0);
  EXPECT_EQ(n.smt, "");
  EXPECT_EQ(physical_cores_or_logical(n), 6);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace bramble
