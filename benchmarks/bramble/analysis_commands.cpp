#include "analysis_commands.hpp"

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "comparison/compare_report.hpp"
#include "comparison/published.hpp"
#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "core/errors.hpp"
#include "core/input_file.hpp"
#include "core/number_text.hpp"
#include "core/printable.hpp"
#include "suite/option_checks.hpp"

namespace bramble {
namespace {

const std::vector<std::string> kFormats{"table", "markdown", "csv", "json"};

// "2" -> the second run; otherwise the run of that name.
int baseline_index(const std::string& text, const std::vector<SelectedRun>& runs) {
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (runs[i].name == text) return int(i);
  if (const auto n = parse_whole_number(text); n && *n >= 1 && *n <= std::int64_t(runs.size())) return int(*n - 1);
  std::string names;
  for (std::size_t i = 0; i < runs.size(); ++i) names += (i ? ", " : "") + std::to_string(i + 1) + " \"" + runs[i].name + "\"";
  throw Error(kExitUsage, "--baseline " + text + " names no selected run; they are " + names);
}

CompareOptions compare_options(const AnalysisCommands& c, const std::vector<SelectedRun>& runs) {
  CompareOptions o;
  o.baseline = baseline_index(c.baseline, runs);
  for (const auto& p : c.prices) {
    const std::size_t eq = p.rfind('=');
    const std::optional<double> usd = eq == std::string::npos ? std::nullopt : parse_finite_number(p.substr(eq + 1));
    if (eq == std::string::npos || eq == 0 || !usd || *usd <= 0)
      throw Error(kExitUsage, "--price " + p + ": expected NAME=USD with a positive price, e.g. --price \"pi cluster\"=600");
    o.prices.emplace_back(p.substr(0, eq), *usd);
  }
  o.include_invalid = c.include_invalid;
  if (c.duty >= 0) o.duty = c.duty;
  if (c.price_kwh >= 0) o.price_kwh = c.price_kwh;
  if (o.price_kwh && !o.duty) throw Error(kExitUsage, "--price-kwh needs --duty (the fraction of the year the machines are busy)");
  return o;
}

void compare(const AnalysisCommands& c) {
  std::vector<SelectedRun> runs = select_runs(c.specs);
  if (c.published || !c.published_file.empty()) {
    const std::vector<PublishedRow> rows =
        c.published_file.empty() ? builtin_published()
                                 : parse_published_csv(read_input_file(c.published_file, "published results"), c.published_file);
    std::ostringstream text;
    report_published_ranking(text, rows, runs, c.format);
    std::cout << printable_lines(text.str());
    return;
  }
  const CompareOptions options = compare_options(c, runs);
  std::ostringstream text;  // labels and names come from files: escaped on the way out
  report_comparison(text, compare_runs(std::move(runs), options), c.format);
  std::cout << printable_lines(text.str());
}

}  // namespace

void add_analysis_commands(CLI::App& app, AnalysisCommands& c) {
  c.compare = app.add_subcommand("compare", "Compare runs side by side: per node, core, watt, dollar and year");
  c.compare->add_option("files", c.specs, "Result files; FILE#NAME picks runs by name (label, or host and time), FILE#run-0002 one by its group")
      ->required();
  c.compare->add_option("--baseline", c.baseline, "The run the ratios are against: its position (1 = first) or name")
      ->capture_default_str();
  c.compare->add_option("--price", c.prices, "NAME=USD: what a run's machine cost (overrides --price-usd in its file)")
      ->allow_extra_args(false);
  c.compare->add_option("--duty", c.duty, "Model a year busy this fraction of the time (0..1), idle otherwise")
      ->check(finite_number(0.0, 1.0));
  c.compare->add_option("--price-kwh", c.price_kwh, "Electricity price per kWh for --duty's yearly cost")
      ->check(finite_number(0.0, 1000.0));
  c.compare->add_option("--format", c.format, "table, markdown (for a GitHub issue), csv or json")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  c.compare->add_flag("--include-invalid", c.include_invalid,
                      "Average runs that are not valid for comparison into the geometric mean too (it names them)");
  c.compare->add_flag("--published", c.published,
                      "Rank the runs' HPL results among published ones (results/reference/published.csv)");
  c.compare->add_option("--published-file", c.published_file, "Another published.csv to rank against (implies --published)");

  c.scaling = app.add_subcommand("scaling", "Speedup, efficiency and serial fraction of one kernel over rank counts");
  c.scaling->add_option("files", c.scaling_options.specs, "Result files written by scripts/scaling.sh (FILE#NAME picks runs)")
      ->required();
  c.scaling->add_option("--kernel", c.scaling_options.kernel, "The kernel to study (default: every kernel run at several rank counts)");
  c.scaling->add_option("--format", c.scaling_options.format, "table, markdown, csv or json")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  // Normally told from scripts/scaling.sh's run labels, else from the parameters.
  CLI::Option* weak = c.scaling->add_flag("--weak", c.scaling_options.weak,
                                          "Treat the runs as weak scaling (work per rank held constant)");
  c.scaling->add_flag("--strong", c.scaling_options.strong, "Treat the runs as strong scaling (the same problem)")
      ->excludes(weak);
}

int run_analysis_command(MPI_Comm world, const AnalysisCommands& c) {
  if (!*c.compare && !*c.scaling) return -1;
  agree(world, [&] {
    if (comm_rank(world) != 0) return;
    if (*c.compare) compare(c);
    else {
      std::ostringstream text;
      report_scaling(text, c.scaling_options);
      std::cout << printable_lines(text.str());
    }
    std::cout.flush();
  });
  return kExitOk;
}

}  // namespace bramble
