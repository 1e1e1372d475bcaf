// `bramble compare`'s arithmetic against hand-computed values, on hand-made runs: matching,
// ratios and their geometric mean, per node/core/watt/dollar, the year at a duty cycle, and
// every warning that keeps a figure from being compared silently.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "comparison/compare_report.hpp"
#include "comparison/comparison.hpp"
#include "comparison/compare_text.hpp"
#include "context/node_info.hpp"
#include "core/errors.hpp"
#include "power/sources/command_sources.hpp"
#include "power/totals.hpp"

namespace bramble {
namespace {

// Three equal repetitions by default, so that a run of these is valid for comparison.
KernelRecord kernel(const std::string& name, double figure, std::vector<NamedValue> params,
                    std::vector<double> reps = {1.0, 1.0, 1.0}) {
  KernelRecord k;
  k.result.kernel = name;
  k.result.figure_name = name == "hpl" ? "gflops" : "mlups";
  k.result.unit = name == "hpl" ? "Gflop/s" : "MLUP/s";
  k.result.problem = name + " case";
  k.result.figure_of_merit = figure;
  k.result.parameters = std::move(params);
  k.result.rep_seconds = std::move(reps);
  k.result.passed = true;
  return k;
}

// Power as the suite records it: watts and per-watt figures of one scope covering every node.
void add_power(KernelRecord& k, const std::string& scope, double watts, double idle, double per_watt) {
  PowerRecord p;
  const std::string key = scope == "cpu-package" ? "cpu_package" : scope;
  p.figures = {{"watts_" + key, watts}, {"joules_" + key, watts * 1.0}, {k.result.figure_name + "_per_watt_" + key, per_watt}};
  if (!std::isnan(idle)) p.figures.push_back({"idle_watts_" + key, idle});
  p.green500_valid = false;
  k.power = p;
}

SelectedRun run(const std::string& name, int nodes, int cores_per_node, std::vector<KernelRecord> kernels) {
  SelectedRun s;
  s.file = name + ".h5";
  s.name = name;
  s.run.group = "run-0000";
  s.run.context.label = name;
  s.run.context.node_count = nodes;
  for (int i = 0; i < nodes; ++i) {
    NodeInfo n;
    n.hostname = name + std::to_string(i);
    n.cores = cores_per_node;
    s.run.context.nodes.push_back(n);
  }
  s.run.kernels = std::move(kernels);
  return s;
}

TEST(YearlyModel, HandComputed) {
  // 10 % of 8760 h at 100 W load and 10 W idle: 0.1*100 + 0.9*10 = 19 W; 8.76*19 = 166.44 kWh;
  // at 0.30 per kWh 49.932; 50 Gflop/s for 876 h = 50*876*3600 = 157,680,000 Gflop / 166.44 kWh.
  const YearlyModel y = yearly_model(0.1, 0.30, 100, 10, 50);
  EXPECT_DOUBLE_EQ(y.average_watts, 19.0);
  EXPECT_NEAR(y.kwh_per_year, 166.44, 1e-9);
  EXPECT_NEAR(y.cost_per_year, 49.932, 1e-9);
  EXPECT_NEAR(y.work_per_kwh, 157680000.0 / 166.44, 1e-3);
  EXPECT_TRUE(y.missing.empty());
}

TEST(YearlyModel, SaysWhatIsMissingInsteadOfGuessing) {
  const YearlyModel y = yearly_model(0.1, 0.30, 100, std::nan(""), 50);
  EXPECT_NE(y.missing.find("no idle power measured"), std::string::npos);
  EXPECT_TRUE(std::isnan(y.kwh_per_year));
  EXPECT_NE(yearly_model(0.1, 0.3, std::nan(""), 5, 50).missing.find("no load power"), std::string::npos);
  // Busy all year: idle does not enter.
  EXPECT_DOUBLE_EQ(yearly_model(1.0, 0.3, 100, std::nan(""), 50).average_watts, 100.0);
  // No price per kWh: energy but no cost.
  EXPECT_TRUE(std::isnan(yearly_model(0.5, std::nan(""), 10, 2, 1).cost_per_year));
  EXPECT_EQ(work_unit("Gflop/s"), "Gflop");
  EXPECT_EQ(work_unit("MLUP/s"), "MLUP");
}

TEST(Spread, RelativeSampleStandardDeviation) {
  // mean 2, deviations -1, 0, 1: sample sd 1 = 50 %.
  EXPECT_NEAR(spread_percent({1, 2, 3}), 50.0, 1e-12);
  EXPECT_TRUE(std::isnan(spread_percent({1.0})));
  CaseFigures f;
  f.spread_percent = 3.1;
  EXPECT_TRUE(f.spread_flag());
  f.spread_percent = 2.9;
  EXPECT_FALSE(f.spread_flag());
}

TEST(CaseHash, LeavesOutGridRepsAndOutputs) {
  const auto a = kernel("hpl", 1, {{"n", std::int64_t{1000}}, {"p", std::int64_t{1}}, {"reps", std::int64_t{3}}});
  const auto b = kernel("hpl", 1, {{"reps", std::int64_t{1}}, {"p", std::int64_t{2}}, {"n", std::int64_t{1000}}});
  const auto c = kernel("hpl", 1, {{"n", std::int64_t{2000}}});
  EXPECT_EQ(case_hash(a.result), case_hash(b.result));
  EXPECT_NE(case_hash(a.result), case_hash(c.result));
  EXPECT_EQ(case_hash(a.result).size(), 16u);
  // The cache a machine has is not the problem: the same STREAM N on two machines matches.
  const auto s1 = kernel("stream", 1, {{"n_per_rank", std::int64_t{1000}}, {"llc_bytes", std::int64_t{1 << 20}},
                                       {"llc_node_bytes_per_rank", std::int64_t{1 << 18}}, {"llc_source", std::string("sysfs")}});
  const auto s2 = kernel("stream", 1, {{"n_per_rank", std::int64_t{1000}}, {"llc_bytes", std::int64_t{32 << 20}},
                                       {"llc_node_bytes_per_rank", std::int64_t{1 << 22}}, {"llc_source", std::string("sysconf")}});
  EXPECT_EQ(case_hash(s1.result), case_hash(s2.result));
}

TEST(MatchCases, SameProblemFirstThenByKindAndMissingStaysMissing) {
  const auto h1 = kernel("hpl", 10, {{"n", std::int64_t{1000}}});
  const auto h2 = kernel("hpl", 20, {{"n", std::int64_t{4000}}});
  const auto s1 = kernel("stencil", 5, {{"nx", std::int64_t{64}}});
  const auto s2 = kernel("stencil", 6, {{"nx", std::int64_t{64}}});
  const std::vector<std::vector<const KernelResult*>> records{{&h1.result, &s1.result}, {&s2.result, &h2.result}, {}};
  const auto rows = match_cases(records);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].kernel, "hpl");  // the first run's order
  EXPECT_EQ(rows[0].index, (std::vector<int>{0, 1, -1}));
  EXPECT_FALSE(rows[0].same_parameters);
  ASSERT_EQ(rows[0].differences.size(), 1u);
  EXPECT_EQ(rows[0].differences[0], "n: 1000 | 4000 | -");
  EXPECT_EQ(rows[1].kernel, "stencil");
  EXPECT_EQ(rows[1].index, (std::vector<int>{1, 0, -1}));
  EXPECT_TRUE(rows[1].same_parameters);
}

