// How `bramble scaling` groups results into studies and tells strong from weak scaling,
// and the study it works out, on runs made up in memory (no files, no MPI).
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "comparison/scaling_analysis.hpp"
#include "comparison/scaling_math.hpp"
#include "comparison/scaling_report.hpp"
#include "core/errors.hpp"

namespace bramble {
namespace {

// One run holding one kernel result.
SelectedRun run(const std::string& label, const std::string& kernel, int ranks, double figure,
                std::vector<NamedValue> parameters, bool passed = true) {
  SelectedRun s;
  s.file = "study.h5";
  s.name = label.empty() ? "host " + std::to_string(ranks) : label;
  s.run.context.label = label;
  s.run.context.node_count = 1;
  KernelRecord k;
  k.result.kernel = kernel;
  k.result.problem = kernel + " at " + std::to_string(ranks);
  k.result.ranks = ranks;
  k.result.figure_of_merit = figure;
  k.result.unit = "Gflop/s";
  k.result.rep_seconds = {100.0 / figure};
  k.result.passed = passed;
  k.result.parameters = std::move(parameters);
  s.run.kernels.push_back(k);
  return s;
}

std::vector<NamedValue> hpl(std::int64_t n, std::int64_t p, std::int64_t q) {
  return {{"n", n}, {"nb", std::int64_t{32}}, {"p", p}, {"q", q}, {"seed", std::int64_t{42}}};
}

std::vector<NamedValue> stencil(std::int64_t nx, bool weak) {
  return {{"dims", std::int64_t{2}}, {"nx", nx}, {"ny", std::int64_t{64}}, {"weak", std::int64_t{weak}}};
}

TEST(ScalingGroups, LabelsFromTheScriptDecideTheMode) {
  const std::vector<SelectedRun> runs{run("scaling weak hpl np=4", "hpl", 4, 30, hpl(800, 2, 2)),
                                      run("scaling weak hpl np=1", "hpl", 1, 10, hpl(400, 1, 1)),
                                      run("scaling weak hpl np=2", "hpl", 2, 18, hpl(576, 1, 2))};
  const auto groups = scaling_groups(runs, "", std::nullopt);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].mode, ScalingMode::weak);
  EXPECT_EQ(groups[0].mode_from, "run labels");
  EXPECT_EQ(rank_counts(groups[0]), (std::vector<int>{1, 2, 4}));
  EXPECT_EQ(groups[0].points.front().ranks, 1);
  EXPECT_TRUE(groups[0].warnings.empty());
}

TEST(ScalingGroups, StrongStudiesAreSplitByProblem) {
  const std::vector<SelectedRun> runs{run("scaling strong hpl np=1", "hpl", 1, 10, hpl(400, 1, 1)),
                                      run("scaling strong hpl np=2", "hpl", 2, 16, hpl(400, 1, 2)),
                                      run("scaling strong hpl np=1", "hpl", 1, 11, hpl(800, 1, 1)),
                                      run("scaling strong hpl np=2", "hpl", 2, 20, hpl(800, 1, 2))};
  const auto groups = scaling_groups(runs, "hpl", std::nullopt);
  ASSERT_EQ(groups.size(), 2u);
  for (const auto& g : groups) EXPECT_EQ(rank_counts(g), (std::vector<int>{1, 2}));
}

TEST(ScalingGroups, StencilsWeakParameterMeansWeak) {
  const std::vector<SelectedRun> runs{run("", "stencil", 1, 100, stencil(64, true)),
                                      run("", "stencil", 2, 190, stencil(128, true))};
  const auto groups = scaling_groups(runs, "", std::nullopt);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].mode, ScalingMode::weak);
  EXPECT_EQ(groups[0].mode_from, "the stencil's weak parameter");
}

TEST(ScalingGroups, UnlabelledSameProblemIsStrong) {
  const std::vector<SelectedRun> runs{run("", "hpl", 1, 10, hpl(400, 1, 1)), run("", "hpl", 2, 16, hpl(400, 1, 2))};
  const auto groups = scaling_groups(runs, "", std::nullopt);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].mode, ScalingMode::strong);
  EXPECT_EQ(groups[0].mode_from, "the same problem at every rank count");
  EXPECT_TRUE(groups[0].warnings.empty());
}

