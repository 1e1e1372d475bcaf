// The published HPL figures: the shipped CSV (every row sourced and dated), the copy built
// into the program, the parser's messages for broken text, and the ranking's arithmetic
// on hand-made runs whose ranks are worked out below by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "comparison/published.hpp"
#include "comparison/published_ranking.hpp"
#include "power/sources/command_sources.hpp"
#include "core/errors.hpp"

namespace bramble {
namespace {

std::string shipped_text() {
  std::ifstream in(BRAMBLE_PUBLISHED_CSV, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(PublishedCsv, EveryShippedRowHasFiguresASourceAndADate) {
  const std::vector<PublishedRow> rows = parse_published_csv(shipped_text(), "published.csv");
  ASSERT_GE(rows.size(), 18u);
  const std::regex date_form(R"(\d{4}-\d{2}(-\d{2})?)");
  for (const auto& r : rows) {
    SCOPED_TRACE(r.system);
    EXPECT_GT(r.nodes, 0);
    EXPECT_GE(r.cores, r.nodes);
    EXPECT_GT(r.gflops, 0);
    EXPECT_GT(r.watts, 0);
    EXPECT_TRUE(r.source.rfind("https://", 0) == 0) << r.source;
    // A date, or an honest "date not found": never an invented one, never silence.
    EXPECT_TRUE(std::regex_match(r.date, date_form) || (r.date.empty() && r.notes.find("date not found") != std::string::npos))
        << "date " << r.date << ", notes " << r.notes;
  }
}

TEST(PublishedCsv, ShippedHeaderIsExactlyTheOnePlotsRead) {
  std::istringstream in(shipped_text());
  std::string line;
  while (std::getline(in, line) && (line.empty() || line[0] == '#')) {
  }
  EXPECT_EQ(line, "system,nodes,cores,gflops,watts,idle_watts,usd,source,date,notes");
}

TEST(PublishedCsv, BuiltInCopyEqualsTheFile) {
  EXPECT_EQ(builtin_published_text(), shipped_text());
  EXPECT_EQ(builtin_published().size(), parse_published_csv(shipped_text(), "f").size());
}

const std::string kHeader = "system,nodes,cores,gflops,watts,idle_watts,usd,source,date,notes\n";

TEST(PublishedCsv, QuotedFieldsEmptyOptionalsAndCrlf) {
  const std::string text = "# comment\r\n" + kHeader +
                           "\"Pi, 4 nodes\",4,16,44.9,24.5,,,https://x/1,2021-11,\"says \"\"hi\"\", twice\"\r\n"
                           "  Box ,1,8,100,50,10,999.5,https://x/2,2024-01-02,\n";
  const auto rows = parse_published_csv(text, "t");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].system, "Pi, 4 nodes");
  EXPECT_EQ(rows[0].nodes, 4);
  EXPECT_DOUBLE_EQ(rows[0].gflops, 44.9);
  EXPECT_TRUE(std::isnan(rows[0].idle_watts));
  EXPECT_TRUE(std::isnan(rows[0].usd));
  EXPECT_EQ(rows[0].notes, "says \"hi\", twice");
  EXPECT_EQ(rows[1].system, "Box");
  EXPECT_DOUBLE_EQ(rows[1].idle_watts, 10);
  EXPECT_DOUBLE_EQ(rows[1].usd, 999.5);
  EXPECT_EQ(rows[1].date, "2024-01-02");
}

struct Broken {
  std::string text, message;  // the message the InputError must contain
};

class PublishedCsvBroken : public testing::TestWithParam<Broken> {};

TEST_P(PublishedCsvBroken, NamesTheLine) {
  try {
    parse_published_csv(GetParam().text, "t");
    FAIL() << "parsed";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().message), std::string::npos) << e.what();
    EXPECT_EQ(e.exit_code(), kExitInput);
  }
}

