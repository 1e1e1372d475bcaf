#include "comparison/yearly_model.hpp"

#include <cmath>

namespace bramble {

std::string work_unit(const std::string& rate_unit) {
  if (rate_unit.size() > 2 && rate_unit.compare(rate_unit.size() - 2, 2, "/s") == 0)
    return rate_unit.substr(0, rate_unit.size() - 2);
  return rate_unit + "*s";
}

YearlyModel yearly_model(double duty, double price_kwh, double load_watts, double idle_watts, double rate) {
  YearlyModel y;
  const double nan = std::nan("");
  y.average_watts = y.kwh_per_year = y.cost_per_year = y.work_per_kwh = nan;
  if (std::isnan(load_watts)) y.missing = "no load power measured";
  else if (std::isnan(idle_watts) && duty < 1) y.missing = "no idle power measured (run with a power source and --idle-seconds)";
  if (!y.missing.empty()) return y;
  y.average_watts = duty * load_watts + (duty < 1 ? (1 - duty) * idle_watts : 0.0);
  y.kwh_per_year = kHoursPerYear / 1000.0 * y.average_watts;
  if (!std::isnan(price_kwh)) y.cost_per_year = y.kwh_per_year * price_kwh;
  const double busy_seconds = duty * kHoursPerYear * 3600.0;
  if (y.kwh_per_year > 0) y.work_per_kwh = rate * busy_seconds / y.kwh_per_year;
  return y;
}

}  // namespace bramble
