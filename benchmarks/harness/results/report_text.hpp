#pragma once
// Text escaping shared by every reporter (`show` and `compare`): CSV fields, markdown table
// cells and aligned columns, each cell shown through printable() (control characters and
// bad UTF-8 as \xHH), whatever file it came from. JSON is nlohmann's to escape
// (results/json_output.hpp).
#include <ostream>
#include <string>
#include <vector>

namespace bramble {

// Rows of cells as left-aligned columns, each as wide as its widest cell plus two spaces,
// each line after `indent` and without trailing blanks.
void print_columns(std::ostream& out, const std::vector<std::vector<std::string>>& rows, const std::string& indent = "");

std::string csv_field(const std::string& s);    // printable, quoted where it holds a comma or quote
std::string csv_number(double v);               // 6 significant digits; NaN as empty
std::string markdown_cell(std::string s);       // printable, no pipe

}  // namespace bramble
