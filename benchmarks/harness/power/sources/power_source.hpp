#pragma once
// Where a node's power figures come from. Every source reports what it measures (its
// scope, power/scope.hpp) so that totals never mix, say, a CPU package counter with a wall meter; and
// either a cumulative energy counter (RAPL, hwmon energy) or an instantaneous power
// (everything else), which the sampler integrates.
//
// Sources only read; sampler.hpp samples them on a thread and window_stats.hpp turns the
// samples into energy per phase.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "power/sample.hpp"
#include "power/scope.hpp"

namespace bramble::power {

// A source that cannot be read: the message names the file, command or URL, and the fix.
struct PowerError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Reading {
  bool cumulative = false;  // true: `joules` is a running total; false: `watts` is instantaneous
  double joules = 0;
  double watts = 0;
};

class PowerSource {
 public:
  virtual ~PowerSource() = default;
  virtual std::string kind() const = 0;        // "rapl", "fixed", ...
  virtual std::string describe() const = 0;    // what exactly is read, for the result file
  virtual Scope scope() const = 0;
  virtual Reading read() = 0;                  // throws PowerError
  virtual int wraps() const { return 0; }      // counter wraps seen so far
  // An idle figure declared rather than measured (fixed:LOAD:IDLE): the baseline takes it.
  virtual std::optional<double> declared_idle_watts() const { return std::nullopt; }

  // A source that keeps its own record (an external meter's log, stamped in unix time)
  // gives it here, placed on this node's CLOCK_MONOTONIC (`real_minus_mono` is
  // CLOCK_REALTIME - CLOCK_MONOTONIC): a phase's energy then comes from that record, read
  // after the phase, not from the sampler's readings. Throws PowerError.
  virtual std::optional<std::vector<Sample>> recorded(double /*real_minus_mono*/) const { return std::nullopt; }
};

}  // namespace bramble::power
