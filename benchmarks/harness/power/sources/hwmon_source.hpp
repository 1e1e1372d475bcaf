#pragma once
// A hwmon device (/sys/class/hwmon/hwmonN, found by its `name` file, since the numbering
// changes between boots): its cumulative `energy1_input` (uJ) if it has one, else
// `power1_input` or `power1_average` (uW), which the sampler integrates. INA219/INA226/INA260
// current sensors on a Pi 4 appear this way (kernel driver ina2xx).
#include <string>

#include "power/sources/power_source.hpp"
#include "power/sources/wrapping_counter.hpp"

namespace bramble::power {

class HwmonSource : public PowerSource {
 public:
  // `name`: the device's name file; `scope`: what the sensor measures (the kernel can't say,
  // so it is someone's word: Scope::wall is kept as Scope::wall_declared).
  HwmonSource(const std::string& name, Scope scope, const std::string& root = "");
  std::string kind() const override { return "hwmon"; }
  std::string describe() const override { return file_ + (energy_ ? " (uJ, cumulative)" : " (uW)"); }
  Scope scope() const override { return scope_; }
  Reading read() override;

 private:
  std::string file_;
  bool energy_ = false;
  Scope scope_;
  WrappingCounter counter_{0};  // no published range: a decrease is a reset
};

}  // namespace bramble::power
