#pragma once
// A log written by any external meter (USB-C meter, PoE switch, a Kill-A-Watt read by hand):
// CSV lines `unix_time_s,watts`, '#' comments and an optional header line. After a run, the
// energy of each phase is the trapezoid integral of the log over the phase's wall-clock
// window (CLOCK_REALTIME), interpolating at the window's edges.
#include <string>
#include <vector>

#include "power/sources/power_source.hpp"

namespace bramble::power {

struct MeterPoint {
  double t = 0, watts = 0;
};

// Throws PowerError naming the source and line of the first bad line, or if the times do
// not increase.
std::vector<MeterPoint> parse_meter_log(const std::string& text, const std::string& source);

struct WindowEnergy {
  double joules = 0;
  int samples = 0;           // log points inside the window
  double covered_from = 0;   // part of the window the log covers
  double covered_to = 0;
};

// `meter-log:FILE` as a source. It reads the log once when made (a missing or broken log
// fails before any kernel runs); each read() is the log's newest complete line, for the
// time series; the energy of each phase comes from the whole log, read after the phase.
class MeterLogSource : public PowerSource {
 public:
  explicit MeterLogSource(std::string path);
  std::string kind() const override { return "meter-log"; }
  std::string describe() const override;
  Scope scope() const override { return Scope::wall; }
  Reading read() override;
  std::optional<std::vector<Sample>> recorded(double real_minus_mono) const override;

 private:
  std::string path_;
};

// The log's complete lines (the meter may be writing its next line now). Throws PowerError.
std::vector<MeterPoint> read_meter_log(const std::string& path);

// Energy over [t0, t1]. The part of the window outside the log is not counted (see
// covered_from/covered_to): nothing is extrapolated.
WindowEnergy integrate(const std::vector<MeterPoint>& log, double t0, double t1);

}  // namespace bramble::power
