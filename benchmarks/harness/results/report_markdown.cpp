// The markdown reporter: one section per run, ready to paste into a GitHub issue (as
// sbc-reviews and top500-benchmark users post their results).
#include <cmath>

#include "core/format_units.hpp"
#include "results/report_parts.hpp"
#include "results/report_text.hpp"

namespace bramble {
namespace {

std::string cell(const std::string& s) { return markdown_cell(s); }

void run_section(std::ostream& out, const RunRecord& run) {
  const RunMetadata& c = run.context;
  out << "### bramble: " << cell(run_name(run)) << "\n\n";
  // Boards first where known ("Raspberry Pi 5 Model B Rev 1.0 (ARM Cortex-A76)"): readers
  // of sbc-reviews threads compare boards.
  std::string cpus;
  for (const auto& n : c.nodes) {
    const std::string what = n.board_model.empty() ? n.cpu_model : n.board_model + " (" + n.cpu_model + ")";
    if (cpus.find(what) == std::string::npos) cpus += (cpus.empty() ? "" : ", ") + what;
  }
  out << "- " << c.node_count << " node(s), " << c.ranks << " rank(s): " << cell(cpus) << "\n"
      << "- bramble " << c.program_version << " (" << c.git_commit << "), " << c.build_type << ", " << c.compiler << "\n"
      << "- BLAS core " << c.blas_corename << ", MPI " << c.mpi_version << "; " << c.utc_time << "\n";
  if (run.power) out << "- power: " << cell(run.power->requested) << "\n";
  if (run.power && !run.power->extras.empty())
    out << "- declared extra in every power figure (--power-extra, not measured): " << cell(extras_text(run.power->extras))
        << "\n";
  out << "\n| kernel | problem | result | time (s) | verification | power | per watt |\n"
      << "|---|---|---:|---:|---|---|---:|\n";
  for (const auto& k : run.kernels) {
    const KernelResult& r = k.result;
    const auto h = headline_power(k);
    out << "| " << r.kernel << " | " << cell(r.problem) << " | " << fixed(r.figure_of_merit, 2) << " " << r.unit << " | "
        << fixed(r.best_seconds(), 3) << " | " << r.verdict() << " | "
        << (h ? fixed(h->watts, 1) + " W " + h->scope : "-") << " | " << (h ? cell(per_watt_text(*h)) : "-") << " |\n";
  }
  bool notes = false;
  for (const auto& k : run.kernels)
    if (k.power && !k.power->notes.empty()) {
      if (!notes) out << '\n';
      notes = true;
      out << "- " << k.result.kernel << ": " << cell(k.power->notes) << "\n";
    }
  if (!c.trust_warnings.empty()) {
    out << "\n**Figures that cannot be trusted:**\n\n";
    for (const auto& w : c.trust_warnings) out << "- " << cell(w) << "\n";
  }
  out << '\n';
}

class MarkdownReporter : public Reporter {
 public:
  void report(std::ostream& out, const ResultFile& file) const override {
    for (const auto& run : file.runs) run_section(out, run);
  }
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter() { return std::make_unique<MarkdownReporter>(); }

}  // namespace bramble
