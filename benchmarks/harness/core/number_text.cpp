#include "core/number_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/printable.hpp"

namespace bramble {
namespace {

// The shortest text that reads back as v: 0.01, 60, 1e+06.
std::string shortest(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// What was given, as the messages show it: a number as typed, anything else quoted.
std::string given(std::string_view text, bool is_number) {
  return is_number ? printable(text, 40) : in_quotes(text, 40);
}

}  // namespace

std::optional<std::int64_t> parse_whole_number(std::string_view text) {
  std::int64_t value = 0;
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') text.remove_prefix(1);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_finite_number(std::string_view text) {
  double value = 0;
  // from_chars takes no leading '+', which people may type.
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') text.remove_prefix(1);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::string whole_range_text(std::int64_t min, std::int64_t max) {
  if (max == std::numeric_limits<std::int64_t>::max()) return "of at least " + std::to_string(min);
  return "from " + std::to_string(min) + " to " + std::to_string(max);
}

std::string finite_range_text(double min, double max) {
  if (max == std::numeric_limits<double>::max()) return "of at least " + shortest(min);
  return "from " + shortest(min) + " to " + shortest(max);
}

std::string check_whole_number(std::string_view text, std::int64_t min, std::int64_t max) {
  const std::optional<std::int64_t> v = parse_whole_number(text);
  if (v && *v >= min && *v <= max) return "";
  // A number too long for int64 is still a number: say it is out of range, not "not a number".
  const bool digits = !text.empty() && text.find_first_not_of("+-0123456789") == std::string_view::npos &&
                      text.find_first_of("+-", 1) == std::string_view::npos && text.find_first_of("0123456789") != std::string_view::npos;
  // Above the largest allowed (or beyond int64 altogether), the message names the largest,
  // even where the option has no bound of its own: "at least 0" would not say what is wrong.
  const bool too_big = v ? *v > max : digits && text.front() != '-';
  std::string m = "must be a whole number ";
  m.append(too_big ? "from " + std::to_string(min) + " to " + std::to_string(max) : whole_range_text(min, max))
      .append(", got ")
      .append(given(text, digits));
  return m;
}

std::string check_finite_number(std::string_view text, double min, double max) {
  const std::optional<double> v = parse_finite_number(text);
  if (v && *v >= min && *v <= max) return "";
  double any = 0;  // nan, inf and 1e999 are numbers of a sort: shown unquoted
  const bool number = std::from_chars(text.data(), text.data() + text.size(), any).ptr == text.data() + text.size() &&
                      !text.empty();
  std::string m = "must be a finite number ";
  m.append(finite_range_text(min, max)).append(", got ").append(given(text, number));
  return m;
}

}  // namespace bramble
