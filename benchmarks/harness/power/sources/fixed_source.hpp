#pragma once
// A declared nominal wattage (e.g. a Pi 5's 7.5 W under load from its datasheet): not a
// measurement, and marked as an estimate wherever it is reported.
#include <cstdio>
#include <string>

#include "power/sources/power_source.hpp"

namespace bramble::power {

class FixedSource : public PowerSource {
 public:
  explicit FixedSource(double watts) : watts_(watts) {
    if (!(watts > 0)) throw PowerError("fixed power must be a positive number of watts");
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
