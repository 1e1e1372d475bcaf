#pragma once
// Numbers as people type them (options, config values, specs such as fixed:7.5), checked
// the same way everywhere. Library range checks let NaN through (every comparison with it
// is false), wrap or saturate huge integers, and explain a 0 with a 309-digit bound; these
// say in a few words what was wanted and what was given.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bramble {

// A decimal whole number with nothing after it (no sign other than '-', no exponent, no
// fraction), or nothing when `text` is not one or does not fit in int64.
std::optional<std::int64_t> parse_whole_number(std::string_view text);

// A finite decimal number (3, 0.5, 1e-3), or nothing for text that is not a number, for
// nan and inf, and for a value too large for a double.
std::optional<double> parse_finite_number(std::string_view text);

// "" when `text` is a whole number in [min, max]; otherwise what is wrong, e.g.
// "must be a whole number of at least 1, got 0" or
// "must be a whole number from 2 to 16777216, got \"ten\"".
std::string check_whole_number(std::string_view text, std::int64_t min, std::int64_t max);

// "" when `text` is a finite number in [min, max]; otherwise what is wrong, e.g.
// "must be a finite number from 0.01 to 60, got nan".
std::string check_finite_number(std::string_view text, double min, double max);

// The range as the messages above word it: "from 1 to 4096", "of at least 1".
std::string whole_range_text(std::int64_t min, std::int64_t max);
std::string finite_range_text(double min, double max);

}  // namespace bramble
