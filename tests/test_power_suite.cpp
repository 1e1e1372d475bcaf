// Power measurement end to end through the suite, at 1, 2 and 4 ranks: every rank pretends
// to be a node (--ranks-per-node 1), the per-node config file gives nodes different
// declared wattages and puts nodes 2 and 3 on one shared "plug", and a kernel that sleeps
// through its timed phase records a result. The file must then hold, per meter, exactly
// watts x window seconds, the totals their sum, the idle baseline, and the repetitions
// --min-phase-seconds asked for.
#include <gtest/gtest.h>
#include <mpi.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "results/h5_io.hpp"
#include "suite/kernel.hpp"
#include "power/totals.hpp"
#include "results/headline.hpp"
#include "results/reader.hpp"
#include "suite/suite.hpp"

namespace bramble {
namespace {
namespace fs = std::filesystem;

// A kernel whose timed phase is 0.2 s of sleep: energy then depends on nothing but the
// declared watts and the windows the suite recorded.
class SleepKernel : public Kernel {
 public:
  std::optional<KernelResult::PhaseWork> work;  // what the naps achieve over every window
  std::string name() const override { return "sleep"; }
  std::string description() const override { return "sleeps"; }
  void add_options(CLI::App&) override {}
  void run(RunContext& ctx) override {
    KernelResult r;
    r.kernel = "sleep";
    r.problem = "0.2 s";
    r.ranks = 1;
    do {
      const double t0 = ctx.start_timed();
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      r.rep_seconds.push_back(ctx.stop_timed(t0));
    } while (ctx.extend_timed());
    r.figure_name = "naps";
    r.unit = "naps/s";
    r.figure_of_merit = 5;
    r.phase_work = work;
    r.passed = true;
    ctx.record(r);
  }
};

int rank() { return comm_rank(MPI_COMM_WORLD); }
int size() { return comm_size(MPI_COMM_WORLD); }

// A kernel power record's figure by name; NaN when absent.
double figure(const PowerRecord& p, const std::string& name) {
  for (const auto& [n, v] : p.figures)
    if (n == name) return v;
  return std::nan("");
}

class PowerSuite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bramble-power-suite-" + std::to_string(size()));
    if (rank() == 0) {
      fs::remove_all(dir_);
      fs::create_directories(dir_);
    }
    MPI_Barrier(MPI_COMM_WORLD);
  }
  void TearDown() override {
    MPI_Barrier(MPI_COMM_WORLD);
    if (rank() == 0) fs::remove_all(dir_);
  }
  fs::path dir_;
};

// The per-node configuration of the test below: [default] 10 W, n1 20 W, n2 40 W on a plug
// that n3 shares (so n3 reads no meter of its own).
constexpr double kConfigWatts[] = {10, 20, 40, 0};

void write_power_config(const fs::path& file) {
  const Topology probe(MPI_COMM_WORLD, 1);
  const std::string base = probe.nodes()[0].hostname.substr(0, probe.nodes()[0].hostname.rfind("-n"));
  if (rank() == 0) {
    std::ofstream(file) << "[default]\npower = \"fixed:10\"\n"
                        << "[" << base << "-n1]\npower = \"fixed:20\"\n"
                        << "[" << base << "-n2]\npower = \"fixed:40\"\ngroup = \"plug\"\n"
                        << "[" << base << "-n3]\ngroup = \"plug\"\n";
  }
}

// Run level: one meter per node, except the plug shared by nodes 2 and 3.
void expect_config_meters(const RunRecord& run, int nodes) {
  ASSERT_TRUE(run.power.has_value());
  for (const MeterInfo& m : run.power->meters) {
    EXPECT_EQ(m.scope, "estimate");
    EXPECT_DOUBLE_EQ(m.idle_watts, kConfigWatts[m.reader_node]) << "idle baseline of meter at node " << m.reader_node;
    if (m.reader_node == 2) {
      EXPECT_EQ(m.nodes, nodes == 4 ? (std::vector<int>{2, 3}) : (std::vector<int>{2}));
    }
  }
  EXPECT_EQ(run.power->meters.size(), std::size_t(nodes == 4 ? 3 : nodes));
}

// Kernel level: repetitions until the phase lasted 0.5 s. Rank 0's windows decide, one per
// repetition; how many it takes depends on how far the naps overran (3 if none did, 2 on a
// machine busy enough), so the rule itself is checked: the windows reach the minimum, and
// without the last one they did not.
void expect_min_phase(const KernelRecord& k, int nodes) {
  ASSERT_TRUE(k.power.has_value());
  const PowerRecord& p = *k.power;
  ASSERT_EQ(p.nodes.size(), std::size_t(nodes));
  const std::vector<power::Window>& decided = p.nodes[0].windows;
  ASSERT_EQ(decided.size(), k.result.rep_seconds.size());
  double phase = 0;
  for (const power::Window& w : decided) phase += w.t1 - w.t0;
  EXPECT_GE(phase, 0.5);
  EXPECT_LT(phase - (decided.back().t1 - decided.back().t0), 0.5);
  EXPECT_NEAR(p.nodes[0].stats.seconds, phase, 1e-9);  // the energy covers the windows that decided
}

