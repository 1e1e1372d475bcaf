#include "adapters/doctor/doctor_report.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "adapters/doctor/outliers.hpp"

namespace bramble::doctor {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Columns as wide as their widest cell, two spaces apart.
void print_rows(std::ostream& out, const Rows& rows) {
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      width.resize(std::max(width.size(), c + 1), 0);
      width[c] = std::max(width[c], row[c].size());
    }
  for (const auto& row : rows) {
    std::string line = "  ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line.append(width[c] - row[c].size() + 2, ' ');
    }
    out << line << '\n';
  }
}

std::string throttle_cell(std::int64_t word) {
  if (word < 0) return "-";
  if (word == 0) return "none";
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(word));
  return buf;
}

// The probes a node was flagged by, "link,latency"; "" for none.
std::string flags_cell(const Diagnosis& d, int node) {
  std::string cell;
  for (const Finding& f : d.findings)
    if (f.node == node && cell.find(f.probe) == std::string::npos) cell.append(cell.empty() ? "" : ",").append(f.probe);
  return cell;
}

void print_matrix(std::ostream& out, const std::vector<NodeFigures>& nodes, const LinkMatrix& links) {
  const auto k = static_cast<std::size_t>(links.nodes);
  Rows rows{{"from \\ to"}};
  for (std::size_t j = 0; j < k; ++j) rows[0].push_back(nodes[j].name);
  for (std::size_t i = 0; i < k; ++i) {
    rows.push_back({nodes[i].name});
    for (std::size_t j = 0; j < k; ++j) rows.back().push_back(i == j ? "." : figure_text(links.mbs[i * k + j]));
  }
  out << "\ndoctor: link bandwidth (MB/s)\n";
  print_rows(out, rows);
}

}  // namespace

std::string doctor_report(const std::vector<NodeFigures>& nodes, const LinkMatrix& links, const Diagnosis& d) {
  std::ostringstream out;
  out << "\ndoctor: per node (one core each; link and latency: the median over the node's pairs, both ways, of each "
         "pair's best measurement)\n";
  Rows rows{{"node", "name", "DGEMM (Gflop/s)", "triad (GB/s)", "disk (MB/s)", "temp (C)", "clock (MHz)", "throttle",
             "link (MB/s)", "latency best (us)", "P50", "P99", "flags"}};
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const NodeFigures& n = nodes[i];
    rows.push_back({std::to_string(i), n.name, figure_text(n.dgemm_gflops), figure_text(n.triad_gbs),
                    figure_text(n.disk_mbs), figure_text(n.temp_c), figure_text(n.clock_mhz), throttle_cell(n.throttled),
                    figure_text(n.link_mbs), figure_text(n.latency_best_us), figure_text(n.latency_us),
                    figure_text(n.latency_p99_us),
                    flags_cell(d, static_cast<int>(i))});
  }
  print_rows(out, rows);
  if (links.nodes > 1 && links.nodes <= 16) print_matrix(out, nodes, links);  // wider would not fit a terminal
  out << '\n';
  for (const auto& note : d.notes) out << "doctor: note: " << note << '\n';
  for (const Finding& f : d.findings) out << "bramble: doctor: " << f.text << '\n';
  if (d.findings.empty()) out << "bramble: doctor: no findings\n";
  return out.str();
}

}  // namespace bramble::doctor
