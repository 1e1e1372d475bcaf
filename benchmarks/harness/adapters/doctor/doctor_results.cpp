#include "adapters/doctor/doctor_results.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "adapters/doctor/outliers.hpp"
#include "core/format_units.hpp"

namespace bramble::doctor {
namespace {

using Figure = std::function<double(const NodeFigures&)>;

std::string node_figure(std::size_t node, const std::string& what) {
  std::string name = std::string("node") + std::to_string(node);
  return name.append("_").append(what);
}

// Per-node figures and their median over the nodes that measured them.
double add_per_node(KernelResult& r, const std::vector<NodeFigures>& nodes, const std::string& what, const Figure& f) {
  std::vector<double> measured;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const double v = f(nodes[i]);
    r.figures.push_back({node_figure(i, what), v});
    if (!std::isnan(v)) measured.push_back(v);
  }
  return median(measured);
}

KernelResult base(const DoctorRun& run, const std::string& kernel, const std::string& problem, double seconds) {
  KernelResult r;
  r.kernel = kernel;
  r.problem = problem;
  r.ranks = run.ranks;
  r.rep_seconds = {seconds};
  r.passed = true;
  return r;
}

std::string comparison(const DoctorRun& run, bool hardware) {
  if (run.phase.nodes.size() < 2) return "none: one node, no peers";
  if (hardware && run.shared_machine) return "none: the nodes share a machine";
  return hardware ? "against the median of the other nodes: below half is flagged; a suspect is probed again and "
                    "judged on its best figures"
                  : "against the median of the other nodes: bandwidth (best message) below a third, latency (best "
                    "round trip) above three times and 50 us more is flagged; a suspect's pairs are measured again "
                    "(3 measurements at most) and judged on their best figures";
}

void add_verdict(KernelResult& r, const DoctorRun& run, bool hardware, const std::string& flags) {
  r.verification.push_back({"comparison", comparison(run, hardware)});
  r.verification.push_back({"flags", flags});
}

KernelResult dgemm(const DoctorRun& run) {
  const NodePlan& p = run.node_plan;
  KernelResult r = base(run, "doctor-dgemm", std::string("n=") + std::to_string(p.dgemm_n) + " on one core per node, best of " +
                                                 std::to_string(p.dgemm_reps), run.phase.dgemm_seconds);
  r.parameters = {{"n", std::int64_t{p.dgemm_n}}, {"reps", std::int64_t{p.dgemm_reps}}, {"blas_threads", std::int64_t{1}}};
  r.figure_name = "median_gflops";
  r.unit = "Gflop/s";
  r.figure_of_merit = add_per_node(r, run.phase.nodes, "gflops", [](const NodeFigures& n) { return n.dgemm_gflops; });
  double worst = 0;
  for (const auto& n : run.phase.nodes) worst = std::isnan(n.dgemm_residual) ? worst : std::max(worst, n.dgemm_residual);
  r.passed = worst <= kDgemmThreshold;
  r.verification = {{"worst_check", worst},
                    {"threshold", kDgemmThreshold},
                    {"formula", std::string("max_i |C x - A (B x)|_i / (n eps max_i (|A| |B| |x|)_i), worst node")}};
  add_verdict(r, run, true, findings_text(run.diagnosis, {"dgemm"}));
  return r;
}

KernelResult triad(const DoctorRun& run) {
  const NodePlan& p = run.node_plan;
  const double array_bytes = double(p.triad_n) * sizeof(double);
  KernelResult r = base(run, "doctor-triad", std::string("3 x ") + mib(array_bytes) + " on one core per node, best of " +
                                                 std::to_string(p.triad_iterations), run.phase.triad_seconds);
  r.parameters = {{"n", p.triad_n}, {"iterations", std::int64_t{p.triad_iterations}}};
  r.figure_name = "median_gbs";
  r.unit = "GB/s";
  r.figure_of_merit = add_per_node(r, run.phase.nodes, "gbs", [](const NodeFigures& n) { return n.triad_gbs; });
  double wrong = 0;
  for (const auto& n : run.phase.nodes) wrong += std::isnan(n.triad_wrong) ? 0 : n.triad_wrong;
  r.passed = wrong == 0;
  r.verification = {{"wrong_elements", wrong}};
  add_verdict(r, run, true, findings_text(run.diagnosis, {"triad"}));
  return r;
}

KernelResult disk(const DoctorRun& run) {
  const NodePlan& p = run.node_plan;
  KernelResult r = base(run, "doctor-disk", mib(double(p.disk_bytes)) + " write+fsync in " + p.disk_dir,
                        run.phase.disk_seconds);
  r.parameters = {{"bytes", p.disk_bytes}, {"directory", p.disk_dir}};
  r.figure_name = "median_mbs";
  r.unit = "MB/s";
  r.figure_of_merit = add_per_node(r, run.phase.nodes, "mbs", [](const NodeFigures& n) { return n.disk_mbs; });
  // A probe that could not write (a full disk, an I/O error, too little room to write safely)
  // fails: the results directory is where the run's files go.
  std::int64_t failed = 0;
  for (const NodeFigures& n : run.phase.nodes) failed += n.disk_error.empty() ? 0 : 1;
  r.passed = failed == 0;
  r.verification = {{"nodes_not_written", failed}};
  add_verdict(r, run, true, findings_text(run.diagnosis, {"disk"}));
  return r;
}

KernelResult health(const DoctorRun& run) {
  KernelResult r = base(run, "doctor-health", "temperature, clock, throttle state after the CPU probes", 0.0);
  r.figure_name = "hottest_c";
  r.unit = "C";
  add_per_node(r, run.phase.nodes, "temp_c", [](const NodeFigures& n) { return n.temp_c; });
  add_per_node(r, run.phase.nodes, "clock_mhz", [](const NodeFigures& n) { return n.clock_mhz; });
  r.figure_of_merit = kNotMeasured;
  for (std::size_t i = 0; i < run.phase.nodes.size(); ++i) {
    const NodeFigures& n = run.phase.nodes[i];
    r.figures.push_back({node_figure(i, "throttled"), n.throttled});
    if (!std::isnan(n.temp_c) && !(n.temp_c <= r.figure_of_merit)) r.figure_of_merit = n.temp_c;
  }
  add_verdict(r, run, true, findings_text(run.diagnosis, {"health"}));
  return r;
}

// A matrix's cell, or not measured where the matrix is empty (a run without that figure).
double cell_of(const std::vector<double>& matrix, std::size_t cell) {
  return cell < matrix.size() ? matrix[cell] : kNotMeasured;
}

KernelResult link(const DoctorRun& run) {
  const LinkPlan& p = run.link_plan;
  const int k = run.links.nodes;
  const int pairs = k * (k - 1) / 2;
  KernelResult r = base(run, "doctor-link",
                        std::to_string(pairs) + " pair(s) in " + std::to_string(run.rounds) + " round(s): 8 B x " +
                            std::to_string(p.round_trips) + " and " + mib(p.message_bytes) + " x " +
                            std::to_string(p.message_reps) + " each way",
                        run.links.seconds);
  r.parameters = {{"round_trips", std::int64_t{p.round_trips}},
                  {"message_bytes", std::int64_t{p.message_bytes}},
                  {"message_reps", std::int64_t{p.message_reps}},
                  {"rounds", std::int64_t{run.rounds}},
                  {"measurements", std::int64_t{run.phase.nodes.empty() ? 0 : run.phase.nodes[0].link_measurements}}};
  if (p.slow_node >= 0) r.parameters.push_back({"pretend_slow_link", std::int64_t{p.slow_node}});  // a test run
  r.figure_name = "median_mbs";
  r.unit = "MB/s";
  add_per_node(r, run.phase.nodes, "link_mbs", [](const NodeFigures& n) { return n.link_mbs; });
  add_per_node(r, run.phase.nodes, "latency_best_us", [](const NodeFigures& n) { return n.latency_best_us; });
  add_per_node(r, run.phase.nodes, "latency_us", [](const NodeFigures& n) { return n.latency_us; });
  add_per_node(r, run.phase.nodes, "latency_p90_us", [](const NodeFigures& n) { return n.latency_p90_us; });
  add_per_node(r, run.phase.nodes, "latency_p99_us", [](const NodeFigures& n) { return n.latency_p99_us; });
  add_per_node(r, run.phase.nodes, "link_suspect_after", [](const NodeFigures& n) { return double(n.link_suspect_after); });
  std::vector<double> all;
  for (int from = 0; from < k; ++from)
    for (int to = 0; to < k; ++to) {
      if (from == to) continue;
      const auto cell = static_cast<std::size_t>(from * k + to);
      std::string pair = std::string("pair_") + std::to_string(from);
      pair.append("_to_").append(std::to_string(to));
      r.figures.push_back({pair + "_mbs", run.links.mbs[cell]});
      r.figures.push_back({pair + "_best_us", cell_of(run.links.latency_best_us, cell)});
      r.figures.push_back({pair + "_us", run.links.latency_us[cell]});
      r.figures.push_back({pair + "_p90_us", cell_of(run.links.latency_p90_us, cell)});
      r.figures.push_back({pair + "_p99_us", cell_of(run.links.latency_p99_us, cell)});
      if (!std::isnan(run.links.mbs[cell])) all.push_back(run.links.mbs[cell]);
    }
  r.figure_of_merit = median(all);
  r.passed = run.links.payload_ok;
  r.verification = {{"payload", std::string(run.links.payload_ok ? "intact" : "CORRUPTED")},
                    {"payload_check", std::string("the last message of each direction, byte for byte")}};
  add_verdict(r, run, false, findings_text(run.diagnosis, {"link", "latency"}));
  return r;
}

}  // namespace

std::vector<KernelResult> doctor_results(const DoctorRun& run) {
  std::vector<KernelResult> results{dgemm(run), triad(run)};
  if (run.node_plan.disk_bytes > 0) results.push_back(disk(run));
  results.push_back(health(run));
  if (run.links.nodes > 1) results.push_back(link(run));
  return results;
}

}  // namespace bramble::doctor
