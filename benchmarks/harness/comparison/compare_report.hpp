#pragma once
// Writing a Comparison: "table" (a terminal), "markdown" (a GitHub issue, as sbc-reviews and
// top500-benchmark users post results), "csv" (a row per kernel and run) or "json".
#include <ostream>
#include <string>

#include "comparison/comparison.hpp"

namespace bramble {

void report_comparison(std::ostream& out, const Comparison& c, const std::string& format);

// The machine-readable forms (compare_data.cpp): one record per case and run, the same
// names in both.
void report_comparison_csv(std::ostream& out, const Comparison& c);
void report_comparison_json(std::ostream& out, const Comparison& c);

}  // namespace bramble
