#pragma once
// A one-line progress display for long runs: rank 0 only, to stderr, at most once a second.
// Whether to show it is the suite's decision (`--progress`): by default only when stderr
// is a terminal, so logs and pipes stay clean.
#include <cstdint>
#include <string>

namespace bramble {

class ProgressMeter {
 public:
  ProgressMeter(bool enabled, std::string label, double total_flops);
  // `fraction_flops` is the share of the total work done so far.
  void update(double percent_columns, double fraction_flops);
  void finish();

 private:
  bool enabled_;
  std::string label_;
  double total_flops_;
  double start_, last_print_;
  bool printed_ = false;
};

}  // namespace bramble
