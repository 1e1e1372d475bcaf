#pragma once
// Writes a suite run into an HDF5 result file (layout: results/README.md).
//
// The file is never modified in place: each append copies the existing file (if any) to a
// temporary file beside it, adds the new kernel result there, and renames it over the
// original. A crash at any moment leaves either the old file or the new one, and the
// file is rewritten after every kernel, so what finished before a crash is kept.
// Rank 0 alone writes.
#include <string>

#include <optional>

#include "results/kernel_result.hpp"
#include "power/record.hpp"
#include "context/run_metadata.hpp"

namespace bramble {

class ResultWriter {
 public:
  ResultWriter(std::string path, RunMetadata metadata);

  // Fails (IoError/InputError) before any kernel runs if the file could not be written, or
  // if an existing file is not a bramble result file this program can append to.
  void preflight() const;

  // What the run's power meters are; written with the run's first kernel.
  void set_run_power(RunPower power) { run_power_ = std::move(power); }

  // Adds one kernel result (and its power record, where measured) to this suite run.
  void append(const KernelResult& result, const std::optional<PowerRecord>& power = std::nullopt);

  const std::string& path() const { return path_; }
  const std::string& run_group() const { return run_group_; }  // "" before the first append

 private:
  std::string path_;
  RunMetadata metadata_;
  std::optional<RunPower> run_power_;
  std::string run_group_;  // chosen at the first append
  int kernels_written_ = 0;
};

}  // namespace bramble
