// From samples to per-phase energy, without hardware or real time: window statistics on
// made-up samples (exact joules), the sampler driven by a fake clock over a fake RAPL tree
// that wraps and then vanishes, telemetry from a fake sysfs, the per-node config file, and
// the per-scope totals, per-watt figures and Green500 flags.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/errors.hpp"
#include "power/sources/command_sources.hpp"
#include "power/sources/fixed_source.hpp"
#include "power/sources/rapl_source.hpp"
#include "power/sampler.hpp"
#include "power/telemetry.hpp"
#include "power/window_stats.hpp"
#include "power/config.hpp"
#include "power/totals.hpp"
#include "results/report.hpp"

#include <sstream>

namespace bramble::power {
namespace {
namespace fs = std::filesystem;

Sample watts_at(double t, double w) {
  Sample s;
  s.t_mono = t;
  s.ok = true;
  s.watts = w;
  return s;
}

Sample joules_at(double t, double j) {
  Sample s;
  s.t_mono = t;
  s.ok = true;
  s.joules = j;
  return s;
}

TEST(WindowStats, TrapezoidOverARampIsExactWithInterpolatedEdges) {
  // P(t) = 10 + 2t sampled every second; over [0.5, 3.5] the energy is 10*3 + (3.5^2 - 0.5^2) = 42.
  std::vector<Sample> s;
  for (int t = 0; t <= 5; ++t) s.push_back(watts_at(t, 10 + 2.0 * t));
  const WindowStats st = window_stats(s, {{0.5, 3.5}}, false);
  EXPECT_DOUBLE_EQ(st.joules, 42.0);
  EXPECT_DOUBLE_EQ(st.seconds, 3.0);
  EXPECT_DOUBLE_EQ(st.covered, 3.0);
  EXPECT_DOUBLE_EQ(st.mean_watts, 14.0);
  EXPECT_DOUBLE_EQ(st.min_watts, 11.0);  // the interpolated edges count
  EXPECT_DOUBLE_EQ(st.max_watts, 17.0);
  EXPECT_EQ(st.samples, 3);  // t = 1, 2, 3
  EXPECT_DOUBLE_EQ(st.interval, 1.0);
}

TEST(WindowStats, MinAndMaxSeeSpikesBetweenTheEdges) {
  const std::vector<Sample> s{watts_at(0, 10), watts_at(1, 10), watts_at(2, 50), watts_at(3, 10), watts_at(4, 4),
                              watts_at(5, 10)};
  const WindowStats st = window_stats(s, {{0.5, 3.5}}, false);
  EXPECT_DOUBLE_EQ(st.max_watts, 50);
  EXPECT_DOUBLE_EQ(st.min_watts, 7);  // the edge at 3.5, halfway from 10 to 4
  EXPECT_DOUBLE_EQ(st.joules, 10 * 0.5 + 30 + 30 + 0.5 * (10 + 7) * 0.5);
}

TEST(WindowStats, AFrozenReadingIsTrackedAcrossShortWindows) {
  std::vector<Sample> s;
  for (int i = 0; i <= 100; ++i) s.push_back(joules_at(0.1 * i, 42));  // a counter that never moves
  std::vector<Window> windows;
  for (int w = 0; w < 10; ++w) windows.push_back({w * 1.0, w * 1.0 + 0.5});
  EXPECT_NEAR(window_stats(s, windows, true).longest_repeat, 9.5, 1e-9);
}

TEST(WindowStats, CounterIsDifferencedAtTheEdgesAndGivesPowerRange) {
  // 5 W for 2 s then 15 W: J(0)=0, J(1)=5, J(2)=10, J(3)=25, J(4)=40.
  const std::vector<Sample> s{joules_at(0, 0), joules_at(1, 5), joules_at(2, 10), joules_at(3, 25), joules_at(4, 40)};
  const WindowStats st = window_stats(s, {{1.5, 3.5}}, true);
  EXPECT_DOUBLE_EQ(st.joules, 32.5 - 7.5);
  EXPECT_DOUBLE_EQ(st.mean_watts, 12.5);
  EXPECT_DOUBLE_EQ(st.min_watts, 15.0);  // the only counter step inside: 2 -> 3
  EXPECT_DOUBLE_EQ(st.max_watts, 15.0);
}

TEST(WindowStats, SeveralWindowsAddAndGapsAreReportedNotGuessed) {
  std::vector<Sample> s;
  for (int t = 0; t <= 10; ++t) s.push_back(watts_at(t, 7));
  const WindowStats two = window_stats(s, {{1, 3}, {5, 6}}, false);
  EXPECT_DOUBLE_EQ(two.joules, 21.0);
  EXPECT_DOUBLE_EQ(two.seconds, 3.0);
  // A window running past the last sample: the uncovered part is not counted.
  const WindowStats past = window_stats(s, {{9, 12}}, false);
  EXPECT_DOUBLE_EQ(past.seconds, 3.0);
  EXPECT_DOUBLE_EQ(past.covered, 1.0);
  EXPECT_DOUBLE_EQ(past.joules, 7.0);
  EXPECT_DOUBLE_EQ(past.mean_watts, 7.0);
  // Failed readings are skipped for energy and counted.
  s[2].ok = false;
  s[2].watts = kUnknown;
  const WindowStats failed = window_stats(s, {{1, 3}}, false);
  EXPECT_DOUBLE_EQ(failed.joules, 14.0);
  EXPECT_EQ(failed.failed, 1);
  EXPECT_DOUBLE_EQ(failed.longest_repeat, 2.0);  // 7 W at t=1 and t=3: unchanged for 2 s
  // A reading that fails between two windows of the phase (while a repetition is verified)
  // failed during the phase: counted, wherever a busy machine put it.
  const WindowStats between = window_stats(s, {{0, 1.5}, {2.5, 4}}, false);
  EXPECT_EQ(between.failed, 1);
  EXPECT_EQ(window_stats(s, {{3, 6}}, false).failed, 0);  // before the phase: not this phase's
}

TEST(WindowStats, NoSamplesMeansNoEnergyAndUnknownPower) {
  const WindowStats st = window_stats({watts_at(0, 5)}, {{0, 1}}, false);
  EXPECT_EQ(st.joules, 0.0);
  EXPECT_EQ(st.covered, 0.0);
  EXPECT_TRUE(std::isnan(st.mean_watts));
}

TEST(WindowStats, HealthStartEndExtremesAndThrottleBits) {
  std::vector<Sample> s;
  const double temps[] = {40, 45, 70, 65, 50};
  const double clocks[] = {2400, 2400, 1500, 1800, 2400};
  const std::int64_t words[] = {0x50000, 0x50000, 0x50006, 0x50000, 0x50000};
  for (int i = 0; i < 5; ++i) {
    Sample x = watts_at(i, 5);
    x.temp_c = temps[i];
    x.clock_mhz = clocks[i];
    x.throttled = words[i];
    s.push_back(x);
  }
  const WindowStats st = window_stats(s, {{0.5, 3.5}}, false);
  EXPECT_EQ(st.temp_start, 40);  // the last sample at or before the start
  EXPECT_EQ(st.temp_end, 65);
  EXPECT_EQ(st.temp_max, 70);
  EXPECT_EQ(st.clock_min, 1500);
  EXPECT_EQ(st.throttled & kThrottleNowMask, kFrequencyCapped | kThrottled);
  EXPECT_EQ(throttle_text(st.throttled & kThrottleNowMask), "frequency capped, throttled");
  const WindowStats calm = window_stats(s, {{3.5, 4.5}}, false);
  EXPECT_EQ(calm.throttled & kThrottleNowMask, 0);  // only the "has occurred" bits
}

class FakeTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("bramble-phase-" + std::to_string(::getpid()));
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& rel, const std::string& text) {
    const fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text << "\n";
  }
  fs::path root_;
};

