#include "results/report_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/printable.hpp"

namespace bramble {

// Every cell passes through printable() here, in the one place each format writes cells:
// labels, host names, scene names and published CSV cells come from files, and a file can
// hold ESC, BEL or a line break as easily as a command line can (issue 22 §3).
std::string csv_field(const std::string& raw) {
  const std::string s = printable(raw);
  if (s.find_first_of(",\"") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_number(double v) {
  if (std::isnan(v)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string markdown_cell(std::string raw) {
  std::string s = printable(raw);
  for (char& c : s)
    if (c == '|') c = '/';
  return s;
}

void print_columns(std::ostream& out, const std::vector<std::vector<std::string>>& raw, const std::string& indent) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : raw) {
    rows.emplace_back();
    for (const auto& cell : r) rows.back().push_back(printable(cell));
  }
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], row[c].size());
    }
  for (const auto& row : rows) {
    std::string line = indent;
    for (std::size_t c = 0; c < row.size(); ++c) line += row[c] + std::string(width[c] + 2 - row[c].size(), ' ');
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  }
}

}  // namespace bramble
