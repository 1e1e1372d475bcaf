#pragma once
// The harness side of the LU kernel's observer: per-phase wall time on this rank, and
// progress on rank 0.
#include <mpi.h>

#include <array>

#include "hpl/hpl_flops.hpp"
#include "hpl/lu_observer.hpp"
#include "progress_meter.hpp"

namespace bramble {

class LuPhaseTimer : public hpl::LuObserver {
 public:
  explicit LuPhaseTimer(ProgressMeter* progress = nullptr) : progress_(progress) {}

  void begin(hpl::LuPhase phase) override { started_[index(phase)] = MPI_Wtime(); }
  void end(hpl::LuPhase phase) override {
    seconds_[index(phase)] += MPI_Wtime() - started_[index(phase)];
  }
  void columns_done(std::int64_t done, std::int64_t n) override {
    if (!progress_ || n <= 0) return;
    const double remaining = hpl::hpl_flops(n - done), total = hpl::hpl_flops(n);
    progress_->update(100.0 * double(done) / double(n), 1.0 - remaining / total);
  }
  const std::array<double, hpl::kLuPhaseCount>& seconds() const { return seconds_; }

 private:
  static std::size_t index(hpl::LuPhase p) { return static_cast<std::size_t>(p); }
  ProgressMeter* progress_;
  std::array<double, hpl::kLuPhaseCount> seconds_{}, started_{};
};

}  // namespace bramble
