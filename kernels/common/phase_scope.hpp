#pragma once
// How a kernel tells its caller which phase it is in, without knowing about clocks: the
// kernel brackets phases; the harness's observer times them (tests pass a no-op one).
namespace bramble {

template <class Phase>
class PhaseObserver {
 public:
  virtual ~PhaseObserver() = default;
  virtual void begin(Phase) {}
  virtual void end(Phase) {}
};

// Brackets a phase for the lifetime of the object.
template <class Phase>
class PhaseScope {
 public:
  PhaseScope(PhaseObserver<Phase>& obs, Phase phase) : obs_(obs), phase_(phase) { obs_.begin(phase_); }
  ~PhaseScope() { obs_.end(phase_); }
  PhaseScope(const PhaseScope&) = delete;
  PhaseScope& operator=(const PhaseScope&) = delete;

 private:
  PhaseObserver<Phase>& obs_;
  Phase phase_;
};

}  // namespace bramble
