// Preflight over MPI at 1, 2 and 4 ranks: ranks that run one build find nothing, quickly;
// a rank that reports another build stops every rank with the same one message, naming its
// node; a bad --preflight-fake is an agreed input error.
#include <gtest/gtest.h>
#include <mpi.h>

#include <cstdio>
#include <string>

#include "context/preflight.hpp"
#include "context/topology.hpp"
#include "core/collective.hpp"
#include "core/comm_info.hpp"

namespace bramble {
namespace {

int rank() { return comm_rank(MPI_COMM_WORLD); }
int size() { return comm_size(MPI_COMM_WORLD); }

// Tens of milliseconds on an idle machine (printed): the bound leaves room for four ranks on a
// busy one, and still fails a preflight that takes seconds, which every run's start would feel.
TEST(PreflightMpi, OneBuildEverywhereFindsNothingQuickly) {
  const Topology topology(MPI_COMM_WORLD, 1);
  const PreflightResult r = run_preflight(MPI_COMM_WORLD, topology);
  EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
  EXPECT_LT(r.seconds, 5.0);
  double slowest = r.seconds;
  MPI_Allreduce(MPI_IN_PLACE, &slowest, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  if (rank() == 0) std::printf("preflight at %d ranks: %.3f s (slowest rank)\n", size(), slowest);

  const RankFacts mine = this_rank_facts(topology);
  EXPECT_EQ(mine.build_id.size(), 16u);
  EXPECT_FALSE(mine.mpi_library.empty());
  EXPECT_EQ(mine.mpi_library.find('\n'), std::string::npos);
  EXPECT_EQ(mine.node, topology.nodes()[std::size_t(topology.my_node())].hostname);
}

TEST(PreflightMpi, ARankOnAnotherBuildStopsEveryRankNamingItsNode) {
  if (size() < 2) GTEST_SKIP() << "needs two ranks";
  const Topology topology(MPI_COMM_WORLD, 1);  // every rank a node of its own
  const int odd = size() - 1;
  const std::vector<std::string> fakes =
      rank() == odd ? std::vector<std::string>{"build_id=0123456789abcdef"} : std::vector<std::string>{};
  try {
    run_preflight(MPI_COMM_WORLD, topology, fakes);
    FAIL() << "no error";
  } catch (const AgreedError& e) {
    const std::string m = e.what();
    EXPECT_EQ(e.exit_code(), kExitInput);
    const std::string odd_node = topology.nodes()[std::size_t(topology.node_of_rank(odd))].hostname;
    EXPECT_NE(m.find("node " + odd_node + " runs bramble "), std::string::npos) << m;
    EXPECT_NE(m.find("executable digest 0123456789abcdef), the other "), std::string::npos) << m;
    EXPECT_NE(m.find("--no-preflight"), std::string::npos) << m;
  }
}

TEST(PreflightMpi, ABadFakeIsAnAgreedInputError) {
  const Topology topology(MPI_COMM_WORLD);
  const std::vector<std::string> fakes =
      rank() == 0 ? std::vector<std::string>{"memory_available_bytes=lots"} : std::vector<std::string>{};
  try {
    run_preflight(MPI_COMM_WORLD, topology, fakes);
    FAIL() << "no error";
  } catch (const AgreedError& e) {
    EXPECT_EQ(e.exit_code(), kExitInput);
    EXPECT_NE(std::string(e.what()).find("memory_available_bytes takes a whole number"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace bramble
