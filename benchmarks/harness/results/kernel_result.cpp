#include "results/kernel_result.hpp"

#include <algorithm>

namespace bramble {

double KernelResult::best_seconds() const {
  return rep_seconds.empty() ? 0.0 : *std::min_element(rep_seconds.begin(), rep_seconds.end());
}

}  // namespace bramble
