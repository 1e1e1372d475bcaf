#pragma once
// RAPL through Linux powercap: /sys/class/powercap/intel-rapl:N/energy_uj for every package
// zone (found by its `name` file, "package-N"; Intel and AMD Zen/EPYC since kernel 5.11).
// Sub-zones are ignored: on AMD the `core` zone is one core, not a sum. Packages are added.
#include <memory>
#include <string>
#include <vector>

#include "power/sources/power_source.hpp"
#include "power/sources/wrapping_counter.hpp"

namespace bramble::power {

class RaplSource : public PowerSource {
 public:
  // `root` prefixes /sys (tests pass a fake tree). Throws PowerError if there is no package
  // zone, or if one cannot be read (since 2020 energy_uj is root-only: the message says so).
  explicit RaplSource(const std::string& root = "");
  std::string kind() const override { return "rapl"; }
  std::string describe() const override;
  Scope scope() const override { return Scope::cpu_package; }
  Reading read() override;
  int wraps() const override;

  // True if `root` has at least one RAPL package zone (readable or not).
  static bool present(const std::string& root = "");

 private:
  struct Zone {
    std::string dir, name;
    WrappingCounter counter;
  };
  std::vector<Zone> zones_;
};

}  // namespace bramble::power
