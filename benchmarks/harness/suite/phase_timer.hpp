#pragma once
// Wall time per phase on this rank, for any kernel that reports phases through a
// PhaseObserver (kernels/common/phase_scope.hpp).
#include <mpi.h>

#include <vector>

#include "common/phase_scope.hpp"

namespace bramble {

template <class Phase, class Base = PhaseObserver<Phase>>
class PhaseTimer : public Base {
 public:
  explicit PhaseTimer(int phases) : seconds_(static_cast<std::size_t>(phases)), started_(seconds_) {}
  void begin(Phase p) override { started_[index(p)] = MPI_Wtime(); }
  void end(Phase p) override { seconds_[index(p)] += MPI_Wtime() - started_[index(p)]; }
  const std::vector<double>& seconds() const { return seconds_; }

 private:
  static std::size_t index(Phase p) { return static_cast<std::size_t>(p); }
  std::vector<double> seconds_, started_;
};

}  // namespace bramble
