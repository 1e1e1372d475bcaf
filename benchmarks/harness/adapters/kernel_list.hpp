#pragma once
// Every kernel bramble knows, in the order `bramble run all` runs them. A new kernel is one
// folder beside hpl/, stream/, stencil/ and render/, and one line in kernel_list.cpp.
#include <memory>
#include <vector>

#include "suite/kernel.hpp"

namespace bramble {

std::vector<std::unique_ptr<Kernel>> all_kernels();

}  // namespace bramble
