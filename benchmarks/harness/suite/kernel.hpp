#pragma once
// How a kernel plugs into `bramble run`: it names itself, adds its options to its own
// subcommand, and runs, handing each finished result to the suite. The suite writes the
// result file and prints the summary; kernels never touch files. Adding a kernel means one
// new class and one line in kernel_list.cpp.
#include <mpi.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "results/kernel_result.hpp"
#include "context/topology.hpp"
#include "power/timed_phase.hpp"
#include "suite/repetition_policy.hpp"

namespace CLI {
class App;
}

namespace bramble {

struct RunContext {
  MPI_Comm world = MPI_COMM_WORLD;
  const Topology* topology = nullptr;
  bool quick = false;                              // a small default size for a quick look
  RepetitionPolicy repetitions;                    // --min-reps, --max-reps, --cv-target
  bool show_progress = false;                      // true on rank 0 only, when wanted
  std::string output_stem;                         // result file path without ".h5" (rank 0):
                                                   // kernels' side files go next to it
  std::function<void(const KernelResult&)> record;  // collective: every rank calls it
  // A reason this run's figures cannot be trusted that a kernel found while it ran (HPL far
  // below its ranks' DGEMM rate): printed once and added to the run's trust warnings, so
  // that `show`, `compare` and the verdict see it like any other. Every rank calls it with
  // the same text, before `record` of the result it is about.
  std::function<void(const std::string&)> warn;
  TimedPhaseListener* timed = nullptr;             // the suite's power windows, if any

  // Kernels bracket each timed stretch with these, PRK style: all ranks start together
  // after a barrier, and the stretch ends when the slowest rank is done.
  //   const double t0 = ctx.start_timed();
  //   ... the work ...
  //   const double seconds = ctx.stop_timed(t0);  // the slowest rank's time, on every rank
  double start_timed() const;
  double stop_timed(double t0) const;
  // After the kernel's own repetitions: true while --min-phase-seconds wants a longer phase.
  bool extend_timed() const { return timed && timed->wants_more(); }
  // After each repetition of the timed part, given every repetition's time so far: true while
  // the repetition policy or --min-phase-seconds wants another. Collective in effect: every
  // rank gets the same answer from the same times.
  bool repeat_timed(const std::vector<double>& seconds) const {
    return repetitions.wants_more(seconds) || extend_timed();
  }

  // Fills r's per-rank time split (ranks x phases) from every rank's `mine`. Collective.
  void record_phases(KernelResult& r, const std::vector<std::string>& names, const std::string& description,
                     const std::vector<double>& mine) const;
};

class Kernel {
 public:
  virtual ~Kernel() = default;
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  virtual void add_options(CLI::App& subcommand) = 0;
  // Checks this kernel's options, input files and memory need before any kernel of the run
  // starts (collective; throws AgreedError), so that a mistake in the last kernel is found
  // before the first one's hour of HPL, together with every other one. A kernel keeps what
  // it worked out for run(), or works it out again there (run() without prepare() must work).
  virtual void prepare(RunContext& context) { (void)context; }
  virtual void run(RunContext& context) = 0;
};

}  // namespace bramble
