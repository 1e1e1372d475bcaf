#pragma once
// The short table printed after a run and by `bramble show`: one line per kernel run.
#include <ostream>
#include <string>
#include <vector>

#include "results/kernel_result.hpp"
#include "results/reader.hpp"

namespace bramble {

struct SummaryRow {
  std::string kernel, problem;
  double seconds = 0, figure = 0;
  std::string unit, verdict;
  // Power, where measured: mean watts and the figure per watt in the best scope covering
  // every node (wall, then board, cpu-package, estimate), the scope named.
  std::string watts, per_watt;
  bool green500_valid = true;   // false: the per-watt figure gets a '*'
  std::string notes;            // throttling, meter errors
};

SummaryRow summary_row(const KernelResult& r);
SummaryRow summary_row(const KernelRecord& r);
void print_summary(std::ostream& out, const std::vector<SummaryRow>& rows);

// Everything a file holds, as tables: runs, nodes, kernels, their details.
void print_result_file(std::ostream& out, const ResultFileContents& contents);

}  // namespace bramble
