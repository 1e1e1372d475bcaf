// `bramble doctor`'s pure parts without MPI: the outlier rule, the round-robin pairing, the
// diagnosis by node name, the result records and report, and the node probes run here.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "adapters/doctor/diagnosis.hpp"
#include "adapters/doctor/doctor_report.hpp"
#include "adapters/doctor/doctor_results.hpp"
#include "adapters/doctor/link_matrix.hpp"
#include "adapters/doctor/outliers.hpp"
#include "adapters/doctor/pairing.hpp"
#include "adapters/doctor/probes.hpp"
#include "adapters/doctor/same_machine.hpp"
#include "adapters/doctor/suspects.hpp"
#include "doctor_recorded_figures.hpp"

namespace bramble::doctor {
namespace {

constexpr double kNaN = kNotMeasured;

TEST(DoctorOutliers, MedianOfOddEvenAndNone) {
  EXPECT_DOUBLE_EQ(median({3, 1, 2}), 2);
  EXPECT_DOUBLE_EQ(median({4, 1, 3, 2}), 2.5);
  EXPECT_TRUE(std::isnan(median({})));
}

TEST(DoctorOutliers, SlowNodeAgainstTheMedianOfItsPeers) {
  const auto found = outliers({112, 110, 11.9, 114}, Better::higher);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].node, 2);
  EXPECT_DOUBLE_EQ(found[0].value, 11.9);
  EXPECT_DOUBLE_EQ(found[0].peers_median, 112);  // of 112, 110, 114: the node itself left out
}

TEST(DoctorOutliers, EqualNodesAndSmallDifferencesAreNotFlagged) {
  EXPECT_TRUE(outliers({100, 100, 100, 100}, Better::higher).empty());
  EXPECT_TRUE(outliers({100, 60, 80, 51}, Better::higher).empty());  // all within 2x of the others
  EXPECT_TRUE(outliers({50, 90, 99}, Better::lower).empty());
}

TEST(DoctorOutliers, LowerIsBetterFlagsTheHighOne) {
  const auto found = outliers({60, 55, 400, 58}, Better::lower);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].node, 2);
  EXPECT_DOUBLE_EQ(found[0].peers_median, 58);
}

TEST(DoctorOutliers, BoundaryIsAFactorOfTwo) {
  EXPECT_TRUE(outliers({50, 100}, Better::higher).empty());  // exactly half: not below it
  EXPECT_EQ(outliers({49.9, 100}, Better::higher).size(), 1u);
  EXPECT_TRUE(outliers({200, 100}, Better::lower).empty());
  EXPECT_EQ(outliers({200.1, 100}, Better::lower).size(), 1u);
}

TEST(DoctorOutliers, TwoNodesFlagOnlyTheWorseOne) {
  const auto found = outliers({10, 100}, Better::higher);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].node, 0);
}

TEST(DoctorOutliers, UnmeasuredNodesAreNeitherJudgedNorPeers) {
  EXPECT_TRUE(outliers({kNaN, 5}, Better::higher).empty());  // one measured node: no peers
  const auto found = outliers({100, kNaN, 10, 100}, Better::higher);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].node, 2);
  EXPECT_TRUE(outliers({7}, Better::higher).empty());
}

TEST(DoctorOutliers, MinimumDifferenceKeepsJitterOut) {
  EXPECT_TRUE(outliers({1, 1, 3, 1}, Better::lower, 2.0, 10.0).empty());  // 3 us vs 1 us: jitter
  EXPECT_EQ(outliers({30, 30, 100, 30}, Better::lower, 2.0, 10.0).size(), 1u);
}

TEST(DoctorOutliers, FigureText) {
  EXPECT_EQ(figure_text(11.94), "11.9");
  EXPECT_EQ(figure_text(112.3), "112");
  EXPECT_EQ(figure_text(1234.4), "1234");
  EXPECT_EQ(figure_text(3.456), "3.46");
  EXPECT_EQ(figure_text(0.5234), "0.523");
  EXPECT_EQ(figure_text(kNaN), "-");
}

