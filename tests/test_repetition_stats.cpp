// The statistics of repetitions: median, best, coefficient of variation and the 95 % interval
// of the mean (checked against Student's t by hand), and the noise verdict between two runs.
#include <gtest/gtest.h>

#include <cmath>

#include "core/repetition_stats.hpp"

namespace bramble {
namespace {

TEST(RepetitionStats, MedianBestCvAndInterval) {
  const RepetitionStats s = repetition_stats({5, 1, 4, 2, 3});
  EXPECT_EQ(s.count, 5);
  EXPECT_DOUBLE_EQ(s.best, 1);
  EXPECT_DOUBLE_EQ(s.median, 3);
  EXPECT_DOUBLE_EQ(s.mean, 3);
  const double sd = std::sqrt(2.5);
  EXPECT_NEAR(s.cv_percent, 100 * sd / 3, 1e-12);
  // t(0.975, 4 degrees of freedom) = 2.776445 (any table of Student's t).
  const double half = 2.776445 * sd / std::sqrt(5.0);
  EXPECT_NEAR(s.ci95_low, 3 - half, 1e-5);
  EXPECT_NEAR(s.ci95_high, 3 + half, 1e-5);
  EXPECT_DOUBLE_EQ(repetition_stats({2, 4}).median, 3);
}

TEST(RepetitionStats, OneRepetitionHasNoSpread) {
  const RepetitionStats s = repetition_stats({0.5});
  EXPECT_DOUBLE_EQ(s.best, 0.5);
  EXPECT_TRUE(std::isnan(s.cv_percent));
  EXPECT_TRUE(std::isnan(s.ci95_low));
  EXPECT_TRUE(std::isnan(repetition_stats({}).best));
}

TEST(RepetitionStats, RatesFromTheBestRepetition) {
  const std::vector<double> rates = repetition_rates(10.0, {2.0, 1.0, 4.0});  // 10 at the 1 s repetition
  ASSERT_EQ(rates.size(), 3u);
  EXPECT_DOUBLE_EQ(rates[0], 5.0);
  EXPECT_DOUBLE_EQ(rates[1], 10.0);
  EXPECT_DOUBLE_EQ(rates[2], 2.5);
}

// Two runs of one machine: the same spread around the same rate.
TEST(NoiseVerdict, OverlappingRunsAreWithinNoise) {
  const RatioInterval r = compare_rates({100, 104, 97, 101}, {102, 98, 103, 99});
  EXPECT_EQ(r.verdict, NoiseVerdict::within_noise);
  EXPECT_LT(r.low, 1);
  EXPECT_GT(r.high, 1);
  EXPECT_STREQ(verdict_text(r.verdict), "within noise");
}

// 20 % apart with 1 % spread: a real difference, and the interval brackets the ratio.
TEST(NoiseVerdict, SeparateRunsAreBeyondNoise) {
  const RatioInterval r = compare_rates({120, 121, 119, 120.5}, {100, 101, 99, 100.5});
  EXPECT_EQ(r.verdict, NoiseVerdict::beyond_noise);
  EXPECT_GT(r.low, 1.15);
  EXPECT_LT(r.high, 1.25);
}

// A 10 % gap is noise when each run swings by 15 %: the mean ratio alone would call it real.
TEST(NoiseVerdict, AGapSmallerThanTheSwingIsWithinNoise) {
  const RatioInterval r = compare_rates({110, 95, 125, 112}, {100, 85, 115, 102});
  EXPECT_EQ(r.verdict, NoiseVerdict::within_noise);
}

TEST(NoiseVerdict, OneRepetitionCannotTell) {
  EXPECT_EQ(compare_rates({100}, {50, 51, 52}).verdict, NoiseVerdict::too_few_reps);
  EXPECT_EQ(compare_rates({100, 101}, {}).verdict, NoiseVerdict::too_few_reps);
}

}  // namespace
}  // namespace bramble
