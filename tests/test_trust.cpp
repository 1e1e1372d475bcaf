// Trust warnings: each rule firing and not firing, from made-up run metadata (no MPI, no
// real machine), and the BLAS probe run for real.
#include <cblas.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "context/blas_probe.hpp"
#include "context/run_metadata.hpp"
#include "context/trust_warnings.hpp"

namespace bramble {
namespace {

// A node without SMT: as many physical cores as logical CPUs.
NodeInfo node(const std::string& hostname, int cores, int ranks, const std::string& governor = "performance") {
  NodeInfo n;
  n.hostname = hostname;
  n.cores = cores;
  n.physical_cores = cores;
  n.ranks = ranks;
  n.governor = governor;
  return n;
}

// A node with `threads` hardware threads on `physical` cores.
NodeInfo smt_node(const std::string& hostname, int physical, int threads, int ranks) {
  NodeInfo n = node(hostname, threads, ranks);
  n.physical_cores = physical;
  n.smt = "on";
  return n;
}

// A run nothing is wrong with: a release build, one rank per core, one BLAS thread.
RunMetadata trusted_run() {
  RunMetadata m;
  m.build_type = "Release";
  m.compiler_flags = "-O3 -DNDEBUG; kernels also: -ffp-contract=off";
  m.blas_corename = "Zen";
  m.blas_core_auto = "Zen";
  m.nodes = {node("epyc01", 4, 4), node("epyc02", 4, 4)};
  m.ranks = 8;
  m.node_count = 2;
  m.ranks_per_node = {4, 4};
  return m;
}

TrustInputs one_thread() {
  TrustInputs in;
  in.blas_threads = 1;
  in.blas_threads_set = true;
  return in;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string all_of(const std::vector<std::string>& w) {
  std::string all;
  for (const auto& line : w) all += "\n  " + line;
  return all;
}

// The single warning there must be, or a failure that shows them all.
std::string only_warning(const RunMetadata& m, const TrustInputs& in) {
  const std::vector<std::string> w = trust_warnings(m, in);
  EXPECT_EQ(w.size(), 1u) << all_of(w);
  return w.empty() ? "" : w.front();
}

// The single warning that contains `key`, whatever else is warned about.
std::string warning_about(const RunMetadata& m, const TrustInputs& in, const std::string& key) {
  const std::vector<std::string> w = trust_warnings(m, in);
  std::vector<std::string> found;
  for (const auto& line : w)
    if (line.find(key) != std::string::npos) found.push_back(line);
  EXPECT_EQ(found.size(), 1u) << "about \"" << key << "\":" << all_of(w);
  return found.empty() ? "" : found.front();
}

bool warns_about(const RunMetadata& m, const TrustInputs& in, const std::string& key) {
  for (const auto& line : trust_warnings(m, in))
    if (line.find(key) != std::string::npos) return true;
  return false;
}

// Rank r of `nodes_of_ranks[r]`, bound to `cores[r]` ("" where not bound to one core).
std::vector<RankPlacement> placed(const std::vector<int>& nodes_of_ranks, const std::vector<std::string>& cores) {
  std::vector<RankPlacement> out;
  for (std::size_t r = 0; r < cores.size(); ++r) out.push_back({nodes_of_ranks[r], cores[r].empty() ? "0-7" : "0", cores[r]});
  return out;
}

TEST(Trust, ATrustedRunHasNoWarnings) {
  EXPECT_TRUE(trust_warnings(trusted_run(), one_thread()).empty());
}

TEST(Trust, EveryWarningIsOneLine) {
  RunMetadata m = trusted_run();
  m.build_type = "Debug";
  m.compiler_flags = "-g";
  // Oversubscribed, under-subscribed, SMT siblings sharing, and two ranks bound to one core.
  m.nodes = {node("pi01", 4, 8, "ondemand"), node("pi02", 4, 1), smt_node("epyc01", 4, 8, 6), node("pi03", 4, 4)};
  m.rank_placement = placed({0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3},
                            {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0:0", "0:0", "0:1", "0:2"});
  m.blas_core_auto = "unknown";
  TrustInputs in;
  in.blas_threads = 4;
  in.blas_coretype = "Haswell";
  in.blas_probe_error = "the BLAS probe /x is missing";
  const auto w = trust_warnings(m, in);
  EXPECT_EQ(w.size(), 8u) << all_of(w);
  for (const auto& line : w) {
    EXPECT_FALSE(contains(line, "\n")) << line;
    EXPECT_FALSE(line.empty());
  }
}

// Build.

TEST(Trust, ReleaseBuildIsTrusted) {
  RunMetadata m = trusted_run();
  m.build_type = "release";  // CMake build types match whatever their case
  m.compiler_flags = "-O0 -O3 -DNDEBUG";  // the last -O is the one that counts
  EXPECT_TRUE(trust_warnings(m, one_thread()).empty());
  m.compiler_flags = "";  // flags not recorded (an older file): no claim about them
  EXPECT_TRUE(trust_warnings(m, one_thread()).empty());
}

TEST(Trust, CiPresetBuildIsNotRepresentative) {
  RunMetadata m = trusted_run();
  m.build_type = "RelWithDebInfo";
  m.compiler_flags = "-D_GLIBCXX_ASSERTIONS -O2 -g -DNDEBUG; kernels also: -ffp-contract=off";
  const std::string w = only_warning(m, one_thread());
  EXPECT_TRUE(contains(w, "RelWithDebInfo build with -D_GLIBCXX_ASSERTIONS")) << w;
  EXPECT_TRUE(contains(w, "timings are not representative: build the release preset")) << w;
}

TEST(Trust, DebugBuildNamesMinusO0) {
  RunMetadata m = trusted_run();
  m.build_type = "Debug";
  m.compiler_flags = "-g";
  const std::string w = only_warning(m, one_thread());
  EXPECT_TRUE(contains(w, "Debug build with no -O (so -O0)")) << w;
}

TEST(Trust, SlowFlagsInAReleaseBuild) {
  for (const std::string flags : {"-fsanitize=address,undefined -O3 -DNDEBUG", "-O3 -O0 -DNDEBUG",
                                  "-D_GLIBCXX_DEBUG -O3", "-O3 --coverage"}) {
    RunMetadata m = trusted_run();
    m.compiler_flags = flags;
    const std::string w = only_warning(m, one_thread());
    EXPECT_TRUE(contains(w, "Release build with -")) << w;
    EXPECT_TRUE(contains(w, "build the release preset")) << w;
  }
}

TEST(Trust, NoBuildType) {
  RunMetadata m = trusted_run();
  m.build_type = "";
  EXPECT_TRUE(contains(only_warning(m, one_thread()), "a build with no build type"));
}

// Governor.

TEST(Trust, GovernorPerformanceOrUnreadableIsTrusted) {
  RunMetadata m = trusted_run();
  m.nodes = {node("vm01", 4, 4, ""), node("epyc01", 4, 4, "performance")};  // "": a VM
  EXPECT_TRUE(trust_warnings(m, one_thread()).empty());
}

TEST(Trust, GovernorNamesNodesAndGovernor) {
  RunMetadata m = trusted_run();
  m.nodes = {node("pi01", 4, 4, "ondemand"), node("pi02", 4, 4, "performance"),
             node("pi03", 4, 4, "ondemand"), node("pi04", 4, 4, "powersave")};
  const auto w = trust_warnings(m, one_thread());
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(contains(w[0], "governor is ondemand, not performance, on nodes pi01, pi03")) << w[0];
  EXPECT_TRUE(contains(w[0], "cpupower frequency-set -g performance")) << w[0];
  EXPECT_TRUE(contains(w[1], "governor is powersave, not performance, on node pi04")) << w[1];
}

TEST(Trust, GovernorOfPretendNodesNamesTheirHostOnce) {
  RunMetadata m = trusted_run();
  m.nodes = {node("vm-n0", 4, 2, "powersave"), node("vm-n1", 4, 2, "powersave")};
  TrustInputs in = one_thread();
  in.hosts = {"vm", "vm"};
  EXPECT_TRUE(contains(only_warning(m, in), "on node vm,")) << only_warning(m, in);
}

// BLAS core.

TEST(Trust, BlasCoreNotForcedIsTrusted) {
  RunMetadata m = trusted_run();
  m.blas_corename = m.blas_core_auto = "Prescott";  // unset: OpenBLAS's own pick, good or bad
  EXPECT_TRUE(trust_warnings(m, one_thread()).empty());
}

TEST(Trust, BlasCoreForcedToWhatOpenBlasPicksAnywayIsTrusted) {
  RunMetadata m = trusted_run();
  m.blas_corename = "Haswell";
  m.blas_core_auto = "haswell";
  TrustInputs in = one_thread();
  in.blas_coretype = "HASWELL";
  EXPECT_TRUE(trust_warnings(m, in).empty());
}

TEST(Trust, BlasCoreForcedToAnotherCore) {
  RunMetadata m = trusted_run();
  m.blas_corename = "Haswell";
  m.blas_core_auto = "Zen";
  TrustInputs in = one_thread();
  in.blas_coretype = "Haswell";
  const std::string w = only_warning(m, in);
  EXPECT_TRUE(contains(w, "OPENBLAS_CORETYPE=Haswell forces OpenBLAS's Haswell kernels, but on epyc01 "
                          "OpenBLAS would pick Zen")) << w;
  EXPECT_TRUE(contains(w, "compare only with runs on the same core, or unset OPENBLAS_CORETYPE")) << w;
}

TEST(Trust, BlasCoreForcedAndProbeMissing) {
  RunMetadata m = trusted_run();
  m.blas_corename = "Haswell";
  m.blas_core_auto = "unknown";
  TrustInputs in = one_thread();
  in.blas_coretype = "Haswell";
  in.blas_probe_error = "the BLAS probe /gone/bramble-blas-probe is missing";
  const std::string w = only_warning(m, in);
  EXPECT_TRUE(contains(w, "could not tell which core OpenBLAS would pick on epyc01 "
                          "(the BLAS probe /gone/bramble-blas-probe is missing)")) << w;
}

// Ranks oversubscribing cores.

TEST(Trust, OneRankPerCoreIsTrusted) {
  RunMetadata m = trusted_run();
  m.nodes = {node("pi01", 4, 4), node("pi02", 2, 2)};  // fewer ranks than cores: below
  EXPECT_TRUE(trust_warnings(m, one_thread()).empty());
}

TEST(Trust, MoreRanksThanCores) {
  RunMetadata m = trusted_run();
  m.nodes = {node("pi01", 4, 4), node("pi02", 4, 6), node("pi03", 2, 3)};
  const std::string w = only_warning(m, one_thread());
  EXPECT_TRUE(contains(w, "more ranks than cores on nodes pi02 (6 ranks on 4 online cores), "
                          "pi03 (3 ranks on 2 online cores)")) << w;
  EXPECT_TRUE(contains(w, "start at most one rank per physical core")) << w;
}

TEST(Trust, PretendNodesAddUpOnTheirHost) {
  RunMetadata m = trusted_run();
  m.nodes = {node("vm-n0", 2, 2), node("vm-n1", 2, 2)};  // --ranks-per-node 2, 4 ranks, 2 cores
  TrustInputs in = one_thread();
  in.hosts = {"vm", "vm"};
  EXPECT_TRUE(contains(only_warning(m, in), "on node vm (4 ranks on 2 online cores)"));
  in.hosts = {};  // taken as two real hosts, each has its two cores
  EXPECT_TRUE(trust_warnings(m, in).empty());
  m.nodes = {node("vm-n0", 2, 1), node("vm-n1", 2, 1)};
  in.hosts = {"vm", "vm"};
  EXPECT_TRUE(trust_warnings(m, in).empty());
}

// Ranks and physical cores (issue 21).

TEST(Trust, FewerRanksThanPhysicalCores) {
  RunMetadata m = trusted_run();
  m.nodes = {node("epyc01", 4, 1), node("epyc02", 4, 4), node("pi01", 4, 3)};
  const std::string w = only_warning(m, one_thread());
  EXPECT_TRUE(contains(w, "fewer ranks than physical cores on nodes epyc01 (1 rank on 4 physical cores), "
                          "pi01 (3 ranks on 4 physical cores)")) << w;
  EXPECT_TRUE(contains(w, "per-core and per-watt figures understate the machine")) << w;
  EXPECT_TRUE(contains(w, "start one rank per physical core")) << w;
}

TEST(Trust, FewerRanksThanPhysicalCoresCountsCoresNotThreads) {
  RunMetadata m = trusted_run();
  m.nodes = {smt_node("epyc01", 4, 8, 4)};  // one rank per core, SMT siblings idle: as it should be
  EXPECT_TRUE(trust_warnings(m, one_thread()).empty());
  m.nodes = {smt_node("epyc01", 4, 8, 2)};
  EXPECT_TRUE(contains(only_warning(m, one_thread()), "on node epyc01 (2 ranks on 4 physical cores)"));
}

TEST(Trust, PhysicalCoresUnknownSaysSo) {
  RunMetadata m = trusted_run();
  m.nodes = {node("old01", 4, 1)};
  m.nodes[0].physical_cores = 0;  // a file from before physical cores were recorded
  EXPECT_TRUE(contains(only_warning(m, one_thread()), "(1 rank on 4 logical CPUs (physical cores unknown))"));
  m.nodes[0].physical_cores = 4;  // the topology was unreadable, so the logical CPUs were counted
  m.nodes[0].core_note = "CPU topology unreadable under /sys/devices/system/cpu: physical cores counted as logical CPUs";
  EXPECT_TRUE(contains(only_warning(m, one_thread()), "(1 rank on 4 logical CPUs (physical cores unknown))"));
}

TEST(Trust, UndersubscribedPretendNodesAreJudgedOnTheirHost) {
  RunMetadata m = trusted_run();
  m.nodes = {node("vm-n0", 2, 1), node("vm-n1", 2, 1)};  // --ranks-per-node 1, 2 ranks, 2 cores
  TrustInputs in = one_thread();
  in.hosts = {"vm", "vm"};
  EXPECT_TRUE(trust_warnings(m, in).empty());
  m.nodes = {node("vm-n0", 4, 1), node("vm-n1", 4, 1)};  // the same on a 4-core host
  EXPECT_TRUE(contains(only_warning(m, in), "fewer ranks than physical cores on node vm (2 ranks on 4 physical cores)"));
}

TEST(Trust, MoreRanksThanPhysicalCoresShareThemAsSmtSiblings) {
  RunMetadata m = trusted_run();
  m.nodes = {smt_node("epyc01", 4, 8, 8), smt_node("epyc02", 4, 8, 4)};
  const std::string w = only_warning(m, one_thread());
  EXPECT_TRUE(contains(w, "more ranks than physical cores on node epyc01 (8 ranks on 4 physical cores, "
                          "8 hardware threads), so ranks share cores as SMT siblings")) << w;
  EXPECT_TRUE(contains(w, "start at most one rank per physical core")) << w;
  // Beyond the hardware threads it is oversubscription, said once, not twice.
  m.nodes = {smt_node("epyc01", 4, 8, 10)};
  EXPECT_TRUE(contains(only_warning(m, one_thread()), "more ranks than cores on node epyc01 (10 ranks on 8 online cores)"));
}

TEST(Trust, RanksBoundToOnePhysicalCore) {
  RunMetadata m = trusted_run();
  m.nodes = {node("epyc01", 4, 4), node("epyc02", 4, 4)};
  m.rank_placement = placed({0, 0, 0, 0, 1, 1, 1, 1}, {"0:0", "0:0", "0:1", "0:2", "0:0", "0:1", "0:2", "0:3"});
  const std::string w = only_warning(m, one_thread());
  EXPECT_TRUE(contains(w, "ranks bound to the same physical core (package:core) on node epyc01 (ranks 0, 1 on core 0:0)"))
      << w;
  EXPECT_TRUE(contains(w, "bind one rank per physical core (mpirun --bind-to core) or do not bind")) << w;
  // Each on its own core, or not bound to one core at all: nothing to say.
  m.rank_placement = placed({0, 0, 0, 0, 1, 1, 1, 1}, {"0:0", "0:1", "0:2", "0:3", "", "", "", ""});
  EXPECT_TRUE(trust_warnings(m, one_thread()).empty());
  // The same core id on two hosts is two cores.
  m.rank_placement = placed({0, 0, 0, 0, 1, 1, 1, 1}, {"0:0", "0:1", "0:2", "0:3", "0:0", "0:1", "0:2", "0:3"});
  EXPECT_TRUE(trust_warnings(m, one_thread()).empty());
}

TEST(Trust, RanksBoundToOneCoreOnPretendNodesOfOneHost) {
  RunMetadata m = trusted_run();
  m.nodes = {node("vm-n0", 2, 1), node("vm-n1", 2, 1)};
  m.rank_placement = placed({0, 1}, {"0:0", "0:0"});
  TrustInputs in = one_thread();
  in.hosts = {"vm", "vm"};
  EXPECT_TRUE(contains(only_warning(m, in), "on node vm (ranks 0, 1 on core 0:0)")) << only_warning(m, in);
}

// BLAS threads oversubscribing cores.

TEST(Trust, BlasThreadsUnsetWithOneRankPerHostOnlyLeavesCoresIdle) {
  RunMetadata m = trusted_run();
  m.nodes = {node("pi01", 4, 1), node("pi02", 4, 1)};
  TrustInputs in;
  in.blas_threads = 4;  // OPENBLAS_NUM_THREADS unset: a thread per core, for the one rank
  // No BLAS oversubscription; but STREAM, the stencil and render run one thread per rank, so
  // three cores of each node idle there (issue 21).
  EXPECT_TRUE(contains(only_warning(m, in), "fewer ranks than physical cores on nodes pi01")) << only_warning(m, in);
}

TEST(Trust, BlasThreadsUnsetWithRanksSharingAHost) {
  RunMetadata m = trusted_run();
  m.nodes = {node("pi01", 4, 1), node("pi02", 4, 2)};
  TrustInputs in;
  in.blas_threads = 4;
  const std::string w = warning_about(m, in, "BLAS threads");
  EXPECT_TRUE(contains(w, "4 BLAS threads per rank with several ranks on node pi02 (2 ranks on 4 cores)")) << w;
  EXPECT_TRUE(contains(w, "set OPENBLAS_NUM_THREADS=1")) << w;
}

TEST(Trust, BlasThreadsUnsetOnPretendNodesOfOneHost) {
  RunMetadata m = trusted_run();
  m.nodes = {node("vm-n0", 2, 1), node("vm-n1", 2, 1)};  // one rank per pretend node
  TrustInputs in;
  in.blas_threads = 2;
  in.hosts = {"vm", "vm"};
  EXPECT_TRUE(contains(only_warning(m, in), "with several ranks on node vm (2 ranks on 2 cores)"));
}

TEST(Trust, BlasThreadsSetWithinTheCoresIsTrusted) {
  RunMetadata m = trusted_run();
  m.nodes = {node("epyc01", 8, 4)};
  TrustInputs in;
  in.blas_threads = 2;
  in.blas_threads_set = true;  // 4 ranks x 2 threads = 8 cores: hybrid, on purpose
  EXPECT_FALSE(warns_about(m, in, "BLAS threads"));
  // HPL fills the cores; the kernels without BLAS leave half of them idle.
  EXPECT_TRUE(contains(only_warning(m, in), "fewer ranks than physical cores")) << only_warning(m, in);
}

TEST(Trust, BlasThreadsSetBeyondTheCores) {
  RunMetadata m = trusted_run();
  m.nodes = {node("epyc01", 8, 4), node("epyc02", 8, 2)};
  TrustInputs in;
  in.blas_threads = 4;
  in.blas_threads_set = true;
  const std::string w = warning_about(m, in, "BLAS threads");
  EXPECT_TRUE(contains(w, "4 BLAS threads per rank are more threads than cores on node epyc01 (4 ranks on 8 cores)"))
      << w;
  EXPECT_TRUE(contains(w, "set OPENBLAS_NUM_THREADS=2 or fewer")) << w;
  m.nodes = {node("epyc01", 8, 8)};
  const std::string one = only_warning(m, in);
  EXPECT_TRUE(one.ends_with("set OPENBLAS_NUM_THREADS=1")) << one;
}

TEST(Trust, ThisProcessInputs) {
  const TrustInputs in = this_process_trust_inputs();
  EXPECT_EQ(in.blas_threads, openblas_get_num_threads());
  const char* core = std::getenv("OPENBLAS_CORETYPE");
  EXPECT_EQ(in.blas_coretype, core ? core : "");
  EXPECT_TRUE(in.hosts.empty());
}

// The BLAS probe.

TEST(BlasProbe, EditedEnvironment) {
  const char* env[] = {"PATH=/bin", "OPENBLAS_CORETYPE=Haswell", "OPENBLAS_NUM_THREADS=8",
                       "OPENBLAS_CORETYPE_X=kept", "HOME=/root", nullptr};
  const std::vector<std::string> want = {"PATH=/bin", "OPENBLAS_CORETYPE_X=kept", "HOME=/root",
                                         "OPENBLAS_NUM_THREADS=1"};
  EXPECT_EQ(edited_environment(env, "OPENBLAS_CORETYPE", {"OPENBLAS_NUM_THREADS=1"}), want);
  EXPECT_TRUE(edited_environment(nullptr, "X").empty());
}

TEST(BlasProbe, BuiltAndAbsolute) {
  const std::string path = blas_probe_path();
  ASSERT_FALSE(path.empty());
  EXPECT_TRUE(std::filesystem::path(path).is_absolute()) << path;
  EXPECT_EQ(access(path.c_str(), X_OK), 0) << path;
}

TEST(BlasProbe, AnswersWithTheCoreOpenBlasPicks) {
  const BlasProbeResult r = probe_blas_core_auto();
  EXPECT_EQ(r.error, "");
  EXPECT_FALSE(r.core.empty());
  // Unforced, this process runs OpenBLAS's own pick, which the probe must name too.
  if (std::getenv("OPENBLAS_CORETYPE") == nullptr) {
    EXPECT_EQ(r.core, openblas_get_corename());
  }
}

#if defined(__x86_64__)
// The probe names the core its environment forces, so removing the variable is what makes
// it answer with OpenBLAS's own pick. Only the probe's environment is set here.
TEST(BlasProbe, NamesTheCoreItsEnvironmentForces) {
  const BlasProbeResult r = run_blas_probe(blas_probe_path(), {"OPENBLAS_CORETYPE=Haswell", "OPENBLAS_NUM_THREADS=1"});
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.core, "Haswell");
}
#endif

TEST(BlasProbe, MissingProbeCannotTell) {
  const BlasProbeResult r = probe_blas_core_auto("/nonexistent/bramble-blas-probe");
  EXPECT_EQ(r.core, "");
  EXPECT_EQ(r.error, "the BLAS probe /nonexistent/bramble-blas-probe is missing");
  EXPECT_EQ(probe_blas_core_auto("").error, "the BLAS probe (none built) is missing");
}

// Probes that misbehave: a failure, silence, a hang, a flood. None may hang the caller.
class BadProbe : public ::testing::Test {
 protected:
  std::string script(const std::string& name, const std::string& body) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("bramble-test-probe-" + std::to_string(getpid()) + "-" + name)).string();
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    chmod(path.c_str(), 0700);
    paths_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const auto& p : paths_) std::filesystem::remove(p);
  }
  std::vector<std::string> paths_;
};

TEST_F(BadProbe, FailsOrSaysNothing) {
  EXPECT_TRUE(contains(run_blas_probe(script("fail", "exit 3"), {}).error, "failed (exit status 3)"));
  EXPECT_TRUE(contains(run_blas_probe(script("silent", "exit 0"), {}).error, "printed nothing"));
  EXPECT_TRUE(contains(run_blas_probe(script("signal", "kill -9 $$"), {}).error, "failed (signal 9)"));
}

TEST_F(BadProbe, HangsOrFloods) {
  const BlasProbeResult hang = run_blas_probe(script("hang", "exec sleep 30"), {"PATH=/usr/bin:/bin"}, 300);
  EXPECT_TRUE(contains(hang.error, "did not answer within 300 ms")) << hang.error;
  const BlasProbeResult flood = run_blas_probe(script("flood", "exec yes"), {"PATH=/usr/bin:/bin"}, 5000);
  EXPECT_TRUE(contains(flood.error, "could not be read")) << flood.error;
}

}  // namespace
}  // namespace bramble