// Every unordered pair exactly once, no node twice in a round, K-1 rounds (K even) or K (odd).
TEST(DoctorPairing, RoundRobinCoversEveryPairOnce) {
  for (int k = 0; k <= 12; ++k) {
    SCOPED_TRACE("K=" + std::to_string(k));
    const auto rounds = round_robin(k);
    EXPECT_EQ(static_cast<int>(rounds.size()), k < 2 ? 0 : k % 2 == 0 ? k - 1 : k);
    std::set<Pair> seen;
    for (const Round& round : rounds) {
      std::set<int> busy;
      for (const Pair& p : round) {
        EXPECT_LT(p.first, p.second);
        EXPECT_GE(p.first, 0);
        EXPECT_LT(p.second, k);
        EXPECT_TRUE(busy.insert(p.first).second) << "node " << p.first << " twice in a round";
        EXPECT_TRUE(busy.insert(p.second).second) << "node " << p.second << " twice in a round";
        EXPECT_TRUE(seen.insert(p).second) << p.first << "-" << p.second << " met twice";
      }
      // Every node plays in every round when K is even; one sits out when K is odd.
      EXPECT_EQ(static_cast<int>(busy.size()), k % 2 == 0 ? k : k - 1);
    }
    EXPECT_EQ(static_cast<int>(seen.size()), k * (k - 1) / 2);
  }
}

TEST(DoctorPairing, OnePairPerRoundKeepsEveryPair) {
  const auto single = one_pair_per_round(round_robin(5));
  EXPECT_EQ(single.size(), 10u);
  for (const Round& r : single) EXPECT_EQ(r.size(), 1u);
}

TEST(DoctorLinks, PerNodeMedianOverBothDirections) {
  // 3 nodes, row sends to column; node 2's links are slow both ways.
  const std::vector<double> mbs{kNaN, 100, 10, 90, kNaN, 12, 11, 13, kNaN};
  const auto node = per_node_median(mbs, 3);
  EXPECT_DOUBLE_EQ(node[0], 50.5);  // median of 10, 11, 90, 100
  EXPECT_DOUBLE_EQ(node[2], 11.5);  // median of 10, 11, 12, 13
}

std::vector<NodeFigures> equal_nodes(int k) {
  std::vector<NodeFigures> nodes(static_cast<std::size_t>(k));
  for (int i = 0; i < k; ++i) {
    NodeFigures& n = nodes[static_cast<std::size_t>(i)];
    n.name = "n" + std::to_string(i + 1);
    n.dgemm_gflops = 8, n.dgemm_residual = 0.1, n.triad_gbs = 3, n.triad_wrong = 0, n.disk_mbs = 40;
    n.temp_c = 50, n.clock_mhz = 1800, n.throttled = 0, n.link_mbs = 112, n.latency_best_us = 45, n.latency_us = 60;
  }
  return nodes;
}

std::vector<std::string> texts(const Diagnosis& d) {
  std::vector<std::string> out;
  for (const auto& f : d.findings) out.push_back(f.text);
  return out;
}

TEST(DoctorDiagnosis, EqualNodesHaveNoFindings) {
  EXPECT_TRUE(diagnose(equal_nodes(4), false).findings.empty());
  EXPECT_TRUE(diagnose(equal_nodes(2), true).findings.empty());
}

TEST(DoctorDiagnosis, SlowLinkIsNamed) {
  auto nodes = equal_nodes(4);
  nodes[2].link_mbs = 11.9;
  const Diagnosis d = diagnose(nodes, false);
  const std::string named = "n3: link to others 11.9 MB/s vs median 112 MB/s (9.41x below, margin 3.00x; measured once)";
  EXPECT_EQ(texts(d), std::vector<std::string>{named});
  EXPECT_EQ(d.findings[0].probe, "link");
  EXPECT_EQ(findings_text(d, {"link", "latency"}), named);
  EXPECT_EQ(findings_text(d, {"dgemm"}), "none");
}

