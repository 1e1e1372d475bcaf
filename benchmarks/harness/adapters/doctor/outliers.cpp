#include "adapters/doctor/outliers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace bramble::doctor {

double median(std::vector<double> values) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

std::vector<Outlier> outliers(const std::vector<double>& values, Better better, double factor,
                              double min_difference) {
  std::vector<Outlier> found;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i])) continue;
    std::vector<double> peers;
    for (std::size_t j = 0; j < values.size(); ++j)
      if (j != i && !std::isnan(values[j])) peers.push_back(values[j]);
    if (peers.empty()) continue;
    const double reference = median(peers);
    const bool worse = better == Better::higher ? values[i] * factor < reference : values[i] > reference * factor;
    if (worse && std::fabs(values[i] - reference) >= min_difference) found.push_back({static_cast<int>(i), values[i], reference});
  }
  return found;
}

std::string figure_text(double value) {
  if (std::isnan(value)) return "-";
  const double size = std::fabs(value);
  const int decimals = size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace bramble::doctor
