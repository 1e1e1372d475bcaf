// The CSV reporter: one row per kernel run, fixed columns, so a spreadsheet or a script
// reads bramble's figures without scraping the console. The last column holds every
// further figure as name=value pairs separated by ';'.
#include <cmath>
#include <cstdio>

#include "results/report_parts.hpp"
#include "results/report_text.hpp"

namespace bramble {
namespace {

constexpr const char* kColumns[] = {
    "file", "run", "label", "utc_time", "host", "nodes", "ranks", "kernel", "problem", "figure_name", "figure",
    "unit", "best_seconds", "verdict", "work_name", "work_rate", "work_unit", "power_scope", "watts", "joules",
    "idle_watts", "per_watt", "per_watt_unit", "per_watt_above_idle", "extra_watts", "green500_valid", "throttled", "notes",
    "blas_corename", "build_type", "trust_warnings", "figures"};

std::string quoted(const std::string& s) { return csv_field(s); }
std::string number(double v) { return csv_number(v); }

std::vector<std::string> row(const ResultFile& file, const RunRecord& run, const KernelRecord& k) {
  const KernelResult& r = k.result;
  const RunMetadata& c = run.context;
  const auto h = headline_power(k);
  std::string warnings, figures;
  for (const auto& w : c.trust_warnings) warnings += (warnings.empty() ? "" : "; ") + w;
  for (const auto& f : r.figures) figures += (figures.empty() ? "" : ";") + f.name + "=" + to_text(f.value);
  const double nan = std::nan("");
  return {file.path, run.group, c.label, c.utc_time, c.nodes.empty() ? "" : c.nodes.front().hostname,
          std::to_string(c.node_count), std::to_string(r.ranks), r.kernel, r.problem, r.figure_name,
          number(r.figure_of_merit), r.unit, number(r.best_seconds()), r.verdict(),
          r.phase_work ? r.phase_work->name : "", r.phase_work ? number(r.phase_work->rate) : "",
          r.phase_work ? r.phase_work->unit : "", h ? h->scope : "", number(h ? h->watts : nan),
          number(h ? h->joules : nan), number(h ? h->idle_watts : nan), number(h ? h->per_watt : nan),
          h ? h->per_watt_unit : "", number(h ? h->per_watt_above_idle : nan), number(h ? h->extra_watts : nan), h ? (h->green500_valid ? "1" : "0") : "",
          k.power ? (k.power->throttled ? "1" : "0") : "", k.power ? k.power->notes : "", c.blas_corename,
          c.build_type, warnings, figures};
}

class CsvReporter : public Reporter {
 public:
  void report(std::ostream& out, const ResultFile& file) const override {
    std::string header;
    for (const char* c : kColumns) {
      if (!header.empty()) header += ',';
      header += c;
    }
    out << header << '\n';
    for (const auto& run : file.runs)
      for (const auto& k : run.kernels) {
        const std::vector<std::string> cells = row(file, run, k);
        for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << quoted(cells[i]);
        out << '\n';
      }
  }
};

}  // namespace

std::unique_ptr<Reporter> make_csv_reporter() { return std::make_unique<CsvReporter>(); }

}  // namespace bramble