// Exact energies per node, and the kernel's totals and per-watt figure from them.
void expect_config_energies(const KernelRecord& k, int nodes) {
  const PowerRecord& p = *k.power;
  const std::size_t reps = k.result.rep_seconds.size();
  double total_watts = 0;
  for (int n = 0; n < nodes; ++n) total_watts += kConfigWatts[n];
  double joules = 0;
  for (int n = 0; n < nodes; ++n) {
    const NodePhase& node = p.nodes[std::size_t(n)];
    EXPECT_EQ(node.reads_meter, n != 3) << "node " << n;
    if (n == 3) {
      EXPECT_EQ(p.meters.at(std::size_t(node.meter)).name, "plug");
      EXPECT_EQ(node.stats.joules, 0);  // its energy is in node 2's plug
      continue;
    }
    const double seconds = node.stats.seconds;
    EXPECT_EQ(node.windows.size(), reps) << "node " << n;
    EXPECT_GE(seconds, 0.2 * double(reps)) << "node " << n;  // each window holds a whole nap
    // Exact up to the rounding of monotonic times (about 1e-9 s each on a long-running host).
    EXPECT_NEAR(node.stats.joules, kConfigWatts[n] * seconds, 1e-5) << "node " << n;
    EXPECT_GE(node.stats.samples, int(seconds / 0.05 / 2)) << "node " << n;  // half what 20 Hz gives
    joules += node.stats.joules;
  }
  EXPECT_NEAR(figure(p, "joules_estimate"), joules, 1e-9);
  EXPECT_NEAR(figure(p, "watts_estimate"), total_watts, 1e-9);
  // Per watt is the rate over the whole phase (5 naps/s in the best repetition, scaled by
  // best / mean repetition time) over the mean power.
  EXPECT_NEAR(figure(p, "naps_per_watt_estimate"), phase_rate(5, k.result.rep_seconds) / total_watts, 1e-12);
  EXPECT_LE(phase_rate(5, k.result.rep_seconds), 5.0);
  EXPECT_FALSE(p.green500_valid);  // half a second is not a minute
  ASSERT_EQ(p.totals.size(), 1u);
  EXPECT_EQ(p.totals[0].nodes_covered, nodes);
  ASSERT_EQ(p.series.size(), std::size_t(nodes));
  EXPECT_GE(p.series[0].size(), 7u * 10);  // idle + phase at 20 Hz, 7 columns
  const auto headline = headline_power(k);
  ASSERT_TRUE(headline.has_value());
  EXPECT_EQ(headline->scope, "estimate");
  EXPECT_EQ(headline->per_watt_unit, "naps/s/W");
}

TEST_F(PowerSuite, PerNodeConfigGroupsIdleAndMinPhaseLandInTheFile) {
  write_power_config(dir_ / "power.toml");
  SuiteOptions options;
  options.out = (dir_ / "r.h5").string();
  options.progress = "off";
  options.ranks_per_node = 1;
  options.power.config_file = (dir_ / "power.toml").string();
  options.power.idle_seconds = 0.3;
  options.power.settle_seconds = 0;
  options.power.min_phase_seconds = 0.5;
  options.power.interval = 0.05;
  SleepKernel kernel;
  ASSERT_EQ(run_suite(MPI_COMM_WORLD, options, {&kernel}, {"test"}), 0);
  if (rank() != 0) return;

  const ResultFile file = read_result_file(options.out);
  ASSERT_EQ(file.runs.size(), 1u);
  const RunRecord& run = file.runs[0];
  ASSERT_NO_FATAL_FAILURE(expect_config_meters(run, size()));
  ASSERT_EQ(run.kernels.size(), 1u);
  ASSERT_NO_FATAL_FAILURE(expect_min_phase(run.kernels[0], size()));
  expect_config_energies(run.kernels[0], size());
}

TEST_F(PowerSuite, PerWattUsesTheKernelsWorkOverEveryWindow) {
  SuiteOptions options;
  options.out = (dir_ / "work.h5").string();
  options.progress = "off";
  options.power.spec = "fixed:4";
  options.power.idle_seconds = 0;
  options.power.interval = 0.05;
  SleepKernel kernel;
  kernel.work = KernelResult::PhaseWork{"naps_all", "naps/s", 3};
  ASSERT_EQ(run_suite(MPI_COMM_WORLD, options, {&kernel}, {"test"}), 0);
  if (rank() != 0) return;
  const KernelRecord k = read_result_file(options.out).runs.at(0).kernels.at(0);
  const auto h = headline_power(k);  // one host, one node, one declared 4 W
  ASSERT_TRUE(h.has_value());
  EXPECT_DOUBLE_EQ(h->watts, 4);
  EXPECT_NEAR(h->per_watt, 3.0 / 4, 1e-12);  // the work rate, not the figure of merit (5)
  EXPECT_EQ(h->per_watt_unit, "naps/s/W");
  EXPECT_TRUE(std::isnan(figure(*k.power, "naps_per_watt_estimate")));
}

