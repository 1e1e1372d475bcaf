// The node's architecture, CPU part and board reach the result file: read on each node by its
// leader, gathered to rank 0 and written as attributes of nodes/node-NNN (results/README.md).
// Two ranks pretend to be two nodes, so the gather carries more than rank 0's own facts.
// Physical cores, SMT and each rank's CPUs (issue 21) likewise; a run on a fake 4-core SMT
// host with fewer ranks than cores (1 or 2) is warned about and says so in the file; and
// files from before these still read.
#include <gtest/gtest.h>
#include <mpi.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "context/cpu_affinity.hpp"
#include "context/cpu_list.hpp"
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

std::string ranks_text(int n) { return std::to_string(n) + (n == 1 ? " rank" : " ranks"); }

TEST(NodeInfoResult, FewerRanksThanPhysicalCoresIsWarnedAndRecorded) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  ASSERT_LT(size, 4) << "the fake host has 4 physical cores";
  // Every rank on one host whose /sys says 2 packages x 2 cores x 2 threads.
  const Topology topology(MPI_COMM_WORLD, 0, BRAMBLE_TEST_DATA "/cpuinfo/smt");
  const RunMetadata m = collect_metadata(topology, size, "occupancy", {"test_node_info_result"});
  ASSERT_EQ(m.nodes.size(), 1u);
  const std::string want = "fewer ranks than physical cores on node " + m.nodes[0].hostname + " (" + ranks_text(size) +
                           " on 4 physical cores), so cores sit idle and per-core and per-watt figures understate "
                           "the machine: start one rank per physical core (scripts/run.sh does)";
  EXPECT_NE(std::find(m.trust_warnings.begin(), m.trust_warnings.end(), want), m.trust_warnings.end())
      << "rank " << rank << " lacks: " << want;
  // Each rank's own CPUs reach every rank.
  ASSERT_EQ(m.rank_placement.size(), static_cast<std::size_t>(size));
  EXPECT_EQ(m.rank_placement[static_cast<std::size_t>(rank)].cpus, format_cpu_list(this_process_cpus()));
  if (rank != 0) return;

  const fs::path dir = fs::temp_directory_path() / ("bramble-occupancy-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "r.h5").string();
  ResultWriter(path, m).append(small_result());
  {  // one entry per rank, as h5py would read the columns
    const h5::Handle file = h5::open_file(path, false);
    const h5::Handle run = h5::open_group(h5::open_group(file, "runs"), "run-0000");
    EXPECT_EQ(h5::read_dataset(run, "rank_node").size(), static_cast<std::size_t>(size));
    EXPECT_EQ(h5::read_text_dataset(run, "rank_cpus").size(), static_cast<std::size_t>(size));
    EXPECT_EQ(h5::read_text_dataset(run, "rank_core").size(), static_cast<std::size_t>(size));
  }
  const RunRecord back = read_result_file(path).runs.at(0);
  const NodeInfo& node = back.context.nodes.at(0);
  EXPECT_EQ(node.physical_cores, 4);
  EXPECT_EQ(node.cores, 8);
  EXPECT_EQ(node.smt, "on");
  EXPECT_EQ(node.ranks, size);
  ASSERT_EQ(back.context.rank_placement.size(), static_cast<std::size_t>(size));
  for (int r = 0; r < size; ++r) {
    EXPECT_EQ(back.context.rank_placement[r].node, 0);
    EXPECT_EQ(back.context.rank_placement[r].cpus, m.rank_placement[r].cpus);
    EXPECT_EQ(back.context.rank_placement[r].core, m.rank_placement[r].core);
  }
  EXPECT_NE(std::find(back.context.trust_warnings.begin(), back.context.trust_warnings.end(), want),
            back.context.trust_warnings.end());
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
