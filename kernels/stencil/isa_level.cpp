#include "stencil/isa_level.hpp"

#include <stdexcept>
#include <string>

namespace bramble::stencil {

const char* isa_name(IsaLevel level) {
  switch (level) {
    case IsaLevel::x86_64_v3: return "x86-64-v3";
    case IsaLevel::x86_64_v4: return "x86-64-v4";
    default: break;
  }
#if defined(__x86_64__)
  return "x86-64";
#elif defined(__aarch64__)
  return "aarch64";
#else
  return "baseline";
#endif
}

bool cpu_supports(IsaLevel level) {
  if (level == IsaLevel::baseline) return true;
#if defined(__x86_64__)
  // GCC's level names check every feature of the level and that the OS saves the vector
  // state (XGETBV), from libgcc's CPU model, which GCC's own target_clones resolvers read
  // too. The names must be literals, hence the two calls.
  __builtin_cpu_init();
  if (level == IsaLevel::x86_64_v3) return __builtin_cpu_supports("x86-64-v3");
  return __builtin_cpu_supports("x86-64-v4");
#else
  return false;
#endif
}

void require_cpu_supports(IsaLevel level) {
  if (!cpu_supports(level))
    throw std::invalid_argument(std::string("this CPU cannot run the stencil update compiled for ") + isa_name(level));
}

IsaLevel best_isa_level() {
  IsaLevel best = IsaLevel::baseline;
  for (IsaLevel level : kIsaLevels)  // from the lowest up
    if (cpu_supports(level)) best = level;
  return best;
}

}  // namespace bramble::stencil
