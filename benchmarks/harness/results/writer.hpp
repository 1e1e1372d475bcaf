#pragma once
// Writes a suite run into an HDF5 result file (layout: results/README.md).
//
// The file is never modified in place: each append copies it beside itself (in the kernel:
// no copy in memory), adds the new kernel result to the copy and renames the copy over it
// (replace_file.hpp's edit_copy; a new file is made in memory and written whole). A crash at
// any moment leaves either the old file or the new one, and the file is replaced after every
// kernel, so what finished before a crash is kept. Before each write, the room it needs is
// checked: a disk too full is one message with the figures, before the first kernel runs. Rank 0 alone writes, holding the file's lock (result_lock.hpp) from the
// preflight to the end of the run, so that a second run on the same file refuses instead
// of silently dropping the first one's kernels; and SIGINT/SIGTERM end the run with a line
// saying what the file holds, leaving no temporary or lock file (interrupt.hpp).
//
// --out may be a symbolic link: the results go to the file it points to, which is replaced
// in its own directory, and the link stays a link. Anything else but a regular file (a
// directory, a FIFO, /dev/full) is refused before any kernel runs.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "context/run_metadata.hpp"
#include "power/record.hpp"
#include "results/interrupt.hpp"
#include "results/kernel_result.hpp"
#include "results/result_lock.hpp"

namespace bramble {

class ResultWriter {
 public:
  ResultWriter(std::string path, RunMetadata metadata);

  // Fails (IoError/InputError) before any kernel runs if the file could not be written, if an
  // existing file is not a bramble result file this program can append to, or if another run
  // is writing it. Takes the lock, removes temporary files left by killed runs (with a notice
  // on stderr) and installs the interrupt handler. Appending without it does it first.
  void preflight();

  // What the run's power meters are; written with the run's first kernel.
  void set_run_power(RunPower power) { run_power_ = std::move(power); }

  // A reason the run's figures cannot be trusted that a kernel found while it ran: joins the
  // run's trust warnings, written with the next append (the run's first, or rewriting the
  // list a run already has).
  void add_trust_warning(const std::string& warning);

  // Adds one kernel result (and its power record, where measured) to this suite run.
  void append(const KernelResult& result, const std::optional<PowerRecord>& power = std::nullopt);

  // For the line printed if the run is interrupted: "after K of M kernels".
  void plan_kernels(int kernels);
  void kernel_finished();

  const std::string& path() const { return path_; }
  const std::string& run_group() const { return run_group_; }  // "" before the first append

 private:
  // What a kernel's result adds to the file, for the check before the first one runs: tens
  // of KiB, a few hundred with a long power series.
  static constexpr std::int64_t kFirstResultBytes = std::int64_t{256} << 10;
  // IoError, with the bytes needed and free, unless `bytes` fit beside `target`.
  void require_room(const std::string& target, std::int64_t bytes, bool existing) const;

  std::string path_;    // as the user gave it: for messages
  std::string target_;  // the file written: links followed (set by preflight)
  RunMetadata metadata_;
  std::optional<RunPower> run_power_;
  std::string run_group_;  // chosen at the first append
  bool trust_warnings_added_ = false;  // since the run's list was last written
  int kernels_written_ = 0;
  int kernels_planned_ = 0;
  std::unique_ptr<ResultLock> lock_;              // declared first: released last
  std::unique_ptr<InterruptCleanup> interrupt_;
};

}  // namespace bramble
