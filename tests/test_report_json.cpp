// `bramble show --format json` on a small result model built in memory: the output parses,
// NaN comes out as null, integers stay integers, awkward text survives escaping, and the
// whole document (keys, their order, nesting, values) equals the golden in tests/data,
// which the hand-written writer produced before the reporter moved to nlohmann-json.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "results/report.hpp"

namespace bramble {
namespace {

using nlohmann::ordered_json;

const std::string kAwkward = "say \"hi\" C:\\dir\ttab\x01";  // quote, backslash, control characters

NodeInfo node(const std::string& host) {
  NodeInfo n{host, "Cortex-A76", "6.6.31", "ondemand", 4, 8LL << 30, 7LL << 30, 1, "aarch64", "", "", 4, "", ""};
  n.thp_enabled = n.thp_defrag = "madvise";
  n.firmware_settings = "arm_freq=2800, over_voltage_delta=50000";
  n.firmware_source = "vcgencmd get_config";
  return n;
}

// One run with two nodes, a power block and one kernel whose power was measured.
ResultFile small_file() {
  RunMetadata m;
  m.program_version = "9.8.7";
  m.git_commit = "abc123";
  m.utc_time = "2026-11-25T12:00:00Z";
  m.label = kAwkward;
  m.command_line = "bramble run hpl --n 100";
  m.ranks = 2;
  m.node_count = 2;
  m.ranks_per_node = {1, 1};
  m.nodes = {node("pi-01"), node("pi-02")};
  m.rank_placement = {{0, "0-3", ""}, {1, "2", "0:2"}};
  m.price_usd = 250;
  m.trust_warnings = {"governor is ondemand"};

  KernelResult r;
  r.kernel = "hpl";
  r.problem = "N=100 NB=8 1x2";
  r.parameters = {{"n", std::int64_t{100}}, {"grid_order", std::string("row-major")}};
  r.rep_seconds = {0.5, 0.25};
  r.figure_name = "gflops";
  r.figure_of_merit = 1.5;
  r.unit = "Gflop/s";
  r.figures = {{"gflops_mean", 1.25}, {"gflops_per_node", std::nan("")}};
  r.verification = {{"residual", 0.003}, {"threshold", 16.0}};
  r.passed = true;
  r.phase_names = {"factor", "update"};
  r.phase_description = "seconds per rank";
  r.phase_seconds = {0.1, 0.2, 0.15, 0.25};
  r.ranks = 2;
  r.phase_work = KernelResult::PhaseWork{"gflops_all", "Gflop/s", 1.2};
  r.reference_format_lines = {"T/V                N    NB     P     Q               Time                 Gflops",
                              "WR11R2R16        100     8     1     2               0.25             1.5000e+00"};

  MeterInfo meter{"plug", {0, 1}, 0, "fixed", "wall", "fixed:20", 0.5, 8.0, 3};
  PowerRecord power;
  power.meters = {meter};
  NodePhase reader;
  reader.meter = 0;
  reader.reads_meter = true;
  reader.stats.seconds = 0.75;
  reader.stats.joules = 15;
  NodePhase other;  // health only: no meter, nothing sampled
  power.nodes = {reader, other};
  power.figures = {{"joules_wall", 15.0}, {"gflops_per_watt_wall", std::nan("")}};
  power.notes = kAwkward;

  RunPower run_power;
  run_power.requested = "fixed:20";
  run_power.idle_seconds = 0.3;
  run_power.meters = {meter};
  run_power.extras = {{"switch", 12.0}};  // --power-extra 12:switch
  run_power.telemetry = {"thermal_zone0", ""};

  KernelRecord kernel{"000-hpl", "2026-11-25T12:00:01Z", r, power};
  RunRecord run{"run-0000", m, run_power, {kernel}};
  return {"/tmp/r.h5", "bramble-results", 1, {run}};
}

ordered_json show_json(const ResultFile& file) {
  std::ostringstream out;
  make_reporter("json")->report(out, file);
  return ordered_json::parse(out.str());  // throws on anything but one JSON document
}

TEST(ReportJson, TopLevelKeysInOrder) {
  const ordered_json doc = show_json(small_file());
  std::vector<std::string> keys;
  for (const auto& [key, value] : doc.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"format", "schema_version", "file", "runs"}));
  EXPECT_EQ(doc["format"], "bramble-results");
}

TEST(ReportJson, IntegersStayIntegers) {
  const ordered_json doc = show_json(small_file());
  EXPECT_TRUE(doc["schema_version"].is_number_integer());
  EXPECT_EQ(doc["schema_version"], 1);
  const ordered_json& kernel = doc["runs"][0]["kernels"][0];
  EXPECT_TRUE(kernel["parameters"]["n"].is_number_integer());
  EXPECT_EQ(kernel["parameters"]["n"], 100);
  EXPECT_EQ(doc["runs"][0]["context"]["ranks_per_node"], ordered_json::parse("[1, 1]"));
}

TEST(ReportJson, NanIsNull) {
  const ordered_json doc = show_json(small_file());
  const ordered_json& kernel = doc["runs"][0]["kernels"][0];
  EXPECT_EQ(kernel["figures"]["gflops_mean"], 1.25);
  EXPECT_TRUE(kernel["figures"].contains("gflops_per_node"));
  EXPECT_TRUE(kernel["figures"]["gflops_per_node"].is_null());
  EXPECT_TRUE(kernel["power"]["figures"]["gflops_per_watt_wall"].is_null());
}

TEST(ReportJson, TextSurvivesEscaping) {
  const ordered_json doc = show_json(small_file());
  EXPECT_EQ(doc["runs"][0]["context"]["label"], kAwkward);
  EXPECT_EQ(doc["runs"][0]["kernels"][0]["power"]["notes"], kAwkward);
}

// A node reports whatever bytes it has; one that is not UTF-8 must not cost the whole report.
TEST(ReportJson, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  ResultFile file = small_file();
  file.runs[0].context.nodes[0].cpu_model = "bad \xff byte";
  EXPECT_EQ(show_json(file)["runs"][0]["context"]["nodes"][0]["cpu_model"], "bad \ufffd byte");
}

// Parsed as ordered_json, == compares members in order, so this checks keys, their order,
// nesting and values (an integer equals the same number written as a real).
TEST(ReportJson, SameDocumentAsTheGolden) {
  std::ifstream golden(std::string(BRAMBLE_TEST_DATA) + "/report_json_golden.json");
  ASSERT_TRUE(golden) << "missing tests/data/report_json_golden.json";
  EXPECT_EQ(show_json(small_file()), ordered_json::parse(golden));
}

}  // namespace
}  // namespace bramble