TEST(DoctorDiagnosis, HardwareOutliersAcrossMachinesOnly) {
  auto nodes = equal_nodes(4);
  nodes[1].dgemm_gflops = 1;
  nodes[3].disk_mbs = 4;
  nodes[0].temp_c = 70;
  EXPECT_EQ(texts(diagnose(nodes, false)),
            (std::vector<std::string>{"n1: 70.0 C vs median 50.0 C",
                                      "n2: DGEMM 1.00 Gflop/s vs median 8.00 Gflop/s (8.00x below, margin 2.00x; probed once)",
                                      "n4: disk write+fsync 4.00 MB/s vs median 40.0 MB/s (10.0x below, margin 2.00x; probed once)"}));
  const Diagnosis shared = diagnose(nodes, true);  // one machine: the same hardware, not compared
  EXPECT_TRUE(shared.findings.empty());
  ASSERT_EQ(shared.notes.size(), 1u);
  EXPECT_NE(shared.notes[0].find("share a machine"), std::string::npos);
}

TEST(DoctorDiagnosis, LinksAreComparedOnASharedMachine) {
  auto nodes = equal_nodes(3);
  nodes[0].latency_best_us = 900;
  EXPECT_EQ(texts(diagnose(nodes, true)),
            std::vector<std::string>{"n1: latency (best round trip) to others 900 us vs median 45.0 us (20.0x above, margin 3.00x; measured once)"});
}

TEST(DoctorDiagnosis, OneNodeHasNoPeersButAbsoluteChecksStillRun) {
  auto nodes = equal_nodes(1);
  nodes[0].dgemm_gflops = 0.1;
  nodes[0].throttled = 0x50005;  // under-voltage and throttled, now and since boot
  const Diagnosis d = diagnose(nodes, false);
  EXPECT_EQ(texts(d), std::vector<std::string>{"n1: throttle state now: under-voltage, throttled"});
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_NE(d.notes[0].find("no peers"), std::string::npos);
}

TEST(DoctorDiagnosis, NoThrottleWordIsNotThrottling) {
  auto nodes = equal_nodes(2);
  nodes[0].throttled = -1;  // a node that is not a Raspberry Pi
  EXPECT_TRUE(diagnose(nodes, false).findings.empty());
}

TEST(DoctorDiagnosis, AbsoluteFindings) {
  auto nodes = equal_nodes(2);
  nodes[0].throttled = 0x10000;  // under-voltage since boot, not now
  nodes[0].temp_c = 82;
  nodes[1].dgemm_residual = 1e6;
  nodes[1].triad_wrong = 3;
  nodes[1].disk_mbs = kNaN;
  nodes[1].disk_error = "cannot create a file in /x: Permission denied";
  EXPECT_EQ(texts(diagnose(nodes, true)),
            (std::vector<std::string>{"n1: 82.0 C, at or above the 80.0 C where a Raspberry Pi throttles",
                                      "n1: throttle state since boot: under-voltage",
                                      "n2: DGEMM answer wrong (check 1e+06 > 16.0)",
                                      "n2: STREAM triad answer wrong in 3.00 elements",
                                      "n2: disk not measured: cannot create a file in /x: Permission denied"}));
}

DoctorRun made_up_run() {
  DoctorRun run;
  run.ranks = 4;
  run.rounds = 3;
  run.phase.nodes = equal_nodes(4);
  run.phase.nodes[2].link_mbs = 11.9;
  run.links.nodes = 4;
  run.links.mbs.assign(16, 112);
  run.links.latency_us.assign(16, 60);
  run.node_plan.triad_n = 2'000'000;
  run.node_plan.disk_dir = "/tmp/results";
  run.link_plan.slow_node = 2;
  run.diagnosis = diagnose(run.phase.nodes, false);
  return run;
}

const Value* verification(const KernelResult& r, const std::string& name) { return find_value(r.verification, name); }

