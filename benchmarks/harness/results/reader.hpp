#pragma once
// Reading a result file back into memory, for `bramble show`, tests and later `compare`.
#include <hdf5.h>

#include <string>
#include <vector>

#include "results/kernel_result.hpp"
#include "results/power_h5.hpp"

namespace bramble {

struct KernelRecord {
  std::string group;  // "000-hpl"
  std::vector<NamedValue> attrs, parameters, figures, verification;
  std::vector<double> rep_seconds;
  std::vector<std::string> phase_names;
  std::string phase_description;
  std::vector<double> phase_seconds;  // ranks x phases
  PowerGroupContents power;           // empty if the run measured nothing
};

struct RunRecord {
  std::string group;  // "run-0000"
  std::vector<NamedValue> attrs;
  std::vector<double> ranks_per_node;
  std::vector<std::vector<NamedValue>> nodes;
  std::vector<KernelRecord> kernels;
  PowerGroupContents power;
};

struct ResultFileContents {
  std::int64_t schema_version = 0;
  std::string format;
  std::vector<RunRecord> runs;
};

// Throws InputError for a missing, foreign or truncated file.
ResultFileContents read_result_file(const std::string& path);

}  // namespace bramble
