#pragma once
// A declared nominal wattage (e.g. a Pi 5's 7.5 W under load from its datasheet): not a
// measurement, and marked as an estimate wherever it is reported. `fixed:LOAD:IDLE` also
// declares the idle figure, which the idle baseline then takes (what `bramble compare
// --duty` needs), instead of the load figure it would otherwise read.
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "power/sources/power_source.hpp"

namespace bramble::power {

class FixedSource : public PowerSource {
 public:
  // Up to a megawatt: beyond any node, and far enough from overflow that energies (watts x
  // seconds, summed over nodes) stay finite. Infinity or NaN here became NaN energy.
  static constexpr double kMaxWatts = 1e6;

  explicit FixedSource(double watts, std::optional<double> idle_watts = std::nullopt)
      : watts_(watts), idle_watts_(idle_watts) {
    if (!(std::isfinite(watts) && watts > 0 && watts <= kMaxWatts))
      throw PowerError("fixed power must be a finite number of watts above 0 and at most 1000000");
    if (idle_watts && !(std::isfinite(*idle_watts) && *idle_watts > 0 && *idle_watts <= watts))
      throw PowerError("fixed:LOAD:IDLE needs an idle figure above 0 and at most the load figure");
  }
  std::string kind() const override { return "fixed"; }
  std::string describe() const override {
    char buf[80];
    if (idle_watts_) std::snprintf(buf, sizeof buf, "declared %g W, idle %g W (estimate, not measured)", watts_, *idle_watts_);
    else std::snprintf(buf, sizeof buf, "declared %g W (estimate, not measured)", watts_);
    return buf;
  }
  Scope scope() const override { return Scope::estimate; }
  Reading read() override { return Reading{false, 0, watts_}; }
  std::optional<double> declared_idle_watts() const override { return idle_watts_; }

 private:
  double watts_;
  std::optional<double> idle_watts_;
};

}  // namespace bramble::power