const std::string kGood = "A,1,4,10,5,,,https://a,2024-01,\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, PublishedCsvBroken,
    testing::Values(
        Broken{"system,nodes\n" + kGood, "t line 1: expected the header"},
        Broken{"# one\n\n" + kHeader + kGood + "B,0,4,10,5,,,https://b,2024-01,\n", "t line 5: nodes must be a whole number"},
        Broken{kHeader + "A,1,4,10,5,,,https://a,2024-01\n", "t line 2: expected 10 fields"},
        Broken{kHeader + kGood + "A,1,4,10,5,,,https://a,2024-01,,extra\n", "t line 3: expected 10 fields"},
        Broken{kHeader + "A,1,4,-3,5,,,https://a,2024-01,\n", "t line 2: gflops must be a number greater than 0"},
        Broken{kHeader + "A,1,4,ten,5,,,https://a,2024-01,\n", "t line 2: gflops must be a number greater than 0, got \"ten\""},
        Broken{kHeader + "A,1,4,10,0,,,https://a,2024-01,\n", "t line 2: watts must be a number greater than 0"},
        Broken{kHeader + "A,1,0,10,5,,,https://a,2024-01,\n", "t line 2: cores must be a whole number"},
        Broken{kHeader + "A,1,4,10,5,nan,,https://a,2024-01,\n", "t line 2: idle_watts must be a number"},
        Broken{kHeader + kGood + kGood + "A,1,4,10,5,,, ,2024-01,\n", "t line 4: source is empty"},
        Broken{kHeader + "\"A,1,4,10,5,,,https://a,2024-01,\n", "t line 2: a quoted field has no closing quote"},
        Broken{kHeader + "\"A\"x,1,4,10,5,,,https://a,2024-01,\n", "t line 2: text after a closing quote"},
        Broken{kHeader + "A,1,4,10,5,,,https://a,2024-13,\n", "t line 2: date must be YYYY-MM-DD"},
        Broken{kHeader, "t: the header is followed by no results"},
        Broken{"", "t: no header line"}));

// --- the ranking -----------------------------------------------------------------------

PublishedRow row(const std::string& name, int nodes, double gflops, double watts) {
  PublishedRow r;
  r.system = name;
  r.nodes = nodes;
  r.cores = 4 * nodes;
  r.gflops = gflops;
  r.watts = watts;
  r.idle_watts = r.usd = std::nan("");
  r.source = "https://example/" + name;
  return r;
}

KernelRecord hpl(double gflops, bool passed) {
  KernelRecord k;
  k.result.kernel = "hpl";
  k.result.figure_name = "gflops";
  k.result.unit = "Gflop/s";
  k.result.figure_of_merit = gflops;
  k.result.passed = passed;
  return k;
}

// Power as headline_power reads it: <figure>_per_watt_<scope> and watts_<scope>.
KernelRecord with_power(KernelRecord k, const std::string& scope, double watts, double per_watt) {
  k.power.emplace();
  k.power->figures = {{"watts_" + scope, watts}, {"gflops_per_watt_" + scope, per_watt}};
  return k;
}

SelectedRun run(const std::string& name, int nodes, std::vector<KernelRecord> kernels) {
  SelectedRun r;
  r.name = name;
  r.file = name + ".h5";
  r.run.context.node_count = nodes;
  r.run.context.nodes.resize(std::size_t(nodes));
  for (auto& n : r.run.context.nodes) n.cores = 4;
  r.run.kernels = std::move(kernels);
  return r;
}

int rank_of(const std::vector<RankedSystem>& v, const std::string& name) {
  for (const auto& s : v)
    if (s.system == name) return s.rank;
  return -1;
}

// Published: A 100 Gflop/s/node, 2 Gflop/s/W; B 50 and 2 (a tie per watt); C 30 and 6.
// Yours: X, 2 nodes, best passed 120 (a failed 500 must not count): 60 per node, 3 per W;
// Y, no power, 75 per node; Z, only a failed HPL; E, an estimate of 10 per W, 20 per node.
// Per node: A 100 (1), Y 75 (2), X 60 (3), B 50 (4), C 30 (5), E 20 (6).
// Per watt: E 10 (1), C 6 (2), X 3 (3), A 2 (4), B 2 (4: equal figures share a rank).
struct RankingTest : testing::Test {
  std::vector<PublishedRow> rows{row("A", 1, 100, 50), row("B", 4, 200, 100), row("C", 2, 60, 10)};
  std::vector<SelectedRun> runs{
      run("X", 2, {hpl(500, false), with_power(hpl(120, true), "wall", 40, 3.0), hpl(90, true)}),
      run("Y", 1, {hpl(75, true)}),
      run("Z", 1, {hpl(80, false)}),
      run("E", 1, {with_power(hpl(20, true), "estimate", 2, 10.0)}),
  };
};

