#pragma once
// HPL's operation count for solving a dense N x N system: 2/3 N^3 + 3/2 N^2.
#include <cstdint>

namespace bramble::hpl {
inline double hpl_flops(std::int64_t n) {
  const double d = static_cast<double>(n);
  return 2.0 / 3.0 * d * d * d + 1.5 * d * d;
}
}  // namespace bramble::hpl
