#pragma once
// What a node's samples say about one stretch of time (a kernel's timed phase, the idle
// baseline): energy, power, temperature, clocks, throttling. Pure arithmetic on samples, so
// tests feed it samples with made-up times and get exact joules.
//
// Energy: a cumulative counter is interpolated linearly at the window's edges and
// differenced; an instantaneous power is integrated by the trapezoid rule, interpolated at
// the edges. Nothing is extrapolated: the part of the window outside the samples is
// reported as uncovered, not guessed.
#include <cstdint>
#include <string>
#include <vector>

#include "power/sample.hpp"

namespace bramble::power {

struct Window {
  double t0 = 0, t1 = 0;  // CLOCK_MONOTONIC seconds
};

struct WindowStats {
  double seconds = 0;      // total length of the windows
  double covered = 0;      // seconds of it that lie between two good samples
  double joules = 0;
  double mean_watts = kUnknown;  // joules / covered
  double min_watts = kUnknown, max_watts = kUnknown;  // over samples (or counter steps) inside
  int samples = 0;         // good samples inside the windows
  int failed = 0;          // failed readings from the first window's start to the last one's end
  double interval = kUnknown;    // mean time between samples inside
  double temp_start = kUnknown, temp_end = kUnknown, temp_max = kUnknown;
  double clock_start = kUnknown, clock_end = kUnknown, clock_min = kUnknown;
  std::int64_t throttled = -1;   // OR of the throttle words seen inside (-1: none read)
  double longest_repeat = 0;     // seconds the reading stayed exactly the same (stale source?)
  bool cumulative = false;       // from an energy counter (else from power readings)
};

// Statistics over the union of `windows` (which must not overlap), from samples in time order.
WindowStats window_stats(const std::vector<Sample>& samples, const std::vector<Window>& windows,
                         bool cumulative);

// Words for a throttle word's "now" bits, e.g. "under-voltage, throttled"; "" for none.
std::string throttle_text(std::int64_t word);

}  // namespace bramble::power
