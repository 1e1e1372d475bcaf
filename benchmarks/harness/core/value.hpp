#pragma once
// A named scalar as result files store it: an integer, a real or a text. Kernels describe
// their parameters, figures and verification this way, so the result file, the reporters
// and `bramble compare` need not know any kernel.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace bramble {

using Value = std::variant<std::int64_t, double, std::string>;

struct NamedValue {
  std::string name;
  Value value;
};

// The named value, or nullptr.
const Value* find_value(const std::vector<NamedValue>& values, const std::string& name);

// As text: integers in full, reals with 6 significant digits, text as it is.
std::string to_text(const Value& v);

// As a number: integers and reals as double, text and absent values as `otherwise`.
double to_number(const Value* v, double otherwise);

}  // namespace bramble
