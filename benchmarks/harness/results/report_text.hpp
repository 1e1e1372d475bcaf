#pragma once
// Text escaping shared by every reporter (`show` and `compare`): JSON strings and numbers,
// CSV fields and markdown table cells.
#include <ostream>
#include <string>
#include <vector>

#include "core/value.hpp"

namespace bramble {

// Rows of cells as left-aligned columns, each as wide as its widest cell plus two spaces,
// each line after `indent` and without trailing blanks.
void print_columns(std::ostream& out, const std::vector<std::vector<std::string>>& rows, const std::string& indent = "");

std::string json_string(const std::string& s);  // quoted, with control characters escaped
std::string json_number(double v);              // 17 digits; NaN and infinities as null
std::string json_value(const Value& v);         // an integer, a number or a string, as above
std::string csv_field(const std::string& s);    // quoted where it holds a comma, quote or line break
std::string csv_number(double v);               // 6 significant digits; NaN as empty
std::string markdown_cell(std::string s);       // no pipe, no line break

}  // namespace bramble
