#include "power/scope.hpp"

namespace bramble::power {

const char* scope_name(Scope s) {
  switch (s) {
    case Scope::cpu_package: return "cpu-package";
    case Scope::board: return "board";
    case Scope::wall: return "wall";
    case Scope::wall_model: return "wall-model";
    case Scope::wall_declared: return "wall-declared";
    default: return "estimate";
  }
}

bool measured_at_wall(const std::string& scope) { return scope == scope_name(Scope::wall); }

std::string not_wall_reason(const std::string& scope) {
  if (measured_at_wall(scope)) return "";
  if (scope == scope_name(Scope::wall_model))
    return "wall-model: board power through a fitted model, not measured at the wall";
  if (scope == scope_name(Scope::wall_declared))
    return "wall-declared: a sensor labelled wall by the user, which bramble cannot check";
  if (scope == scope_name(Scope::estimate)) return "estimate: a declared wattage, nothing measured";
  return scope + ": not wall power";
}

}  // namespace bramble::power
