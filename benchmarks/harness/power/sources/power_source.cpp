#include "power/sources/power_source.hpp"

namespace bramble::power {

const char* scope_name(Scope s) {
  switch (s) {
    case Scope::cpu_package: return "cpu-package";
    case Scope::board: return "board";
    case Scope::wall: return "wall";
    default: return "estimate";
  }
}

}  // namespace bramble::power
