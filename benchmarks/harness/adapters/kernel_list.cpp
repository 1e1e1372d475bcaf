#include "adapters/hpl/hpl_kernel.hpp"
#include "adapters/kernel_list.hpp"
#include "adapters/render/render_kernel.hpp"
#include "adapters/stencil/stencil_kernel.hpp"
#include "adapters/stream/stream_kernel.hpp"

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
