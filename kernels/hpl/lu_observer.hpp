#pragma once
// How a kernel tells its caller where it is, without knowing about clocks, files or power.
// The harness implements this interface to time phases and show progress; tests use the
// no-op default.
#include <cstdint>

namespace bramble::hpl {

enum class LuPhase { panel_factor, panel_broadcast, row_swap, trailing_update, solve };
inline constexpr int kLuPhaseCount = 5;
inline constexpr const char* kLuPhaseNames[kLuPhaseCount] = {
    "panel_factor", "panel_broadcast", "row_swap", "trailing_update", "solve"};

class LuObserver {
 public:
  virtual ~LuObserver() = default;
  virtual void begin(LuPhase) {}
  virtual void end(LuPhase) {}
  // Called on every rank after each panel step: `done` of `n` columns are factored.
  virtual void columns_done(std::int64_t /*done*/, std::int64_t /*n*/) {}
};

// Brackets a phase for the lifetime of the object.
class PhaseScope {
 public:
  PhaseScope(LuObserver& obs, LuPhase phase) : obs_(obs), phase_(phase) { obs_.begin(phase_); }
  ~PhaseScope() { obs_.end(phase_); }
  PhaseScope(const PhaseScope&) = delete;
  PhaseScope& operator=(const PhaseScope&) = delete;

 private:
  LuObserver& obs_;
  LuPhase phase_;
};

}  // namespace bramble::hpl
