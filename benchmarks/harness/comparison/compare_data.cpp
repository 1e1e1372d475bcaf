// `bramble compare --format csv|json`: one record per case and run, with the same names in
// both, numbers unrounded (NaN: empty in CSV, null in JSON).
#include <cmath>

#include "comparison/compare_report.hpp"
#include "comparison/compare_text.hpp"
#include "core/value.hpp"
#include "results/json_output.hpp"
#include "results/report_text.hpp"
#include "results/schema.hpp"

namespace bramble {
namespace {

std::vector<NamedValue> record(const Comparison& c, const CompareRow& row, std::size_t r) {
  const CompareCell& cell = row.cells[r];
  const CaseFigures& f = cell.figures;
  const auto& p = f.power;
  const double nan = std::nan("");
  std::string marks, differences;
  for (const auto& m : cell.marks) marks += (marks.empty() ? "" : "; ") + m;
  for (const auto& d : row.match.differences) differences += (differences.empty() ? "" : "; ") + d;
  std::vector<NamedValue> v{
      {"kernel", row.match.kernel}, {"case_hash", row.match.hashes[r]},
      {"problem", row.problems[r]}, {"same_parameters", std::int64_t{row.match.same_parameters}},
      {"differences", differences}, {"run", c.runs[r].name}, {"file", c.runs[r].file},
      {"run_group", c.runs[r].run.group}, {"baseline", std::int64_t{int(r) == c.baseline}},
      {"present", std::int64_t{cell.present}}, {"figure_name", row.match.figure_name}, {"unit", row.match.unit}};
  auto num = [&](const char* name, double x) { v.push_back({name, cell.present ? x : nan}); };
  num("figure", f.figure);
  num("ratio", cell.ratio);
  v.push_back({"nodes", std::int64_t{f.nodes}});
  v.push_back({"cores", std::int64_t{f.cores}});
  v.push_back({"threads", std::int64_t{f.threads}});
  v.push_back({"ranks", std::int64_t{f.ranks}});
  num("per_node", f.per_node);
  num("per_core", f.per_core);
  v.push_back({"power_scope", p ? p->scope : ""});
  num("load_watts", p ? p->watts : nan);
  num("idle_watts", p ? p->idle_watts : nan);
  num("per_watt", p ? p->per_watt : nan);
  v.push_back({"per_watt_unit", p ? p->per_watt_unit : ""});
  num("per_watt_ratio", cell.per_watt_ratio);
  num("per_watt_above_idle", p ? p->per_watt_above_idle : nan);
  num("extra_watts", p ? p->extra_watts : nan);  // declared (--power-extra), within load and idle watts
  num("seconds_mean", f.seconds_mean);
  num("joules_per_solve", f.joules_per_solve);
  v.push_back({"reps", std::int64_t{f.reps}});
  num("spread_percent", f.spread_percent);
  // Against the baseline: "beyond noise", "within noise", "too few reps"; "" for the baseline
  // and for figures that are not rates. The interval is the ratio's, at 95 %.
  v.push_back({"noise", cell.noise ? verdict_text(cell.noise->verdict) : ""});
  num("ratio_low_95", cell.noise ? cell.noise->low : nan);
  num("ratio_high_95", cell.noise ? cell.noise->high : nan);
  num("usd", f.usd);
  num("per_usd", f.per_usd);
  v.push_back({"passed", std::int64_t{f.passed}});
  v.push_back({"throttled", std::int64_t{f.throttled}});
  v.push_back({"green500_valid", std::int64_t{f.green500_valid}});
  v.push_back({"marks", marks});
  const bool year = cell.present && cell.year;
  v.push_back({"duty", c.options.duty ? *c.options.duty : nan});
  v.push_back({"year_average_watts", year ? cell.year->average_watts : nan});
  v.push_back({"year_kwh", year ? cell.year->kwh_per_year : nan});
  v.push_back({"year_cost", year ? cell.year->cost_per_year : nan});
  v.push_back({"year_work_per_kwh", year ? cell.year->work_per_kwh : nan});
  v.push_back({"year_missing", year ? cell.year->missing : ""});
  return v;
}

std::string csv_value(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return csv_number(*d);
  return csv_field(to_text(v));
}

// {"one": 1.2, "two": null}: a figure per run, under the run's name (names are unique).
template <typename T>
Json per_run(const Comparison& c, const std::vector<T>& figure) {
  Json out = Json::object();
  for (std::size_t r = 0; r < c.runs.size(); ++r) out[c.runs[r].name] = figure[r];
  return out;
}

}  // namespace

void report_comparison_csv(std::ostream& out, const Comparison& c) {
  bool header = true;
  for (const auto& row : c.rows)
    for (std::size_t r = 0; r < c.runs.size(); ++r) {
      const auto values = record(c, row, r);
      if (header) {
        for (std::size_t i = 0; i < values.size(); ++i) out << (i ? "," : "") << values[i].name;
        out << '\n';
        header = false;
      }
      for (std::size_t i = 0; i < values.size(); ++i) out << (i ? "," : "") << csv_value(values[i].value);
      out << '\n';
    }
}

void report_comparison_json(std::ostream& out, const Comparison& c) {
  Json runs = Json::array();
  for (std::size_t r = 0; r < c.runs.size(); ++r)
    runs.push_back(Json{{"name", c.runs[r].name},
                        {"file", c.runs[r].file},
                        {"group", c.runs[r].run.group},
                        {"price_usd", c.prices[r]},
                        {"valid_for_comparison", c.validity[r].valid},
                        {"invalid_because", c.validity[r].reasons},
                        {"per_watt_comparable", c.validity[r].per_watt_comparable},
                        {"per_watt_not_comparable_because", c.validity[r].per_watt_reasons}});
  // A case per kernel, holding a record per run: the CSV's rows, grouped.
  Json cases = Json::array();
  for (const auto& row : c.rows) {
    Json records = Json::array();
    for (std::size_t r = 0; r < c.runs.size(); ++r) records.push_back(json_object(record(c, row, r)));
    cases.push_back(Json{{"kernel", row.match.kernel}, {"warnings", row.warnings}, {"runs", records}});
  }
  write_json(out, {{"format", "bramble-compare"},
                   {"schema_version", kSchemaVersion},
                   {"baseline", c.runs[std::size_t(c.baseline)].name},
                   {"runs", runs},
                   {"cases", cases},
                   {"geometric_mean",
                    {{"kernels", c.geomean.kernels},
                     {"weighting", "each kernel one vote: the mean of its rows' log ratios"},
                     {"left_out", c.geomean.left_out},
                     {"excluded", per_run(c, c.geomean.excluded)},
                     {"invalid_kept", c.geomean.invalid_kept},
                     {"ratio", per_run(c, c.geomean.ratio)},
                     {"per_watt_ratio", per_run(c, c.geomean.per_watt_ratio)}}},
                   {"notes", c.notes}});
}

}  // namespace bramble
