#include "hpl_kernel.hpp"
#include "kernel_registry.hpp"
#include "render_kernel.hpp"
#include "stencil_kernel.hpp"
#include "stream_kernel.hpp"

namespace bramble {

std::vector<std::unique_ptr<Kernel>> all_kernels() {
  std::vector<std::unique_ptr<Kernel>> kernels;
  kernels.push_back(std::make_unique<HplKernel>());
  kernels.push_back(std::make_unique<StreamKernel>());
  kernels.push_back(std::make_unique<StencilKernel>());
  kernels.push_back(std::make_unique<RenderKernel>());
  return kernels;
}

}  // namespace bramble
