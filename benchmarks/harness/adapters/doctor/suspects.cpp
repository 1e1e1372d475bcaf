#include "adapters/doctor/suspects.hpp"

#include <algorithm>
#include <cmath>

#include "adapters/doctor/diagnosis.hpp"

namespace bramble::doctor {
namespace {

// The nodes named by the given probes' rules, once each, in node order.
std::vector<int> named_by(const Diagnosis& d, const std::vector<std::string>& probes) {
  std::vector<int> nodes;
  for (const Finding& f : d.findings)
    if (std::find(probes.begin(), probes.end(), f.probe) != probes.end() &&
        std::find(nodes.begin(), nodes.end(), f.node) == nodes.end())
      nodes.push_back(f.node);
  std::sort(nodes.begin(), nodes.end());
  return nodes;
}

}  // namespace

std::vector<int> link_suspects(const LinkMatrix& links) {
  if (links.nodes < 2) return {};
  std::vector<NodeFigures> nodes(static_cast<std::size_t>(links.nodes));
  const std::vector<double> mbs = per_node_median(links.mbs, links.nodes);
  const std::vector<double> latency = per_node_median(links.latency_best_us, links.nodes);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    nodes[i].name = "n" + std::to_string(i);
    nodes[i].link_mbs = mbs[i];
    nodes[i].latency_best_us = latency[i];
  }
  return named_by(diagnose(nodes, /*shared_machine=*/true), {"link", "latency"});
}

std::vector<int> hardware_suspects(const std::vector<NodeFigures>& nodes) {
  if (nodes.size() < 2) return {};
  // The figures alone: a wrong answer or a failed probe is named whatever a re-probe says.
  std::vector<NodeFigures> figures(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    figures[i].name = nodes[i].name;
    figures[i].dgemm_gflops = nodes[i].dgemm_gflops;
    figures[i].triad_gbs = nodes[i].triad_gbs;
    figures[i].disk_mbs = nodes[i].disk_mbs;
  }
  return named_by(diagnose(figures, /*shared_machine=*/false), {"dgemm", "triad", "disk"});
}

std::vector<int> add_measurement(LinkEvidence& evidence, const LinkMatrix& again) {
  keep_best(evidence.best, again);
  ++evidence.measurements;
  evidence.suspect_after.resize(static_cast<std::size_t>(evidence.best.nodes), 0);
  const std::vector<int> suspects = link_suspects(evidence.best);
  for (int node : suspects) ++evidence.suspect_after[static_cast<std::size_t>(node)];
  return suspects;
}

LinkEvidence judge_links(const std::vector<LinkMatrix>& measurements) {
  LinkEvidence evidence;
  for (const LinkMatrix& m : measurements) {
    if (evidence.measurements == kMaxMeasurements) break;
    if (add_measurement(evidence, m).empty()) break;
  }
  return evidence;
}

void set_link_figures(std::vector<NodeFigures>& nodes, const LinkEvidence& evidence) {
  const int k = evidence.best.nodes;
  if (k < 2 || nodes.size() != static_cast<std::size_t>(k)) return;
  const std::vector<double> mbs = per_node_median(evidence.best.mbs, k);
  const std::vector<double> best = per_node_median(evidence.best.latency_best_us, k);
  const std::vector<double> latency = per_node_median(evidence.best.latency_us, k);
  const std::vector<double> p90 = per_node_median(evidence.best.latency_p90_us, k);
  const std::vector<double> p99 = per_node_median(evidence.best.latency_p99_us, k);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    nodes[i].link_mbs = mbs[i];
    nodes[i].latency_best_us = best[i];
    nodes[i].latency_us = latency[i];
    nodes[i].latency_p90_us = p90[i];
    nodes[i].latency_p99_us = p99[i];
    nodes[i].link_measurements = evidence.measurements;
    nodes[i].link_suspect_after = evidence.suspect_after[i];
  }
}

void keep_best(std::vector<NodeFigures>& best, const std::vector<NodeFigures>& again) {
  for (std::size_t i = 0; i < best.size() && i < again.size(); ++i) {
    NodeFigures& b = best[i];
    const NodeFigures& a = again[i];
    b.dgemm_gflops = std::fmax(b.dgemm_gflops, a.dgemm_gflops);
    b.triad_gbs = std::fmax(b.triad_gbs, a.triad_gbs);
    b.disk_mbs = std::fmax(b.disk_mbs, a.disk_mbs);
    b.dgemm_residual = std::fmax(b.dgemm_residual, a.dgemm_residual);  // the worse check
    b.triad_wrong = std::fmax(b.triad_wrong, a.triad_wrong);
    if (b.disk_error.empty()) b.disk_error = a.disk_error;
    b.temp_c = a.temp_c;
    b.clock_mhz = a.clock_mhz;
    b.throttled = a.throttled;
    ++b.hardware_measurements;
  }
}

}  // namespace bramble::doctor
