#pragma once
// How many times a kernel repeats its timed part. One repetition says nothing about noise:
// on a busy machine the same run swings by 15 % and more, so a single number cannot tell a
// real difference from a bad moment. As the Phoronix Test Suite does: at least `min_reps`,
// then more while the repetitions' coefficient of variation is above `cv_target_percent`,
// up to `max_reps`. Every repetition is stored; `bramble compare` tests ratios against them.
#include <cmath>
#include <vector>

#include "core/repetition_stats.hpp"

namespace bramble {

struct RepetitionPolicy {
  int min_reps = 3;
  int max_reps = 10;
  double cv_target_percent = 3.5;

  // True while the timed part should run again, given the times so far. Every rank holds the
  // same times (the slowest rank's, from RunContext::stop_timed), so every rank agrees.
  bool wants_more(const std::vector<double>& seconds) const {
    const int n = int(seconds.size());
    if (n < min_reps) return true;
    if (n >= max_reps) return false;
    const double cv = repetition_stats(seconds).cv_percent;
    return !std::isnan(cv) && cv > cv_target_percent;  // NaN (one repetition) asks for no more
  }
};

}  // namespace bramble