TEST_F(RankingTest, PerNodeRanksByHand) {
  const PublishedRanking p = rank_published(rows, runs);
  ASSERT_EQ(p.per_node.size(), 6u);
  EXPECT_EQ(rank_of(p.per_node, "A"), 1);
  EXPECT_EQ(rank_of(p.per_node, "Y"), 2);
  EXPECT_EQ(rank_of(p.per_node, "X"), 3);
  EXPECT_EQ(rank_of(p.per_node, "B"), 4);
  EXPECT_EQ(rank_of(p.per_node, "C"), 5);
  EXPECT_EQ(rank_of(p.per_node, "E"), 6);
  EXPECT_EQ(rank_of(p.per_node, "Z"), -1);
  const RankedSystem& x = p.per_node[2];
  EXPECT_TRUE(x.yours);
  EXPECT_DOUBLE_EQ(x.gflops, 120);
  EXPECT_DOUBLE_EQ(x.per_node, 60);
  EXPECT_EQ(x.cores, 8);
  EXPECT_FALSE(p.per_node[0].yours);
}

TEST_F(RankingTest, PerWattRanksByHandWithTiesAndWarnings) {
  const PublishedRanking p = rank_published(rows, runs);
  ASSERT_EQ(p.per_watt.size(), 5u);  // Y has no power, Z no passed result
  EXPECT_EQ(rank_of(p.per_watt, "E"), 1);
  EXPECT_EQ(rank_of(p.per_watt, "C"), 2);
  EXPECT_EQ(rank_of(p.per_watt, "X"), 3);
  EXPECT_EQ(rank_of(p.per_watt, "A"), 4);
  EXPECT_EQ(rank_of(p.per_watt, "B"), 4);
  EXPECT_EQ(p.per_watt[0].power_scope, "estimate");
  EXPECT_DOUBLE_EQ(p.per_watt[0].watts, 2);
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_NE(p.warnings[0].find("E: power is estimate, not wall power"), std::string::npos);
  EXPECT_NE(p.warnings[0].find("flatters"), std::string::npos);
  ASSERT_EQ(p.not_ranked_per_watt.size(), 1u);
  EXPECT_EQ(p.not_ranked_per_watt[0].name, "Y");
  ASSERT_EQ(p.not_ranked.size(), 1u);
  EXPECT_EQ(p.not_ranked[0].name, "Z");
  EXPECT_NE(p.not_ranked[0].reason.find("passed verification"), std::string::npos);
}

TEST_F(RankingTest, EveryFormatMarksYoursAndTheWarning) {
  std::ostringstream table, markdown, csv, json;
  report_published_ranking(table, rows, runs, "table");
  report_published_ranking(markdown, rows, runs, "markdown");
  report_published_ranking(csv, rows, runs, "csv");
  report_published_ranking(json, rows, runs, "json");
  EXPECT_TRUE(std::regex_search(table.str(), std::regex("\n +3 +\u25b6 yours [(]HPL-style[)]: X +2 +8 +120.0 +60.00 +40.00 +3.000 ")))
      << table.str();
  EXPECT_NE(table.str().find("2.000 (estimate)!"), std::string::npos);
  EXPECT_NE(table.str().find("! E: power is estimate, not wall power"), std::string::npos);
  EXPECT_NE(table.str().find("Y (Y.h5): not ranked per watt: power not measured"), std::string::npos);
  EXPECT_NE(table.str().find("Z (Z.h5): not ranked: no HPL result passed verification"), std::string::npos);
  EXPECT_NE(markdown.str().find("| 3 | **\u25b6 yours (HPL-style): X** | 2 | 8 | 120.0 | 60.00 |"), std::string::npos) << markdown.str();
  EXPECT_NE(markdown.str().find("> :warning: E: power is estimate"), std::string::npos);
  EXPECT_NE(csv.str().find("\nper_node,3,yes,X,2,8,120,60,wall,40,3,,,X.h5,,,HPL-style\n"), std::string::npos) << csv.str();
  EXPECT_NE(csv.str().find("\nnone,,yes,Z,,,,,,,,,,Z.h5,,"), std::string::npos) << csv.str();
  // The JSON parses (a NaN would not): run X is yours, third per node, its unknown idle power null.
  const auto doc = nlohmann::json::parse(json.str());
  const auto x = std::find_if(doc["per_node"].begin(), doc["per_node"].end(),
                              [](const nlohmann::json& s) { return s["system"] == "X"; });
  ASSERT_NE(x, doc["per_node"].end()) << json.str();
  EXPECT_EQ((*x)["yours"], true);
  EXPECT_EQ((*x)["rank"], 3);
  EXPECT_TRUE((*x)["idle_watts"].is_null());
  EXPECT_THROW(report_published_ranking(json, rows, runs, "yaml"), Error);
}

