#pragma once
// The figures a reader wants first from a kernel record, in one place for every reporter:
// the power scope that covers every node (wall, wall-model, wall-declared, board, cpu-package,
// estimate; power/scope.hpp), its watts and joules, and work per watt.
#include <optional>
#include <string>

#include "results/model.hpp"

namespace bramble {

struct HeadlinePower {
  std::string scope;              // "wall", "wall-model", "wall-declared", "board", "cpu-package", "estimate"
  double watts = 0, joules = 0;   // summed over the scope's meters, over the timed phase, with extra_watts
  double extra_watts = 0;         // declared shared gear (--power-extra) within watts, joules and idle_watts
  double idle_watts = 0;          // NaN without a baseline
  double per_watt = 0;            // work per joule, in per_watt_unit
  double per_watt_above_idle = 0; // NaN without a baseline
  std::string per_watt_unit;      // "Gflop/s/W", "GB/s/W" ...
  bool green500_valid = false;
};

// Nullopt where no scope's meters cover every node (or nothing was measured).
std::optional<HeadlinePower> headline_power(const KernelRecord& k);

// The work behind the per-watt figure: the kernel's phase work, else its figure of merit.
std::string per_watt_work_name(const KernelResult& r);

}  // namespace bramble
