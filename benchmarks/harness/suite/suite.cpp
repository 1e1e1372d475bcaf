#include "suite/suite.hpp"

#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <utility>

#include "core/collective.hpp"
#include "power/totals.hpp"
#include "core/comm_info.hpp"
#include "results/writer.hpp"
#include "context/run_metadata.hpp"
#include "results/reader.hpp"
#include "results/report.hpp"
#include "context/preflight.hpp"
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

// Printed once, before any kernel; they are stored in the result file too.
void print_trust_warnings(const RunMetadata& m) {
  for (const auto& w : m.trust_warnings) std::fprintf(stderr, "bramble: warning: %s\n", w.c_str());
}

// The summary is made from the file just written, read back: what the user sees after the
// run is exactly what the file holds, through the same reporter as `bramble show`.
void print_run_summary(const std::string& path, const std::string& run_group) {
  std::cout << '\n';
  if (!run_group.empty())
    for (const RunRecord& run : read_result_file(path).runs)
      if (run.group == run_group) print_summary(std::cout, run);
  std::cout << "\nresults written to " << path << " (bramble show " << path << ")\n";
  std::cout.flush();
}

// The problems the checks before a run found. Each check is collective and fails on every
// rank alike (AgreedError), so every rank gathers the same list and throws the same error.
class Problems {
 public:
  void check(const std::string& what, const std::function<void()>& step) {
    try {
      step();
    } catch (const AgreedError& e) {
      found_.push_back({what, e.what()});
      if (code_ == kExitOk) code_ = e.exit_code();
    }
  }
  // One problem is its own message; several are one line each, naming the kernel.
  void throw_if_any() const {
    if (found_.empty()) return;
    if (found_.size() == 1) throw AgreedError(code_, found_.front().second);
    std::string message = std::to_string(found_.size()) + " problems, so nothing ran:";
    for (const auto& [what, text] : found_) message += "\n  " + (what.empty() ? "" : what + ": ") + text;
    throw AgreedError(code_, message);
  }

 private:
  std::vector<std::pair<std::string, std::string>> found_;
  int code_ = kExitOk;
};

// The context block, with what the preflight only warns about among the trust warnings.
RunMetadata checked_metadata(MPI_Comm world, const Topology& topology, const SuiteOptions& options,
                             const std::vector<std::string>& argv) {
  // Before the result file is touched: ranks that run different builds or MPI libraries
  // stop here. What it only warns about joins the trust warnings, printed and stored once.
  const PreflightResult checked =
      options.preflight ? run_preflight(world, topology, options.preflight_fakes) : PreflightResult{};
  if (comm_rank(world) == 0 && checked.seconds > 1) std::fprintf(stderr, "bramble: preflight took %.1f s\n", checked.seconds);
  RunMetadata metadata = collect_metadata(topology, comm_size(world), options.label, argv);
  metadata.price_usd = options.price_usd;
  metadata.trust_warnings.insert(metadata.trust_warnings.end(), checked.warnings.begin(), checked.warnings.end());
  // --quick gives every machine the same small sizes: a server's caches hold what a Pi's
  // memory must serve. A smoke test, which compare must not take for a measure of the machine.
  if (options.quick && options.figures_for_comparison)
    metadata.trust_warnings.push_back("quick: every kernel ran at its small --quick size, the same on every machine: "
                                      "a smoke test, not for comparison");
  return metadata;
}

// Rank 0's writer, its file checked and locked (another run on it refuses now, not later);
// `path` becomes the default one where none was given. Collective: AgreedError.
std::unique_ptr<ResultWriter> open_writer(MPI_Comm world, const Topology& topology, const RunMetadata& metadata,
                                          std::string& path, int kernels) {
  std::unique_ptr<ResultWriter> writer;
  agree(world, [&] {
    if (comm_rank(world) != 0) return;
    if (path.empty()) {
      path = default_output_path(topology);
      std::filesystem::create_directories("results");
    }
    writer = std::make_unique<ResultWriter>(path, metadata);
    writer->preflight();
    writer->plan_kernels(kernels);
  });
  return writer;
}

RunContext kernel_context(MPI_Comm world, const Topology& topology, const SuiteOptions& options, const std::string& path) {
  RunContext context;
  context.world = world;
  context.topology = &topology;
  context.quick = options.quick;
  context.repetitions = options.repetitions;
  context.output_stem = path.size() > 3 && path.ends_with(".h5") ? path.substr(0, path.size() - 3) : path;
  context.show_progress = comm_rank(world) == 0 &&
                          (options.progress == "on" || (options.progress == "auto" && isatty(STDERR_FILENO)));
  return context;
}

}  // namespace

int run_suite(MPI_Comm world, const SuiteOptions& options, const std::vector<Kernel*>& kernels,
              const std::vector<std::string>& argv) {
  const int rank = comm_rank(world);
  const Topology topology(world, options.ranks_per_node);
  RunMetadata metadata = checked_metadata(world, topology, options, argv);

  // Every check before any work: the result file, then each kernel's options, files and
  // memory. Whatever fails is told all at once, and nothing runs.
  Problems problems;
  std::string path = options.out;
  std::unique_ptr<ResultWriter> writer;
  problems.check("", [&] { writer = open_writer(world, topology, metadata, path, static_cast<int>(kernels.size())); });
  RunContext context = kernel_context(world, topology, options, path);
  for (Kernel* kernel : kernels) problems.check(kernel->name(), [&] { kernel->prepare(context); });
  problems.throw_if_any();  // the writer, if made, goes: its lock is released, nothing written
  if (rank == 0) print_trust_warnings(metadata);

  // Power: samplers start now; the idle baseline is taken before any kernel has warmed a core.
  PowerMonitor power(world, topology, options.power);
  if (rank == 0 && !power.notice().empty()) std::fprintf(stderr, "bramble: %s\n", power.notice().c_str());
  power.measure_idle();
  RunPower run_power = power.run_power();
  if (writer) writer->set_run_power(std::move(run_power));

  bool all_passed = true;
  context.timed = &power;
  context.record = [&](const KernelResult& r) {
    // Per watt is work per joule: the work done over every window the energy covers.
    const std::string work = r.phase_work ? r.phase_work->name : r.figure_name;
    const double rate = r.phase_work ? r.phase_work->rate : phase_rate(r.figure_of_merit, r.rep_seconds);
    const std::optional<PowerRecord> record = power.finish_phase(work, rate);  // rank 0 only
    all_passed = all_passed && r.passed;
    agree(world, [&] {
      if (writer) writer->append(r, record);
    });
  };
  context.warn = [&](const std::string& warning) {
    if (rank != 0) return;
    std::fprintf(stderr, "bramble: warning: %s\n", warning.c_str());
    if (writer) writer->add_trust_warning(warning);
  };
  for (Kernel* kernel : kernels) {
    kernel->run(context);
    if (writer) writer->kernel_finished();  // counted for the line an interrupted run prints
  }

  agree(world, [&] {
    if (writer) print_run_summary(path, writer->run_group());
  });
  return all_passed ? kExitOk : kExitVerification;
}

}  // namespace bramble
