#include "comparison/comparison.hpp"

#include <cmath>
#include <set>

#include "core/errors.hpp"
#include "core/format_units.hpp"
#include "results/report_parts.hpp"

namespace bramble {
namespace {

const double kNaN = std::nan("");

std::vector<double> run_prices(const std::vector<SelectedRun>& runs, const CompareOptions& o) {
  std::vector<double> prices;
  for (const auto& r : runs) prices.push_back(r.run.context.price_usd);
  for (const auto& [name, usd] : o.prices) {
    bool found = false;
    for (std::size_t i = 0; i < runs.size(); ++i)
      if (runs[i].name == name || runs[i].file + "#" + runs[i].name == name) prices[i] = usd, found = true;
    if (!found) {
      std::string names;
      for (const auto& r : runs) names += (names.empty() ? "\"" : ", \"") + r.name + "\"";
      throw Error(kExitUsage, "--price " + name + "=...: no selected run is named \"" + name + "\"; they are " + names);
    }
  }
  return prices;
}

// The marks beside a figure: everything that says it must not be compared as it stands.
std::vector<std::string> marks_of(const CaseFigures& f) {
  std::vector<std::string> m;
  if (!f.passed) m.push_back("FAILED");
  if (f.throttled) m.push_back("throttled");
  if (f.spread_flag()) m.push_back("spread " + fixed(f.spread_percent, 1) + "%");
  if (f.power && !f.green500_valid) m.push_back("not Green500-valid");
  return m;
}

double ratio(double a, double b) { return (std::isfinite(a) && std::isfinite(b) && b > 0) ? a / b : kNaN; }

void add_row_warnings(CompareRow& row, const std::vector<SelectedRun>& runs) {
  const auto& cells = row.cells;
  if (!row.match.same_parameters) {
    std::string list;
    for (const auto& d : row.match.differences) list += (list.empty() ? "" : "; ") + d;
    row.warnings.push_back("parameters differ (" + list + "): compare the rates only, not times or energy per repetition");
  }
  std::set<std::string> scopes;
  std::string scope_list;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    if (!cells[r].present) {
      row.warnings.push_back(runs[r].name + " has no " + row.match.kernel + " result");
      continue;
    }
    const CaseFigures& f = cells[r].figures;
    if (!f.passed) row.warnings.push_back(runs[r].name + " FAILED verification: its figures are shown, never averaged in");
    if (f.throttled) row.warnings.push_back(runs[r].name + " throttled during the run: its figures are shown, never averaged in");
    if (f.power) {
      scopes.insert(f.power->scope);
      scope_list += (scope_list.empty() ? "" : ", ") + runs[r].name + " " + f.power->scope;
    }
  }
  if (scopes.size() > 1)
    row.warnings.push_back("power scopes differ (" + scope_list +
                           "): package power leaves out memory, board and power-supply losses, an estimate "
                           "measures nothing, and a wall-model or wall-declared figure was not measured at the wall, "
                           "so per-watt ratios are given only between runs of the same scope");
}

}  // namespace

bool scopes_differ(const CompareCell& a, const CompareCell& b) {
  return a.figures.power && b.figures.power && a.figures.power->scope != b.figures.power->scope;
}

Comparison compare_runs(std::vector<SelectedRun> runs, const CompareOptions& options) {
  Comparison c;
  if (options.baseline < 0 || options.baseline >= int(runs.size()))
    throw Error(kExitUsage, "--baseline: there are only " + std::to_string(runs.size()) + " runs");
  c.prices = run_prices(runs, options);
  c.baseline = options.baseline;
  c.options = options;
  std::vector<std::vector<const KernelResult*>> records(runs.size());
  for (std::size_t r = 0; r < runs.size(); ++r)
    for (const auto& k : runs[r].run.kernels) records[r].push_back(&k.result);
  const std::size_t b = std::size_t(c.baseline);
  for (CaseRow& match : match_cases(records)) {
    CompareRow row;
    row.match = std::move(match);
    for (std::size_t r = 0; r < runs.size(); ++r) {
      CompareCell cell;
      const int i = row.match.index[r];
      row.problems.push_back(i >= 0 ? runs[r].run.kernels[std::size_t(i)].result.problem : "");
      if (i >= 0) {
        cell.present = true;
        cell.figures = case_figures(runs[r].run, runs[r].run.kernels[std::size_t(i)], c.prices[r]);
        cell.marks = marks_of(cell.figures);
        if (options.duty) {
          const auto& p = cell.figures.power;
          cell.year = yearly_model(*options.duty, options.price_kwh.value_or(kNaN), p ? p->watts : kNaN,
                                   p ? p->idle_watts : kNaN, p ? p->per_watt * p->watts : kNaN);
        }
      }
      row.cells.push_back(std::move(cell));
    }
    row.problem = row.match.index[b] >= 0 ? row.problems[b] : "";
    for (std::size_t r = 0; row.problem.empty() && r < runs.size(); ++r) row.problem = row.problems[r];
    const CompareCell& base = row.cells[b];
    for (auto& cell : row.cells) {
      if (!cell.present || !base.present) {
        cell.ratio = cell.per_watt_ratio = kNaN;
        continue;
      }
      cell.ratio = ratio(cell.figures.figure, base.figures.figure);
      // Whether the ratio is more than the two runs' noise (core/repetition_stats.hpp); the
      // baseline against itself says nothing.
      if (&cell != &base && !cell.figures.rep_rates.empty() && !base.figures.rep_rates.empty()) {
        cell.noise = compare_rates(cell.figures.rep_rates, base.figures.rep_rates);
        if (cell.noise->verdict == NoiseVerdict::within_noise) cell.marks.push_back("within noise");
        if (cell.noise->verdict == NoiseVerdict::too_few_reps) cell.marks.push_back("noise unknown");
      }
      // Per watt only within one scope: a cluster's estimate or board power against a
      // server's wall power would flatter the cluster by everything the scope leaves out.
      const bool same_scope =
          cell.figures.power && base.figures.power && cell.figures.power->scope == base.figures.power->scope;
      cell.per_watt_ratio = same_scope ? ratio(cell.figures.power->per_watt, base.figures.power->per_watt) : kNaN;
      if (scopes_differ(cell, base))
        cell.marks.push_back("per watt not comparable: " + cell.figures.power->scope + " vs baseline " +
                             base.figures.power->scope);
    }
    add_row_warnings(row, runs);
    c.rows.push_back(std::move(row));
  }
  std::vector<std::string> names;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    names.push_back(runs[r].name);
    c.validity.push_back(comparison_validity(runs[r].run));
    c.notes.push_back(runs[r].name + ": " + validity_line(c.validity.back()));
    for (const auto& w : runs[r].run.context.trust_warnings) c.notes.push_back(runs[r].name + ": " + w);
    // Declared shared gear is in this run's watts and per-watt figures: say so beside them.
    if (const auto& p = runs[r].run.power; p && !p->extras.empty())
      c.notes.push_back(runs[r].name + ": power includes " + extras_text(p->extras) +
                        " declared with --power-extra (shared gear no meter sees), not measured");
  }
  c.geomean = geometric_mean(c.rows, names, c.validity, b, options.include_invalid);
  c.runs = std::move(runs);
  return c;
}

}  // namespace bramble
