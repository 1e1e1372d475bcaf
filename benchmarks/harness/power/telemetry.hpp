#pragma once
// A node's health, read next to its power: the hottest CPU thermal zone, the mean current
// clock, and on a Raspberry Pi the firmware's throttle word. Whatever is missing reads as
// unknown (a VM has no thermal zones and often no cpufreq): telemetry never fails a run.
//
// Paths are found once, at construction, so each sample is a few small file reads.
#include <cstdint>
#include <string>
#include <vector>

namespace bramble::power {

struct Health {
  double temp_c;
  double clock_mhz;
  std::int64_t throttled;  // -1: no throttle word on this node
};

class TelemetryReader {
 public:
  // `root` prefixes /sys and /proc (tests pass a fake tree).
  explicit TelemetryReader(const std::string& root = "");
  Health read() const;
  std::string describe() const;  // which files are read, for the result file

 private:
  std::vector<std::string> thermal_;   // thermal_zone*/temp and hwmon temp*_input of CPU sensors
  std::vector<std::string> cpufreq_;   // cpu*/cpufreq/scaling_cur_freq
  std::string cpuinfo_;                // /proc/cpuinfo "cpu MHz" when there is no cpufreq
  std::string throttle_;               // soc:firmware/get_throttled
};

}  // namespace bramble::power
