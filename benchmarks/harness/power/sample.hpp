#pragma once
// One reading of a node's power and health, as the sampler takes it. Times are seconds on the
// node's CLOCK_MONOTONIC (for integration: it never jumps) and CLOCK_REALTIME (to line up
// with external logs). Unknown values are NaN (or -1 for the throttle word), never 0,
// so a missing sensor cannot pass for a cold, stopped CPU.
#include <cmath>
#include <cstdint>
#include <limits>

namespace bramble::power {

inline constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

struct Sample {
  double t_mono = 0;
  double t_real = 0;
  bool ok = false;            // false: the source could not be read at this time
  double watts = kUnknown;    // instantaneous sources
  double joules = kUnknown;   // cumulative sources: running total since the sampler started
  double temp_c = kUnknown;   // hottest CPU thermal zone
  double clock_mhz = kUnknown;  // mean current clock over the CPUs
  std::int64_t throttled = -1;  // Raspberry Pi throttle word; -1 where there is none
};

// Raspberry Pi get_throttled bits: "now" in 0-3, "has occurred since boot" in 16-19.
inline constexpr std::int64_t kUnderVoltage = 1 << 0;
inline constexpr std::int64_t kFrequencyCapped = 1 << 1;
inline constexpr std::int64_t kThrottled = 1 << 2;
inline constexpr std::int64_t kSoftTempLimit = 1 << 3;
inline constexpr std::int64_t kThrottleNowMask = 0xF;

}  // namespace bramble::power
