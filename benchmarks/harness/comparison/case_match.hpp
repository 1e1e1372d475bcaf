#pragma once
// Which kernel results of different runs are the same case. Like the Phoronix Test Suite,
// which matches results by a hash of test, arguments and units: here the kernel, its figure
// and unit, and its parameters. Results with equal hashes are the same problem; what is left
// is paired by kernel, figure and unit in run order, and such a row says which parameters
// differ (then only rates are comparable, not times or energy per solve).
#include <string>
#include <vector>

#include "results/kernel_result.hpp"

namespace bramble {

// Parameters that name an output, a repetition count or the process grid, not the problem:
// left out of the hash.
bool parameter_defines_problem(const std::string& name);

// 16 hex digits (FNV-1a 64) over kernel, figure name, unit and the problem's parameters.
std::string case_hash(const KernelResult& r);

// One case across runs: for each run the index of its kernel record, -1 where it lacks one.
struct CaseRow {
  std::string kernel, figure_name, unit;
  std::vector<int> index;                 // per run
  std::vector<std::string> hashes;        // per run: case_hash of its record, "" where absent
  bool same_parameters = true;            // every present record has the same hash
  std::vector<std::string> differences;   // "n: 10000 | 5952" (runs that lack a name: "-")
};

// `records[r]` are run r's kernel results in run order.
std::vector<CaseRow> match_cases(const std::vector<std::vector<const KernelResult*>>& records);

}  // namespace bramble
