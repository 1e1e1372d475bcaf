#pragma once
// A year of a machine that is busy a fraction `duty` of the time and idle otherwise, the
// question behind low-power clusters: average W = d*P_load + (1-d)*P_idle,
// kWh per year = 8.76 x average W (8760 h / 1000), cost = kWh x price, and the work done
// in the busy hours per kWh. Without a measured idle figure there is no model: `missing`
// says what is missing instead of a guess.
#include <string>

namespace bramble {

inline constexpr double kHoursPerYear = 8760.0;

struct YearlyModel {
  double average_watts = 0, kwh_per_year = 0;
  double cost_per_year = 0;  // NaN without a price per kWh
  double work_per_kwh = 0;   // in the rate's unit times seconds (Gflop/s -> Gflop)
  std::string missing;       // "" when the model is complete
};

// `rate` is work per second while busy. `load_watts`/`idle_watts` NaN: not measured.
YearlyModel yearly_model(double duty, double price_kwh, double load_watts, double idle_watts, double rate);

// "Gflop/s" -> "Gflop", "GB/s" -> "GB", "Msamples/s" -> "Msamples"; otherwise "<unit>*s".
std::string work_unit(const std::string& rate_unit);

}  // namespace bramble
