#include "hpl_kernel.hpp"
#include "kernel_registry.hpp"

namespace bramble {

std::vector<std::unique_ptr<Kernel>> all_kernels() {
  std::vector<std::unique_ptr<Kernel>> kernels;
  kernels.push_back(std::make_unique<HplKernel>());
  return kernels;
}

}  // namespace bramble
