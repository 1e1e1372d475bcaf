#include "cli.hpp"

#include <mpi.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "bramble/version.hpp"
#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "results/reader.hpp"
#include "results/schema.hpp"
#include "adapters/kernel_list.hpp"
#include "suite/suite.hpp"
#include "results/report.hpp"

namespace bramble {
namespace {

int show_file(MPI_Comm world, const std::string& path, const std::string& format) {
  agree(world, [&] {
    if (comm_rank(world) == 0) make_reporter(format)->report(std::cout, read_result_file(path));
  });
  return kExitOk;
}

// Options of `bramble run` itself (before or after the kernel's name).
void add_run_options(CLI::App& run, SuiteOptions& suite) {
  run.add_option("--out", suite.out, "Result file (default results/bramble-<host>-<utc>.h5)");
  run.add_option("--label", suite.label, "Free text stored with the results");
  run.add_flag("--quick", suite.quick, "Use each kernel's quick default size");
  run.add_option("--progress", suite.progress,
                 "Progress line on stderr: auto (when stderr is a terminal), on, off")
      ->check(CLI::IsMember({"auto", "on", "off"}))
      ->capture_default_str();
  run.add_option("--ranks-per-node", suite.ranks_per_node,
                 "Pretend every N consecutive ranks are a node of their own, named <host>-n<i> (testing, teaching)")
      ->check(CLI::PositiveNumber);
}

// Power measurement (README: "Power, energy and performance per watt").
void add_power_options(CLI::App& run, PowerOptions& power) {
  run.add_option("--power", power.spec,
                 "Power source for every node: auto, rapl, hwmon:NAME[:SCOPE], pi5-pmic[:wall], ipmi[:COMMAND], "
                 "smartplug:URL, meter-log:FILE, fixed:WATTS, none (health only), off (no sampler)")
      ->capture_default_str();
  run.add_option("--power-config", power.config_file,
                 "TOML/INI file with a [hostname] section per node (power, group, interval) and [default]");
  run.add_option("--power-interval", power.interval, "Seconds between power samples (default: per source kind)")
      ->check(CLI::Range(0.01, 60.0));
  run.add_option("--idle-seconds", power.idle_seconds,
                 "Idle baseline before the kernels, after a 2 s settle (0 skips; only when a node is metered)")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
  run.add_option("--min-phase-seconds", power.min_phase_seconds,
                 "Repeat each kernel's timed part until it lasts this long (Green500 wants 60)")
      ->check(CLI::Range(0.0, 86400.0));
  run.add_option("--power-root", power.root, "Prefix for /sys and /proc when reading sensors (testing)")
      ->group("");  // hidden: for tests with fake sensor trees
}

}  // namespace

int run_cli(int argc, char** argv) {
  const MPI_Comm world = MPI_COMM_WORLD;
  const bool rank0 = comm_rank(world) == 0;

  CLI::App app{"bramble: verified MPI benchmarks for small clusters, with results in HDF5"};
  app.name("bramble");
  bool version = false;
  app.add_flag("--version", version, "Print the program and result-schema versions");

  CLI::App* run = app.add_subcommand("run", "Run kernels and write a result file");
  SuiteOptions suite;
  add_run_options(*run, suite);
  add_power_options(*run, suite.power);
  run->require_subcommand(1, 1);

  auto kernels = all_kernels();
  std::vector<std::pair<CLI::App*, Kernel*>> kernel_commands;
  for (auto& k : kernels) {
    CLI::App* sub = run->add_subcommand(k->name(), k->description());
    sub->fallthrough();  // --out/--label/--quick may follow the kernel name
    k->add_options(*sub);
    kernel_commands.emplace_back(sub, k.get());
  }
  CLI::App* all = run->add_subcommand("all", "Run every kernel with its default options");
  all->fallthrough();

  std::string show_path;
  CLI::App* show = app.add_subcommand("show", "Print what a result file holds");
  show->add_option("file", show_path, "Result file")->required();
  std::string show_format = "table";
  show->add_option("--format", show_format, "table, markdown (for a GitHub issue), csv (a row per kernel) or json")
      ->check(CLI::IsMember({"table", "markdown", "csv", "json"}))
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Every rank parses the same argv and reaches the same verdict: no communication needed.
    if (rank0) app.exit(e);
    return e.get_exit_code() == 0 ? kExitOk : kExitUsage;
  }

  try {
    if (version) {
      if (rank0)
        std::printf("bramble %s (commit %s), result schema %d\n", kProgramVersion, kGitCommit,
                    kSchemaVersion);
      return kExitOk;
    }
    if (*show) return show_file(world, show_path, show_format);
    if (*run) {
      std::vector<Kernel*> chosen;
      for (auto& [sub, kernel] : kernel_commands)
        if (*sub || *all) chosen.push_back(kernel);
      return run_suite(world, suite, chosen, std::vector<std::string>(argv, argv + argc));
    }
    if (rank0) std::cout << app.help();
    return kExitUsage;
  } catch (const AgreedError& e) {
    if (rank0) std::fprintf(stderr, "bramble: error: %s\n", e.what());
    return e.exit_code();
  } catch (const std::exception& e) {
    // Not agreed: other ranks may be waiting in a collective. Abort them all rather than hang.
    std::fprintf(stderr, "bramble: error on rank %d: %s\n", comm_rank(world), e.what());
    MPI_Abort(world, kExitInternal);
    return kExitInternal;
  }
}

}  // namespace bramble