TEST(DoctorResults, OneResultPerProbeWithPerNodeFiguresAndFlags) {
  const auto results = doctor_results(made_up_run());
  std::vector<std::string> kernels;
  for (const auto& r : results) kernels.push_back(r.kernel);
  EXPECT_EQ(kernels, (std::vector<std::string>{"doctor-dgemm", "doctor-triad", "doctor-disk", "doctor-health", "doctor-link"}));
  for (const auto& r : results) {
    EXPECT_TRUE(r.passed) << r.kernel;
    ASSERT_NE(verification(r, "flags"), nullptr) << r.kernel;
  }
  const KernelResult& link = results.back();
  EXPECT_EQ(to_text(*verification(link, "flags")),
            "n3: link to others 11.9 MB/s vs median 112 MB/s (9.41x below, margin 3.00x; measured once)");
  EXPECT_EQ(to_text(*verification(results[0], "flags")), "none");
  EXPECT_DOUBLE_EQ(to_number(find_value(link.figures, "node2_link_mbs"), 0), 11.9);
  EXPECT_DOUBLE_EQ(to_number(find_value(link.figures, "pair_3_to_0_mbs"), 0), 112);
  EXPECT_DOUBLE_EQ(to_number(find_value(results[0].figures, "node3_gflops"), 0), 8);
  EXPECT_EQ(to_number(find_value(link.parameters, "pretend_slow_link"), -1), 2);  // a test run says so
  EXPECT_EQ(link.problem, "6 pair(s) in 3 round(s): 8 B x 100 and 4.0 MiB x 3 each way");
}

TEST(DoctorResults, WrongAnswerFailsButSlowNodeDoesNot) {
  DoctorRun run = made_up_run();
  run.phase.nodes[1].dgemm_residual = 1e3;
  run.links.payload_ok = false;
  run.node_plan.disk_bytes = 0;  // no disk probe: no disk record
  const auto results = doctor_results(run);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_FALSE(results[0].passed);
  EXPECT_TRUE(results[1].passed);
  EXPECT_FALSE(results.back().passed);
}

TEST(DoctorReport, TableAndFindingLines) {
  const DoctorRun run = made_up_run();
  const std::string report = doctor_report(run.phase.nodes, run.links, run.diagnosis);
  EXPECT_NE(report.find("DGEMM (Gflop/s)"), std::string::npos);
  EXPECT_NE(report.find("\nbramble: doctor: n3: link to others 11.9 MB/s vs median 112 MB/s (9.41x below"), std::string::npos);
  EXPECT_NE(report.find("link bandwidth (MB/s)"), std::string::npos);
  const auto quiet = equal_nodes(2);
  EXPECT_NE(doctor_report(quiet, LinkMatrix{}, diagnose(quiet, true)).find("bramble: doctor: no findings"),
            std::string::npos);
}

// --- Naming a node only on evidence (suspects.hpp) ------------------------------------------

// A matrix of k nodes, row sends to column, from its bandwidth and best-latency cells (NaN
// on the diagonal and for pairs not measured); the percentiles equal the best.
LinkMatrix matrix(int k, std::vector<double> mbs, std::vector<double> us) {
  LinkMatrix m;
  m.nodes = k;
  m.mbs = std::move(mbs);
  m.latency_best_us = std::move(us);
  m.latency_us = m.latency_p90_us = m.latency_p99_us = m.latency_best_us;
  return m;
}

// k equal nodes: every link `mbs`, every latency `us`.
LinkMatrix uniform(int k, double mbs, double us) {
  const auto cells = static_cast<std::size_t>(k * k);
  LinkMatrix m = matrix(k, std::vector<double>(cells, mbs), std::vector<double>(cells, us));
  for (int i = 0; i < k; ++i)
    for (auto* matrix_cells : {&m.mbs, &m.latency_best_us, &m.latency_us, &m.latency_p90_us, &m.latency_p99_us})
      (*matrix_cells)[static_cast<std::size_t>(i * k + i)] = kNaN;
  return m;
}

// Node `node`'s links, both ways, set to `mbs` and `us`.
LinkMatrix with_node(LinkMatrix m, int node, double mbs, double us) {
  for (int j = 0; j < m.nodes; ++j) {
    if (j == node) continue;
    for (auto cell : {static_cast<std::size_t>(node * m.nodes + j), static_cast<std::size_t>(j * m.nodes + node)}) {
      m.mbs[cell] = mbs;
      m.latency_best_us[cell] = m.latency_us[cell] = m.latency_p90_us[cell] = m.latency_p99_us[cell] = us;
    }
  }
  return m;
}

std::vector<std::string> named(const LinkEvidence& evidence, int k) {
  std::vector<NodeFigures> nodes = equal_nodes(k);
  set_link_figures(nodes, evidence);
  return texts(diagnose(nodes, true));
}

