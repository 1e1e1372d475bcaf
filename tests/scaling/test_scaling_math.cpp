// The scaling arithmetic against values worked out by hand (the working is in the comments),
// and against data that follow Amdahl's and Gustafson's laws exactly.
#include <gtest/gtest.h>

#include <cmath>

#include "comparison/scaling_math.hpp"

namespace bramble {
namespace {

// A made-up strong-scaling curve: speedups 1, 1.6 and 2.5 at 1, 2 and 4 ranks.
const std::vector<double> kP{1, 2, 4};
const std::vector<double> kS{1, 1.6, 2.5};

TEST(ScalingMath, SpeedupIsTheRatioOfRates) {
  EXPECT_DOUBLE_EQ(scaling_speedup(8.0, 5.0), 1.6);
  EXPECT_DOUBLE_EQ(scaling_speedup(5.0, 5.0), 1.0);
}

TEST(ScalingMath, EfficiencyIsSpeedupPerRank) {
  EXPECT_DOUBLE_EQ(scaling_efficiency(1.6, 2), 0.8);
  EXPECT_DOUBLE_EQ(scaling_efficiency(2.5, 4), 0.625);
  EXPECT_DOUBLE_EQ(scaling_efficiency(1.0, 1), 1.0);
}

TEST(ScalingMath, KarpFlattByHand) {
  // p = 2: (1/1.6 - 1/2) / (1 - 1/2) = (0.625 - 0.5) / 0.5 = 0.25
  EXPECT_NEAR(karp_flatt(1.6, 2), 0.25, 1e-15);
  // p = 4: (1/2.5 - 1/4) / (1 - 1/4) = 0.15 / 0.75 = 0.2
  EXPECT_NEAR(karp_flatt(2.5, 4), 0.2, 1e-15);
  // Perfect speedup: no serial part. Superlinear: negative.
  EXPECT_NEAR(karp_flatt(4, 4), 0.0, 1e-15);
  EXPECT_LT(karp_flatt(5, 4), 0.0);
}

TEST(ScalingMath, KarpFlattIsUndefinedAtTheBase) { EXPECT_TRUE(std::isnan(karp_flatt(1.0, 1))); }

TEST(ScalingMath, GustafsonFractionByHand) {
  // p = 2: (2 - 1.8) / (2 - 1) = 0.2; p = 4: (4 - 3.4) / 3 = 0.2; p = 4, S = 4: 0
  EXPECT_NEAR(gustafson_fraction(1.8, 2), 0.2, 1e-15);
  EXPECT_NEAR(gustafson_fraction(3.4, 4), 0.2, 1e-15);
  EXPECT_NEAR(gustafson_fraction(4, 4), 0.0, 1e-15);
  EXPECT_TRUE(std::isnan(gustafson_fraction(1.0, 1)));
}

TEST(ScalingMath, AmdahlAndGustafsonLaws) {
  // f = 0.1, p = 4: 1 / (0.1 + 0.9 / 4) = 1 / 0.325
  EXPECT_NEAR(amdahl_speedup(0.1, 4), 1 / 0.325, 1e-12);
  EXPECT_DOUBLE_EQ(amdahl_speedup(0.1, 1), 1.0);
  EXPECT_DOUBLE_EQ(amdahl_speedup(0.0, 16), 16.0);
  // f = 0.1, p = 4: 4 - 0.1 * 3 = 3.7
  EXPECT_NEAR(gustafson_speedup(0.1, 4), 3.7, 1e-12);
  EXPECT_DOUBLE_EQ(gustafson_speedup(0.1, 1), 1.0);
}

TEST(ScalingMath, AmdahlFitByHand) {
  // x = 1 - 1/p = {0, 0.5, 0.75}; y = 1/S - 1/p = {0, 0.125, 0.15}
  // f = (0.5 * 0.125 + 0.75 * 0.15) / (0.25 + 0.5625) = 0.175 / 0.8125 = 14/65
  const SerialFractionFit fit = fit_amdahl(kP, kS);
  EXPECT_NEAR(fit.f, 14.0 / 65.0, 1e-12);
  EXPECT_NEAR(amdahl_limit(fit.f), 65.0 / 14.0, 1e-12);
  // Residuals: S(2) = 1 / (14/65 + 51/130) = 130/79, S(4) = 1 / (14/65 + 51/260) = 260/107.
  const double r2 = 1.6 - 130.0 / 79.0, r4 = 2.5 - 260.0 / 107.0;
  EXPECT_NEAR(fit.rms, std::sqrt((r2 * r2 + r4 * r4) / 3), 1e-12);
}

TEST(ScalingMath, AmdahlFitRecoversAnExactLaw) {
  const std::vector<double> p{1, 2, 4, 8, 16};
  std::vector<double> s;
  for (double pi : p) s.push_back(amdahl_speedup(0.05, pi));
  const SerialFractionFit fit = fit_amdahl(p, s);
  EXPECT_NEAR(fit.f, 0.05, 1e-12);
  EXPECT_NEAR(fit.rms, 0.0, 1e-12);
  // ... and Karp-Flatt gives the same f at every p.
  for (std::size_t i = 1; i < p.size(); ++i) EXPECT_NEAR(karp_flatt(s[i], p[i]), 0.05, 1e-12);
}

TEST(ScalingMath, GustafsonFitByHand) {
  // Scaled speedups 1, 1.8, 3.4: p - S = {0, 0.2, 0.6}, p - 1 = {0, 1, 3}
  // f = (1 * 0.2 + 3 * 0.6) / (1 + 9) = 2.0 / 10 = 0.2
  const SerialFractionFit fit = fit_gustafson(kP, {1, 1.8, 3.4});
  EXPECT_NEAR(fit.f, 0.2, 1e-12);
  // The fitted law: 1, 1.8, 3.4 exactly (the points happen to lie on it).
  EXPECT_NEAR(fit.rms, 0.0, 1e-12);
  const SerialFractionFit exact = fit_gustafson(kP, {1, 1.9, 3.7});
  EXPECT_NEAR(exact.f, 0.1, 1e-12);
}

TEST(ScalingMath, FitsNeedAPointBeyondTheBase) {
  EXPECT_TRUE(std::isnan(fit_amdahl({1}, {1}).f));
  EXPECT_TRUE(std::isnan(fit_gustafson({}, {}).f));
}

TEST(ScalingMath, NoSerialPartHasNoLimit) {
  EXPECT_TRUE(std::isinf(amdahl_limit(0.0)));
  EXPECT_TRUE(std::isinf(amdahl_limit(-0.01)));
  EXPECT_DOUBLE_EQ(amdahl_limit(0.25), 4.0);
  // Superlinear speedup (2.2 at 2 ranks) fits a negative serial fraction.
  EXPECT_LT(fit_amdahl({1, 2}, {1, 2.2}).f, 0.0);
}

TEST(ScalingMath, WaitingShareOverAllRanks) {
  // 2 ranks x 3 phases: waiting phases hold 2 + 3 + 2 + 1 = 8 of 12 seconds.
  const std::vector<std::string> names{"panel_factor", "panel_broadcast", "row_swap"};
  const std::vector<double> seconds{1, 2, 3, 3, 2, 1};
  EXPECT_NEAR(waiting_share(names, seconds, {"panel_broadcast", "row_swap"}), 8.0 / 12.0, 1e-15);
  EXPECT_NEAR(waiting_share(names, seconds, {"panel_factor"}), 4.0 / 12.0, 1e-15);
  // No such phase (STREAM), no phases at all, no time recorded: unknown.
  EXPECT_TRUE(std::isnan(waiting_share(names, seconds, {})));
  EXPECT_TRUE(std::isnan(waiting_share({}, {}, {"idle"})));
  EXPECT_TRUE(std::isnan(waiting_share(names, {0, 0, 0}, {"row_swap"})));
}

}  // namespace
}  // namespace bramble
