#pragma once
// Reporters, google/benchmark style: one result model, several ways to write it.
//   table     - for people at a terminal (`bramble show`, the summary after a run)
//   markdown  - ready to paste into a GitHub issue
//   csv       - one row per kernel run, for spreadsheets and scripts
//   json      - everything, with the schema version and the full context
#include <memory>
#include <ostream>
#include <string>

#include "results/model.hpp"

namespace bramble {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void report(std::ostream& out, const ResultFile& file) const = 0;
};

// "table", "markdown", "csv" or "json"; throws Error(kExitUsage) for anything else.
std::unique_ptr<Reporter> make_reporter(const std::string& format);

// The short table printed after a run: one line per kernel, power where measured, the
// run's trust warnings and notes under it.
void print_summary(std::ostream& out, const RunRecord& run);

}  // namespace bramble
