#include "comparison/compare_report.hpp"

#include <algorithm>
#include <set>

#include "comparison/compare_text.hpp"
#include "core/errors.hpp"
#include "results/report_text.hpp"

namespace bramble {
namespace {

void print_grid(std::ostream& out, const TextGrid& g, const std::string& indent) { print_columns(out, g, indent); }

void print_markdown_grid(std::ostream& out, const TextGrid& g) {
  for (std::size_t r = 0; r < g.size(); ++r) {
    out << '|';
    for (const auto& cell : g[r]) out << ' ' << markdown_cell(cell) << " |";
    out << '\n';
    if (r == 0) {  // numbers right-aligned, words left
      static const std::set<std::string> words{"run", "file", "machine", "cpu", "BLAS core", "problem", "checks", "kernel", "scope"};
      out << '|';
      for (std::size_t c = 0; c < g[0].size(); ++c) out << (c == 0 || words.count(g[0][c]) ? "---|" : "---:|");
      out << '\n';
    }
  }
}

std::string case_heading(const CompareRow& row) {
  return row.match.kernel + ": " + (row.match.same_parameters ? row.problem + " (same parameters in every run)" : "parameters differ between runs");
}

void report_table(std::ostream& out, const Comparison& c) {
  out << comparison_title(c) << "\n\n";
  print_grid(out, run_list(c), "  ");
  for (const auto& row : c.rows) {
    out << '\n' << case_heading(row) << '\n';
    print_grid(out, case_grid(c, row), "  ");
    for (const auto& w : row.warnings) out << "  ! " << w << '\n';
  }
  out << '\n';
  for (const auto& l : geomean_lines(c)) out << l << '\n';
  if (c.options.duty) {
    out << '\n' << year_title(c) << '\n';
    print_grid(out, year_grid(c), "  ");
  }
  if (!c.notes.empty()) {
    out << "\nWhy some figures cannot be trusted (the runs' own warnings):\n";
    for (const auto& n : c.notes) out << "  - " << n << '\n';
  }
}

void report_markdown(std::ostream& out, const Comparison& c) {
  out << "### " << markdown_cell(comparison_title(c)) << "\n\n";
  print_markdown_grid(out, run_list(c));
  for (const auto& row : c.rows) {
    out << "\n**" << markdown_cell(case_heading(row)) << "**\n\n";
    print_markdown_grid(out, case_grid(c, row));
    if (!row.warnings.empty()) out << '\n';
    for (const auto& w : row.warnings) out << "> :warning: " << markdown_cell(w) << "\n";
  }
  out << '\n';
  for (const auto& l : geomean_lines(c)) out << "- " << markdown_cell(l) << '\n';
  if (c.options.duty) {
    out << "\n**" << markdown_cell(year_title(c)) << "**\n\n";
    print_markdown_grid(out, year_grid(c));
  }
  if (!c.notes.empty()) {
    out << "\n<details><summary>Why some figures cannot be trusted</summary>\n\n";
    for (const auto& n : c.notes) out << "- " << markdown_cell(n) << '\n';
    out << "\n</details>\n";
  }
}

}  // namespace

void report_comparison(std::ostream& out, const Comparison& c, const std::string& format) {
  if (format == "table") report_table(out, c);
  else if (format == "markdown") report_markdown(out, c);
  else if (format == "csv") report_comparison_csv(out, c);
  else if (format == "json") report_comparison_json(out, c);
  else throw Error(kExitUsage, "unknown format \"" + format + "\": table, markdown, csv or json");
}

}  // namespace bramble
