#include "results/summary_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "core/format_units.hpp"

namespace bramble {
namespace {

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

void print_power(std::ostream& out, const KernelRecord& k) {
  if (k.power.attrs.empty()) return;
  std::vector<NamedValue> summary;
  for (const auto& v : k.power.attrs)
    if (v.name != "notes" || !std::get<std::string>(v.value).empty()) summary.push_back(v);
  print_named(out, "power", summary);
  std::vector<std::vector<std::string>> rows{{"node", "meter", "joules", "mean W", "min W", "max W", "samples",
                                              "temp max (C)", "clock min (MHz)", "throttle"}};
  for (std::size_t n = 0; n < k.power.members.size(); ++n) {
    const auto& a = k.power.members[n];
    const bool reads = number_of(a, "reads_meter") != 0;
    auto num = [&](const char* name, int digits) {
      if (!find_value(a, name)) return std::string("-");
      const double d = number_of(a, name);
      return std::isnan(d) ? std::string("-") : fixed(d, digits);
    };
    const auto word = static_cast<std::int64_t>(number_of(a, "throttled_word"));
    const std::string throttle = word < 0 ? "-" : power::throttle_text(word & power::kThrottleNowMask);
    rows.push_back({std::to_string(n), text_of(a, "meter_name").empty() ? "-" : (reads ? "reads " : "") + text_of(a, "meter_name"), reads ? num("joules", 1) : "-",
                    reads ? num("mean_watts", 2) : "-", reads ? num("min_watts", 2) : "-",
                    reads ? num("max_watts", 2) : "-", reads ? text_of(a, "samples") : "-", num("temp_max_c", 1),
                    num("clock_min_mhz", 0), throttle.empty() ? "none" : throttle});
  }
  out << "    power per node:\n";
  print_table(out, rows, "      ");
}

void print_run_power(std::ostream& out, const RunRecord& run) {
  if (run.power.attrs.empty()) return;
  out << "\n  power: " << text_of(run.power.attrs, "requested");
  if (!text_of(run.power.attrs, "notice").empty()) out << "\n  " << text_of(run.power.attrs, "notice");
  out << '\n';
  std::vector<std::vector<std::string>> rows{{"meter", "nodes", "kind", "scope", "interval (s)", "idle W", "source"}};
  for (const auto& m : run.power.members) {
    if (!find_value(m, "kind")) continue;  // node-NNN: telemetry descriptions
    const double idle = number_of(m, "idle_watts");
    rows.push_back({text_of(m, "name"), text_of(m, "nodes"), text_of(m, "kind"), text_of(m, "scope"),
                    fixed(number_of(m, "interval_s"), 2), std::isnan(idle) ? "-" : fixed(idle, 2), text_of(m, "source")});
  }
  if (rows.size() > 1) print_table(out, rows, "  ");
}

// The power cells of a row from the power figures (name, value).
void add_power(SummaryRow& row, const std::vector<std::pair<std::string, double>>& figures,
               const std::string& figure_name) {
  auto find = [&](const std::string& name) -> const double* {
    for (const auto& [n, v] : figures)
      if (n == name) return &v;
    return nullptr;
  };
  for (const char* scope : {"wall", "board", "cpu_package", "estimate"}) {
    const double* watts = find(std::string("watts_") + scope);
    const double* per_watt = find(figure_name + "_per_watt_" + scope);
    if (!watts || !per_watt) continue;
    std::string name = scope;
    std::replace(name.begin(), name.end(), '_', '-');
    row.watts = fixed(*watts, 1) + " W " + name;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g %s/W", *per_watt, row.unit.c_str());
    row.per_watt = buf + std::string(row.green500_valid ? "" : "*");
    return;
  }
}

}  // namespace

SummaryRow summary_row(const KernelResult& r) {
  SummaryRow row;
  row.kernel = r.kernel;
  row.problem = r.problem;
  row.seconds = r.best_seconds();
  row.figure = r.figure_of_merit;
  row.unit = r.unit;
  row.verdict = r.verdict();
  if (r.power) {
    row.green500_valid = r.power->green500_valid;
    row.notes = r.power->notes;
    add_power(row, r.power->figures, r.figure_name);
  }
  return row;
}

SummaryRow summary_row(const KernelRecord& k) {
  SummaryRow row;
  row.kernel = text_of(k.attrs, "kernel");
  row.problem = text_of(k.attrs, "problem");
  row.seconds = number_of(k.attrs, "best_seconds");
  row.figure = number_of(k.attrs, "figure_of_merit");
  row.unit = text_of(k.attrs, "unit");
  row.verdict = text_of(k.attrs, "verdict");
  if (!k.power.attrs.empty()) {
    row.green500_valid = number_of(k.power.attrs, "green500_valid") != 0;
    row.notes = text_of(k.power.attrs, "notes");
    std::vector<std::pair<std::string, double>> figures;
    for (const auto& v : k.power.attrs)
      if (const auto* d = std::get_if<double>(&v.value)) figures.emplace_back(v.name, *d);
    add_power(row, figures, text_of(k.attrs, "figure_name"));
  }
  return row;
}

void print_summary(std::ostream& out, const std::vector<SummaryRow>& rows) {
  const bool power = std::any_of(rows.begin(), rows.end(), [](const SummaryRow& r) { return !r.watts.empty(); });
  std::vector<std::vector<std::string>> table{{"kernel", "problem", "time (s)", "result", "verification"}};
  if (power) table[0].insert(table[0].end(), {"power", "per watt"});
  bool starred = false;
  for (const auto& r : rows) {
    table.push_back({r.kernel, r.problem, fixed(r.seconds, 3), fixed(r.figure, 2) + " " + r.unit, r.verdict});
    if (power) table.back().insert(table.back().end(), {r.watts.empty() ? "-" : r.watts, r.per_watt.empty() ? "-" : r.per_watt});
    starred = starred || (!r.per_watt.empty() && !r.green500_valid);
  }
  print_table(out, table);
  for (const auto& r : rows)
    if (!r.notes.empty()) out << "! " << r.kernel << " " << r.problem << ": " << r.notes << '\n';
  if (starred)
    out << "* not a Green500-valid measurement, which needs wall power on every node, >= 1 sample/s and a timed "
           "phase >= 60 s (--min-phase-seconds 60)\n";
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
    print_run_power(out, run);
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
      print_power(out, k);
    }
  }
}

}  // namespace bramble