TEST_F(FakeTree, TelemetryReadsHottestZoneMeanClockAndThrottleWord) {
  write("sys/class/thermal/thermal_zone0/temp", "41500");
  write("sys/class/thermal/thermal_zone1/temp", "63250");
  write("sys/class/hwmon/hwmon0/name", "nvme");  // not a CPU sensor: ignored
  write("sys/class/hwmon/hwmon0/temp1_input", "99000");
  write("sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", "1500000");
  write("sys/devices/system/cpu/cpu1/cpufreq/scaling_cur_freq", "2400000");
  write("sys/devices/platform/soc/soc:firmware/get_throttled", "50005");
  const Health h = TelemetryReader(root_.string()).read();
  EXPECT_DOUBLE_EQ(h.temp_c, 63.25);
  EXPECT_DOUBLE_EQ(h.clock_mhz, 1950);
  EXPECT_EQ(h.throttled, 0x50005);
  EXPECT_EQ(throttle_text(h.throttled & kThrottleNowMask), "under-voltage, throttled");
}

TEST_F(FakeTree, TelemetryOnAVmFallsBackToCpuinfoAndUnknowns) {
  write("proc/cpuinfo", "processor\t: 0\ncpu MHz\t\t: 2000.5\nprocessor\t: 1\ncpu MHz\t\t: 3000.5");
  const TelemetryReader reader(root_.string());
  const Health h = reader.read();
  EXPECT_TRUE(std::isnan(h.temp_c));
  EXPECT_DOUBLE_EQ(h.clock_mhz, 2500.5);
  EXPECT_EQ(h.throttled, -1);
  EXPECT_NE(reader.describe().find("temperature: none"), std::string::npos);
}