TEST(DoctorEvidence, EachPairKeepsItsBestFigures) {
  LinkMatrix best = with_node(uniform(3, 100, 50), 1, 20, 400);  // node 1 was busy
  LinkMatrix again = with_node(uniform(3, kNaN, kNaN), 1, 90, 60);  // its pairs again
  again.mbs[2] = 5;  // (0 -> 2) worse this time: the better figure stays
  keep_best(best, again);
  EXPECT_DOUBLE_EQ(best.mbs[1], 90);         // 0 -> 1: better now
  EXPECT_DOUBLE_EQ(best.latency_best_us[3], 60);  // 1 -> 0
  EXPECT_DOUBLE_EQ(best.mbs[2], 100);        // 0 -> 2: kept
  EXPECT_DOUBLE_EQ(best.mbs[7], 90);         // 2 -> 1
  EXPECT_TRUE(std::isnan(best.mbs[4]));      // the diagonal stays empty
}

TEST(DoctorEvidence, RemeasuringTakesOnlyTheSuspectsPairs) {
  const auto rounds = pairs_with(round_robin(4), {2});
  std::set<Pair> pairs;
  for (const Round& r : rounds) {
    EXPECT_EQ(r.size(), 1u);  // a suspect is in one pair per round
    pairs.insert(r.begin(), r.end());
  }
  EXPECT_EQ(pairs, (std::set<Pair>{{0, 2}, {1, 2}, {2, 3}}));
  EXPECT_TRUE(pairs_with(round_robin(4), {}).empty());
}

TEST(DoctorEvidence, ASlowLinkIsNamedAfterEveryMeasurement) {
  const LinkMatrix slow = with_node(uniform(4, 112, 40), 2, 11.5, 45);
  const LinkEvidence e = judge_links({slow, slow, slow, slow});
  EXPECT_EQ(e.measurements, kMaxMeasurements);  // never more, however many are offered
  EXPECT_EQ(e.suspect_after, (std::vector<int>{0, 0, 3, 0}));
  EXPECT_EQ(named(e, 4), std::vector<std::string>{"n3: link to others 11.5 MB/s vs median 112 MB/s (9.74x below, "
                                                   "margin 3.00x; best of 3 measurements, an outlier after 3 of them)"});
}

TEST(DoctorEvidence, ABusyMomentIsMeasuredAgainAndNotNamed) {
  // Node 1 busy during the first measurement: its links a quarter of the others', its latency
  // ten times theirs. Measured again, it is like the others.
  const LinkMatrix busy = with_node(uniform(4, 112, 40), 1, 28, 400);
  const LinkMatrix again = with_node(uniform(4, kNaN, kNaN), 1, 110, 42);
  const LinkEvidence e = judge_links({busy, again, busy});
  EXPECT_EQ(e.measurements, 2);  // no suspect left after the second: no third
  EXPECT_EQ(e.suspect_after, (std::vector<int>{0, 1, 0, 0}));
  EXPECT_TRUE(named(e, 4).empty());
}

TEST(DoctorEvidence, EqualNodesAreMeasuredOnce) {
  const LinkEvidence e = judge_links({uniform(4, 112, 40), uniform(4, 1, 1000)});
  EXPECT_EQ(e.measurements, 1);
  EXPECT_TRUE(named(e, 4).empty());
}

TEST(DoctorEvidence, JitterWithinTheMarginsIsNotSuspect) {
  // Latency twice the others' and 40 us above (the old rule, 2x and 10 us, named this), and a
  // link at 40 % of the others': both inside the margins, so not even measured again.
  LinkMatrix m = with_node(uniform(4, 112, 40), 0, 112, 80);
  m = with_node(m, 3, 45, 40);
  EXPECT_TRUE(link_suspects(m).empty());
}

TEST(DoctorEvidence, RecordedEqualNodesUnderACpuHogAreNotNamed) {
  int named_by_the_old_rule = 0;
  for (const LinkMatrix& m : recorded_figures::equal_nodes_under_a_hog()) {
    const LinkEvidence e = judge_links({m, m, m});
    EXPECT_EQ(e.measurements, 1) << "a suspect among equal nodes";
    EXPECT_TRUE(named(e, 4).empty());
    // The rule before: the P50 above twice the others' and 10 us more.
    named_by_the_old_rule += !outliers(per_node_median(m.latency_us, 4), Better::lower, 2.0, 10.0).empty();
  }
  EXPECT_GE(named_by_the_old_rule, 1);  // so these figures are noisy enough to have misled it
}