// A Pi 5 PMIC through its wall model (pi5-pmic:wall) and a sensor the user labelled wall
// (hwmon:NAME:wall) are not wall measurements: placed per watt, but with '!' in every shape
// and a warning that says what each figure is.
TEST_F(RankingTest, AModelsOrALabelsWallFigureIsMarked) {
  std::string model = power::scope_name(power::Pi5PmicSource("vcgencmd pmic_read_adc", true).scope());
  std::replace(model.begin(), model.end(), '-', '_');  // the figures' spelling
  const std::vector<SelectedRun> mine{run("M", 1, {with_power(hpl(20, true), model, 10, 2.0)}),
                                      run("L", 1, {with_power(hpl(20, true), "wall_declared", 10, 2.0)})};
  const PublishedRanking p = rank_published(rows, mine);
  ASSERT_EQ(p.per_watt.size(), 5u);
  ASSERT_EQ(p.warnings.size(), 2u);
  EXPECT_NE(p.warnings[0].find("M: power is wall-model, not measured wall power: board power through a fitted model"),
            std::string::npos) << p.warnings[0];
  EXPECT_NE(p.warnings[1].find("L: power is wall-declared, not measured wall power: a sensor the user labelled wall"),
            std::string::npos) << p.warnings[1];
  std::ostringstream table, csv;
  report_published_ranking(table, rows, mine, "table");
  report_published_ranking(csv, rows, mine, "csv");
  EXPECT_NE(table.str().find("10.00 (wall-model)!"), std::string::npos) << table.str();
  EXPECT_NE(table.str().find("10.00 (wall-declared)!"), std::string::npos) << table.str();
  EXPECT_TRUE(std::regex_search(table.str(), std::regex("yours \\(HPL-style\\): M .* 2\\.000! "))) << table.str();
  EXPECT_NE(csv.str().find(",wall-model,10,2,,,M.h5,,\"wall-model power, not measured wall: per watt may flatter\""),
            std::string::npos) << csv.str();
}

// Yours are bramble's LU, not official HPL runs: every shape says so, row by row, and no
// published row is labelled HPL-style.
TEST_F(RankingTest, YoursAreHplStyleInEveryFormat) {
  const PublishedRanking p = rank_published(rows, runs);
  for (const auto& s : p.per_node) EXPECT_EQ(s.benchmark, s.yours ? "HPL-style" : "HPL") << s.system;
  std::ostringstream table, markdown, csv, json;
  report_published_ranking(table, rows, runs, "table");
  report_published_ranking(markdown, rows, runs, "markdown");
  report_published_ranking(csv, rows, runs, "csv");
  report_published_ranking(json, rows, runs, "json");
  EXPECT_NE(table.str().find("yours (HPL-style): Y "), std::string::npos) << table.str();
  EXPECT_NE(table.str().find("not official HPL runs"), std::string::npos) << table.str();
  EXPECT_NE(markdown.str().find("**\u25b6 yours (HPL-style): E**"), std::string::npos) << markdown.str();
  EXPECT_NE(csv.str().find(",note,benchmark\n"), std::string::npos) << csv.str();
  EXPECT_TRUE(std::regex_search(csv.str(), std::regex("\nper_node,2,yes,Y,[^\n]*,HPL-style\n"))) << csv.str();
  EXPECT_TRUE(std::regex_search(csv.str(), std::regex("\nper_node,1,no,A,[^\n]*,HPL\n"))) << csv.str();
  const auto doc = nlohmann::json::parse(json.str());
  for (const auto& s : doc["per_node"]) EXPECT_EQ(s["benchmark"], s["yours"] == true ? "HPL-style" : "HPL") << s;
}

}  // namespace
}  // namespace bramble
