#include "adapters/doctor/node_phase.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "adapters/doctor/probes.hpp"
#include "adapters/doctor/quiet_barrier.hpp"
#include "core/comm_info.hpp"
#include "core/gather.hpp"
#include "power/telemetry.hpp"

namespace bramble::doctor {
namespace {

// What a leader sends rank 0, in this order.
enum Slot { kGflops, kResidual, kGbs, kWrong, kDiskMbs, kTemp, kClock, kThrottled, kDgemmS, kTriadS, kDiskS, kSlots };

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::vector<double> probe_this_node(const NodePlan& plan, std::string& disk_error) {
  std::vector<double> v(kSlots, kNotMeasured);
  auto t0 = std::chrono::steady_clock::now();
  const DgemmFigures d = dgemm_probe(plan.dgemm_n, plan.dgemm_reps);
  v[kDgemmS] = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  const TriadFigures t = triad_probe(plan.triad_n, plan.triad_iterations);
  v[kTriadS] = seconds_since(t0);
  const power::Health h = power::TelemetryReader().read();  // warm from the CPU probes
  v[kGflops] = d.gflops, v[kResidual] = d.residual, v[kGbs] = t.gbs, v[kWrong] = t.wrong;
  v[kTemp] = h.temp_c, v[kClock] = h.clock_mhz, v[kThrottled] = double(h.throttled);
  if (plan.disk_bytes > 0) {
    t0 = std::chrono::steady_clock::now();
    const DiskFigures k = disk_probe(existing_directory(plan.disk_dir), plan.disk_bytes);
    v[kDiskS] = seconds_since(t0);
    v[kDiskMbs] = k.mbs;
    disk_error = k.error;
  }
  return v;
}

}  // namespace

std::vector<std::string> node_names(const Topology& topology) {
  std::map<std::string, int> count;
  for (const auto& n : topology.nodes()) ++count[n.hostname];
  std::vector<std::string> names;
  for (std::size_t i = 0; i < topology.nodes().size(); ++i) {
    std::string name = topology.nodes()[i].hostname;
    if (count[name] > 1) name.append("#").append(std::to_string(i));
    names.push_back(std::move(name));
  }
  return names;
}

NodePhase probe_nodes(MPI_Comm world, const Topology& topology, const NodePlan& plan, bool one_at_a_time) {
  std::vector<double> mine;
  std::string disk_error;
  const int turns = one_at_a_time ? topology.node_count() : 1;
  for (int turn = 0; turn < turns; ++turn) {
    if (topology.is_node_leader() && (!one_at_a_time || topology.my_node() == turn))
      mine = probe_this_node(plan, disk_error);
    quiet_barrier(world);
  }

  const auto figures = gather_doubles(world, mine);  // rank 0 only; empty from non-leaders
  const auto errors = gather_text(world, disk_error);
  NodePhase phase;
  if (comm_rank(world) != 0) return phase;
  const std::vector<std::string> names = node_names(topology);
  phase.nodes.resize(names.size());
  for (std::size_t r = 0; r < figures.size(); ++r) {
    if (figures[r].size() != kSlots) continue;
    const auto node = static_cast<std::size_t>(topology.node_of_rank(static_cast<int>(r)));
    const std::vector<double>& v = figures[r];
    NodeFigures& n = phase.nodes[node];
    n.dgemm_gflops = v[kGflops], n.dgemm_residual = v[kResidual], n.triad_gbs = v[kGbs], n.triad_wrong = v[kWrong];
    n.disk_mbs = v[kDiskMbs], n.disk_error = errors[r];
    n.temp_c = v[kTemp], n.clock_mhz = v[kClock], n.throttled = static_cast<std::int64_t>(v[kThrottled]);
    phase.dgemm_seconds = std::max(phase.dgemm_seconds, v[kDgemmS]);
    phase.triad_seconds = std::max(phase.triad_seconds, v[kTriadS]);
    if (!std::isnan(v[kDiskS])) phase.disk_seconds = std::max(phase.disk_seconds, v[kDiskS]);
  }
  for (std::size_t i = 0; i < names.size(); ++i) phase.nodes[i].name = names[i];
  return phase;
}

}  // namespace bramble::doctor
