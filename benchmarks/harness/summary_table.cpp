#include "summary_table.hpp"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace bramble {
namespace {

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// Left-aligned columns sized to their widest cell.
void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows,
                 const std::string& indent = "") {
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], row[c].size());
    }
  for (const auto& row : rows) {
    out << indent;
    for (std::size_t c = 0; c < row.size(); ++c)
      out << std::left << std::setw(static_cast<int>(width[c] + 2)) << row[c];
    out << '\n';
  }
}

std::string text_of(const std::vector<NamedValue>& values, const std::string& name) {
  const Value* v = find_value(values, name);
  return v ? to_text(*v) : "";
}

double number_of(const std::vector<NamedValue>& values, const std::string& name) {
  const Value* v = find_value(values, name);
  if (!v) return 0.0;
  if (const auto* d = std::get_if<double>(v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
  return 0.0;
}

void print_named(std::ostream& out, const std::string& title, const std::vector<NamedValue>& values) {
  if (values.empty()) return;
  out << "    " << title << ":";
  for (const auto& v : values) out << ' ' << v.name << '=' << to_text(v.value);
  out << '\n';
}

void print_phases(std::ostream& out, const KernelRecord& k) {
  const std::size_t phases = k.phase_names.size();
  if (phases == 0 || k.phase_seconds.empty()) return;
  const std::size_t ranks = k.phase_seconds.size() / phases;
  std::vector<std::vector<std::string>> rows{{"rank"}};
  for (const auto& name : k.phase_names) rows[0].push_back(name + " (s)");
  for (std::size_t r = 0; r < ranks; ++r) {
    rows.push_back({std::to_string(r)});
    for (std::size_t p = 0; p < phases; ++p) rows.back().push_back(fixed(k.phase_seconds[r * phases + p], 3));
  }
  out << "    time split per rank" << (k.phase_description.empty() ? "" : " (" + k.phase_description + ")") << ":\n";
  print_table(out, rows, "      ");
}

}  // namespace

SummaryRow summary_row(const KernelResult& r) {
  return {r.kernel, r.problem, r.best_seconds(), r.figure_of_merit, r.unit, r.verdict()};
}

SummaryRow summary_row(const KernelRecord& k) {
  return {text_of(k.attrs, "kernel"), text_of(k.attrs, "problem"), number_of(k.attrs, "best_seconds"),
          number_of(k.attrs, "figure_of_merit"), text_of(k.attrs, "unit"), text_of(k.attrs, "verdict")};
}

void print_summary(std::ostream& out, const std::vector<SummaryRow>& rows) {
  std::vector<std::vector<std::string>> table{{"kernel", "problem", "time (s)", "result", "verification"}};
  for (const auto& r : rows)
    table.push_back({r.kernel, r.problem, fixed(r.seconds, 3), fixed(r.figure, 2) + " " + r.unit, r.verdict});
  print_table(out, table);
}

void print_result_file(std::ostream& out, const ResultFileContents& c) {
  out << "format " << c.format << ", schema " << c.schema_version << ", " << c.runs.size()
      << " run(s)\n";
  for (const auto& run : c.runs) {
    const auto& a = run.attrs;
    out << "\n" << run.group << ": " << text_of(a, "utc_time") << "  label \"" << text_of(a, "label")
        << "\"\n  bramble " << text_of(a, "program_version") << " (" << text_of(a, "git_commit") << ", "
        << text_of(a, "build_type") << ", " << text_of(a, "compiler") << ")\n  " << text_of(a, "ranks")
        << " rank(s) on " << text_of(a, "nodes") << " node(s); MPI " << text_of(a, "mpi_version") << ": "
        << text_of(a, "mpi_library").substr(0, text_of(a, "mpi_library").find('\n'))
        << "\n  BLAS core " << text_of(a, "blas_corename") << " (" << text_of(a, "blas_config")
        << ")\n  command: " << text_of(a, "command_line") << "\n\n";
    std::vector<std::vector<std::string>> nodes{{"node", "hostname", "cpu", "cores", "memory (GiB)", "available", "governor", "ranks"}};
    for (std::size_t i = 0; i < run.nodes.size(); ++i) {
      const auto& n = run.nodes[i];
      nodes.push_back({std::to_string(i), text_of(n, "hostname"), text_of(n, "cpu_model"), text_of(n, "cores"),
                       fixed(number_of(n, "memory_total_bytes") / (1 << 30), 1),
                       fixed(number_of(n, "memory_available_bytes") / (1 << 30), 1),
                       text_of(n, "governor").empty() ? "-" : text_of(n, "governor"), text_of(n, "ranks")});
    }
    print_table(out, nodes, "  ");
    out << '\n';
    std::vector<SummaryRow> rows;
    for (const auto& k : run.kernels) rows.push_back(summary_row(k));
    std::ostringstream summary;
    print_summary(summary, rows);
    std::istringstream lines(summary.str());
    for (std::string line; std::getline(lines, line);) out << "  " << line << '\n';
    for (const auto& k : run.kernels) {
      out << "\n  " << k.group << ":\n";
      print_named(out, "parameters", k.parameters);
      print_named(out, "figures", k.figures);
      print_named(out, "verification", k.verification);
      std::vector<NamedValue> reps;
      for (std::size_t i = 0; i < k.rep_seconds.size(); ++i) reps.push_back({std::to_string(i), k.rep_seconds[i]});
      print_named(out, "repetition seconds", reps);
      print_phases(out, k);
    }
  }
}

}  // namespace bramble
