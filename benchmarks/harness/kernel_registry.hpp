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

#include "kernel_result.hpp"
#include "topology.hpp"

namespace CLI {
class App;
}

namespace bramble {

struct RunContext {
  MPI_Comm world = MPI_COMM_WORLD;
  const Topology* topology = nullptr;
  bool quick = false;                              // a small default size for a quick look
  bool show_progress = false;                      // true on rank 0 only, when wanted
  std::string output_stem;                         // result file path without ".h5" (rank 0):
                                                   // kernels' side files go next to it
  std::function<void(const KernelResult&)> record;  // collective: every rank calls it
};

class Kernel {
 public:
  virtual ~Kernel() = default;
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  virtual void add_options(CLI::App& subcommand) = 0;
  virtual void run(RunContext& context) = 0;
};

// Every kernel bramble knows, in the order `bramble run all` runs them.
std::vector<std::unique_ptr<Kernel>> all_kernels();

}  // namespace bramble
