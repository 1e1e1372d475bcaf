#pragma once
// The harness side of the LU kernel's observer: per-phase wall time on this rank, and
// progress on rank 0.
#include "hpl/hpl_flops.hpp"
#include "hpl/lu_observer.hpp"
#include "suite/phase_timer.hpp"
#include "suite/progress_meter.hpp"

namespace bramble {

class LuPhaseTimer : public PhaseTimer<hpl::LuPhase, hpl::LuObserver> {
 public:
  explicit LuPhaseTimer(ProgressMeter* progress = nullptr)
      : PhaseTimer(hpl::kLuPhaseCount), progress_(progress) {}

  void columns_done(std::int64_t done, std::int64_t n) override {
    if (!progress_ || n <= 0) return;
    const double remaining = hpl::hpl_flops(n - done), total = hpl::hpl_flops(n);
    progress_->update(100.0 * double(done) / double(n), 1.0 - remaining / total);
  }

 private:
  ProgressMeter* progress_;
};

}  // namespace bramble
