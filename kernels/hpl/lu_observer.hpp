#pragma once
// The LU kernel's phases and progress, reported to whoever runs it (see common/phase_scope.hpp).
#include <cstdint>

#include "common/phase_scope.hpp"

namespace bramble::hpl {

enum class LuPhase { panel_factor, panel_broadcast, row_swap, trailing_update, solve };
inline constexpr int kLuPhaseCount = 5;
inline constexpr const char* kLuPhaseNames[kLuPhaseCount] = {
    "panel_factor", "panel_broadcast", "row_swap", "trailing_update", "solve"};

class LuObserver : public PhaseObserver<LuPhase> {
 public:
  // Called on every rank after each panel step: `done` of `n` columns are factored.
  virtual void columns_done(std::int64_t /*done*/, std::int64_t /*n*/) {}
};

using PhaseScope = bramble::PhaseScope<LuPhase>;

}  // namespace bramble::hpl
