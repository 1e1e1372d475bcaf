#include "cli.hpp"

#include "analysis_commands.hpp"

#include <mpi.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "bramble/version.hpp"
#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "core/printable.hpp"
#include "results/reader.hpp"
#include "results/schema.hpp"
#include "adapters/kernel_list.hpp"
#include "adapters/doctor/doctor_kernel.hpp"
#include "suite/option_checks.hpp"
#include "suite/suite.hpp"
#include "results/report.hpp"

namespace bramble {
namespace {

int show_file(MPI_Comm world, const std::string& path, const std::string& format) {
  agree(world, [&] {
    if (comm_rank(world) == 0) {
      std::ostringstream text;  // labels, host names and scene names come from the file
      make_reporter(format)->report(text, read_result_file(path));
      std::cout << printable_lines(text.str());
    }
  });
  return kExitOk;
}

// Options of `bramble run` itself (before or after the kernel's name).
void add_run_options(CLI::App& run, SuiteOptions& suite) {
  run.add_option("--out", suite.out, "Result file (default results/bramble-<host>-<utc>.h5)");
  // A label with control characters is refused rather than stored: it is shown in every table.
  run.add_option("--label", suite.label, "Free text stored with the results (printable, no control characters)")
      ->check(printable_text());
  run.add_option("--price-usd", suite.price_usd,
                 "What the machine cost (all its nodes, in US dollars), stored for `bramble compare`'s per-dollar figures")
      ->check(finite_number(0.0, 1e9));
  run.add_flag("--quick", suite.quick,
               "Use each kernel's quick default size; sizes, counts and repetitions given explicitly still win");
  run.add_option("--min-reps", suite.repetitions.min_reps,
                 "Repeat each kernel's timed part at least this often (the spread and `compare`'s noise test need 3)")
      ->check(whole_number<int>(1, 1000))
      ->capture_default_str();
  run.add_option("--max-reps", suite.repetitions.max_reps,
                 "Repeat at most this often while the repetitions' coefficient of variation is above --cv-target")
      ->check(whole_number<int>(1, 1000))
      ->capture_default_str();
  run.add_option("--cv-target", suite.repetitions.cv_target_percent,
                 "Coefficient of variation (percent) below which no more repetitions are run")
      ->check(finite_number(0.0, 100.0))
      ->capture_default_str();
  run.add_option("--progress", suite.progress,
                 "Progress line on stderr: auto (when stderr is a terminal), on, off")
      ->check(CLI::IsMember({"auto", "on", "off"}))
      ->capture_default_str();
  run.add_option("--ranks-per-node", suite.ranks_per_node,
                 "Pretend every N consecutive ranks are a node of their own, named <host>-n<i> (testing, teaching)")
      ->check(whole_number<int>(1, 1 << 20));
  run.add_flag_callback(
      "--no-preflight", [&suite] { suite.preflight = false; },
      "Skip the check that every rank runs the same bramble build and MPI library");
  run.add_option("--preflight-fake", suite.preflight_fakes, "FIELD=VALUE replaces a fact this rank reports (testing)")
      ->allow_extra_args(false)  // one FIELD=VALUE per --preflight-fake: never the kernel's name
      ->group("");               // hidden: lets a test play a node that runs another build
}

// Power measurement (README: "Power, energy and performance per watt").
void add_power_options(CLI::App& run, PowerOptions& power) {
  run.add_option("--power", power.spec,
                 "Power source for every node: auto, rapl, hwmon:NAME[:SCOPE], pi5-pmic[:wall], ipmi[:COMMAND], "
                 "smartplug:URL, meter-log:FILE, fixed:WATTS[:IDLE], none (health only), off (no sampler). With "
                 "--power-config it is the source of nodes the file does not name; it may not contradict the "
                 "file's [default], nor be given when the file names every node")
      ->check(printable_text())
      ->capture_default_str();
  run.add_option("--power-config", power.config_file,
                 "TOML file with a [hostname] table per node (power, group, interval, user, password) and [default]");
  // Repeatable, one W[:NAME] each (never the kernel's name that may follow).
  run.add_option_function<std::vector<std::string>>(
         "--power-extra",
         [&power](const std::vector<std::string>& specs) {
           for (const std::string& s : specs) power.extras.push_back(parse_power_extra(s));
         },
         "Shared gear no meter sees (a switch, fans, PSU losses): W watts added to the cluster's total power for "
         "every kernel, declared, not measured; repeatable, e.g. --power-extra 12:switch --power-extra 4:fans")
      ->check(power_extra_spec())
      ->allow_extra_args(false)
      ->type_name("W[:NAME]");
  run.add_option("--power-interval", power.interval, "Seconds between power samples (default: per source kind)")
      ->check(finite_number(0.01, 60.0));
  run.add_option("--idle-seconds", power.idle_seconds,
                 "Idle baseline before the kernels, after a 2 s settle (0 skips; only when a node is metered)")
      ->check(finite_number(0.0, 3600.0))
      ->capture_default_str();
  run.add_option("--min-phase-seconds", power.min_phase_seconds,
                 "Repeat each kernel's timed part until it lasts this long (Green500 wants 60)")
      ->check(finite_number(0.0, 86400.0));
  run.add_option("--power-root", power.root, "Prefix for /sys and /proc when reading sensors (testing)")
      ->group("");  // hidden: for tests with fake sensor trees
}

// `bramble doctor`: the suite around one kernel, the doctor, with no power sampler (it reads
// temperatures itself, and an idle baseline would only make it slower). Its own table and
// findings come last, after the suite's summary. Exit 0 when it ran: findings are not
// failures (README "bramble doctor").
void add_doctor_options(CLI::App& doctor, SuiteOptions& suite) {
  doctor.add_option("--out", suite.out, "Result file (default results/bramble-<host>-<utc>.h5)");
  doctor.add_option("--label", suite.label, "Free text stored with the results (printable, no control characters)")
      ->check(printable_text());
  doctor.add_flag("--quick", suite.quick, "Smaller probes: a first look in a few seconds");
  doctor.add_option("--ranks-per-node", suite.ranks_per_node,
                    "Pretend every N consecutive ranks are a node of their own, named <host>-n<i> (testing, teaching)")
      ->check(whole_number<int>(1, 1 << 20));
}

int run_doctor(MPI_Comm world, SuiteOptions suite, DoctorKernel& doctor, const std::vector<std::string>& argv) {
  suite.power.spec = "off";
  suite.progress = "off";
  suite.figures_for_comparison = false;
  const int code = run_suite(world, suite, {&doctor}, argv);
  if (comm_rank(world) == 0) {
    doctor.print_report(std::cout);
    std::cout.flush();
  }
  return code;
}

// A subcommand of `run` per kernel, with the kernel's own options.
std::vector<std::pair<CLI::App*, Kernel*>> add_kernel_commands(CLI::App& run,
                                                              const std::vector<std::unique_ptr<Kernel>>& kernels) {
  std::vector<std::pair<CLI::App*, Kernel*>> commands;
  for (const auto& k : kernels) {
    CLI::App* sub = run.add_subcommand(k->name(), k->description());
    sub->fallthrough();  // --out/--label/--quick may follow the kernel name
    k->add_options(*sub);
    commands.emplace_back(sub, k.get());
  }
  return commands;
}

// Messages quote input (file lines, paths): escaped once more here, whatever built them,
// line by line (several problems found before a run are a line each).
void print_error(const std::string& message) {
  std::istringstream lines(message);
  std::string line;
  for (bool first = true; std::getline(lines, line); first = false)
    std::fprintf(stderr, "%s%s\n", first ? "bramble: error: " : "", printable(line, 4096).c_str());
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
  run->require_subcommand(1, 0);  // one kernel, several (`run hpl --n 400 stencil --n 256`), or all

  auto kernels = all_kernels();
  const auto kernel_commands = add_kernel_commands(*run, kernels);
  CLI::App* all = run->add_subcommand("all", "Run every kernel with its default options");
  all->fallthrough();

  CLI::App* doctor_command = app.add_subcommand("doctor", "Check every node and link in seconds and name the outliers");
  SuiteOptions doctor_suite;
  DoctorKernel doctor;
  add_doctor_options(*doctor_command, doctor_suite);
  doctor.add_options(*doctor_command);

  std::string show_path;
  CLI::App* show = app.add_subcommand("show", "Print what a result file holds");
  show->add_option("file", show_path, "Result file")->required();
  std::string show_format = "table";
  show->add_option("--format", show_format, "table, markdown (for a GitHub issue), csv (a row per kernel) or json")
      ->check(CLI::IsMember({"table", "markdown", "csv", "json"}))
      ->capture_default_str();

  AnalysisCommands analysis;
  add_analysis_commands(app, analysis);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Every rank parses the same argv and reaches the same verdict: no communication needed.
    // CLI11 quotes the command line as typed; escaped here, like every message (printable.hpp).
    if (rank0 && e.get_exit_code() == 0) app.exit(e);
    if (rank0 && e.get_exit_code() != 0)
      std::fprintf(stderr, "bramble: error: %s\nRun with --help for more information.\n", printable(e.what(), 4096).c_str());
    return e.get_exit_code() == 0 ? kExitOk : kExitUsage;
  }
  suite.power.spec_given = run->count("--power") > 0;

  try {
    if (version) {
      if (rank0)
        std::printf("bramble %s (commit %s), result schema %d\n", kProgramVersion, kGitCommit,
                    kSchemaVersion);
      return kExitOk;
    }
    if (*show) return show_file(world, show_path, show_format);
    if (const int code = run_analysis_command(world, analysis); code >= 0) return code;
    if (*doctor_command) return run_doctor(world, doctor_suite, doctor, std::vector<std::string>(argv, argv + argc));
    if (*run) {
      std::vector<Kernel*> chosen;
      for (auto& [sub, kernel] : kernel_commands)
        if (*sub || *all) chosen.push_back(kernel);
      return run_suite(world, suite, chosen, std::vector<std::string>(argv, argv + argc));
    }
    if (rank0) std::cout << app.help();
    return kExitUsage;
  } catch (const AgreedError& e) {
    if (rank0) print_error(e.what());
    return e.exit_code();
  } catch (const std::exception& e) {
    // Not agreed: other ranks may be waiting in a collective. Abort them all rather than hang.
    std::fprintf(stderr, "bramble: error on rank %d: %s\n", comm_rank(world), e.what());
    MPI_Abort(world, kExitInternal);
    return kExitInternal;
  }
}

}  // namespace bramble