TEST(ScalingGroups, UnlabelledChangingProblemIsAGuessUnlessForced) {
  const std::vector<SelectedRun> runs{run("", "hpl", 1, 10, hpl(400, 1, 1)), run("", "hpl", 4, 30, hpl(800, 2, 2))};
  const auto guessed = scaling_groups(runs, "", std::nullopt);
  ASSERT_EQ(guessed.size(), 1u);
  EXPECT_EQ(guessed[0].mode, ScalingMode::strong);
  ASSERT_EQ(guessed[0].warnings.size(), 1u);
  EXPECT_NE(guessed[0].warnings[0].find("cannot tell strong from weak"), std::string::npos);

  const auto forced = scaling_groups(runs, "", ScalingMode::weak);
  ASSERT_EQ(forced.size(), 1u);
  EXPECT_EQ(forced[0].mode, ScalingMode::weak);
  EXPECT_EQ(forced[0].mode_from, "--weak");
  EXPECT_TRUE(forced[0].warnings.empty());
}

TEST(ScalingGroups, UnknownKernelNamesTheOnesThereAre) {
  const std::vector<SelectedRun> runs{run("", "hpl", 1, 10, hpl(400, 1, 1)),
                                      run("", "stencil", 2, 9, stencil(64, false))};
  try {
    scaling_groups(runs, "linpack", std::nullopt);
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "--kernel \"linpack\": no run of the selected files has it; they hold hpl, stencil");
    EXPECT_EQ(e.exit_code(), kExitInput);
  }
}

TEST(ScalingAnalysis, StrongStudyByHand) {
  const std::vector<SelectedRun> runs{run("scaling strong hpl np=1", "hpl", 1, 10, hpl(400, 1, 1)),
                                      run("scaling strong hpl np=2", "hpl", 2, 16, hpl(400, 1, 2)),
                                      run("scaling strong hpl np=4", "hpl", 4, 25, hpl(400, 2, 2))};
  const ScalingStudy s = analyse_scaling(scaling_groups(runs, "", std::nullopt).at(0));
  ASSERT_EQ(s.rows.size(), 3u);
  EXPECT_EQ(s.base_ranks, 1);
  EXPECT_NEAR(s.rows[1].speedup, 1.6, 1e-12);
  EXPECT_NEAR(s.rows[2].efficiency, 0.625, 1e-12);
  EXPECT_TRUE(std::isnan(s.rows[0].serial_fraction));
  EXPECT_NEAR(s.rows[2].serial_fraction, 0.2, 1e-12);
  EXPECT_NEAR(s.rows[2].seconds, 4.0, 1e-12);  // 100 / 25
  ASSERT_TRUE(s.fit.has_value());
  EXPECT_EQ(s.fit->law, "Amdahl");
  EXPECT_NEAR(s.fit->serial_fraction, 14.0 / 65.0, 1e-12);  // as in test_scaling_math
  EXPECT_EQ(s.fit->predicted_ranks, 16);
  EXPECT_NEAR(s.fit->predicted_speedup, amdahl_speedup(14.0 / 65.0, 16), 1e-12);
  EXPECT_EQ(s.waiting_phases, (std::vector<std::string>{"panel_broadcast", "row_swap"}));
}

TEST(ScalingAnalysis, FailedAndRepeatedResultsAreFlaggedAndLeftOut) {
  const std::vector<SelectedRun> runs{run("scaling strong hpl np=2", "hpl", 2, 10, hpl(400, 1, 2)),
                                      run("scaling strong hpl np=4", "hpl", 4, 15, hpl(400, 2, 2)),
                                      run("scaling strong hpl np=4", "hpl", 4, 99, hpl(400, 2, 2), false),
                                      run("scaling strong hpl np=8", "hpl", 8, 18, hpl(400, 2, 4))};
  const ScalingStudy s = analyse_scaling(scaling_groups(runs, "", std::nullopt).at(0));
  EXPECT_EQ(s.base_ranks, 2);  // speedups relative to 2 ranks: p = ranks / 2
  ASSERT_EQ(s.rows.size(), 4u);
  EXPECT_TRUE(s.rows[1].repeated && s.rows[2].repeated && !s.rows[0].repeated);
  EXPECT_FALSE(s.rows[2].passed);
  EXPECT_NEAR(s.rows[3].efficiency, 1.8 / 4, 1e-12);
  // The fit sees 1, 1.5, 1.8 at p = 1, 2, 4 (the failed 99 is left out):
  // f = (0.5 (1/1.5 - 0.5) + 0.75 (1/1.8 - 0.25)) / 0.8125
  const double f = (0.5 * (1 / 1.5 - 0.5) + 0.75 * (1 / 1.8 - 0.25)) / 0.8125;
  ASSERT_TRUE(s.fit.has_value());
  EXPECT_NEAR(s.fit->serial_fraction, f, 1e-12);
  EXPECT_EQ(s.warnings.size(), 2u);  // 4 ranks repeat; a FAILED result
}

