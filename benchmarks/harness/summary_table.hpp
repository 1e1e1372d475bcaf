#pragma once
// The short table printed after a run and by `bramble show`: one line per kernel run.
#include <ostream>
#include <string>
#include <vector>

#include "kernel_result.hpp"
#include "result_reader.hpp"

namespace bramble {

struct SummaryRow {
  std::string kernel, problem;
  double seconds = 0, figure = 0;
  std::string unit, verdict;
};

SummaryRow summary_row(const KernelResult& r);
SummaryRow summary_row(const KernelRecord& r);
void print_summary(std::ostream& out, const std::vector<SummaryRow>& rows);

// Everything a file holds, as tables: runs, nodes, kernels, their details.
void print_result_file(std::ostream& out, const ResultFileContents& contents);

}  // namespace bramble
