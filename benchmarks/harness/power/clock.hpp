#pragma once
// The two clocks every power sample and phase edge carries: CLOCK_MONOTONIC for
// integration (it never steps) and CLOCK_REALTIME to line samples up with logs written by
// other machines (a meter's CSV).
#include <ctime>

namespace bramble::power {

struct Instant {
  double mono = 0;
  double real = 0;
};

inline Instant now() {
  timespec m{}, r{};
  clock_gettime(CLOCK_MONOTONIC, &m);
  clock_gettime(CLOCK_REALTIME, &r);
  return {double(m.tv_sec) + 1e-9 * double(m.tv_nsec), double(r.tv_sec) + 1e-9 * double(r.tv_nsec)};
}

}  // namespace bramble::power
