#pragma once
// Frozen reference: the same heat-equation steps on one process, with one plain loop per
// step over a global array. Deliberately simple; do not optimise. Tests require the
// distributed solver to match it bit for bit.
#include <cstdint>
#include <vector>

namespace bramble::stencil {

// Returns the interior after `steps` steps from the sine mode, x fastest, then y, then z.
std::vector<double> reference_run(int dims, int radius, std::int64_t nx, std::int64_t ny,
                                  std::int64_t nz, std::int64_t steps);

}  // namespace bramble::stencil