TEST(Compare, RatiosPerNodeCoreWattDollarAndGeometricMean) {
  auto base_hpl = kernel("hpl", 100, {{"n", std::int64_t{1000}}});
  add_power(base_hpl, "wall", 200, 50, 0.5);
  auto base_st = kernel("stencil", 1000, {{"nx", std::int64_t{64}}});
  auto pi_hpl = kernel("hpl", 40, {{"n", std::int64_t{1000}}});
  add_power(pi_hpl, "wall", 40, 10, 1.0);
  auto pi_st = kernel("stencil", 250, {{"nx", std::int64_t{64}}});
  std::vector<SelectedRun> runs{run("epyc", 1, 32, {base_hpl, base_st}), run("pis", 4, 4, {pi_hpl, pi_st})};
  runs[0].run.context.price_usd = 4000;  // as --price-usd recorded it
  CompareOptions o;
  o.prices = {{"pis", 400}};
  o.duty = 0.1;
  o.price_kwh = 0.3;
  const Comparison c = compare_runs(runs, o);
  ASSERT_EQ(c.rows.size(), 2u);
  const CompareCell& pi = c.rows[0].cells[1];
  EXPECT_DOUBLE_EQ(pi.ratio, 0.4);
  EXPECT_DOUBLE_EQ(pi.figures.per_node, 10.0);  // 40 / 4 nodes
  EXPECT_DOUBLE_EQ(pi.figures.per_core, 2.5);   // 40 / 16 cores (no physical cores recorded: the logical CPUs)
  EXPECT_DOUBLE_EQ(pi.per_watt_ratio, 2.0);     // 1.0 / 0.5
  EXPECT_DOUBLE_EQ(pi.figures.per_usd, 0.1);    // 40 / 400
  EXPECT_DOUBLE_EQ(c.rows[0].cells[0].figures.per_usd, 0.025);  // 100 / 4000 from the file
  EXPECT_DOUBLE_EQ(pi.figures.joules_per_solve, 40.0);          // 40 W x 1 s
  ASSERT_TRUE(pi.year);
  EXPECT_DOUBLE_EQ(pi.year->average_watts, 0.1 * 40 + 0.9 * 10);
  EXPECT_NEAR(pi.year->cost_per_year, 8.76 * 13 * 0.3, 1e-9);
  // Geometric mean over both kernels: sqrt(0.4 * 0.25) = 0.316...; per watt is missing for
  // the stencil, so there is none.
  EXPECT_EQ(c.geomean.kernels.size(), 2u);
  EXPECT_NEAR(c.geomean.ratio[1], std::sqrt(0.4 * 0.25), 1e-12);
  EXPECT_DOUBLE_EQ(c.geomean.ratio[0], 1.0);
  EXPECT_TRUE(std::isnan(c.geomean.per_watt_ratio[1]));
  // The stencil has no power: the year says so.
  EXPECT_NE(c.rows[1].cells[1].year->missing.find("no load power"), std::string::npos);
}

