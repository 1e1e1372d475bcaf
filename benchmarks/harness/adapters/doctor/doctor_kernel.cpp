#include "adapters/doctor/doctor_kernel.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include "adapters/doctor/doctor_report.hpp"
#include "adapters/doctor/doctor_results.hpp"
#include "adapters/doctor/quiet_barrier.hpp"
#include "adapters/doctor/probes.hpp"
#include "adapters/doctor/same_machine.hpp"
#include "adapters/doctor/suspects.hpp"
#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "core/format_units.hpp"
#include "core/gather.hpp"
#include "suite/option_checks.hpp"

namespace bramble {
namespace {

using namespace doctor;

// The node leaders' own communicator, freed however the link phase ends.
class LeadersComm {
 public:
  LeadersComm(MPI_Comm world, bool leader) {
    MPI_Comm_split(world, leader ? 0 : MPI_UNDEFINED, comm_rank(world), &comm_);  // node i = rank i
  }
  ~LeadersComm() {
    if (comm_ != MPI_COMM_NULL) MPI_Comm_free(&comm_);
  }
  LeadersComm(const LeadersComm&) = delete;
  LeadersComm& operator=(const LeadersComm&) = delete;
  MPI_Comm get() const { return comm_; }

 private:
  MPI_Comm comm_ = MPI_COMM_NULL;
};

DoctorRun plan(const RunContext& ctx, const DoctorOptions& opt) {
  DoctorRun run;
  NodePlan& n = run.node_plan;
  LinkPlan& l = run.link_plan;
  if (ctx.quick) {
    n.dgemm_n = 256, n.dgemm_reps = 3, n.triad_iterations = 5;
    l.round_trips = 50, l.message_bytes = 1 << 20, l.message_reps = 2;
  }
  n.triad_n = triad_elements();
  n.disk_bytes = std::int64_t{opt.disk_mib >= 0 ? opt.disk_mib : ctx.quick ? 16 : 64} << 20;
  l.slow_node = opt.pretend_slow_link;
  // Every node looks for the disk at rank 0's absolute path: on a cluster with a shared
  // home that is the same directory; elsewhere the same path on the node's own disk.
  std::string dir;
  if (comm_rank(ctx.world) == 0) {
    const std::filesystem::path parent = std::filesystem::path(ctx.output_stem).parent_path();
    dir = std::filesystem::absolute(parent.empty() ? "." : parent).lexically_normal().string();
  }
  n.disk_dir = allgather_text(ctx.world, dir)[0];
  run.ranks = comm_size(ctx.world);
  agree(ctx.world, [&] {
    if (l.slow_node >= ctx.topology->node_count())
      throw InputError(std::string("--pretend-slow-link ") + std::to_string(l.slow_node) + ": there are only " +
                       std::to_string(ctx.topology->node_count()) + " node(s)");
  });
  return run;
}

bool nodes_share_a_machine(const RunContext& ctx) {
  const auto ids = allgather_text(ctx.world, ctx.topology->is_node_leader() ? boot_id() : "");
  std::vector<std::string> leaders;
  for (const auto& id : ids)
    if (!id.empty()) leaders.push_back(id);
  return ctx.topology->pretend() || any_shared(leaders);
}

// `nodes` (rank 0's) to every rank of `comm`.
std::vector<int> broadcast_nodes(MPI_Comm comm, std::vector<int> nodes) {
  int count = static_cast<int>(nodes.size());
  MPI_Bcast(&count, 1, MPI_INT, 0, comm);
  nodes.resize(static_cast<std::size_t>(count));
  MPI_Bcast(nodes.data(), count, MPI_INT, 0, comm);
  return nodes;
}

std::string node_list(const std::vector<NodeFigures>& nodes, const std::vector<int>& which) {
  std::string text;
  for (int i : which) text.append(text.empty() ? "" : ", ").append(nodes[static_cast<std::size_t>(i)].name);
  return text;
}

// The node probes, and once more on every node when some node looks like an outlier (on
// separate machines only: on one machine these figures are not compared). Probing all nodes
// again, not only the suspects, keeps the peers' median as fresh as the suspect's figure.
void node_phase(const RunContext& ctx, DoctorRun& run, bool rank0) {
  run.phase = probe_nodes(ctx.world, *ctx.topology, run.node_plan, run.shared_machine);
  if (run.shared_machine || ctx.topology->node_count() < 2) return;
  const std::vector<int> suspects = broadcast_nodes(ctx.world, rank0 ? hardware_suspects(run.phase.nodes) : std::vector<int>{});
  if (suspects.empty()) return;
  if (rank0) std::printf("doctor: probing again, to be sure: %s\n", node_list(run.phase.nodes, suspects).c_str());
  std::fflush(stdout);
  const NodePhase again = probe_nodes(ctx.world, *ctx.topology, run.node_plan, run.shared_machine);
  keep_best(run.phase.nodes, again.nodes);
}

// The link matrix, then the suspects' pairs again while some node looks like an outlier, at
// most kMaxMeasurements in all; each pair keeps its best figures (suspects.hpp).
LinkEvidence link_phase(const RunContext& ctx, DoctorRun& run) {
  std::vector<Round> rounds = round_robin(ctx.topology->node_count());
  if (run.shared_machine) rounds = one_pair_per_round(rounds);
  run.rounds = static_cast<int>(rounds.size());
  LinkEvidence evidence;
  {
    const LeadersComm leaders(ctx.world, ctx.topology->is_node_leader());
    if (leaders.get() != MPI_COMM_NULL) {
      const bool first = comm_rank(leaders.get()) == 0;
      std::vector<int> suspects;
      std::vector<Round> plan = rounds;
      for (int m = 0; m < kMaxMeasurements; ++m) {
        if (m > 0) {
          plan = pairs_with(rounds, suspects);
          run.rounds += static_cast<int>(plan.size());
          if (first && !run.phase.nodes.empty())
            std::printf("doctor: measuring the links of %s again, to be sure\n", node_list(run.phase.nodes, suspects).c_str());
          std::fflush(stdout);
        }
        const LinkMatrix links = measure_links(leaders.get(), plan, run.link_plan);
        suspects = broadcast_nodes(leaders.get(), first ? add_measurement(evidence, links) : std::vector<int>{});
        if (suspects.empty()) break;
      }
    }
  }
  quiet_barrier(ctx.world);  // the nodes' other ranks wait here, without spinning
  return evidence;
}

// ctx.record is collective and the results are rank 0's. Every rank records as many, with
// rank 0's verdicts, because each rank makes its exit code from the verdicts it recorded.
void record_all(RunContext& ctx, std::vector<KernelResult> results) {
  int count = static_cast<int>(results.size());
  MPI_Bcast(&count, 1, MPI_INT, 0, ctx.world);
  results.resize(static_cast<std::size_t>(count));
  std::vector<int> passed;
  for (const auto& r : results) passed.push_back(r.passed ? 1 : 0);
  MPI_Bcast(passed.data(), count, MPI_INT, 0, ctx.world);
  for (int i = 0; i < count; ++i) {
    results[static_cast<std::size_t>(i)].passed = passed[static_cast<std::size_t>(i)] == 1;
    ctx.record(results[static_cast<std::size_t>(i)]);
  }
}

void say(bool rank0, const std::string& line) {
  if (!rank0) return;
  std::printf("doctor: %s\n", line.c_str());
  std::fflush(stdout);
}

}  // namespace

void DoctorKernel::add_options(CLI::App& sub) {
  sub.add_option("--disk-mib", opt_.disk_mib,
                 "MiB each node writes and fsyncs in the results directory (default 64, 16 with --quick; 0: no disk probe; "
                 "never more than leaves 1 GiB or 5% of the disk free)")
      ->check(whole_number<int>(0, 1 << 14));
  sub.add_option("--pretend-slow-link", opt_.pretend_slow_link,
                 "Hold node N's transfers to 100 Mbit/s (testing the flags)")
      ->check(whole_number<int>(0, 1 << 20))
      ->group("");  // hidden
}

void DoctorKernel::run(RunContext& ctx) {
  const bool rank0 = comm_rank(ctx.world) == 0;
  const int nodes = ctx.topology->node_count();
  DoctorRun run = plan(ctx, opt_);
  run.shared_machine = nodes > 1 && nodes_share_a_machine(ctx);
  const NodePlan& p = run.node_plan;
  say(rank0, std::to_string(nodes) + " node(s)" + (run.shared_machine ? ", sharing a machine: probing one at a time" : "") +
                 ": DGEMM n=" + std::to_string(p.dgemm_n) + ", triad 3 x " + mib(double(p.triad_n) * sizeof(double)) +
                 ", disk " + (p.disk_bytes > 0 ? mib(double(p.disk_bytes)) + " in " + p.disk_dir : std::string("skipped")));
  node_phase(ctx, run, rank0);
  if (nodes > 1) say(rank0, std::string("links: ") + std::to_string(nodes * (nodes - 1) / 2) + " pair(s), both ways");
  const LinkEvidence evidence = link_phase(ctx, run);

  std::vector<KernelResult> results;
  if (rank0) {
    run.links = evidence.best;
    set_link_figures(run.phase.nodes, evidence);
    run.diagnosis = diagnose(run.phase.nodes, run.shared_machine);
    results = doctor_results(run);
    report_ = doctor_report(run.phase.nodes, run.links, run.diagnosis);
  }
  record_all(ctx, std::move(results));
}

}  // namespace bramble
