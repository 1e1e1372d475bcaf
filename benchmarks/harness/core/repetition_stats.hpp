#pragma once
// What a kernel's repetitions say, and whether two runs differ by more than their noise.
//
// A run is a sample of repetitions, not a number: the same binary at the same size swings by
// 15 % and more on a busy machine. So a ratio between two runs is called a real difference
// only when the repetitions support it: Welch's t-test on the logarithms of the per-repetition
// rates (a ratio of rates is a difference of logarithms, and Welch does not assume the two
// machines are equally noisy), at 95 %. Student's t quantiles come from Boost.Math.
#include <vector>

namespace bramble {

struct RepetitionStats {
  int count = 0;
  double best = 0, median = 0, mean = 0;  // of the values given (seconds, or rates)
  double cv_percent = 0;                  // sample standard deviation / mean; NaN below 2
  double ci95_low = 0, ci95_high = 0;     // 95 % confidence interval of the mean; NaN below 2
};

// Statistics of repetition times (best = the shortest). NaN fields where undefined.
RepetitionStats repetition_stats(const std::vector<double>& seconds);

// Per-repetition rates from a figure of merit measured at the best (shortest) repetition:
// each repetition did the same work, so its rate is figure x best / its time.
std::vector<double> repetition_rates(double figure_at_best, const std::vector<double>& seconds);

enum class NoiseVerdict {
  beyond_noise,   // the interval of the ratio excludes 1
  within_noise,   // it includes 1: the difference may be noise
  too_few_reps,   // a run has fewer than 2 repetitions: its noise is unknown
};

struct RatioInterval {
  NoiseVerdict verdict = NoiseVerdict::too_few_reps;
  double low = 0, high = 0;  // 95 % interval of the ratio of geometric-mean rates, a over b
};

// Whether the rates of run `a` differ from those of run `b` by more than their noise.
RatioInterval compare_rates(const std::vector<double>& a, const std::vector<double>& b);

const char* verdict_text(NoiseVerdict v);  // "beyond noise", "within noise", "too few reps"

}  // namespace bramble
