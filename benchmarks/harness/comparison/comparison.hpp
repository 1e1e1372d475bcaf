#pragma once
// `bramble compare`: runs side by side against a baseline run. The comparison is built
// once as data (this file) and written by a reporter (compare_report.hpp), so the table,
// markdown, CSV and JSON cannot disagree.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "comparison/case_figures.hpp"
#include "comparison/case_match.hpp"
#include "comparison/geometric_mean.hpp"
#include "comparison/run_selection.hpp"
#include "comparison/yearly_model.hpp"
#include "results/comparison_validity.hpp"

namespace bramble {

struct CompareOptions {
  int baseline = 0;                                   // index into the selected runs
  std::vector<std::pair<std::string, double>> prices; // --price NAME=USD (overrides the file's)
  std::optional<double> duty;                         // --duty: fraction of the year busy
  std::optional<double> price_kwh;                    // --price-kwh
  bool include_invalid = false;                       // --include-invalid: invalid runs in the mean too
};

struct CompareCell {
  bool present = false;
  CaseFigures figures;
  double ratio = 0;            // figure / baseline's figure; NaN where either is missing
  double per_watt_ratio = 0;   // per watt / baseline's, NaN where either lacks power
  std::optional<YearlyModel> year;  // with --duty, where the run has this case
  std::optional<RatioInterval> noise;  // against the baseline, for rates: is `ratio` beyond noise?
  std::vector<std::string> marks;   // "FAILED", "throttled", "spread 4.1%", "not Green500-valid",
                                    // "within noise", "noise unknown"
};

struct CompareRow {
  CaseRow match;
  std::string problem;                // the baseline's problem line, else the first present
  std::vector<std::string> problems;  // per run ("" where missing)
  std::vector<CompareCell> cells;     // per run
  std::vector<std::string> warnings;  // parameters differ, scopes differ, failed, throttled, missing
};

struct Comparison {
  std::vector<SelectedRun> runs;
  std::vector<double> prices;         // per run, NaN where unknown
  std::vector<ComparisonValidity> validity;  // per run: may its figures stand against the others?
  int baseline = 0;
  CompareOptions options;
  std::vector<CompareRow> rows;
  GeometricMean geomean;
  std::vector<std::string> notes;     // run-level: trust warnings, scopes, missing idle
};

// Both cells have measured power, in different scopes: their per-watt figures do not compare.
bool scopes_differ(const CompareCell& a, const CompareCell& b);

// Throws Error(kExitUsage) for a baseline out of range or a --price naming no run.
Comparison compare_runs(std::vector<SelectedRun> runs, const CompareOptions& options);

}  // namespace bramble
