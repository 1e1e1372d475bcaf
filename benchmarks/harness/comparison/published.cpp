// `bramble compare --published` in four shapes: a table for the terminal, markdown for a
// GitHub issue, CSV (a row per system per ranking) and JSON. The user's rows are marked in
// every shape, and every figure that would flatter them says so where it is printed.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "comparison/published.hpp"
#include "comparison/published_ranking.hpp"
#include "core/errors.hpp"
#include "power/scope.hpp"
#include "results/json_output.hpp"
#include "results/report_text.hpp"

namespace bramble {
namespace {

using Grid = std::vector<std::vector<std::string>>;

// Yours are HPL-style (bramble's own LU), the published rows real HPL: said in every row.
const char* const kYours = "\u25b6 yours (HPL-style): ";  // ▶

std::string number(double v) {
  if (!std::isfinite(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", v >= 100 ? 1 : v >= 10 ? 2 : 3, v);
  return buf;
}

// '!' on every figure not measured at the wall: wall-model and wall-declared included.
std::string watts_text(const RankedSystem& s) {
  if (s.power_scope.empty()) return "not measured";
  return power::measured_at_wall(s.power_scope) ? number(s.watts) : number(s.watts) + " (" + s.power_scope + ")!";
}

std::string per_watt_text(const RankedSystem& s) {
  if (s.power_scope.empty()) return "not measured";
  return number(s.per_watt) + (power::measured_at_wall(s.power_scope) ? "" : "!");
}

Grid grid(const std::vector<RankedSystem>& v, bool markdown) {
  Grid g{{"rank", "system", "nodes", "cores", "Gflop/s", "per node", "W", "Gflop/s/W", "idle W", "USD", "source"}};
  for (const auto& s : v) {
    std::string name = s.yours ? kYours + s.system : s.system;
    if (s.yours && markdown) name = "**" + markdown_cell(name) + "**";
    else if (markdown) name = markdown_cell(name);
    g.push_back({std::to_string(s.rank), name, std::to_string(s.nodes), std::to_string(s.cores), number(s.gflops),
                 number(s.per_node), watts_text(s), per_watt_text(s), number(s.idle_watts), number(s.usd), s.source});
  }
  return g;
}

// Columns measured in characters, not bytes: the marker is one character in three bytes.
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void print_grid(std::ostream& out, const Grid& g) {
  std::vector<std::size_t> w(g[0].size(), 0);
  for (const auto& row : g)
    for (std::size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], width(row[c]));
  for (const auto& row : g) {
    std::string line = " ";
    for (std::size_t c = 0; c < row.size(); ++c) line += " " + row[c] + std::string(w[c] - width(row[c]) + 1, ' ');
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  }
}

void print_markdown(std::ostream& out, const Grid& g) {
  for (std::size_t r = 0; r < g.size(); ++r) {
    out << '|';
    for (std::size_t c = 0; c < g[r].size(); ++c) out << ' ' << (c == 1 ? g[r][c] : markdown_cell(g[r][c])) << " |";
    out << '\n';
    if (r == 0) out << "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
  }
}

const char* const kTitle = "Your HPL-style runs among published HPL results (all published power is wall power, "
                           "averaged over the HPL run)";
const char* const kPerNode = "Ranked by Gflop/s per node";
const char* const kPerWatt = "Ranked by Gflop/s per watt";
const char* const kFootnote[] = {
    "Published figures are copied from their sources (results/reference/published.csv), not measured by bramble.",
    "Yours are HPL-style: bramble's own LU with HPL's residual check and flop count, not official HPL runs.",
    "Yours: the best passed HPL result of each run; per watt is bramble's work per joule over every timed",
    "repetition; cores are physical cores (logical CPUs in files from before bramble recorded them).",
    "'!' marks power not measured at the wall: cpu-package, board, an estimate, a model's wall figure",
    "(wall-model) or a sensor the user labelled wall (wall-declared)."};

void report_text(std::ostream& out, const PublishedRanking& p, bool markdown) {
  auto heading = [&](const std::string& h) { out << (markdown ? "\n**" + h + "**\n\n" : "\n" + h + "\n"); };
  auto line = [&](const std::string& prefix, const std::string& text) {
    out << (markdown ? prefix + markdown_cell(text) : "  " + text) << '\n';
  };
  out << (markdown ? std::string("### ") + kTitle : std::string(kTitle)) << '\n';
  heading(kPerNode);
  markdown ? print_markdown(out, grid(p.per_node, true)) : print_grid(out, grid(p.per_node, false));
  heading(kPerWatt);
  markdown ? print_markdown(out, grid(p.per_watt, true)) : print_grid(out, grid(p.per_watt, false));
  if (!p.not_ranked_per_watt.empty() || !p.not_ranked.empty()) heading("Not ranked");
  for (const auto& u : p.not_ranked_per_watt) line("- ", u.name + " (" + u.file + "): not ranked per watt: " + u.reason);
  for (const auto& u : p.not_ranked) line("- ", u.name + " (" + u.file + "): not ranked: " + u.reason);
  if (!p.warnings.empty()) out << '\n';
  for (const auto& w : p.warnings) out << (markdown ? "> :warning: " + markdown_cell(w) : "! " + w) << '\n';
  out << '\n';
  for (const char* l : kFootnote) out << (markdown ? markdown_cell(l) : std::string(l)) << '\n';
}

void report_csv(std::ostream& out, const PublishedRanking& p) {
  out << "ranking,rank,yours,system,nodes,cores,gflops,gflops_per_node,power_scope,watts,gflops_per_watt,idle_watts,"
         "usd,source,date,note,benchmark\n";
  auto row = [&](const char* ranking, const RankedSystem& s) {
    out << ranking << ',' << s.rank << ',' << (s.yours ? "yes" : "no") << ',' << csv_field(s.system) << ',' << s.nodes
        << ',' << s.cores << ',' << csv_number(s.gflops) << ',' << csv_number(s.per_node) << ',' << s.power_scope << ','
        << csv_number(s.watts) << ',' << csv_number(s.per_watt) << ',' << csv_number(s.idle_watts) << ','
        << csv_number(s.usd) << ',' << csv_field(s.source) << ',' << csv_field(s.date) << ',' << csv_field(s.note)
        << ',' << s.benchmark << '\n';
  };
  for (const auto& s : p.per_node) row("per_node", s);
  for (const auto& s : p.per_watt) row("per_watt", s);
  for (const auto& u : p.not_ranked_per_watt)
    out << "per_watt,,yes," << csv_field(u.name) << ",,,,,,,,,," << csv_field(u.file) << ",," << csv_field(u.reason)
        << ",HPL-style\n";
  for (const auto& u : p.not_ranked)
    out << "none,,yes," << csv_field(u.name) << ",,,,,,,,,," << csv_field(u.file) << ",," << csv_field(u.reason)
        << ",HPL-style\n";
}

Json system_json(const RankedSystem& s) {
  return {{"rank", s.rank},
          {"yours", s.yours},
          {"system", s.system},
          {"nodes", s.nodes},
          {"cores", s.cores},
          {"gflops", s.gflops},
          {"gflops_per_node", s.per_node},
          {"power_scope", s.power_scope.empty() ? Json(nullptr) : Json(s.power_scope)},  // null: not measured
          {"watts", s.watts},
          {"gflops_per_watt", s.per_watt},
          {"idle_watts", s.idle_watts},
          {"usd", s.usd},
          {"source", s.source},
          {"date", s.date},
          {"note", s.note},
          {"benchmark", s.benchmark}};
}

Json unranked_json(const UnrankedRun& u) { return {{"name", u.name}, {"file", u.file}, {"reason", u.reason}}; }

void report_json(std::ostream& out, const PublishedRanking& p) {
  write_json(out, {{"published_power", "wall, averaged over the HPL run"},
                   {"per_node", json_array(p.per_node, system_json)},
                   {"per_watt", json_array(p.per_watt, system_json)},
                   {"not_ranked_per_watt", json_array(p.not_ranked_per_watt, unranked_json)},
                   {"not_ranked", json_array(p.not_ranked, unranked_json)},
                   {"warnings", p.warnings}});
}

}  // namespace

void report_published_ranking(std::ostream& out, const std::vector<PublishedRow>& rows,
                              const std::vector<SelectedRun>& runs, const std::string& format) {
  const PublishedRanking p = rank_published(rows, runs);
  if (format == "table") report_text(out, p, false);
  else if (format == "markdown") report_text(out, p, true);
  else if (format == "csv") report_csv(out, p);
  else if (format == "json") report_json(out, p);
  else throw Error(kExitUsage, "--format " + format + ": expected table, markdown, csv or json");
}

}  // namespace bramble
