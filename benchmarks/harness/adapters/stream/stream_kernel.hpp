#pragma once
// `bramble run stream`: STREAM on every rank at once, so the figure is what the ranks of a
// node (and of the cluster) draw from memory together. StreamKernel::run reads as its phases:
//   plan      - N per rank from the last-level cache and memory, or --stream-n; the node's
//               ranks must fit in its available memory (collective verdict);
//   allocate  - three arrays per rank;
//   measure   - blocks of STREAM's initialisation, K iterations of copy, scale, add, triad
//               (a barrier before each kernel, the first iteration untimed) and STREAM's
//               check; each rank keeps its time for every kernel in every timed iteration;
//   figures   - the times of all ranks, reduced as STREAM's MPI version does
//               (stream::together): per iteration the slowest rank, then the best iteration;
//   record    - one KernelResult, the STREAM table on rank 0, handed to the suite.
#include <cstdint>
#include <optional>
#include <string>

#include "adapters/stream/stream_sizing.hpp"
#include "suite/kernel.hpp"

namespace bramble {


class StreamKernel : public Kernel {
 public:
  std::string name() const override { return "stream"; }
  std::string description() const override {
    return "STREAM copy/scale/add/triad on every rank at once, verified as STREAM does (GB/s)";
  }
  void add_options(CLI::App& sub) override;
  void prepare(RunContext& context) override { case_ = plan(context); }
  void run(RunContext& context) override;

  // Sizing and its check. Collective; throws AgreedError on bad input.
  StreamCase plan(const RunContext& context) const;

 private:
  StreamOptions opt_;
  std::optional<StreamCase> case_;  // from prepare()
};

}  // namespace bramble
