// A smart plug that stops answering in the middle of a kernel's phase, through the whole
// suite: the run goes on and passes, the end of the phase does not wait for the plug, the
// run ends within one HTTP deadline of its kernels, and the kernel's power record counts
// the reading still unanswered at the phase's end as failed, naming the plug.
#include <gtest/gtest.h>
#include <mpi.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "core/comm_info.hpp"
#include "results/reader.hpp"
#include "suite/kernel.hpp"
#include "suite/suite.hpp"
#include "stalling_plug.hpp"

namespace bramble {
namespace {
namespace fs = std::filesystem;
using testing_support::StallingPlug;

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Naps of 0.2 s for as long as --min-phase-seconds wants, and the time the suite then
// takes to record the result (the end of the phase, where power waits for a reading).
class NapKernel : public Kernel {
 public:
  double timed_seconds = 0, record_seconds = 0;
  std::string name() const override { return "nap"; }
  std::string description() const override { return "naps"; }
  void add_options(CLI::App&) override {}
  void run(RunContext& ctx) override {
    KernelResult r;
    r.kernel = "nap";
    r.problem = "0.2 s";
    r.ranks = comm_size(ctx.world);
    do {
      const double t0 = ctx.start_timed();
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      r.rep_seconds.push_back(ctx.stop_timed(t0));
      timed_seconds += r.rep_seconds.back();
    } while (ctx.extend_timed());
    r.figure_name = "naps";
    r.unit = "naps/s";
    r.figure_of_merit = 5;
    r.passed = true;
    const auto t0 = std::chrono::steady_clock::now();
    ctx.record(r);
    record_seconds = since(t0);
  }
};

TEST(PowerStall, APlugThatStopsAnsweringMidPhaseCostsTheKernelsNothingAndIsRecorded) {
  const int rank = comm_rank(MPI_COMM_WORLD);
  const fs::path dir = fs::temp_directory_path() / ("bramble-power-stall-" + std::to_string(comm_size(MPI_COMM_WORLD)));
  // The plug lives in rank 0's process, the reader of the one meter (pretend nodes of one
  // host share its plug). It answers the flavour probe and seven samples (0.7 s at 10 Hz),
  // then trickles a byte at a time: only the client's deadline (2 s) ends each reading after
  // that. The eighth reading starts 0.7 s after the sampler, is overdue (stalled) 1 s later
  // and fails 2 s later. The phase starts just after the sampler and lasts 1.2 s: it ends
  // about 0.5 s into that reading, its end waits for the stall, and the record counts the
  // reading as failed a full second before it fails. Any end from the reading's start to its
  // failure would do: 0.5 s of margin for a late reading, 1.5 s for a late phase.
  std::unique_ptr<StallingPlug> plug;
  int port = 0;
  if (rank == 0) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    plug = std::make_unique<StallingPlug>(8, StallingPlug::Stall::Trickle);
    port = plug->port();
  }
  MPI_Bcast(&port, 1, MPI_INT, 0, MPI_COMM_WORLD);

  SuiteOptions options;
  options.out = (dir / "stall.h5").string();
  options.progress = "off";
  options.ranks_per_node = 1;
  options.power.spec = "smartplug:http://127.0.0.1:" + std::to_string(port);
  options.power.interval = 0.1;
  options.power.idle_seconds = 0;
  options.power.min_phase_seconds = 1.2;
  NapKernel kernel;
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(run_suite(MPI_COMM_WORLD, options, {&kernel}, {"test"}), 0);
  const double wall = since(t0);

  // The sampler's stall limit is max(2 x 0.1 s, 1 s): the end of the phase waits at most that
  // (here about 0.5 s), and a busy machine may add 1.5 s. Before the fix it waited up to 6.3 s,
  // and the run's end forever for a trickling plug.
  EXPECT_LT(kernel.record_seconds, 1.0 + 1.5);
  // Start-up (preflight, file checks, the probe) and, at the end, one reading's deadline.
  EXPECT_LT(wall, kernel.timed_seconds + kernel.record_seconds + 2.0 + 2.0);
  if (rank != 0) return;
  std::printf("phase %.2f s, its end waited %.3f s, whole run %.2f s\n", kernel.timed_seconds, kernel.record_seconds, wall);

  const KernelRecord k = read_result_file(options.out).runs.at(0).kernels.at(0);
  ASSERT_TRUE(k.power.has_value());
  const NodePhase& reader = k.power->nodes.at(0);
  ASSERT_FALSE(reader.windows.empty());
  // Where the phase ended on the timeline above (times since the sampler started).
  const std::vector<double>& series = k.power->series.at(0);
  double last_good = std::nan("");
  for (std::size_t row = 0; row + kSeriesWidth <= series.size(); row += kSeriesWidth)
    if (!std::isnan(series[row + 2])) last_good = series[row];  // column 2: watts
  std::printf("last good reading at %.2f s, the phase from %.2f s to %.2f s\n", last_good,
              reader.windows.front().t0, reader.windows.back().t1);
  EXPECT_TRUE(reader.reads_meter);
  EXPECT_GE(reader.errors, 1);
  EXPECT_GE(reader.stats.failed, 1);
  EXPECT_GE(reader.stats.samples, 3);  // the good readings before it stopped
  EXPECT_LT(reader.stats.covered, 0.9 * reader.stats.seconds);
  EXPECT_NE(reader.error.find("no answer from Shelly Gen2/3 at http://127.0.0.1:" + std::to_string(port)),
            std::string::npos)
      << reader.error;
  EXPECT_NE(reader.error.find("(the source stopped answering mid-run, after 7 good readings)"), std::string::npos)
      << reader.error;
  EXPECT_NE(k.power->notes.find("1 failed readings (no answer from Shelly"), std::string::npos) << k.power->notes;
  plug.reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace bramble
