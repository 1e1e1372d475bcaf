#pragma once
// Validators for `bramble run`'s options, for every kernel and the suite alike. CLI11's own
// Range compares with < and >, so NaN passes it, and its message for a 0 spells out
// DBL_MAX in 309 digits; these check finiteness too and say in a few words what is wanted:
//   --nb: must be a whole number of at least 1, got 0
//   --mem-fraction: must be a finite number from 0.01 to 0.95, got nan
// They run on the text before CLI11 converts it, so a number too big for the option's type
// is refused here rather than wrapped or clamped.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <limits>
#include <string>

#include "core/number_text.hpp"
#include "core/printable.hpp"
#include "power/power_extra.hpp"

namespace bramble {

// How --help shows a range: "[1, 4096]", or ">= 1" with no upper bound.
inline std::string help_range(const std::string& min, const std::string& max) {
  std::string range = max.empty() ? ">= " : "[";
  range.append(min);
  if (!max.empty()) range.append(", ").append(max).append("]");
  return range;
}

// A whole number in [min, max]; T is the option's type, and max defaults to its largest.
template <class T = std::int64_t>
CLI::Validator whole_number(std::int64_t min, std::int64_t max = std::numeric_limits<T>::max()) {
  static_assert(std::numeric_limits<T>::is_integer, "whole_number is for integer options");
  return CLI::Validator([min, max](std::string& text) { return check_whole_number(text, min, max); },
                        help_range(std::to_string(min), max == std::numeric_limits<T>::max() ? "" : std::to_string(max)));
}

// A finite number in [min, max] (no nan, no inf).
inline CLI::Validator finite_number(double min, double max = std::numeric_limits<double>::max()) {
  return CLI::Validator([min, max](std::string& text) { return check_finite_number(text, min, max); },
                        help_range(CLI::detail::to_string(min), max == std::numeric_limits<double>::max() ? "" : CLI::detail::to_string(max)));
}

// --power-extra W[:NAME]: declared shared gear (power/power_extra.hpp).
inline CLI::Validator power_extra_spec() {
  return CLI::Validator([](std::string& text) { return check_power_extra(text); }, "W[:NAME]");
}

// Text stored in result files and shown in tables: no control characters, valid UTF-8.
inline CLI::Validator printable_text() {
  return CLI::Validator(
      [](std::string& text) {
        if (is_printable(text)) return std::string();
        std::string m = "must be printable text (no control characters), got ";
        return m.append(in_quotes(text));
      },
      "TEXT");
}

}  // namespace bramble