TEST(ScalingAnalysis, WeakStudyFitsGustafson) {
  const std::vector<SelectedRun> runs{run("scaling weak stencil np=1", "stencil", 1, 100, stencil(64, true)),
                                      run("scaling weak stencil np=2", "stencil", 2, 190, stencil(128, true)),
                                      run("scaling weak stencil np=4", "stencil", 4, 370, stencil(256, true))};
  const ScalingStudy s = analyse_scaling(scaling_groups(runs, "", std::nullopt).at(0));
  ASSERT_TRUE(s.fit.has_value());
  EXPECT_EQ(s.fit->law, "Gustafson");
  EXPECT_NEAR(s.fit->serial_fraction, 0.1, 1e-12);  // 1.9 = 2 - 0.1, 3.7 = 4 - 0.3
  // Per step, Gustafson's f, not Karp-Flatt's: (4 - 3.7) / 3 = 0.1.
  EXPECT_NEAR(s.rows[2].serial_fraction, 0.1, 1e-12);
  EXPECT_TRUE(std::isnan(s.fit->speedup_limit));
}

std::string report_text(const ScalingStudy& s) {
  std::ostringstream out;
  write_scaling_text(out, {s}, {}, false);
  return out.str();
}

// HPL's usual weak sizing, N growing as sqrt(p), holds the matrix memory per rank constant,
// and the flops per rank (2/3 N^3 / p) then grow as sqrt(p): not the constant work per rank
// that the scaled speedup's ideal of p and Gustafson's law assume. The report says what was
// held constant and fits no law.
TEST(ScalingAnalysis, WeakHplWithMemoryPerRankConstantIsNotCalledConstantWork) {
  const std::vector<SelectedRun> runs{run("scaling weak hpl np=1", "hpl", 1, 10, hpl(400, 1, 1)),
                                      run("scaling weak hpl np=2", "hpl", 2, 18, hpl(576, 1, 2)),
                                      run("scaling weak hpl np=4", "hpl", 4, 30, hpl(800, 2, 2))};
  const ScalingStudy s = analyse_scaling(scaling_groups(runs, "", std::nullopt).at(0));
  EXPECT_FALSE(s.fit.has_value());
  for (const auto& r : s.rows) EXPECT_TRUE(std::isnan(r.serial_fraction)) << r.ranks << " ranks";
  EXPECT_NEAR(s.rows[2].speedup, 3.0, 1e-12);  // still the Gflop/s ratio: work actually done per second
  const std::string text = report_text(s);
  EXPECT_EQ(text.find("work per rank held constant"), std::string::npos) << text;
  EXPECT_EQ(text.find("Gustafson fit"), std::string::npos) << text;
  EXPECT_NE(text.find("memory per rank held constant"), std::string::npos) << text;
  // HPL's flops 2/3 N^3 + 3/2 N^2, per rank: (341.3e6 + 0.96e6) / 4 over 42.67e6 + 0.24e6.
  EXPECT_NE(text.find("grew 1.99x from 1 to 4 ranks"), std::string::npos) << text;
  EXPECT_NE(text.find("no fit: "), std::string::npos) << text;
}

// N growing as the cube root of p holds the flops per rank constant (within the rounding of
// N): a weak study as Gustafson meant it, fitted as before.
TEST(ScalingAnalysis, WeakHplWithWorkPerRankConstantFitsGustafson) {
  const std::vector<SelectedRun> runs{run("scaling weak hpl np=1", "hpl", 1, 10, hpl(400, 1, 1)),
                                      run("scaling weak hpl np=2", "hpl", 2, 19, hpl(504, 1, 2)),
                                      run("scaling weak hpl np=4", "hpl", 4, 37, hpl(635, 2, 2))};
  const ScalingStudy s = analyse_scaling(scaling_groups(runs, "", std::nullopt).at(0));
  ASSERT_TRUE(s.fit.has_value());
  EXPECT_EQ(s.fit->law, "Gustafson");
  EXPECT_NEAR(s.fit->serial_fraction, 0.1, 1e-12);  // 1.9 = 2 - 0.1, 3.7 = 4 - 0.3
  EXPECT_NEAR(s.rows[2].serial_fraction, 0.1, 1e-12);
  const std::string text = report_text(s);
  EXPECT_NE(text.find("work per rank held constant"), std::string::npos) << text;
  EXPECT_NE(text.find("Gustafson fit"), std::string::npos) << text;
}

}  // namespace
}  // namespace bramble
