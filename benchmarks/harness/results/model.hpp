#pragma once
// The result model: what a result file holds, as typed records. The writer takes these
// records, the reader gives them back, and everything that reports on results (the summary
// after a run, `bramble show` in every format, later `bramble compare`) reads them; nothing
// scrapes the console.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "context/run_metadata.hpp"
#include "power/record.hpp"
#include "results/kernel_result.hpp"

namespace bramble {

struct KernelRecord {
  std::string group;                 // "000-hpl"
  std::string completed_utc;
  KernelResult result;               // as the kernel's adapter produced it
  std::optional<PowerRecord> power;  // where power or health was sampled
};

struct RunRecord {
  std::string group;                 // "run-0000"
  RunMetadata context;               // the context block: program, build, MPI, BLAS, nodes, warnings
  std::optional<RunPower> power;
  std::vector<KernelRecord> kernels;
};

struct ResultFile {
  std::string path, format;
  std::int64_t schema_version = 0;
  std::vector<RunRecord> runs;
};

// The run's name in tables: its label, else its first host and time.
std::string run_name(const RunRecord& run);

}  // namespace bramble
