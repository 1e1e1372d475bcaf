#pragma once
// A declared nominal wattage (e.g. a Pi 5's 7.5 W under load from its datasheet): not a
// measurement, and marked as an estimate wherever it is reported.
#include <cmath>
#include <cstdio>
#include <string>

#include "power/sources/power_source.hpp"

namespace bramble::power {

class FixedSource : public PowerSource {
 public:
  // Up to a megawatt: beyond any node, and far enough from overflow that energies (watts x
  // seconds, summed over nodes) stay finite. Infinity or NaN here became NaN energy.
  static constexpr double kMaxWatts = 1e6;

  explicit FixedSource(double watts) : watts_(watts) {
    if (!(std::isfinite(watts) && watts > 0 && watts <= kMaxWatts))
      throw PowerError("fixed power must be a finite number of watts above 0 and at most 1000000");
  }
  std::string kind() const override { return "fixed"; }
  std::string describe() const override {
    char buf[80];
    std::snprintf(buf, sizeof buf, "declared %g W (estimate, not measured)", watts_);
    return buf;
  }
  Scope scope() const override { return Scope::estimate; }
  Reading read() override { return Reading{false, 0, watts_}; }

 private:
  double watts_;
};

}  // namespace bramble::power
