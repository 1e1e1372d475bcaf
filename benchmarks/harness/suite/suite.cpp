#include "suite/suite.hpp"

#include <cblas.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "core/collective.hpp"
#include "power/totals.hpp"
#include "core/comm_info.hpp"
#include "results/writer.hpp"
#include "context/run_metadata.hpp"
#include "results/summary_table.hpp"
#include "context/topology.hpp"

namespace bramble {
namespace {

std::string default_output_path(const Topology& topology) {
  std::string stamp = utc_now_iso8601();  // 2026-11-25T19:49:09Z -> 20261125T194909Z
  std::erase(stamp, '-');
  std::erase(stamp, ':');
  std::string host = topology.nodes().front().hostname;
  return "results/bramble-" + host + "-" + stamp + ".h5";
}

void warn_about_trust(const RunMetadata& m) {
  if (m.build_type == std::string("Debug"))
    std::fprintf(stderr, "bramble: warning: this is a Debug build; its timings are not representative\n");
  int max_per_node = 0;
  for (int r : m.ranks_per_node) max_per_node = std::max(max_per_node, r);
  if (max_per_node > 1 && openblas_get_num_threads() > 1)
    std::fprintf(stderr,
                 "bramble: warning: %d BLAS threads per rank with %d ranks on a node oversubscribes "
                 "the cores; set OPENBLAS_NUM_THREADS=1\n",
                 openblas_get_num_threads(), max_per_node);
}

}  // namespace

int run_suite(MPI_Comm world, const SuiteOptions& options, const std::vector<Kernel*>& kernels,
              const std::vector<std::string>& argv) {
  const int rank = comm_rank(world), size = comm_size(world);
  const Topology topology(world, options.ranks_per_node);
  const RunMetadata metadata = collect_metadata(topology, size, options.label, argv);

  std::string path = options.out;
  std::unique_ptr<ResultWriter> writer;
  agree(world, [&] {
    if (rank != 0) return;
    if (path.empty()) {
      path = default_output_path(topology);
      std::filesystem::create_directories("results");
    }
    writer = std::make_unique<ResultWriter>(path, metadata);
    writer->preflight();
    warn_about_trust(metadata);
  });

  // Power: samplers start now; the idle baseline is taken before any kernel has warmed a core.
  PowerMonitor power(world, topology, options.power);
  if (rank == 0 && !power.notice().empty()) std::fprintf(stderr, "bramble: %s\n", power.notice().c_str());
  power.measure_idle();
  RunPower run_power = power.run_power();
  if (writer) writer->set_run_power(std::move(run_power));

  std::vector<KernelResult> results;
  RunContext context;
  context.world = world;
  context.topology = &topology;
  context.quick = options.quick;
  context.output_stem = path.size() > 3 && path.ends_with(".h5") ? path.substr(0, path.size() - 3) : path;
  context.show_progress =
      rank == 0 && (options.progress == "on" || (options.progress == "auto" && isatty(STDERR_FILENO)));
  context.timed = &power;
  context.record = [&](const KernelResult& finished) {
    KernelResult r = finished;
    r.power = power.finish_phase(r.figure_name, phase_rate(r.figure_of_merit, r.rep_seconds));  // rank 0 only
    results.push_back(r);
    agree(world, [&] {
      if (writer) writer->append(r);
    });
  };
  for (Kernel* kernel : kernels) kernel->run(context);

  bool all_passed = true;
  std::vector<SummaryRow> rows;
  for (const auto& r : results) {
    rows.push_back(summary_row(r));
    all_passed = all_passed && r.passed;
  }
  if (rank == 0) {
    std::cout << '\n';
    print_summary(std::cout, rows);
    std::cout << "\nresults written to " << path << " (bramble show " << path << ")\n";
    std::cout.flush();
  }
  return all_passed ? kExitOk : kExitVerification;
}

}  // namespace bramble