TEST_F(PowerSuite, ANamedSourceThatCannotBeReadStopsEveryRankBeforeAnyKernel) {
  SuiteOptions options;
  options.out = (dir_ / "never.h5").string();
  options.progress = "off";
  options.power.spec = "rapl";
  options.power.root = (dir_ / "no-sysfs").string();
  SleepKernel kernel;
  try {
    run_suite(MPI_COMM_WORLD, options, {&kernel}, {"test"});
    FAIL() << "no error";
  } catch (const AgreedError& e) {
    EXPECT_NE(std::string(e.what()).find("power source on node"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("RAPL"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(options.out));
}

TEST_F(PowerSuite, AMeterLogIsIntegratedOverTheWindowsInUnixTime) {
  // An external meter's log: a ramp of 0.1 W/s, every 0.25 s from 20 s ago to 60 s ahead.
  // The trapezoid rule is exact for a ramp, so the energy is known in closed form.
  const double now = double(std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::system_clock::now().time_since_epoch()).count()) / 1e6;
  const double t_begin = std::floor(now) - 20;
  auto watts = [&](double t) { return 10 + 0.1 * (t - t_begin); };
  if (rank() == 0) {
    std::ofstream log(dir_ / "meter.csv");
    log << "unix_time_s,watts\n";
    char line[64];
    for (double t = t_begin; t < now + 60; t += 0.25) {
      std::snprintf(line, sizeof line, "%.2f,%.3f\n", t, watts(t));
      log << line;
    }
  }
  MPI_Barrier(MPI_COMM_WORLD);
  SuiteOptions options;
  options.out = (dir_ / "log.h5").string();
  options.progress = "off";
  options.power.spec = "meter-log:" + (dir_ / "meter.csv").string();
  options.power.idle_seconds = 0;
  SleepKernel kernel;
  ASSERT_EQ(run_suite(MPI_COMM_WORLD, options, {&kernel}, {"test"}), 0);
  if (rank() != 0) return;
  const RunRecord run = read_result_file(options.out).runs.at(0);
  const double start_unix = run.power.value().series_start_unix.at(0);
  const NodePhase& node = run.kernels.at(0).power.value().nodes.at(0);
  EXPECT_EQ(node.error, "");
  std::vector<hsize_t> dims;
  h5::Handle file = h5::open_file(options.out, false);
  const std::vector<double> w =
      h5::read_dataset(h5::open_group(h5::open_group(h5::open_group(h5::open_group(h5::open_group(file, "runs"),
                                                                                      "run-0000"), "kernels"),
                                                     "000-sleep"), "power/node-000"), "windows", &dims);
  ASSERT_EQ(dims.at(0), 1u);
  const double a = start_unix + w[0], b = start_unix + w[1];
  const double expected = (b - a) * 0.5 * (watts(a) + watts(b));
  // Unix times near 1.8e9 s resolve to about 0.24 us as doubles: a few ulps of edge time
  // at ~12 W is ~1e-5 J.
  EXPECT_NEAR(node.stats.joules, expected, 1e-4);
  EXPECT_NEAR(node.stats.covered, node.stats.seconds, 1e-9);  // the log spans the phase
  EXPECT_NEAR(figure(*run.kernels[0].power, "watts_wall"), watts(0.5 * (a + b)), 1e-3);
  EXPECT_FALSE(std::isnan(figure(*run.kernels[0].power, "naps_per_watt_wall")));
}

TEST_F(PowerSuite, AutoWithNothingFoundRunsOnWithHealthOnly) {
  SuiteOptions options;
  options.out = (dir_ / "auto.h5").string();
  options.progress = "off";
  options.power.root = (dir_ / "empty").string();  // no RAPL, no sensors
  SleepKernel kernel;
  ASSERT_EQ(run_suite(MPI_COMM_WORLD, options, {&kernel}, {"test"}), 0);
  if (rank() != 0) return;
  const ResultFile file = read_result_file(options.out);
  const RunRecord& run = file.runs[0];
  EXPECT_NE(run.power.value().notice.find("no power source found"), std::string::npos);
  const KernelRecord& k = run.kernels[0];
  EXPECT_FALSE(headline_power(k).has_value());
  EXPECT_EQ(k.result.rep_seconds.size(), 1u);
}

}  // namespace
}  // namespace bramble
