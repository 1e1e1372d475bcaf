#pragma once
// A hardware energy counter that wraps (RAPL's energy_uj wraps at max_energy_range_uj, on
// EPYC within minutes at full load) turned into a running total. The kernel does not
// accumulate across wraps, so this must see the counter at least once per wrap period:
// a reading below the previous one means exactly one wrap happened in between.
#include <cstdint>

namespace bramble::power {

class WrappingCounter {
 public:
  // range 0: the wrap point is unknown (hwmon energy), so a decrease means the counter was
  // reset (a driver reload) and counting restarts from zero.
  explicit WrappingCounter(std::uint64_t range) : range_(range) {}
  // Feeds a raw reading; returns the total counted since the first reading.
  std::uint64_t update(std::uint64_t raw) {
    if (!started_) {
      started_ = true;
    } else if (raw >= last_) {
      total_ += raw - last_;
    } else if (range_ == 0) {
      total_ += raw;
      ++wraps_;
    } else {
      total_ += raw + range_ - last_;
      ++wraps_;
    }
    last_ = raw;
    return total_;
  }
  std::uint64_t total() const { return total_; }
  int wraps() const { return wraps_; }

 private:
  std::uint64_t range_;
  std::uint64_t last_ = 0, total_ = 0;
  bool started_ = false;
  int wraps_ = 0;
};

}  // namespace bramble::power