TEST_F(FakeTree, SamplerWithAFakeClockIntegratesAWrappingCounterExactly) {
  // One package with a 10 J range (in µJ); 6 J per 1 s step wraps three times in five steps.
  const std::string zone = "sys/class/powercap/intel-rapl:0/";
  write(zone + "name", "package-0");
  write(zone + "max_energy_range_uj", "10000000");
  write(zone + "energy_uj", "7000000");
  double t = 100;
  Sampler sampler(std::make_unique<RaplSource>(root_.string()), TelemetryReader(root_.string()), 1.0,
                  [&] { return Instant{t, 1.7e9 + t}; });
  std::uint64_t raw = 7000000;
  for (int i = 0; i < 6; ++i) {
    sampler.sample_once();
    t += 1;
    raw = (raw + 6000000) % 10000000;
    write(zone + "energy_uj", std::to_string(raw));
  }
  EXPECT_EQ(sampler.wraps(), 3);
  const WindowStats st = window_stats(sampler.samples(), {{100.5, 104.5}}, true);
  EXPECT_NEAR(st.joules, 24.0, 1e-9);  // 6 W x 4 s across three wraps
  EXPECT_NEAR(st.mean_watts, 6.0, 1e-9);
  EXPECT_EQ(sampler.errors(), 0);

  // The zone disappears mid-run: failed samples, an error that says so, no exception.
  fs::remove_all(root_ / zone);
  sampler.sample_once();
  EXPECT_EQ(sampler.errors(), 1);
  EXPECT_NE(sampler.first_error().find("vanished mid-run"), std::string::npos) << sampler.first_error();
  EXPECT_FALSE(sampler.samples().back().ok);
}

// A parser meeting output it never saw may throw anything; the rank must live on.
class ThrowingSource : public PowerSource {
 public:
  std::string kind() const override { return "throwing"; }
  std::string describe() const override { return "throws"; }
  Scope scope() const override { return Scope::wall; }
  Reading read() override {
    if (++calls_ == 2) throw std::invalid_argument("stod");
    return Reading{false, 0, 3};
  }

 private:
  int calls_ = 0;
};

