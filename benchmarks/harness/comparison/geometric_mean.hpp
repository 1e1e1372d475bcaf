#pragma once
// The one-number summary of `bramble compare`: the geometric mean of each run's ratios to the
// baseline (SPEC's way to average ratios, where no kernel's unit dominates). Two rules keep it
// from flattering anyone:
//   - it weights kernels, not rows: a file with STREAM once and the stencil in 2D and 3D gives
//     the stencil one vote, the mean of its two rows, not two votes;
//   - it covers runs valid for comparison only (results/comparison_validity.hpp). A run that is
//     not, or any run when the baseline is not, gets no mean and the reason; asked to keep them
//     (--include-invalid), it names the invalid runs it kept.
// Per watt, the same, over the same rows, and only where every row has a per-watt ratio of one
// scope (comparison.cpp leaves it NaN across scopes).
#include <cstddef>
#include <string>
#include <vector>

#include "results/comparison_validity.hpp"

namespace bramble {

struct CompareRow;  // comparison.hpp

struct GeometricMean {
  std::vector<std::string> kernels;   // covered, each one vote: "stencil (2 rows)" or "hpl"
  std::vector<double> ratio;          // per run; NaN where the run has none (see excluded)
  std::vector<double> per_watt_ratio; // per run, NaN where a covered row lacks power or its scope
  std::vector<std::string> per_watt_missing;  // per run, why per_watt_ratio is NaN ("" where it is not)
  std::vector<std::string> excluded;  // per run: why it has no mean ("" where it has one)
  std::vector<std::string> invalid_kept;  // with include_invalid: the invalid runs averaged anyway
  std::vector<std::string> left_out;  // rows left out and why
};

// `names` and `validity` are per run; every row has a cell per run.
GeometricMean geometric_mean(const std::vector<CompareRow>& rows, const std::vector<std::string>& names,
                             const std::vector<ComparisonValidity>& validity, std::size_t baseline,
                             bool include_invalid);

}  // namespace bramble
