#pragma once
// Writing a Comparison: "table" (a terminal), "markdown" (a GitHub issue, as sbc-reviews and
// top500-benchmark users post results), "csv" (a row per kernel and run) or "json".
#include <ostream>
#include <string>

#include "comparison/comparison.hpp"

namespace bramble {

void report_comparison(std::ostream& out, const Comparison& c, const std::string& format);

}  // namespace bramble