TEST(Sampler, AnyExceptionFromASourceIsAFailedReading) {
  double t = 0;
  Sampler sampler(std::make_unique<ThrowingSource>(), TelemetryReader("/nonexistent"), 1, [&] { return Instant{t++, t}; });
  for (int i = 0; i < 3; ++i) sampler.sample_once();
  const auto s = sampler.samples();
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(s[0].ok);
  EXPECT_FALSE(s[1].ok);
  EXPECT_TRUE(s[2].ok);
  EXPECT_EQ(sampler.errors(), 1);
  EXPECT_NE(sampler.first_error().find("stod (the source vanished mid-run, after 1 good readings)"), std::string::npos)
      << sampler.first_error();
}

TEST(Sampler, ThreadSamplesAtTheIntervalAndStops) {
  Sampler sampler(std::make_unique<FixedSource>(5), TelemetryReader("/nonexistent"), 0.01);
  const auto t0 = std::chrono::steady_clock::now();
  sampler.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  sampler.stop();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto n = sampler.samples().size();
  // ~20 expected; a busy machine may starve the thread or oversleep the 200 ms, so the bounds
  // are what any load allows: more than one sample, and never ahead of the schedule (one at
  // the start, then at most one per interval of the time it ran: no burst).
  EXPECT_GE(n, 3u);
  EXPECT_LE(double(n), seconds / 0.01 + 1) << "in " << seconds << " s";
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  EXPECT_EQ(sampler.samples().size(), n);  // stopped means stopped
}

}  // namespace
}  // namespace bramble::power

