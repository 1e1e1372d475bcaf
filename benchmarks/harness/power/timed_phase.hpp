#pragma once
// The suite's ear on a kernel's timed phase: told when each timed stretch starts and stops
// (power is integrated over exactly those windows) and asked whether the phase should go on
// (--min-phase-seconds). Calls happen on every rank, right after a barrier.
namespace bramble {

class TimedPhaseListener {
 public:
  virtual ~TimedPhaseListener() = default;
  virtual void started() = 0;
  virtual void stopped() = 0;
  virtual bool wants_more() = 0;  // collective; the same answer on every rank
};

}  // namespace bramble
