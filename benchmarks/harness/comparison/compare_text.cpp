#include "comparison/compare_text.hpp"

#include <cmath>
#include <cstdio>

#include "core/format_units.hpp"

namespace bramble {

std::string sig4(double v) {
  if (std::isnan(v)) return "-";
  char buf[32];
  if (std::fabs(v) >= 1e4) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

namespace {

std::string times(double r) { return std::isnan(r) ? "-" : fixed(r, 2) + "x"; }

// Physical cores, what /core divides by, and the hardware threads beside them where SMT
// makes them differ.
std::string cores_text(const SelectedRun& r) {
  int cores = 0, threads = 0;
  for (const auto& n : r.run.context.nodes) {
    cores += physical_cores_or_logical(n);
    threads += n.cores;
  }
  return std::to_string(r.run.context.node_count) + " node(s), " + std::to_string(cores) + " cores" +
         (threads != cores ? " (" + std::to_string(threads) + " threads)" : "") + ", " +
         std::to_string(r.run.context.ranks) + " rank(s)";
}

std::string cpu_text(const SelectedRun& r) {
  std::string cpus;
  for (const auto& n : r.run.context.nodes)
    if (cpus.find(n.cpu_model) == std::string::npos) cpus += (cpus.empty() ? "" : ", ") + n.cpu_model;
  return cpus;
}

}  // namespace

std::string comparison_title(const Comparison& c) {
  return "bramble compare: " + std::to_string(c.runs.size()) + " run(s), baseline \"" + c.runs[std::size_t(c.baseline)].name +
         "\" (ratio = run / baseline; every figure here is higher-is-better except W, J and USD)";
}

TextGrid run_list(const Comparison& c) {
  TextGrid g{{"#", "run", "file", "machine", "cpu", "BLAS core", "valid", "price (USD)"}};
  for (std::size_t i = 0; i < c.runs.size(); ++i) {
    const SelectedRun& r = c.runs[i];
    const ComparisonValidity& v = c.validity[i];
    g.push_back({std::to_string(i + 1) + (int(i) == c.baseline ? "*" : ""), r.name, r.file + " " + r.run.group,
                 cores_text(r), cpu_text(r), r.run.context.blas_corename, v.valid ? "yes" : "NO", sig4(c.prices[i])});
  }
  return g;
}

TextGrid case_grid(const Comparison& c, const CompareRow& row) {
  const std::string unit = row.match.unit;
  std::string watt_unit = unit + "/W";
  for (const auto& cell : row.cells)
    if (cell.present && cell.figures.power) watt_unit = cell.figures.power->per_watt_unit;
  // A problem column where the runs' problem lines differ (sizes, or only the process grid).
  bool with_problem = !row.match.same_parameters;
  for (std::size_t r = 0; r < c.runs.size(); ++r)
    if (row.cells[r].present && row.problems[r] != row.problem) with_problem = true;
  TextGrid g{{"run"}};
  if (with_problem) g[0].push_back("problem");
  for (const char* h : {"", "ratio", "/node", "/core", "load W", "idle W", "", "ratio", "above idle", "J/rep", "spread", "per USD", "checks"})
    g[0].push_back(h);
  const std::size_t figure_col = with_problem ? 2 : 1;
  g[0][figure_col] = unit;
  g[0][figure_col + 6] = watt_unit;
  for (std::size_t r = 0; r < c.runs.size(); ++r) {
    const CompareCell& cell = row.cells[r];
    std::vector<std::string> line{c.runs[r].name + (int(r) == c.baseline ? "*" : "")};
    if (with_problem) line.push_back(cell.present ? row.problems[r] : "");
    if (!cell.present) {
      line.push_back("missing");
      g.push_back(line);
      continue;
    }
    const CaseFigures& f = cell.figures;
    const auto& p = f.power;
    std::string checks = f.passed ? "PASSED" : "FAILED";
    for (const auto& m : cell.marks)
      if (m != "FAILED") checks += ", " + m;
    const bool same = row.match.same_parameters;
    for (const std::string& s :
         {sig4(f.figure), times(cell.ratio), sig4(f.per_node), sig4(f.per_core),
          p ? sig4(p->watts) + " " + p->scope : std::string("not measured"), p ? sig4(p->idle_watts) : "-",
          p ? sig4(p->per_watt) : "-", times(cell.per_watt_ratio), p ? sig4(p->per_watt_above_idle) : "-",
          same ? sig4(f.joules_per_solve) : "(differs)",
          std::isnan(f.spread_percent) ? "1 rep" : fixed(f.spread_percent, 1) + "%", sig4(f.per_usd), checks})
      line.push_back(s);
    g.push_back(line);
  }
  return g;
}

std::vector<std::string> geomean_lines(const Comparison& c) {
  std::vector<std::string> lines;
  const GeometricMean& m = c.geomean;
  if (m.kernels.empty()) {
    lines.push_back("geometric mean: no kernel is in every run, passed and unthrottled, so there is none");
  } else {
    std::string over, per_run;
    for (const auto& k : m.kernels) over += (over.empty() ? "" : ", ") + k;
    for (std::size_t r = 0; r < c.runs.size(); ++r) {
      if (int(r) == c.baseline) continue;
      per_run += (per_run.empty() ? "" : "; ") + c.runs[r].name + " ";
      if (!m.excluded[r].empty()) {
        per_run += "none (" + m.excluded[r] + ")";
        continue;
      }
      per_run += times(m.ratio[r]) + " (per watt " +
                 (std::isnan(m.per_watt_ratio[r])
                      ? (m.per_watt_missing[r].empty() ? std::string("not measured") : m.per_watt_missing[r])
                      : times(m.per_watt_ratio[r])) +
                 ")";
    }
    lines.push_back("geometric mean of the ratios over " + std::to_string(m.kernels.size()) +
                    " kernel(s), one vote each [" + over + "]: " + (per_run.empty() ? "only the baseline" : per_run));
  }
  for (const auto& l : m.left_out) lines.push_back("left out of the mean: " + l);
  std::string kept, dropped;
  for (const auto& name : m.invalid_kept) kept += (kept.empty() ? "" : ", ") + name;
  for (std::size_t r = 0; r < c.runs.size(); ++r)
    if (!c.validity[r].valid && !m.excluded[r].empty()) dropped += (dropped.empty() ? "" : ", ") + c.runs[r].name;
  if (!m.kernels.empty() && !kept.empty())
    lines.push_back("kept in the mean although not valid for comparison (--include-invalid), so it is indicative "
                    "only: " + kept + " (reasons below)");
  if (!m.kernels.empty() && !dropped.empty())
    lines.push_back("not valid for comparison, so no mean (reasons below; --include-invalid keeps them): " + dropped);
  return lines;
}

std::string year_title(const Comparison& c) {
  const double d = c.options.duty.value_or(0);
  return "A year busy " + fixed(100 * d, 1) + "% of the time (" + fixed(d * kHoursPerYear, 0) + " h), idle otherwise" +
         (c.options.price_kwh ? ", at " + sig4(*c.options.price_kwh) + " per kWh" : ", no --price-kwh given") +
         ": average W = d*load + (1-d)*idle, kWh/year = 8.76 x average W";
}

TextGrid year_grid(const Comparison& c) {
  TextGrid g{{"kernel", "run", "load W", "idle W", "scope", "average W", "kWh/year", "cost/year", "work per kWh"}};
  for (const auto& row : c.rows)
    for (std::size_t r = 0; r < c.runs.size(); ++r) {
      const CompareCell& cell = row.cells[r];
      if (!cell.present || !cell.year) continue;
      const auto& p = cell.figures.power;
      const YearlyModel& y = *cell.year;
      std::vector<std::string> line{row.match.kernel, c.runs[r].name, p ? sig4(p->watts) : "-",
                                    p ? sig4(p->idle_watts) : "-", p ? p->scope : "-"};
      if (!y.missing.empty()) {
        line.push_back(y.missing);
      } else {
        const std::string work = p ? work_unit(p->per_watt_unit.substr(0, p->per_watt_unit.size() - 2)) : "";
        for (const std::string& s : {sig4(y.average_watts), sig4(y.kwh_per_year), sig4(y.cost_per_year),
                                     sig4(y.work_per_kwh) + " " + work})
          line.push_back(s);
      }
      g.push_back(line);
    }
  return g;
}

}  // namespace bramble
