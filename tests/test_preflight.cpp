// Preflight: each rule firing and not firing, from made-up clusters (no MPI), the facts'
// trip through the gather's text, and the executable digest that tells builds apart.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "context/build_id.hpp"
#include "context/preflight_findings.hpp"
#include "core/errors.hpp"

namespace bramble {
namespace {

constexpr std::int64_t kGiB = std::int64_t(1) << 30;

RankFacts rank_on(const std::string& node) {
  RankFacts f;
  f.node = node;
  f.build_id = "aaaaaaaaaaaaaaaa";
  f.version = "0.4.0";
  f.commit = "1234567890ab";
  f.arch = "aarch64";
  f.mpi_library = "Open MPI v4.1.4, package: Debian OpenMPI, ident: 4.1.4, repo rev: v4.1.4, May 26, 2022";
  f.blas_core = "cortexa72";
  f.blas_version = "OpenBLAS 0.3.21";
  f.memory_available_bytes = 3 * kGiB;
  return f;
}

// `nodes` nodes n0, n1, ... with `per_node` ranks each, all alike.
std::vector<RankFacts> cluster(int nodes, int per_node) {
  std::vector<RankFacts> ranks;
  for (int n = 0; n < nodes; ++n)
    for (int r = 0; r < per_node; ++r) ranks.push_back(rank_on("n" + std::to_string(n)));
  return ranks;
}

// Every rank of node `node` gets `change`.
template <class Change>
void on_node(std::vector<RankFacts>& ranks, const std::string& node, Change change) {
  for (auto& f : ranks)
    if (f.node == node) change(f);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string all(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

TEST(Preflight, AClusterOfEqualsFindsNothing) {
  for (int nodes : {1, 2, 4}) {
    const PreflightFindings f = preflight_findings(cluster(nodes, 4));
    EXPECT_TRUE(f.hard.empty()) << all(f.hard);
    EXPECT_TRUE(f.soft.empty()) << all(f.soft);
  }
  EXPECT_TRUE(preflight_findings({}).hard.empty());
}

TEST(Preflight, ANodeOnAnotherBuildIsOneHardErrorNamingItAndBothBuilds) {
  auto ranks = cluster(4, 4);
  on_node(ranks, "n3", [](RankFacts& r) { r.build_id = "bbbbbbbbbbbbbbbb"; });
  const PreflightFindings f = preflight_findings(ranks);
  ASSERT_EQ(f.hard.size(), 1u) << all(f.hard);
  EXPECT_TRUE(f.soft.empty()) << all(f.soft);
  const std::string& m = f.hard[0];
  EXPECT_TRUE(contains(m, "node n3 runs bramble 0.4.0 (commit 1234567890ab, aarch64, executable digest bbbbbbbbbbbbbbbb), "
                          "the other 3 nodes run bramble 0.4.0 (commit 1234567890ab, aarch64, executable digest "
                          "aaaaaaaaaaaaaaaa): "))
      << m;
  EXPECT_FALSE(contains(m, "n0")) << m;  // the majority is counted, not listed
}

TEST(Preflight, TheMinorityIsNamedAndOnATieRankZerosValueIsTheReference) {
  auto ranks = cluster(4, 1);
  on_node(ranks, "n0", [](RankFacts& r) { r.build_id = "bbbbbbbbbbbbbbbb"; });  // rank 0 is the odd one out
  EXPECT_TRUE(contains(preflight_findings(ranks).hard.at(0), "node n0 runs bramble")) << all(preflight_findings(ranks).hard);

  auto two = cluster(2, 2);
  on_node(two, "n1", [](RankFacts& r) { r.commit = "fedcba987654"; r.build_id = "cccccccccccccccc"; });
  const std::string m = preflight_findings(two).hard.at(0);
  EXPECT_TRUE(contains(m, "node n1 runs bramble 0.4.0 (commit fedcba987654")) << m;
  EXPECT_TRUE(contains(m, "the other node runs bramble 0.4.0 (commit 1234567890ab")) << m;
}

TEST(Preflight, SeveralOddNodesAndASplitNodeAreEachNamed) {
  auto ranks = cluster(4, 2);
  on_node(ranks, "n2", [](RankFacts& r) { r.build_id = "bbbbbbbbbbbbbbbb"; });
  on_node(ranks, "n3", [](RankFacts& r) { r.build_id = "cccccccccccccccc"; });
  std::string m = preflight_findings(ranks).hard.at(0);
  EXPECT_TRUE(contains(m, "node n2 runs bramble 0.4.0 (commit 1234567890ab, aarch64, executable digest bbbbbbbbbbbbbbbb), "
                          "node n3 runs bramble"))
      << m;
  EXPECT_TRUE(contains(m, "the other 2 nodes run bramble")) << m;

  // An MPMD launch can start another executable beside the first on one node.
  auto split = cluster(2, 2);
  split[3].build_id = "bbbbbbbbbbbbbbbb";
  m = preflight_findings(split).hard.at(0);
  EXPECT_TRUE(contains(m, "rank 3 on n1 runs bramble")) << m;
  EXPECT_TRUE(contains(m, "the other 3 ranks run bramble")) << m;

  auto both = cluster(5, 1);
  on_node(both, "n1", [](RankFacts& r) { r.build_id = "bbbbbbbbbbbbbbbb"; });
  on_node(both, "n2", [](RankFacts& r) { r.build_id = "bbbbbbbbbbbbbbbb"; });
  m = preflight_findings(both).hard.at(0);
  EXPECT_TRUE(contains(m, "nodes n1, n2 run bramble")) << m;
  EXPECT_TRUE(contains(m, "the other 3 nodes run bramble")) << m;
}

TEST(Preflight, AnotherMpiLibraryIsHardAndBothFindingsAreKept) {
  auto ranks = cluster(3, 2);
  on_node(ranks, "n1", [](RankFacts& r) { r.mpi_library = "Open MPI v4.1.2, package: Debian OpenMPI"; });
  PreflightFindings f = preflight_findings(ranks);
  ASSERT_EQ(f.hard.size(), 1u) << all(f.hard);
  EXPECT_TRUE(contains(f.hard[0], "node n1 runs Open MPI v4.1.2, package: Debian OpenMPI, the other 2 nodes run Open MPI v4.1.4"))
      << f.hard[0];

  on_node(ranks, "n2", [](RankFacts& r) { r.build_id = "bbbbbbbbbbbbbbbb"; });
  f = preflight_findings(ranks);
  ASSERT_EQ(f.hard.size(), 2u) << all(f.hard);
  EXPECT_TRUE(contains(f.hard[0], "node n2 runs bramble")) << f.hard[0];  // build first, then MPI
  EXPECT_TRUE(contains(f.hard[1], "node n1 runs Open MPI v4.1.2")) << f.hard[1];
}

TEST(Preflight, BlasCoreAndVersionDifferencesAreWarningsNotErrors) {
  auto ranks = cluster(4, 1);
  on_node(ranks, "n2", [](RankFacts& r) { r.blas_core = "cortexa76"; });
  on_node(ranks, "n3", [](RankFacts& r) { r.blas_version = "OpenBLAS 0.3.13"; });
  const PreflightFindings f = preflight_findings(ranks);
  EXPECT_TRUE(f.hard.empty()) << all(f.hard);
  ASSERT_EQ(f.soft.size(), 2u) << all(f.soft);
  EXPECT_TRUE(contains(f.soft[0], "node n2 runs OpenBLAS's cortexa76 kernels, the other 3 nodes run OpenBLAS's cortexa72 kernels: "))
      << f.soft[0];
  EXPECT_TRUE(contains(f.soft[1], "node n3 runs OpenBLAS 0.3.13, the other 3 nodes run OpenBLAS 0.3.21: ")) << f.soft[1];
}

TEST(Preflight, ANodeWithClearlyLessMemorySaysHowMuch) {
  auto ranks = cluster(4, 2);
  on_node(ranks, "n3", [](RankFacts& r) { r.memory_available_bytes = kGiB; });
  PreflightFindings f = preflight_findings(ranks);
  ASSERT_EQ(f.soft.size(), 1u) << all(f.soft);
  EXPECT_TRUE(contains(f.soft[0], "node n3 (1.00 GiB, 2.00 GiB less) has clearly less memory available than the median node (3.00 GiB)"))
      << f.soft[0];

  // A little less, or less by a small amount on small nodes, is not worth a warning.
  on_node(ranks, "n3", [](RankFacts& r) { r.memory_available_bytes = 5 * kGiB / 2; });
  EXPECT_TRUE(preflight_findings(ranks).soft.empty()) << all(preflight_findings(ranks).soft);
  auto tiny = cluster(3, 1);
  for (auto& r : tiny) r.memory_available_bytes = 300 << 20;
  tiny[1].memory_available_bytes = 100 << 20;
  EXPECT_TRUE(preflight_findings(tiny).soft.empty()) << all(preflight_findings(tiny).soft);
  // A node that could not read its memory (0) is not "less".
  tiny[1].memory_available_bytes = 0;
  EXPECT_TRUE(preflight_findings(tiny).soft.empty());

  // Two low nodes of five are both named.
  auto five = cluster(5, 1);
  five[1].memory_available_bytes = kGiB;
  five[4].memory_available_bytes = kGiB / 2;
  f = preflight_findings(five);
  ASSERT_EQ(f.soft.size(), 1u) << all(f.soft);
  EXPECT_TRUE(contains(f.soft[0], "nodes n1 (1.00 GiB, 2.00 GiB less), n4 (0.50 GiB, 2.50 GiB less) have")) << f.soft[0];
}

TEST(Preflight, FactsSurviveTheGathersText) {
  RankFacts f = rank_on("pi-07");
  f.memory_available_bytes = 123456789012;
  f.mpi_library = "MPICH Version: 4.0\tweird; chars = \"kept\"";
  const RankFacts back = from_values(decode(encode(to_values(f, rank_facts_fields()))), rank_facts_fields());
  EXPECT_EQ(back.node, f.node);
  EXPECT_EQ(back.build_id, f.build_id);
  EXPECT_EQ(back.version, f.version);
  EXPECT_EQ(back.commit, f.commit);
  EXPECT_EQ(back.arch, f.arch);
  EXPECT_EQ(back.mpi_library, f.mpi_library);
  EXPECT_EQ(back.blas_core, f.blas_core);
  EXPECT_EQ(back.blas_version, f.blas_version);
  EXPECT_EQ(back.memory_available_bytes, f.memory_available_bytes);
}

class Digest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("bramble-digest-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }
  std::filesystem::path dir_;
};

TEST_F(Digest, SameBytesSameDigestAndAnyChangeAnother) {
  std::string big(3 * (1 << 20) + 17, '\0');  // past the read buffer, and not whole blocks
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 2654435761u) >> 13);
  const std::string a = file_digest(write("a", big));
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(file_digest(write("a-again", big)), a);
  std::string flipped = big;
  flipped[2 * (1 << 20) + 5] ^= 1;  // one bit, in the second buffer
  EXPECT_NE(file_digest(write("b", flipped)), a);
  EXPECT_NE(file_digest(write("c", big + std::string(1, '\0'))), a);  // a trailing zero byte counts
  EXPECT_NE(file_digest(write("d", big.substr(0, big.size() - 1))), a);
  EXPECT_NE(file_digest(write("empty", "")), file_digest(write("zero", std::string(1, '\0'))));
}

TEST_F(Digest, AMissingFileIsAnErrorNamingIt) {
  try {
    file_digest((dir_ / "nope").string());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_TRUE(contains(e.what(), "cannot read " + (dir_ / "nope").string())) << e.what();
  }
}

// Milliseconds on an idle machine (printed): the bound leaves room for a busy one, and still
// fails a digest a thousand times slower, which every run's start would feel.
TEST(BuildId, ThisExecutableIsDigestedQuickly) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string id = this_build_id();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(this_build_id(), id);
  const auto bytes = std::filesystem::file_size("/proc/self/exe");
  EXPECT_LT(seconds, 5.0) << "digesting " << bytes << " bytes";
  std::cout << "this_build_id: " << bytes << " bytes in " << seconds << " s\n";
}

}  // namespace
}  // namespace bramble
