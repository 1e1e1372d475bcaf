// The table reporter: `bramble show FILE` and the summary after a run.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "core/format_units.hpp"
#include "power/scope.hpp"
#include "power/window_stats.hpp"
#include "results/comparison_validity.hpp"
#include "results/headline.hpp"
#include "results/report.hpp"
#include "results/report_parts.hpp"
#include "results/report_text.hpp"

namespace bramble {
namespace {

using Rows = std::vector<std::vector<std::string>>;

void print_table(std::ostream& out, const Rows& rows, const std::string& indent = "") { print_columns(out, rows, indent); }

void print_named(std::ostream& out, const std::string& title, const std::vector<NamedValue>& values) {
  if (values.empty()) return;
  out << "    " << title << ":";
  for (const auto& v : values) out << ' ' << v.name << '=' << to_text(v.value);
  out << '\n';
}

std::string number_or_dash(double v, int digits) { return std::isnan(v) ? "-" : fixed(v, digits); }

// The node in a per-node figure's name, node<i>_<what>; false for any other name.
bool per_node_name(const std::string& name, std::size_t& node, std::string& what) {
  const std::size_t bar = name.find('_');
  if (name.rfind("node", 0) != 0 || bar == std::string::npos || bar == 4) return false;
  if (!std::all_of(name.begin() + 4, name.begin() + static_cast<std::ptrdiff_t>(bar), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  node = std::stoul(name.substr(4, bar - 4));
  what = name.substr(bar + 1);
  return true;
}

// Per-node figures (node<i>_<what>: STREAM's triad, the doctor's probes) as a table with a
// row per node; the other figures on one line.
void print_figures(std::ostream& out, const KernelResult& k, const std::vector<NodeInfo>& nodes) {
  std::vector<NamedValue> rest;
  std::vector<std::string> columns;
  std::map<std::size_t, std::map<std::string, std::string>> cells;
  for (const auto& f : k.figures) {
    std::size_t node = 0;
    std::string what;
    if (!per_node_name(f.name, node, what)) {
      rest.push_back(f);
      continue;
    }
    if (std::find(columns.begin(), columns.end(), what) == columns.end()) columns.push_back(what);
    cells[node][what] = to_text(f.value);
  }
  print_named(out, "figures", rest);
  if (cells.empty()) return;
  Rows rows{{"node", "hostname"}};
  rows[0].insert(rows[0].end(), columns.begin(), columns.end());
  for (const auto& [node, values] : cells) {
    rows.push_back({std::to_string(node), node < nodes.size() ? nodes[node].hostname : "?"});
    for (const auto& c : columns) rows.back().push_back(values.count(c) ? values.at(c) : "-");
  }
  out << "    per node:\n";
  print_table(out, rows, "      ");
}

void print_phases(std::ostream& out, const KernelResult& k) {
  const std::size_t phases = k.phase_names.size();
  if (phases == 0 || k.phase_seconds.empty()) return;
  Rows rows{{"rank"}};
  for (const auto& name : k.phase_names) rows[0].push_back(name + " (s)");
  for (std::size_t r = 0; r < k.phase_seconds.size() / phases; ++r) {
    rows.push_back({std::to_string(r)});
    for (std::size_t p = 0; p < phases; ++p) rows.back().push_back(fixed(k.phase_seconds[r * phases + p], 3));
  }
  out << "    time split per rank" << (k.phase_description.empty() ? "" : " (" + k.phase_description + ")") << ":\n";
  print_table(out, rows, "      ");
}

void print_power(std::ostream& out, const PowerRecord& p) {
  std::vector<NamedValue> summary{{"throttled", std::int64_t{p.throttled}},
                                  {"green500_valid", std::int64_t{p.green500_valid}}};
  if (!p.green500_reason.empty()) summary.push_back({"green500_reason", p.green500_reason});
  if (!p.notes.empty()) summary.push_back({"notes", p.notes});
  for (const auto& [name, value] : p.figures) summary.push_back({name, value});
  print_named(out, "power", summary);
  Rows rows{{"node", "meter", "joules", "mean W", "min W", "max W", "samples", "temp max (C)", "clock min (MHz)", "throttle"}};
  for (std::size_t n = 0; n < p.nodes.size(); ++n) {
    const NodePhase& node = p.nodes[n];
    const auto& s = node.stats;
    const bool metered = node.meter >= 0 && node.meter < int(p.meters.size());
    const bool reads = node.reads_meter;
    const std::string throttle = s.throttled < 0 ? "-" : power::throttle_text(s.throttled & power::kThrottleNowMask);
    rows.push_back({std::to_string(n), metered ? (reads ? "reads " : "") + p.meters[std::size_t(node.meter)].name : "-",
                    reads ? number_or_dash(s.joules, 1) : "-", reads ? number_or_dash(s.mean_watts, 2) : "-",
                    reads ? number_or_dash(s.min_watts, 2) : "-", reads ? number_or_dash(s.max_watts, 2) : "-",
                    reads ? std::to_string(s.samples) : "-", number_or_dash(s.temp_max, 1), number_or_dash(s.clock_min, 0),
                    throttle.empty() ? "none" : throttle});
  }
  out << "    power per node:\n";
  print_table(out, rows, "      ");
}

void print_run_power(std::ostream& out, const RunPower& p) {
  out << "\n  power: " << p.requested;
  if (!p.extras.empty())
    out << "\n  declared extra (--power-extra, added to every kernel's total, not measured): " << extras_text(p.extras);
  if (!p.notice.empty()) out << "\n  " << p.notice;
  out << '\n';
  Rows rows{{"meter", "nodes", "kind", "scope", "interval (s)", "idle W", "source"}};
  for (const auto& m : p.meters) {
    std::string nodes;
    for (int n : m.nodes) {
      if (!nodes.empty()) nodes += ',';
      nodes += std::to_string(n);
    }
    rows.push_back({m.name, nodes, m.kind, m.scope, fixed(m.interval, 2), number_or_dash(m.idle_watts, 2), m.source});
  }
  if (rows.size() > 1) print_table(out, rows, "  ");
}

// Each rank's CPUs (sched_getaffinity) on one line, "rank: cpus[@core]", the first 32 only:
// the file holds them all (rank_cpus, rank_core).
void print_rank_cpus(std::ostream& out, const std::vector<RankPlacement>& placements) {
  if (placements.empty()) return;
  constexpr std::size_t kShown = 32;
  out << "  rank CPUs (rank: CPUs, @ physical core where bound to one):";
  for (std::size_t r = 0; r < placements.size() && r < kShown; ++r)
    out << (r ? ", " : " ") << r << ": " << (placements[r].cpus.empty() ? "?" : placements[r].cpus)
        << (placements[r].core.empty() ? "" : " @" + placements[r].core);
  if (placements.size() > kShown) out << ", ... (" << placements.size() - kShown << " more in the file)";
  out << '\n';
}

// "madvise/madvise": THP's enabled and defrag modes; "-" where neither was read.
std::string huge_pages_text(const NodeInfo& n) {
  if (n.thp_enabled.empty() && n.thp_defrag.empty()) return "-";
  return (n.thp_enabled.empty() ? "?" : n.thp_enabled) + "/" + (n.thp_defrag.empty() ? "?" : n.thp_defrag);
}

void print_context(std::ostream& out, const RunRecord& run) {
  const RunMetadata& c = run.context;
  out << "\n" << run.group << ": " << c.utc_time << "  label \"" << c.label << "\"\n  bramble " << c.program_version
      << " (" << c.git_commit << ", " << c.build_type << ", " << c.compiler << ")\n";
  if (!c.compiler_flags.empty()) out << "  flags: " << c.compiler_flags << '\n';
  out << "  " << c.ranks << " rank(s) on " << c.node_count << " node(s); MPI " << c.mpi_version << ": "
      << c.mpi_library.substr(0, c.mpi_library.find('\n')) << "\n  BLAS core " << c.blas_corename
      << (c.blas_core_auto.empty() || c.blas_core_auto == c.blas_corename ? "" : " (auto-detected: " + c.blas_core_auto + ")")
      << " (" << c.blas_config << ")\n  command: " << c.command_line << "\n";
  if (!std::isnan(c.price_usd)) out << "  price: " << fixed(c.price_usd, 2) << " USD (declared with --price-usd)\n";
  out << "\n";
  // Files from before issue 13 have no arch, cpu_part or board_model: "-", and cpu_model.
  // Files from before issue 21 have no physical cores or SMT state: "-" (their `cores` were
  // the logical CPUs, shown as threads), nor transparent huge pages (THP, enabled/defrag).
  const auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  Rows nodes{{"node", "hostname", "arch", "cpu", "board", "cores", "threads", "SMT", "memory (GiB)", "available",
              "governor", "THP", "ranks"}};
  std::vector<std::string> notes;
  for (std::size_t i = 0; i < c.nodes.size(); ++i) {
    const NodeInfo& n = c.nodes[i];
    nodes.push_back({std::to_string(i), n.hostname, or_dash(n.arch), n.cpu_part.empty() ? n.cpu_model : n.cpu_part,
                     or_dash(n.board_model), n.physical_cores > 0 ? std::to_string(n.physical_cores) : "-",
                     std::to_string(n.cores), or_dash(n.smt),
                     fixed(double(n.memory_total_bytes) / (1 << 30), 1), fixed(double(n.memory_available_bytes) / (1 << 30), 1),
                     n.governor.empty() ? "-" : n.governor, huge_pages_text(n), std::to_string(n.ranks)});
    if (!n.core_note.empty()) notes.push_back("node " + std::to_string(i) + ": " + n.core_note);
    // A Pi's overclock and SDRAM settings; nothing for a node with no Pi firmware ("none")
    // or a file from before they were recorded ("").
    if (!n.firmware_source.empty() && n.firmware_source.rfind("none", 0) != 0)
      notes.push_back("node " + std::to_string(i) + " firmware: " +
                      (n.firmware_settings.empty() ? "nothing that moves figures" : n.firmware_settings) +
                      " (from " + n.firmware_source + ")");
  }
  print_table(out, nodes, "  ");
  for (const auto& note : notes) out << "  " << note << '\n';
  print_rank_cpus(out, c.rank_placement);
  if (run.power) print_run_power(out, *run.power);
}

class TableReporter : public Reporter {
 public:
  void report(std::ostream& out, const ResultFile& file) const override {
    out << "format " << file.format << ", schema " << file.schema_version << ", " << file.runs.size() << " run(s)\n";
    for (const auto& run : file.runs) {
      print_context(out, run);
      out << '\n';
      std::ostringstream summary;
      print_summary(summary, run);
      std::istringstream lines(summary.str());
      for (std::string line; std::getline(lines, line);) out << "  " << line << '\n';
      for (const auto& k : run.kernels) {
        out << "\n  " << k.group << ":\n";
        print_named(out, "parameters", k.result.parameters);
        print_figures(out, k.result, run.context.nodes);
        if (k.result.phase_work)
          print_named(out, "work over every timed window",
                      {{k.result.phase_work->name, k.result.phase_work->rate}, {"unit", k.result.phase_work->unit}});
        print_named(out, "verification", k.result.verification);
        if (!k.result.reference_format_lines.empty()) out << "    in the reference benchmark's format:\n";
        for (const auto& line : k.result.reference_format_lines) out << "      " << line << '\n';
        std::vector<NamedValue> reps;
        for (std::size_t i = 0; i < k.result.rep_seconds.size(); ++i) reps.push_back({std::to_string(i), k.result.rep_seconds[i]});
        print_named(out, "repetition seconds", reps);
        print_phases(out, k.result);
        if (k.power) print_power(out, *k.power);
      }
    }
  }
};

}  // namespace

void print_summary(std::ostream& out, const RunRecord& run) {
  const bool metered = std::any_of(run.kernels.begin(), run.kernels.end(),
                                   [](const KernelRecord& k) { return headline_power(k).has_value(); });
  Rows table{{"kernel", "problem", "time (s)", "result", "verification"}};
  if (metered) table[0].insert(table[0].end(), {"power", "per watt"});
  bool starred = false;
  std::vector<std::string> not_wall;  // scopes in the table that are not measured wall power
  for (const auto& k : run.kernels) {
    const KernelResult& r = k.result;
    table.push_back({r.kernel, r.problem, fixed(r.best_seconds(), 3), number_or_dash(r.figure_of_merit, 2) + " " + r.unit, r.verdict()});
    if (!metered) continue;
    const auto h = headline_power(k);
    table.back().insert(table.back().end(), {h ? fixed(h->watts, 1) + " W " + h->scope : "-",
                                             h ? per_watt_text(*h) : "-"});
    starred = starred || (h && !h->green500_valid);
    if (h && !power::measured_at_wall(h->scope) && std::find(not_wall.begin(), not_wall.end(), h->scope) == not_wall.end())
      not_wall.push_back(h->scope);
  }
  print_table(out, table);
  if (run.power && !run.power->extras.empty())
    out << "power includes " << extras_text(run.power->extras)
        << " declared with --power-extra (shared gear no meter sees), not measured\n";
  for (const auto& k : run.kernels)
    if (k.power && !k.power->notes.empty()) out << "! " << k.result.kernel << " " << k.result.problem << ": " << k.power->notes << '\n';
  if (starred)
    out << "* not a Green500-valid measurement, which needs measured wall power on every node (not wall-model or "
           "wall-declared), >= 1 sample/s and a timed "
           "phase >= 60 s (--min-phase-seconds 60)\n";
  // The wall figures that are not wall measurements say what they are.
  for (const auto& scope : not_wall)
    if (scope.rfind("wall-", 0) == 0) out << "* " << power::not_wall_reason(scope) << '\n';
  for (const auto& w : run.context.trust_warnings) out << "warning: " << w << '\n';
  out << validity_line(comparison_validity(run)) << '\n';
}

std::unique_ptr<Reporter> make_table_reporter() { return std::make_unique<TableReporter>(); }

}  // namespace bramble
