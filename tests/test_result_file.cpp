// Result files: written atomically, appended without losing earlier runs, read back field
// by field; foreign and truncated files are refused and left untouched.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "results/h5_io.hpp"
#include "results/reader.hpp"
#include "results/schema.hpp"
#include "results/writer.hpp"

namespace bramble {
namespace {
namespace fs = std::filesystem;

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
  ResultWriter w(path_, metadata("first"));
  w.preflight();
  w.append(result(12.5));
  const ResultFileContents c = read_result_file(path_);
  EXPECT_EQ(c.format, kFormatName);
  EXPECT_EQ(c.schema_version, kSchemaVersion);
  ASSERT_EQ(c.runs.size(), 1u);
  const RunRecord& run = c.runs[0];
  EXPECT_EQ(run.group, "run-0000");
  const std::pair<const char*, const char*> expected[] = {
      {"program_version", "9.8.7"}, {"git_commit", "abc123"}, {"utc_time", "2026-11-25T12:00:00Z"},
      {"label", "first"}, {"command_line", "bramble run hpl --n 100"}, {"mpi_library", "Open MPI v4.1.4"},
      {"mpi_version", "3.1"}, {"blas_config", "OpenBLAS 0.3.21 Haswell"}, {"blas_corename", "Haswell"},
      {"compiler", "GNU 12.2.0"}, {"build_type", "Release"}, {"ranks", "3"}, {"nodes", "2"}};
  for (auto [name, value] : expected) EXPECT_EQ(text(run.attrs, name), value) << name;
  EXPECT_EQ(run.ranks_per_node, (std::vector<double>{2, 1}));
  ASSERT_EQ(run.nodes.size(), 2u);
  EXPECT_EQ(text(run.nodes[0], "hostname"), "pi-01");
  EXPECT_EQ(text(run.nodes[0], "cpu_model"), "Cortex-A76");
  EXPECT_EQ(text(run.nodes[0], "cores"), "4");
  EXPECT_EQ(text(run.nodes[0], "memory_total_bytes"), std::to_string(8LL << 30));
  EXPECT_EQ(text(run.nodes[0], "memory_available_bytes"), std::to_string(7LL << 30));
  EXPECT_EQ(text(run.nodes[0], "kernel"), "6.6.31");
  EXPECT_EQ(text(run.nodes[0], "governor"), "ondemand");
  EXPECT_EQ(text(run.nodes[0], "ranks"), "2");
  EXPECT_EQ(text(run.nodes[1], "hostname"), "pi-02");
  EXPECT_EQ(text(run.nodes[1], "governor"), "");

  ASSERT_EQ(run.kernels.size(), 1u);
  const KernelRecord& k = run.kernels[0];
  EXPECT_EQ(k.group, "000-hpl");
  EXPECT_EQ(text(k.attrs, "kernel"), "hpl");
  EXPECT_EQ(text(k.attrs, "problem"), "N=100 NB=8 1x3");
  EXPECT_EQ(text(k.attrs, "figure_name"), "gflops");
  EXPECT_EQ(text(k.attrs, "figure_of_merit"), "12.5");
  EXPECT_EQ(text(k.attrs, "unit"), "Gflop/s");
  EXPECT_EQ(text(k.attrs, "verdict"), "PASSED");
  EXPECT_EQ(text(k.attrs, "passed"), "1");
  EXPECT_EQ(text(k.attrs, "best_seconds"), "0.25");
  EXPECT_EQ(text(k.attrs, "ranks"), "3");
  EXPECT_NE(text(k.attrs, "completed_utc"), "<missing>");
  EXPECT_EQ(text(k.parameters, "n"), "100");
  EXPECT_EQ(text(k.parameters, "grid_order"), "row-major");
  EXPECT_EQ(text(k.figures, "gflops_mean"), "6.25");
  EXPECT_EQ(text(k.verification, "scaled_residual"), "0.0123");
  EXPECT_EQ(text(k.verification, "threshold"), "16");
  EXPECT_EQ(k.rep_seconds, (std::vector<double>{0.5, 0.25}));
  EXPECT_EQ(k.phase_names, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(k.phase_description, "seconds, summed");
  EXPECT_EQ(k.phase_seconds, (std::vector<double>{1, 2, 3, 4, 5, 6}));
}

TEST_F(ResultFileTest, AppendingKeepsEarlierRunsAndKernels) {
  {
    ResultWriter w(path_, metadata("first"));
    w.append(result(1));
    w.append(result(2));
  }
  ResultWriter second(path_, metadata("second"));
  second.preflight();
  second.append(result(3));
  const ResultFileContents c = read_result_file(path_);
  ASSERT_EQ(c.runs.size(), 2u);
  EXPECT_EQ(text(c.runs[0].attrs, "label"), "first");
  ASSERT_EQ(c.runs[0].kernels.size(), 2u);
  EXPECT_EQ(c.runs[0].kernels[1].group, "001-hpl");
  EXPECT_EQ(text(c.runs[0].kernels[1].attrs, "figure_of_merit"), "2");
  EXPECT_EQ(text(c.runs[1].attrs, "label"), "second");
  EXPECT_EQ(text(c.runs[1].kernels[0].attrs, "figure_of_merit"), "3");
  for (const auto& entry : fs::directory_iterator(dir_))  // no temporary left behind
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
  const ResultFileContents c = read_result_file(path_);
  ASSERT_EQ(c.runs.size(), 3u);  // "notes" is not a run-NNNN group: skipped
  EXPECT_EQ(c.runs[0].group, "run-0001");
  EXPECT_EQ(c.runs[1].group, "run-0002");
  EXPECT_EQ(text(c.runs[1].attrs, "label"), "second");
  EXPECT_EQ(c.runs[2].group, "run-0003");
  EXPECT_EQ(text(c.runs[2].attrs, "label"), "third");
}

TEST_F(ResultFileTest, FailedVerificationIsRecorded) {
  KernelResult r = result(1);
  r.passed = false;
  ResultWriter(path_, metadata("x")).append(r);
  EXPECT_EQ(text(read_result_file(path_).runs[0].kernels[0].attrs, "verdict"), "FAILED");
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
  if (::geteuid() != 0) {  // root writes anywhere; the CLI test covers a missing directory
    fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_THROW(ResultWriter(path_, metadata("x")).preflight(), IoError);
    fs::permissions(dir_, fs::perms::owner_all);
  }
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
