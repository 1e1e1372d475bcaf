#include "comparison/compare_report.hpp"

namespace bramble {
void report_comparison(std::ostream&, const Comparison&, const std::string&) {}
}  // namespace bramble
