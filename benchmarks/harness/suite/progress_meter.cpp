#include "suite/progress_meter.hpp"

#include <mpi.h>

#include <cstdio>

namespace bramble {

ProgressMeter::ProgressMeter(bool enabled, std::string label, double total_flops)
    : enabled_(enabled),
      label_(std::move(label)),
      total_flops_(total_flops),
      start_(MPI_Wtime()),
      last_print_(start_) {}

void ProgressMeter::update(double percent_columns, double fraction_flops) {
  if (!enabled_) return;
  const double now = MPI_Wtime();
  if (now - last_print_ < 1.0 || fraction_flops <= 0) return;
  last_print_ = now;
  const double elapsed = now - start_;
  const double gflops = fraction_flops * total_flops_ / elapsed / 1e9;
  const double eta = elapsed * (1.0 / fraction_flops - 1.0);
  std::fprintf(stderr, "\r%s: %5.1f%% of columns, %.2f Gflop/s, ETA %.0f s   ", label_.c_str(),
               percent_columns, gflops, eta);
  std::fflush(stderr);
  printed_ = true;
}

void ProgressMeter::finish() {
  if (printed_) std::fprintf(stderr, "\r%*s\r", 72, "");
  printed_ = false;
}

}  // namespace bramble