namespace bramble {
namespace {

PowerRecord two_nodes(double w0, double w1, const std::string& scope1, double seconds, int samples) {
  PowerRecord rec;
  for (int n = 0; n < 2; ++n) {
    MeterInfo m;
    m.name = "node" + std::to_string(n);
    m.nodes = {n};
    m.reader_node = n;
    m.scope = n == 0 ? "wall" : scope1;
    m.idle_watts = n == 0 ? 2.0 : 3.0;
    rec.meters.push_back(m);
    NodePhase p;
    p.meter = n;
    p.reads_meter = true;
    p.stats.seconds = p.stats.covered = seconds;
    p.stats.mean_watts = n == 0 ? w0 : w1;
    p.stats.joules = p.stats.mean_watts * seconds;
    p.stats.samples = samples;
    p.stats.interval = seconds / (samples - 1);
    rec.nodes.push_back(p);
  }
  return rec;
}

double figure(const PowerRecord& r, const std::string& name) {
  for (const auto& [n, v] : r.figures)
    if (n == name) return v;
  return -1;
}

TEST(PowerTotals, OneScopeGivesPerWattWithAndWithoutIdle) {
  PowerRecord rec = two_nodes(6, 9, "wall", 100, 1001);
  summarise_power(rec, 2, {"a", "b"}, "gflops", 30);
  ASSERT_EQ(rec.totals.size(), 1u);
  EXPECT_DOUBLE_EQ(rec.totals[0].joules, 1500);
  EXPECT_DOUBLE_EQ(figure(rec, "watts_wall"), 15);
  EXPECT_DOUBLE_EQ(figure(rec, "gflops_per_watt_wall"), 2.0);
  EXPECT_DOUBLE_EQ(figure(rec, "idle_watts_wall"), 5);
  EXPECT_DOUBLE_EQ(figure(rec, "gflops_per_watt_above_idle_wall"), 3.0);
  EXPECT_TRUE(rec.green500_valid) << rec.green500_reason;
  EXPECT_FALSE(rec.throttled);
}

TEST(PowerTotals, PhaseRateIsTheBestFigureScaledToTheMeanRepetition) {
  EXPECT_DOUBLE_EQ(phase_rate(60, {1.0, 2.0, 3.0}), 30.0);  // 60/s at best = 60 units each, 180 in 6 s
  EXPECT_DOUBLE_EQ(phase_rate(60, {}), 60.0);
}

TEST(PowerTotals, Green500WantsWallPowerOnEveryNode) {
  PowerRecord estimate = two_nodes(6, 9, "wall", 100, 1001);
  for (auto& m : estimate.meters) m.scope = "estimate";
  summarise_power(estimate, 2, {"a", "b"}, "gflops", 30);
  EXPECT_FALSE(estimate.green500_valid);
  EXPECT_NE(estimate.green500_reason.find("not wall power"), std::string::npos) << estimate.green500_reason;
  PowerRecord partial = two_nodes(6, 9, "wall", 100, 1001);
  summarise_power(partial, 3, {"a", "b", "c"}, "gflops", 30);  // a third node has no meter
  EXPECT_FALSE(partial.green500_valid);
}

// Only measured wall power counts for Green500: a model's wall figure (pi5-pmic:wall) and a
// sensor the user calls wall (hwmon:NAME:wall) do not, however well they are sampled, and the
// reason says which and why.
TEST(PowerTotals, Green500WantsMeasuredWallNotAModelOrALabel) {
  PowerRecord model = two_nodes(6, 9, "wall", 100, 1001);  // otherwise valid: 100 s, 10 samples/s
  for (auto& m : model.meters) m.scope = power::scope_name(power::Pi5PmicSource("vcgencmd pmic_read_adc", true).scope());
  summarise_power(model, 2, {"a", "b"}, "gflops", 30);
  EXPECT_FALSE(model.green500_valid);
  EXPECT_NE(model.green500_reason.find("wall-model: board power through a fitted model"), std::string::npos)
      << model.green500_reason;
  EXPECT_DOUBLE_EQ(figure(model, "gflops_per_watt_wall_model"), 2.0);  // per watt still given, in its own scope
  EXPECT_EQ(figure(model, "gflops_per_watt_wall"), -1);

  PowerRecord label = two_nodes(6, 9, "wall", 100, 1001);
  for (auto& m : label.meters) m.scope = "wall-declared";
  summarise_power(label, 2, {"a", "b"}, "gflops", 30);
  EXPECT_FALSE(label.green500_valid);
  EXPECT_NE(label.green500_reason.find("wall-declared: a sensor labelled wall by the user"), std::string::npos)
      << label.green500_reason;

  // Every rule missed is named, not only the first.
  PowerRecord both = two_nodes(6, 9, "wall", 30, 301);
  for (auto& m : both.meters) m.scope = "wall-model";
  summarise_power(both, 2, {"a", "b"}, "gflops", 30);
  EXPECT_NE(both.green500_reason.find("< 60 s"), std::string::npos) << both.green500_reason;
  EXPECT_NE(both.green500_reason.find("fitted model"), std::string::npos) << both.green500_reason;
}

// --power-extra: declared shared gear joins the total that covers every node (watts, joules,
// idle, per watt) and says how much it is; the scope and the Green500 flag stay the meters'.
TEST(PowerTotals, PowerExtraJoinsTheClusterTotalButNotItsScope) {
  PowerRecord rec = two_nodes(6, 9, "wall", 100, 1001);  // 15 W measured, idle 5 W
  summarise_power(rec, 2, {"a", "b"}, "gflops", 30, 5.0);
  ASSERT_EQ(rec.totals.size(), 1u);
  EXPECT_EQ(rec.totals[0].scope, "wall");
  EXPECT_DOUBLE_EQ(rec.totals[0].extra_watts, 5);
  EXPECT_DOUBLE_EQ(figure(rec, "watts_wall"), 20);
  EXPECT_DOUBLE_EQ(figure(rec, "joules_wall"), 1500 + 5 * 100);
  EXPECT_DOUBLE_EQ(figure(rec, "extra_watts_wall"), 5);
  EXPECT_DOUBLE_EQ(figure(rec, "gflops_per_watt_wall"), 30.0 / 20);    // was 2.0 without it
  EXPECT_DOUBLE_EQ(figure(rec, "idle_watts_wall"), 10);                // the switch idles too
  EXPECT_DOUBLE_EQ(figure(rec, "gflops_per_watt_above_idle_wall"), 3.0);  // so above idle is unchanged
  EXPECT_TRUE(rec.green500_valid) << rec.green500_reason;
  // A board total plus shared gear is still board: an extra never makes a scope wall.
  PowerRecord board = two_nodes(6, 9, "board", 100, 1001);
  for (auto& m : board.meters) m.scope = "board";
  summarise_power(board, 2, {"a", "b"}, "gflops", 30, 5.0);
  ASSERT_EQ(board.totals.size(), 1u);
  EXPECT_EQ(board.totals[0].scope, "board");
  EXPECT_DOUBLE_EQ(figure(board, "gflops_per_watt_board"), 1.5);
  EXPECT_FALSE(board.green500_valid);
  // No scope covers every node: nothing to add it to, and the notes say so.
  PowerRecord split = two_nodes(6, 9, "board", 100, 1001);
  summarise_power(split, 2, {"a", "b"}, "gflops", 30, 5.0);
  EXPECT_EQ(figure(split, "extra_watts_wall"), -1);
  EXPECT_NE(split.notes.find("--power-extra 5.0 W not counted"), std::string::npos) << split.notes;
}

// The checked text of --power-extra W[:NAME].
TEST(PowerExtra, ParsesWattsAndNamesAndRefusesTheRest) {
  const PowerExtra sw = parse_power_extra("12.5:switch");
  EXPECT_EQ(sw.name, "switch");
  EXPECT_DOUBLE_EQ(sw.watts, 12.5);
  EXPECT_EQ(parse_power_extra("3").name, "shared gear");
  EXPECT_DOUBLE_EQ(total_extra_watts({sw, parse_power_extra("3")}), 15.5);
  for (const char* bad : {"-5", "0", "nan", "inf", "1e999", "2e6", "", "watts", "12:", ":switch", "5:a\x1b[2Jb"})
    EXPECT_NE(check_power_extra(bad), "") << bad;
  EXPECT_NE(check_power_extra("-5").find("above 0"), std::string::npos) << check_power_extra("-5");
  EXPECT_THROW(parse_power_extra("nan:switch"), InputError);
}

TEST(PowerTotals, ScopesAreNeverMixedAndPartialCoverageGivesNoPerWatt) {
  PowerRecord rec = two_nodes(6, 9, "cpu-package", 100, 1001);
  summarise_power(rec, 2, {"a", "b"}, "gflops", 30);
  ASSERT_EQ(rec.totals.size(), 2u);
  EXPECT_DOUBLE_EQ(figure(rec, "joules_wall"), 600);
  EXPECT_DOUBLE_EQ(figure(rec, "joules_cpu_package"), 900);
  EXPECT_EQ(figure(rec, "gflops_per_watt_wall"), -1);
  EXPECT_NE(rec.notes.find("wall meters cover 1 of 2 nodes"), std::string::npos) << rec.notes;
}

TEST(PowerTotals, Green500NeedsAMinuteTenSamplesAndOnePerSecond) {
  PowerRecord shortp = two_nodes(6, 9, "wall", 30, 301);
  summarise_power(shortp, 2, {"a", "b"}, "gflops", 30);
  EXPECT_FALSE(shortp.green500_valid);
  EXPECT_NE(shortp.green500_reason.find("< 60 s"), std::string::npos);
  PowerRecord sparse = two_nodes(6, 9, "wall", 100, 20);  // one sample every 5 s
  summarise_power(sparse, 2, {"a", "b"}, "gflops", 30);
  EXPECT_FALSE(sparse.green500_valid);
  // A counter standing still for 10 s is stale; a whole-watt meter repeating for 10 s is not.
  PowerRecord still = two_nodes(6, 9, "wall", 100, 1001);
  still.nodes[0].stats.longest_repeat = still.nodes[1].stats.longest_repeat = 10;
  still.nodes[0].stats.cumulative = true;
  summarise_power(still, 2, {"a", "b"}, "gflops", 30);
  EXPECT_NE(still.notes.find("node0: reading unchanged for 10.0 s (stale source?)"), std::string::npos) << still.notes;
  EXPECT_EQ(still.notes.find("node1"), std::string::npos) << still.notes;
  PowerRecord throttled = two_nodes(6, 9, "wall", 100, 1001);
  throttled.nodes[1].stats.throttled = 0x50004;
  summarise_power(throttled, 2, {"pi01", "pi02"}, "gflops", 30);
  EXPECT_TRUE(throttled.throttled);
  EXPECT_NE(throttled.notes.find("pi02 throttled"), std::string::npos) << throttled.notes;
}

// A passed HPL result at 30 Gflop/s, one 1 s repetition: what the summary tests print.
KernelResult passed_hpl() {
  KernelResult r;
  r.kernel = "hpl";
  r.problem = "N=100";
  r.figure_name = "gflops";
  r.unit = "Gflop/s";
  r.figure_of_merit = 30;
  r.rep_seconds = {1.0};
  r.passed = true;
  return r;
}

TEST(PowerSummary, TableShowsWattsPerWattAStarAndThrottling) {
  KernelResult r = passed_hpl();
  PowerRecord rec = two_nodes(6, 9, "wall", 30, 301);
  rec.nodes[1].stats.throttled = 0x50002;
  summarise_power(rec, 2, {"pi01", "pi02"}, r.figure_name, r.figure_of_merit);
  KernelResult plain = r;
  plain.kernel = "stream";
  RunRecord run;
  run.kernels = {{"000-hpl", "", r, rec}, {"001-stream", "", plain, std::nullopt}};
  run.context.trust_warnings = {"a Debug build"};
  std::ostringstream out;
  print_summary(out, run);
  const std::string text = out.str();
  EXPECT_NE(text.find("power"), std::string::npos) << text;
  EXPECT_NE(text.find("15.0 W wall"), std::string::npos) << text;
  EXPECT_NE(text.find("2 Gflop/s/W*"), std::string::npos) << text;  // 30 s phase: starred
  EXPECT_NE(text.find("! hpl N=100: pi02 frequency capped"), std::string::npos) << text;
  EXPECT_NE(text.find("* not a Green500-valid measurement"), std::string::npos) << text;
  EXPECT_NE(text.find("warning: a Debug build"), std::string::npos) << text;  // trust warnings under the table
  EXPECT_EQ(text.find("fitted model"), std::string::npos) << text;  // measured wall: nothing to explain
  std::ostringstream without;
  run.kernels.erase(run.kernels.begin());
  print_summary(without, run);
  EXPECT_EQ(without.str().find("per watt"), std::string::npos) << without.str();  // no power, no columns
}

// The summary after a run: a model's wall figure is starred and explained, and declared
// shared gear is named under the table.
TEST(PowerSummary, AModelsWallFigureAndDeclaredExtrasAreShownForWhatTheyAre) {
  KernelResult r = passed_hpl();
  PowerRecord rec = two_nodes(6, 9, "wall", 100, 1001);
  for (auto& m : rec.meters) m.scope = power::scope_name(power::Pi5PmicSource("vcgencmd pmic_read_adc", true).scope());
  summarise_power(rec, 2, {"pi01", "pi02"}, r.figure_name, r.figure_of_merit, 5.0);
  RunRecord run;
  run.power.emplace();
  run.power->extras = {{"switch", 4.0}, {"fans", 1.0}};
  run.kernels = {{"000-hpl", "", r, rec}};
  std::ostringstream out;
  print_summary(out, run);
  const std::string text = out.str();
  EXPECT_NE(text.find("20.0 W wall-model"), std::string::npos) << text;
  EXPECT_NE(text.find("1.5 Gflop/s/W*"), std::string::npos) << text;
  EXPECT_NE(text.find("* wall-model: board power through a fitted model, not measured at the wall"), std::string::npos)
      << text;
  EXPECT_NE(text.find("power includes switch 4 W, fans 1 W declared with --power-extra"), std::string::npos) << text;
}

}  // namespace
}  // namespace bramble