TEST(Compare, FailedThrottledMissingAndScopesAreNeverSilent) {
  auto a = kernel("hpl", 100, {{"n", std::int64_t{1000}}});
  add_power(a, "wall", 200, 50, 0.5);
  auto b = kernel("hpl", 120, {{"n", std::int64_t{1000}}});
  add_power(b, "cpu-package", 100, 20, 1.2);
  b.result.passed = false;
  auto s = kernel("stencil", 10, {});
  auto s2 = kernel("stencil", 20, {});
  s2.power = PowerRecord{};
  s2.power->throttled = true;
  auto lone = kernel("render", 3, {});
  lone.result.figure_name = "msamples_per_s";
  lone.result.unit = "Msamples/s";
  const Comparison c = compare_runs({run("x", 1, 2, {a, s, lone}), run("y", 1, 2, {b, s2})}, {});
  ASSERT_EQ(c.rows.size(), 3u);
  auto has = [](const std::vector<std::string>& v, const std::string& text) {
    for (const auto& w : v)
      if (w.find(text) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has(c.rows[0].warnings, "y FAILED verification"));
  EXPECT_TRUE(has(c.rows[0].warnings, "power scopes differ (x wall, y cpu-package)"));
  EXPECT_TRUE(has(c.rows[0].cells[1].marks, "FAILED"));
  EXPECT_TRUE(has(c.rows[1].warnings, "y throttled"));
  EXPECT_TRUE(has(c.rows[2].warnings, "y has no render result"));
  EXPECT_TRUE(c.geomean.kernels.empty());
  EXPECT_EQ(c.geomean.left_out.size(), 3u);
  // Every format writes all of it without throwing, and JSON holds no NaN.
  for (const char* format : {"table", "markdown", "csv", "json"}) {
    std::ostringstream out;
    report_comparison(out, c, format);
    EXPECT_NE(out.str().find("hpl"), std::string::npos) << format;
    EXPECT_EQ(out.str().find("nan"), std::string::npos) << format;
  }
}

TEST(Compare, GeometricMeanTakesRatesOnly) {
  auto temp_a = kernel("doctor-health", std::nan(""), {});
  temp_a.result.unit = "C";
  auto temp_b = temp_a;
  const auto a = kernel("hpl", 10, {}), b = kernel("hpl", 40, {});
  const Comparison c = compare_runs({run("x", 1, 2, {a, temp_a}), run("y", 1, 2, {b, temp_b})}, {});
  ASSERT_EQ(c.geomean.kernels.size(), 1u);
  EXPECT_DOUBLE_EQ(c.geomean.ratio[1], 4.0);
  ASSERT_EQ(c.geomean.left_out.size(), 1u);
  EXPECT_NE(c.geomean.left_out[0].find("not a rate (C)"), std::string::npos);
}

TEST(Compare, BadBaselineAndPriceNamesAreUsageErrors) {
  const std::vector<SelectedRun> runs{run("x", 1, 2, {kernel("hpl", 1, {})})};
  CompareOptions o;
  o.baseline = 3;
  EXPECT_THROW(compare_runs(runs, o), Error);
  o.baseline = 0;
  o.prices = {{"nobody", 5}};
  try {
    compare_runs(runs, o);
    FAIL() << "a price for no run was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), kExitUsage);
    EXPECT_NE(std::string(e.what()).find("no selected run is named \"nobody\""), std::string::npos);
  }
}

// Whether a ratio is more than noise, from each run's repetitions (controlled timings): the
// same machine twice is "within noise" even 4 % apart; runs whose repetitions do not overlap
// are not; one repetition cannot tell.
TEST(Compare, RatiosAreJudgedAgainstTheRepetitionsNoise) {
  const std::vector<NamedValue> p{{"n", std::int64_t(400)}};
  // Figures at the best repetition; the others are slower by their times.
  auto same_a = run("a", 1, 4, {kernel("hpl", 100, p, {1.00, 1.08, 0.95, 1.03})});
  auto same_b = run("b", 1, 4, {kernel("hpl", 104, p, {1.02, 0.98, 1.03, 0.99})});
  const Comparison noise = compare_runs({same_a, same_b}, {});
  ASSERT_TRUE(noise.rows[0].cells[1].noise.has_value());
  EXPECT_EQ(noise.rows[0].cells[1].noise->verdict, NoiseVerdict::within_noise);
  EXPECT_FALSE(noise.rows[0].cells[0].noise.has_value());  // the baseline against itself
  const auto& marks = noise.rows[0].cells[1].marks;
  EXPECT_NE(std::find(marks.begin(), marks.end(), "within noise"), marks.end());

  auto fast = run("fast", 1, 4, {kernel("hpl", 120, p, {1.00, 1.01, 1.005, 1.002})});
  auto slow = run("slow", 1, 4, {kernel("hpl", 100, p, {1.00, 1.01, 1.004, 1.003})});
  const Comparison real = compare_runs({slow, fast}, {});
  EXPECT_EQ(real.rows[0].cells[1].noise->verdict, NoiseVerdict::beyond_noise);
  EXPECT_GT(real.rows[0].cells[1].noise->low, 1.15);
  for (const auto& m : real.rows[0].cells[1].marks) EXPECT_NE(m, "within noise");

  auto once = run("once", 1, 4, {kernel("hpl", 120, p, {1.0})});
  const Comparison unknown = compare_runs({slow, once}, {});
  EXPECT_EQ(unknown.rows[0].cells[1].noise->verdict, NoiseVerdict::too_few_reps);
  const auto& m1 = unknown.rows[0].cells[1].marks;
  EXPECT_NE(std::find(m1.begin(), m1.end(), "noise unknown"), m1.end());
}

// A cluster on declared watts against a server's wall power: no per-watt ratio, no per-watt
// mean, and the line says which scopes met. The same scope still gives one.
TEST(Compare, PerWattOnlyWithinOneScope) {
  auto server = kernel("hpl", 100, {});
  add_power(server, "wall", 200, 80, 0.5);
  auto cluster = kernel("hpl", 20, {});
  add_power(cluster, "estimate", 30, 10, 0.66);
  const Comparison mixed = compare_runs({run("server", 1, 64, {server}), run("pis", 4, 4, {cluster})}, {});
  const CompareCell& pis = mixed.rows[0].cells[1];
  EXPECT_DOUBLE_EQ(pis.ratio, 0.2);
  EXPECT_TRUE(std::isnan(pis.per_watt_ratio));
  EXPECT_NE(std::find(pis.marks.begin(), pis.marks.end(), "per watt not comparable: estimate vs baseline wall"),
            pis.marks.end());
  bool named = false;
  for (const auto& w : mixed.rows[0].warnings) named |= w.find("power scopes differ (server wall, pis estimate)") == 0;
  EXPECT_TRUE(named);
  ASSERT_EQ(mixed.geomean.kernels.size(), 1u);
  EXPECT_TRUE(std::isnan(mixed.geomean.per_watt_ratio[1]));
  EXPECT_EQ(mixed.geomean.per_watt_missing[1], "not comparable: power scopes differ");
  std::ostringstream table;
  report_comparison(table, mixed, "table");
  EXPECT_NE(table.str().find("pis 0.20x (per watt not comparable: power scopes differ)"), std::string::npos) << table.str();

  auto wall = kernel("hpl", 20, {});
  add_power(wall, "wall", 40, 10, 0.5);
  const Comparison same = compare_runs({run("server", 1, 64, {server}), run("pis", 4, 4, {wall})}, {});
  EXPECT_DOUBLE_EQ(same.rows[0].cells[1].per_watt_ratio, 1.0);
  EXPECT_DOUBLE_EQ(same.geomean.per_watt_ratio[1], 1.0);
}

// A kernel's power as the suite summarises it: one meter of `scope` on one node, `watts` over
// a 100 s phase, and `extra` declared watts of shared gear (--power-extra).
void summarised_power(KernelRecord& k, const std::string& scope, double watts, double extra) {
  PowerRecord p;
  MeterInfo m;
  m.name = "meter";
  m.nodes = {0};
  m.scope = scope;
  m.idle_watts = watts / 2;
  p.meters = {m};
  NodePhase n;
  n.meter = 0;
  n.reads_meter = true;
  n.stats.seconds = n.stats.covered = 100;
  n.stats.mean_watts = watts;
  n.stats.joules = watts * 100;
  n.stats.samples = 1001;
  n.stats.interval = 0.1;
  p.nodes = {n};
  summarise_power(p, 1, {"node"}, k.result.figure_name, k.result.figure_of_merit, extra);
  k.power = p;
}

// --power-extra is in the per-watt figures compare divides, and compare says which runs
// declared what. 40 Gflop/s over 20 W against 40 over 20 + 5 declared: 0.8x per watt.
TEST(Compare, DeclaredExtrasCountInPerWattAndAreNamed) {
  auto plain = kernel("hpl", 40, {});
  summarised_power(plain, "wall", 20, 0);
  auto with_switch = kernel("hpl", 40, {});
  summarised_power(with_switch, "wall", 20, 5);
  SelectedRun counted = run("counted", 2, 4, {with_switch});
  counted.run.power.emplace();
  counted.run.power->extras = {{"switch", 5.0}};
  const Comparison c = compare_runs({run("plain", 2, 4, {plain}), counted}, {});
  const CompareCell& cell = c.rows[0].cells[1];
  EXPECT_DOUBLE_EQ(cell.ratio, 1.0);
  EXPECT_DOUBLE_EQ(cell.figures.power->watts, 25.0);
  EXPECT_DOUBLE_EQ(cell.figures.power->extra_watts, 5.0);
  EXPECT_DOUBLE_EQ(cell.per_watt_ratio, 0.8);
  EXPECT_EQ(cell.figures.power->scope, "wall");  // the meters' scope: per watt stays comparable
  bool named = false;
  for (const auto& n : c.notes) named |= n.find("counted: power includes switch 5 W declared with --power-extra") == 0;
  EXPECT_TRUE(named);
}

// A Pi 5 PMIC through its wall model is not wall power: per watt against a wall meter is not
// given, and the row says why.
TEST(Compare, AModelsWallFigureIsNotComparedWithAWallMeter) {
  auto server = kernel("hpl", 100, {});
  summarised_power(server, "wall", 200, 0);
  auto pi = kernel("hpl", 20, {});
  summarised_power(pi, power::scope_name(power::Pi5PmicSource("vcgencmd pmic_read_adc", true).scope()), 10, 0);
  const Comparison c = compare_runs({run("server", 1, 64, {server}), run("pi", 1, 4, {pi})}, {});
  const CompareCell& cell = c.rows[0].cells[1];
  EXPECT_TRUE(std::isnan(cell.per_watt_ratio));
  EXPECT_NE(std::find(cell.marks.begin(), cell.marks.end(), "per watt not comparable: wall-model vs baseline wall"),
            cell.marks.end());
}

// One verdict per run (HPCG's VALID/INVALID): three steady repetitions, passed, no trust
// warning; each failure is a reason; power is judged apart.
TEST(Compare, EachRunGetsOneVerdictWithItsReasons) {
  auto steady = kernel("hpl", 100, {}, {1.00, 1.01, 1.005});
  add_power(steady, "wall", 200, 80, 0.5);
  SelectedRun good = run("good", 1, 4, {steady});
  EXPECT_TRUE(comparison_validity(good.run).valid) << validity_line(comparison_validity(good.run));
  EXPECT_TRUE(comparison_validity(good.run).per_watt_comparable);

  SelectedRun bad = run("bad", 1, 4, {kernel("hpl", 100, {}, {1.0}), kernel("stencil", 5, {}, {1.0, 1.3, 0.9})});
  bad.run.kernels[0].result.passed = false;
  bad.run.context.trust_warnings = {"quick: every kernel ran at its small --quick size"};
  const ComparisonValidity v = comparison_validity(bad.run);
  EXPECT_FALSE(v.valid);
  const std::string line = validity_line(v);
  for (const char* why : {"1 trust warning(s)", "hpl failed verification", "hpl ran 1 repetition(s), fewer than 3",
                          "stencil repetitions vary by 19.5 % (CV), above 3.5 %"})
    EXPECT_NE(line.find(why), std::string::npos) << why << " not in: " << line;
  EXPECT_FALSE(v.per_watt_comparable);  // no power at all

  auto estimated = kernel("hpl", 100, {}, {1.00, 1.01, 1.005});
  add_power(estimated, "estimate", 30, 10, 3);
  const ComparisonValidity e = comparison_validity(run("est", 1, 4, {estimated}).run);
  EXPECT_TRUE(e.valid);
  EXPECT_FALSE(e.per_watt_comparable);
  EXPECT_EQ(validity_line(e),
            "valid for comparison: yes; per watt not comparable (power is a declared estimate, not a measurement)");

  SelectedRun quick = run("quick", 1, 4, {kernel("hpl", 90, {}, {1.00, 1.01, 1.0})});
  quick.run.context.trust_warnings = {"quick: every kernel ran at its small --quick size"};
  const Comparison c = compare_runs({good, quick}, {});
  ASSERT_EQ(c.validity.size(), 2u);
  EXPECT_TRUE(c.validity[0].valid);
  EXPECT_FALSE(c.validity[1].valid);
  std::ostringstream table;
  report_comparison(table, c, "table");
  EXPECT_NE(table.str().find("not valid for comparison, so no mean (reasons below; --include-invalid keeps them): quick"),
            std::string::npos)
      << table.str();
  EXPECT_NE(table.str().find("quick: valid for comparison: NO (1 trust warning(s))"), std::string::npos) << table.str();
}

// A memory benchmark under 4x the last-level cache ran partly from cache: not valid.
TEST(Compare, ArraysUnderFourTimesTheCacheAreNotValid) {
  auto cached = kernel("stencil", 500, {});
  cached.result.figures = {{"cache_multiple", 1.5}};
  const ComparisonValidity v = comparison_validity(run("small", 1, 4, {cached}).run);
  EXPECT_FALSE(v.valid);
  EXPECT_NE(validity_line(v).find("stencil ran partly from cache (its arrays 1.50x the last-level cache, under 4x)"),
            std::string::npos)
      << validity_line(v);
  cached.result.figures = {{"cache_multiple", 4.2}};
  EXPECT_TRUE(comparison_validity(run("big", 1, 4, {cached}).run).valid);
  cached.result.figures = {{"cache_multiple", 0.0}};  // cache unknown: no verdict either way
  EXPECT_TRUE(comparison_validity(run("unknown", 1, 4, {cached}).run).valid);
}

// The geometric mean covers valid runs only: an invalid run gets none and the reason, an
// invalid baseline leaves every run without one; --include-invalid keeps them and names them.
TEST(Compare, GeometricMeanCoversValidRunsOnly) {
  const SelectedRun good = run("good", 1, 4, {kernel("hpl", 100, {})});
  const SelectedRun also = run("also", 1, 4, {kernel("hpl", 200, {})});
  SelectedRun quick = run("quick", 1, 4, {kernel("hpl", 50, {})});
  quick.run.context.trust_warnings = {"quick: every kernel ran at its small --quick size"};

  const Comparison c = compare_runs({good, also, quick}, {});
  EXPECT_DOUBLE_EQ(c.geomean.ratio[1], 2.0);
  EXPECT_TRUE(std::isnan(c.geomean.ratio[2]));
  EXPECT_EQ(c.geomean.excluded[2], "not valid for comparison");
  EXPECT_TRUE(c.geomean.invalid_kept.empty());

  const Comparison against_quick = compare_runs({quick, good}, {});
  EXPECT_TRUE(std::isnan(against_quick.geomean.ratio[1]));
  EXPECT_EQ(against_quick.geomean.excluded[1], "the baseline quick is not valid for comparison");

  CompareOptions keep;
  keep.include_invalid = true;
  const Comparison kept = compare_runs({good, also, quick}, keep);
  EXPECT_DOUBLE_EQ(kept.geomean.ratio[2], 0.5);
  EXPECT_EQ(kept.geomean.invalid_kept, std::vector<std::string>{"quick"});
  std::ostringstream table;
  report_comparison(table, kept, "table");
  EXPECT_NE(table.str().find("kept in the mean although not valid for comparison (--include-invalid), so it is "
                             "indicative only: quick"),
            std::string::npos)
      << table.str();
}

// One vote per kernel, not per row: the stencil in 2D (ratio 4) and 3D (ratio 1) is one kernel
// whose vote is sqrt(4 x 1) = 2; with HPL at 8 the mean is sqrt(2 x 8) = 4, where weighting
// rows would give (4 x 1 x 8)^(1/3) = 3.17.
TEST(Compare, GeometricMeanWeightsKernelsNotRows) {
  auto a2 = kernel("stencil", 10, {{"dims", std::int64_t{2}}}), a3 = kernel("stencil", 10, {{"dims", std::int64_t{3}}});
  auto b2 = kernel("stencil", 40, {{"dims", std::int64_t{2}}}), b3 = kernel("stencil", 10, {{"dims", std::int64_t{3}}});
  const Comparison c = compare_runs({run("a", 1, 4, {a2, a3, kernel("hpl", 1, {})}),
                                     run("b", 1, 4, {b2, b3, kernel("hpl", 8, {})})},
                                    {});
  ASSERT_EQ(c.rows.size(), 3u);
  EXPECT_NEAR(c.geomean.ratio[1], 4.0, 1e-12);
  EXPECT_EQ(c.geomean.kernels, (std::vector<std::string>{"hpl", "stencil (2 rows)"}));
}

// /core divides by physical cores (issue 21): a node read from a fake SMT server's /sys
// (tests/data/cpuinfo/smt: 2 packages x 2 cores x 2 threads) counts 4 cores, not 8 threads,
// and the run list still shows the threads.
TEST(Compare, PerCoreDividesByPhysicalCoresNotHardwareThreads) {
  SelectedRun server = run("smt", 1, 0, {kernel("hpl", 40, {{"n", std::int64_t{1000}}})});
  server.run.context.nodes = {read_node_info(BRAMBLE_CPUINFO_ROOTS "/smt")};
  const Comparison c = compare_runs({server}, CompareOptions{});
  ASSERT_EQ(c.rows.size(), 1u);
  const CaseFigures& f = c.rows[0].cells[0].figures;
  EXPECT_EQ(f.cores, 4);
  EXPECT_EQ(f.threads, 8);
  EXPECT_DOUBLE_EQ(f.per_core, 10.0);  // 40 / 4 physical cores
  const TextGrid list = run_list(c);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1][3], "1 node(s), 4 cores (8 threads), 0 rank(s)");
}

}  // namespace
}  // namespace bramble
