// Result files: written atomically, appended without losing earlier runs, read back field
// by field; foreign and truncated files are refused and left untouched.
#include <gtest/gtest.h>
#include <grp.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>

#include "core/errors.hpp"
#include "power/totals.hpp"
#include "results/h5_io.hpp"
#include "results/headline.hpp"
#include "results/reader.hpp"
#include "results/record_fields.hpp"
#include "results/schema.hpp"
#include "results/writer.hpp"

namespace bramble {
namespace {
namespace fs = std::filesystem;

// `check` run in a child process that has become `nobody`; nullopt when there is no such user.
std::optional<bool> as_user_nobody(const std::function<bool()>& check) {
  const passwd* nobody = ::getpwnam("nobody");
  if (!nobody) return std::nullopt;
  const uid_t uid = nobody->pw_uid;
  const gid_t gid = nobody->pw_gid;
  const pid_t pid = ::fork();
  if (pid == 0) {
    // Supplementary groups first: root's group could still grant access.
    const bool dropped = ::setgroups(0, nullptr) == 0 && ::setgid(gid) == 0 && ::setuid(uid) == 0;
    ::_exit(dropped && check() ? 0 : 1);  // no gtest or static teardown in the child
  }
  int status = 0;
  return pid > 0 && ::waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

class ResultFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bramble-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    path_ = (dir_ / "r.h5").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static RunMetadata metadata(const std::string& label) {
    RunMetadata m;
    m.program_version = "9.8.7";
    m.git_commit = "abc123";
    m.utc_time = "2026-11-25T12:00:00Z";
    m.label = label;
    m.command_line = "bramble run hpl --n 100";
    m.mpi_library = "Open MPI v4.1.4";
    m.mpi_version = "3.1";
    m.blas_config = "OpenBLAS 0.3.21 Haswell";
    m.blas_corename = "Haswell";
    m.compiler = "GNU 12.2.0";
    m.build_type = "Release";
    m.ranks = 3;
    m.node_count = 2;
    m.ranks_per_node = {2, 1};
    m.nodes = {{"pi-01", "Cortex-A76", "6.6.31", "ondemand", 4, 8LL << 30, 7LL << 30, 2},
               {"pi-02", "Cortex-A76", "6.6.31", "", 4, 4LL << 30, 3LL << 30, 1}};
    return m;
  }

  static KernelResult result(double gflops) {
    KernelResult r;
    r.kernel = "hpl";
    r.problem = "N=100 NB=8 1x3";
    r.parameters = {{"n", std::int64_t{100}}, {"grid_order", std::string("row-major")}};
    r.rep_seconds = {0.5, 0.25};
    r.figure_name = "gflops";
    r.figure_of_merit = gflops;
    r.unit = "Gflop/s";
    r.figures = {{"gflops_mean", gflops / 2}};
    r.verification = {{"scaled_residual", 0.0123}, {"threshold", 16.0}};
    r.passed = true;
    r.phase_names = {"a", "b"};
    r.phase_description = "seconds, summed";
    r.phase_seconds = {1, 2, 3, 4, 5, 6};
    r.ranks = 3;
    return r;
  }

  static std::string text(const std::vector<NamedValue>& v, const std::string& name) {
    const Value* found = find_value(v, name);
    return found ? to_text(*found) : "<missing>";
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(ResultFileTest, EveryFieldReadsBack) {
  RunMetadata m = metadata("first");
  m.compiler_flags = "-O3";
  m.blas_core_auto = "Zen";
  m.trust_warnings = {"a Debug build", "governor ondemand on pi-01"};
  m.nodes[0].thp_enabled = "always";  // what moves figures on the same hardware (issue 21 §6)
  m.nodes[0].thp_defrag = "defer+madvise";
  m.nodes[0].firmware_settings = "arm_freq=2800, force_turbo=1";
  m.nodes[0].firmware_source = "vcgencmd get_config";
  m.nodes[1].firmware_source = "none";
  ResultWriter w(path_, m);
  w.preflight();
  KernelResult written = result(12.5);
  written.phase_work = KernelResult::PhaseWork{"gbs_all_ops", "GB/s", 7.5};
  written.reference_format_lines = {"T/V                N", "WR11R2R16        100"};
  w.append(written);
  EXPECT_EQ(w.run_group(), "run-0000");
  const ResultFile c = read_result_file(path_);
  EXPECT_EQ(c.format, kFormatName);
  EXPECT_EQ(c.schema_version, kSchemaVersion);
  ASSERT_EQ(c.runs.size(), 1u);
  const RunRecord& run = c.runs[0];
  EXPECT_EQ(run.group, "run-0000");
  // The context block comes back as it went in, field by field (the writer and the reader
  // share one list of names).
  EXPECT_EQ(to_values(run.context, run_metadata_fields()).size(), run_metadata_fields().size());
  for (const auto& f : run_metadata_fields()) EXPECT_EQ(to_text(f.get(run.context)), to_text(f.get(m))) << f.name;
  EXPECT_EQ(run.context.trust_warnings, m.trust_warnings);
  EXPECT_EQ(run.context.ranks_per_node, (std::vector<int>{2, 1}));
  ASSERT_EQ(run.context.nodes.size(), 2u);
  for (std::size_t n = 0; n < 2; ++n)
    for (const auto& f : node_info_fields())
      EXPECT_EQ(to_text(f.get(run.context.nodes[n])), to_text(f.get(m.nodes[n]))) << f.name;
  EXPECT_EQ(run.context.nodes[0].hostname, "pi-01");
  EXPECT_EQ(run.context.nodes[0].memory_total_bytes, 8LL << 30);
  EXPECT_EQ(run.context.nodes[1].governor, "");
  EXPECT_EQ(run.context.nodes[0].firmware_settings, "arm_freq=2800, force_turbo=1");
  EXPECT_EQ(run.context.nodes[1].thp_enabled, "");
  EXPECT_FALSE(run.power.has_value());

  ASSERT_EQ(run.kernels.size(), 1u);
  const KernelRecord& k = run.kernels[0];
  const KernelResult& r = k.result;
  EXPECT_EQ(k.group, "000-hpl");
  EXPECT_FALSE(k.completed_utc.empty());
  EXPECT_EQ(r.kernel, "hpl");
  EXPECT_EQ(r.problem, "N=100 NB=8 1x3");
  EXPECT_EQ(r.figure_name, "gflops");
  EXPECT_EQ(r.figure_of_merit, 12.5);
  EXPECT_EQ(r.unit, "Gflop/s");
  EXPECT_TRUE(r.passed);
  EXPECT_EQ(r.verdict(), "PASSED");
  EXPECT_EQ(r.best_seconds(), 0.25);
  EXPECT_EQ(r.ranks, 3);
  ASSERT_TRUE(r.phase_work.has_value());
  EXPECT_EQ(r.phase_work->name, "gbs_all_ops");
  EXPECT_EQ(r.phase_work->unit, "GB/s");
  EXPECT_EQ(r.phase_work->rate, 7.5);
  EXPECT_EQ(text(r.parameters, "n"), "100");
  EXPECT_EQ(text(r.parameters, "grid_order"), "row-major");
  EXPECT_EQ(text(r.figures, "gflops_mean"), "6.25");
  EXPECT_EQ(text(r.verification, "scaled_residual"), "0.0123");
  EXPECT_EQ(text(r.verification, "threshold"), "16");
  EXPECT_EQ(r.rep_seconds, (std::vector<double>{0.5, 0.25}));
  EXPECT_EQ(r.phase_names, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r.phase_description, "seconds, summed");
  EXPECT_EQ(r.phase_seconds, (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(r.reference_format_lines, written.reference_format_lines);
  EXPECT_FALSE(k.power.has_value());
}

// Power as the suite records it for `nodes` nodes on one meter of `kind` and `scope`: 10 W
// each over a 100 s phase at 10 samples/s (Green500-valid where the scope is wall).
std::pair<RunPower, PowerRecord> one_meter_power(const std::string& kind, const std::string& scope, int nodes,
                                                 double extra_watts = 0) {
  RunPower run;
  MeterInfo m;
  m.name = "rack";
  for (int n = 0; n < nodes; ++n) m.nodes.push_back(n);
  m.kind = kind;
  m.scope = scope;
  m.source = kind + " as configured";
  m.interval = 0.1;
  m.idle_watts = 2.0 * nodes;
  run.meters = {m};
  run.requested = "--power " + kind;
  PowerRecord rec;
  rec.meters = run.meters;
  for (int n = 0; n < nodes; ++n) {
    NodePhase p;
    p.meter = 0;
    p.reads_meter = n == 0;
    p.stats.seconds = 100;
    if (n == 0) {
      p.stats.covered = 100;
      p.stats.mean_watts = 10.0 * nodes;
      p.stats.joules = 1000.0 * nodes;
      p.stats.samples = 1001;
      p.stats.interval = 0.1;
    }
    rec.nodes.push_back(p);
  }
  summarise_power(rec, nodes, {}, "gflops", 40, extra_watts);
  return {run, rec};
}

// Files from before wall-model and wall-declared (old_wall_scopes.hpp): a pi5-pmic or hwmon
// meter recorded as "wall" is read as the model or the label it was, with its figures, totals
// and Green500 flag; a meter bramble reads itself (IPMI) stays wall.
TEST_F(ResultFileTest, OldWallMetersAreReadAsTheModelOrTheLabelTheyWere) {
  for (const char* kind : {"pi5-pmic", "hwmon", "ipmi"}) {
    auto [run_power, record] = one_meter_power(kind, "wall", 2);  // as an older bramble recorded them
    ASSERT_TRUE(record.green500_valid) << record.green500_reason;
    ResultWriter w(path_, metadata(kind));
    w.set_run_power(run_power);
    w.append(result(40), record);
  }
  const ResultFile f = read_result_file(path_);
  ASSERT_EQ(f.runs.size(), 3u);
  const std::string expected[] = {"wall-model", "wall-declared", "wall"};
  for (std::size_t r = 0; r < 3; ++r) {
    const RunRecord& run = f.runs[r];
    ASSERT_TRUE(run.power.has_value());
    EXPECT_EQ(run.power->meters.at(0).scope, expected[r]) << run.context.label;
    const KernelRecord& k = run.kernels.at(0);
    ASSERT_TRUE(k.power.has_value());
    EXPECT_EQ(k.power->meters.at(0).scope, expected[r]);
    ASSERT_EQ(k.power->totals.size(), 1u);
    EXPECT_EQ(k.power->totals[0].scope, expected[r]);
    const auto h = headline_power(k);
    ASSERT_TRUE(h.has_value()) << run.context.label;
    EXPECT_EQ(h->scope, expected[r]);
    EXPECT_DOUBLE_EQ(h->per_watt, 2.0);  // 40 Gflop/s over 20 W: the figure itself is kept
    EXPECT_DOUBLE_EQ(h->watts, 20.0);
    EXPECT_EQ(k.power->green500_valid, r == 2) << k.power->green500_reason;
    if (r < 2) {
      EXPECT_NE(k.power->green500_reason.find("recorded as wall by an older bramble"), std::string::npos)
          << k.power->green500_reason;
    }
  }
}

// --power-extra: the extras' names and watts are the run's (a dataset of their own), and each
// kernel's figures carry the declared watts, which headline_power reads back.
TEST_F(ResultFileTest, PowerExtrasReadBack) {
  auto [run_power, record] = one_meter_power("smartplug", "wall", 2, 15.0);
  run_power.extras = {{"switch", 12.0}, {"fans", 3.0}};
  ResultWriter w(path_, metadata("extras"));
  w.set_run_power(run_power);
  w.append(result(40), record);
  const ResultFile f = read_result_file(path_);
  ASSERT_EQ(f.runs.size(), 1u);
  ASSERT_TRUE(f.runs[0].power.has_value());
  const std::vector<PowerExtra>& extras = f.runs[0].power->extras;
  ASSERT_EQ(extras.size(), 2u);
  EXPECT_EQ(extras[0].name, "switch");
  EXPECT_DOUBLE_EQ(extras[0].watts, 12.0);
  EXPECT_EQ(extras[1].name, "fans");
  EXPECT_DOUBLE_EQ(extras[1].watts, 3.0);
  const auto h = headline_power(f.runs[0].kernels.at(0));
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->scope, "wall");
  EXPECT_DOUBLE_EQ(h->extra_watts, 15.0);
  EXPECT_DOUBLE_EQ(h->watts, 35.0);
  EXPECT_DOUBLE_EQ(h->per_watt, 40.0 / 35.0);
  EXPECT_DOUBLE_EQ(h->idle_watts, 4.0 + 15.0);
  EXPECT_DOUBLE_EQ(f.runs[0].kernels[0].power->totals.at(0).extra_watts, 15.0);
}

// A kernel that finds a reason for distrust while it runs (HPL far below its DGEMM rate)
// adds it to the run's list: before the run's first kernel is written, and after.
TEST_F(ResultFileTest, TrustWarningsFoundWhileRunningJoinTheRunsList) {
  RunMetadata m = metadata("warned");
  m.trust_warnings = {"a Debug build"};
  ResultWriter w(path_, m);
  w.add_trust_warning("hpl low before the first kernel");
  w.append(result(1));
  EXPECT_EQ(read_result_file(path_).runs[0].context.trust_warnings,
            (std::vector<std::string>{"a Debug build", "hpl low before the first kernel"}));
  w.add_trust_warning("hpl low after it");
  w.append(result(2));
  w.append(result(3));  // nothing new: the list stays as it is
  const ResultFile c = read_result_file(path_);
  ASSERT_EQ(c.runs.size(), 1u);
  EXPECT_EQ(c.runs[0].kernels.size(), 3u);
  EXPECT_EQ(c.runs[0].context.trust_warnings,
            (std::vector<std::string>{"a Debug build", "hpl low before the first kernel", "hpl low after it"}));
  EXPECT_EQ(c.runs[0].context.label, "warned");  // the run's other attributes untouched
}

TEST_F(ResultFileTest, KernelsWithoutReferenceFormatReadBackNone) {
  ResultWriter(path_, metadata("plain")).append(result(1));
  EXPECT_TRUE(read_result_file(path_).runs[0].kernels[0].result.reference_format_lines.empty());
}

TEST_F(ResultFileTest, AppendingKeepsEarlierRunsAndKernels) {
  {
    ResultWriter w(path_, metadata("first"));
    w.append(result(1));
    w.append(result(2));
  }
  {
    ResultWriter second(path_, metadata("second"));
    second.preflight();
    second.append(result(3));
  }  // the run is over: its lock file is gone
  const ResultFile c = read_result_file(path_);
  ASSERT_EQ(c.runs.size(), 2u);
  EXPECT_EQ(c.runs[0].context.label, "first");
  ASSERT_EQ(c.runs[0].kernels.size(), 2u);
  EXPECT_EQ(c.runs[0].kernels[1].group, "001-hpl");
  EXPECT_EQ(c.runs[0].kernels[1].result.figure_of_merit, 2);
  EXPECT_EQ(c.runs[1].context.label, "second");
  EXPECT_EQ(c.runs[1].kernels[0].result.figure_of_merit, 3);
  for (const auto& entry : fs::directory_iterator(dir_))  // no temporary or lock file left behind
    EXPECT_EQ(entry.path().filename(), "r.h5");
}

TEST_F(ResultFileTest, NewRunsNeverClashWithExistingGroups) {
  ResultWriter(path_, metadata("first")).append(result(1));
  {  // a gap: the only run is run-0001, so "one run present" must not pick run-0001 again
    h5::Handle f = h5::open_file(path_, true);
    h5::Handle runs = h5::open_group(f, "runs");
    ASSERT_GE(H5Lmove(runs, "run-0000", runs, "run-0001", H5P_DEFAULT, H5P_DEFAULT), 0);
  }
  ResultWriter(path_, metadata("second")).append(result(2));
  {  // and a group that is not a run
    h5::Handle f = h5::open_file(path_, true);
    h5::create_group(h5::open_group(f, "runs"), "notes");
  }
  ResultWriter(path_, metadata("third")).append(result(3));
  const ResultFile c = read_result_file(path_);
  ASSERT_EQ(c.runs.size(), 3u);  // "notes" is not a run-NNNN group: skipped
  EXPECT_EQ(c.runs[0].group, "run-0001");
  EXPECT_EQ(c.runs[1].group, "run-0002");
  EXPECT_EQ(c.runs[1].context.label, "second");
  EXPECT_EQ(c.runs[2].group, "run-0003");
  EXPECT_EQ(c.runs[2].context.label, "third");
}

TEST_F(ResultFileTest, FailedVerificationIsRecorded) {
  KernelResult r = result(1);
  r.passed = false;
  ResultWriter(path_, metadata("x")).append(r);
  EXPECT_EQ(read_result_file(path_).runs[0].kernels[0].result.verdict(), "FAILED");
}

TEST_F(ResultFileTest, ForeignFilesAreRefusedAndLeftUntouched) {
  {
    std::ofstream(path_) << "not HDF5 at all\n";
  }
  EXPECT_THROW(ResultWriter(path_, metadata("x")).preflight(), InputError);
  EXPECT_THROW(ResultWriter(path_, metadata("x")).append(result(1)), InputError);
  EXPECT_THROW(read_result_file(path_), InputError);
  std::ifstream in(path_);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "not HDF5 at all");

  // An HDF5 file of someone else's.
  const std::string other = (dir_ / "other.h5").string();
  h5::silence_errors();
  { h5::Handle f = h5::create_file(other); }
  EXPECT_THROW(ResultWriter(other, metadata("x")).preflight(), InputError);
  EXPECT_THROW(read_result_file(other), InputError);
}

TEST_F(ResultFileTest, TruncatedFilesAreRefused) {
  ResultWriter(path_, metadata("x")).append(result(1));
  const auto size = fs::file_size(path_);
  fs::resize_file(path_, size / 2);
  EXPECT_THROW(read_result_file(path_), InputError);
  EXPECT_THROW(ResultWriter(path_, metadata("x")).append(result(2)), InputError);
  EXPECT_EQ(fs::file_size(path_), size / 2);
}

TEST_F(ResultFileTest, UnwritableDestinationsFailBeforeAnyRun) {
  EXPECT_THROW(ResultWriter((dir_ / "missing" / "r.h5").string(), metadata("x")).preflight(), IoError);
  // A directory nobody may write to. Root writes anywhere, and CI runs as root: there the
  // check runs in a child that has become `nobody`.
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read | fs::perms::others_exec);
  const auto refused = [&] {
    try {
      ResultWriter(path_, metadata("x")).preflight();
      return false;
    } catch (const IoError&) {
      return true;
    }
  };
  if (::geteuid() != 0) {
    EXPECT_TRUE(refused());
  } else {
    const std::optional<bool> as_nobody = as_user_nobody(refused);
    if (!as_nobody) {
      fs::permissions(dir_, fs::perms::owner_all);
      GTEST_SKIP() << "running as root, and there is no user `nobody` to check an unwritable directory as";
    }
    EXPECT_TRUE(*as_nobody) << "an unwritable directory was not refused";
  }
  fs::permissions(dir_, fs::perms::owner_all);
}

TEST_F(ResultFileTest, MissingFileIsAClearError) {
  try {
    read_result_file((dir_ / "nope.h5").string());
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("nope.h5"), std::string::npos);
  }
}

}  // namespace
}  // namespace bramble