TEST(DoctorEvidence, RecordedSlowLinkUnderACpuHogIsNamed) {
  for (const LinkMatrix& m : recorded_figures::slow_n3_under_a_hog()) {
    const auto names = named(judge_links({m, m, m}), 4);
    ASSERT_EQ(names.size(), 1u);
    EXPECT_EQ(names[0].rfind("n3: link to others 12.", 0), 0u) << names[0];
  }
}

TEST(DoctorEvidence, HardwareSuspectsAndTheBetterOfTwoProbes) {
  auto nodes = equal_nodes(4);
  nodes[1].dgemm_gflops = 2;  // a busy moment during the probe
  nodes[3].disk_mbs = 3;      // a slow SD card
  EXPECT_EQ(hardware_suspects(nodes), (std::vector<int>{1, 3}));
  auto again = equal_nodes(4);
  again[3].disk_mbs = 4;
  again[0].dgemm_residual = 1e3;  // a wrong answer in either probe is kept
  keep_best(nodes, again);
  EXPECT_EQ(hardware_suspects(nodes), (std::vector<int>{3}));
  EXPECT_DOUBLE_EQ(nodes[3].disk_mbs, 4);
  EXPECT_DOUBLE_EQ(nodes[0].dgemm_residual, 1e3);
  EXPECT_EQ(texts(diagnose(nodes, false)),
            (std::vector<std::string>{"n1: DGEMM answer wrong (check 1e+03 > 16.0)",
                                      "n4: disk write+fsync 4.00 MB/s vs median 40.0 MB/s (10.0x below, margin 2.00x; best of 2 probes)"}));
}

TEST(DoctorMachine, SharedBootIds) {
  EXPECT_FALSE(any_shared({"a", "b", "c"}));
  EXPECT_TRUE(any_shared({"a", "b", "a"}));
  EXPECT_FALSE(any_shared({"", ""}));  // unreadable is not a match
  EXPECT_FALSE(boot_id().empty());     // Linux always has one
}

TEST(DoctorProbes, DgemmIsCheckedAndMeasured) {
  const DgemmFigures d = dgemm_probe(96, 2);
  EXPECT_GT(d.gflops, 0);
  EXPECT_LE(d.residual, kDgemmThreshold);
}

TEST(DoctorProbes, DgemmCheckCatchesOneWrongEntry) {
  const int n = 3;  // A = I, so C = B is right
  const std::vector<double> a{1, 0, 0, 0, 1, 0, 0, 0, 1}, b{1, 2, 3, 4, 5, 6, 7, 8, 9};
  EXPECT_EQ(dgemm_check(a, b, b, n), 0);
  std::vector<double> c = b;
  c[4] += 1e-9;  // far above rounding (about 1e-15 here), far below what a glance would see
  EXPECT_GT(dgemm_check(a, b, c, n), kDgemmThreshold);
}

TEST(DoctorProbes, TriadIsCheckedAndMeasured) {
  const TriadFigures t = triad_probe(100000, 2);
  EXPECT_GT(t.gbs, 0);
  EXPECT_EQ(t.wrong, 0);
  EXPECT_GE(triad_elements(), 2'000'000);
  EXPECT_LE(triad_elements(), 16 << 20);
}

TEST(DoctorProbes, DiskLeavesNothingBehind) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("bramble-doctor-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const DiskFigures d = disk_probe(dir.string(), 3 << 20);
  EXPECT_GT(d.mbs, 0);
  EXPECT_EQ(d.error, "");
  EXPECT_TRUE(fs::is_empty(dir));
  EXPECT_EQ(existing_directory((dir / "not/yet/there").string()), dir.string());
  fs::remove(dir);

  const DiskFigures missing = disk_probe((dir / "gone").string(), 1 << 20);
  EXPECT_TRUE(std::isnan(missing.mbs));
  EXPECT_NE(missing.error.find("cannot create a file in"), std::string::npos) << missing.error;
}

}  // namespace
}  // namespace bramble::doctor
